"""A live session on an event: who takes part, their questions and upvotes, the organiser's
polls and the votes cast in them.

Counts are never stored: a question's votes and a poll's results are counted from the vote rows
(one row per person and question, per person, poll and chosen option, unique in the database),
so a retried or repeated vote cannot count twice. `Poll.version` grows with every ballot, so a
screen that receives two result frames out of order keeps the newer one.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import ResidentRecord

MAX_QUESTION_LENGTH = 280
MAX_HIDE_REASON = 200
MIN_OPTIONS = 2
MAX_OPTIONS = 8
# No 0/O, 1/I/L: a code read aloud from a projector or typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_screen_key() -> str:
    return secrets.token_urlsafe(24)


class Audience(models.TextChoices):
    RESIDENTS = "residents", _("Logged-in residents only")
    EVERYONE = "everyone", _("Also guests without an account")


class SessionState(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class LiveSession(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="live_sessions",
    )
    title = models.CharField(_("title"), max_length=120)
    code = models.CharField(_("join code"), max_length=CODE_LENGTH, unique=True)
    screen_key = models.CharField(_("presenter screen key"), max_length=40, unique=True)
    audience = models.CharField(
        _("who may take part"), max_length=12, choices=Audience.choices, default=Audience.EVERYONE
    )
    premoderated = models.BooleanField(
        _("questions are approved before they are shown"), default=False
    )
    state = models.CharField(
        _("state"), max_length=12, choices=SessionState.choices, default=SessionState.PREPARING
    )
    on_screen = models.ForeignKey(
        "livesessions.Question",
        verbose_name=_("question on screen now"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderators"),
        blank=True,
        related_name="moderated_live_sessions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.code})"

    @property
    def is_open(self) -> bool:
        return self.state == SessionState.OPEN

    @property
    def is_closed(self) -> bool:
        return self.state == SessionState.CLOSED

    @property
    def allows_guests(self) -> bool:
        return self.audience == Audience.EVERYONE

    @property
    def topic(self) -> str:
        """What every screen of the session hears: approved questions, votes, polls."""
        return f"livesession:{self.pk}"

    @property
    def moderator_topic(self) -> str:
        """What only the moderators hear as well: questions waiting for approval, hidden ones."""
        return f"livesession:{self.pk}:moderators"


class Participant(ResidentRecord):
    """One person in one session: an account, or a guest's device. A guest is known only by a
    hash of the random key in their signed cookie; nothing personal is stored."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="live_participations",
    )
    guest_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(user__isnull=False),
                name="livesessions_one_participant_per_user",
            ),
            models.UniqueConstraint(
                fields=["session", "guest_key"],
                condition=~Q(guest_key=""),
                name="livesessions_one_participant_per_guest",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_key=""),
                name="livesessions_participant_is_someone",
            ),
        ]

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    VISIBLE = "visible", _("Shown")
    ANSWERED = "answered", _("Answered")
    HIDDEN = "hidden", _("Hidden")
    MERGED = "merged", _("Merged into another question")


SHOWN = [QuestionStatus.VISIBLE, QuestionStatus.ANSWERED]


class Question(ResidentRecord):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="questions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="questions")
    body = models.CharField(_("question"), max_length=MAX_QUESTION_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.VISIBLE
    )
    hidden_reason = models.CharField(_("reason for hiding"), max_length=MAX_HIDE_REASON, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # A resent question (a retry after a reconnect) is the same question.
            models.UniqueConstraint(
                fields=["participant", "client_id"],
                condition=Q(client_id__isnull=False),
                name="livesessions_question_once_per_client_id",
            )
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self):
        return self.body[:60]

    @property
    def is_shown(self) -> bool:
        return self.status in SHOWN


class QuestionVote(ResidentRecord):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="question_votes"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "participant"], name="livesessions_one_upvote"
            )
        ]


class PollKind(models.TextChoices):
    SINGLE = "single", _("Choose one")
    MULTIPLE = "multiple", _("Choose one or more")


class PollState(models.TextChoices):
    READY = "ready", _("Ready")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Poll(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("poll question"), max_length=MAX_QUESTION_LENGTH)
    kind = models.CharField(
        _("kind"), max_length=10, choices=PollKind.choices, default=PollKind.SINGLE
    )
    results_after_close = models.BooleanField(
        _("show the results only after the poll closes"), default=False
    )
    state = models.CharField(
        _("state"), max_length=10, choices=PollState.choices, default=PollState.READY
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveBigIntegerField(default=0)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            # The organiser opens one poll at a time.
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(state="open"),
                name="livesessions_one_open_poll",
            )
        ]

    def __str__(self):
        return self.question[:60]

    @property
    def results_visible(self) -> bool:
        return self.state == PollState.CLOSED or not self.results_after_close


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(_("option"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


class PollVote(ResidentRecord):
    """One chosen option of one person's ballot. Changing a ballot replaces its rows."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="poll_votes"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "participant", "option"], name="livesessions_vote_once"
            )
        ]
