"""Who hears of what, and how: following, notices, their e-mail, summaries, unsubscribing.

A feature tells this module what happened (`notify`, `notify_followers`); this module decides,
per person, whether they get a notice (an active account that is not the one who acted), whether
and when it is mailed (their preference for the kind's group, and only to a verified address),
and tells their open pages the new unread count. The notices are written in the caller's
transaction (a constant number of queries, however many followers); the mail leaves through the
worker (notifications/tasks.py) after commit."""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, F, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Notification, User
from core.email import in_language_of, recipient_language, render_message
from core.errors import ServiceError
from core.links import absolute_url
from core.live import publish, user_topic
from notifications import topics
from notifications.kinds import GROUP_BY_CODE, GROUPS, KINDS, group_of
from notifications.models import DigestSent, EmailPreference, Follow, Frequency

log = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
ALL_GROUPS = "*"
DIGEST_HOUR = 7  # local time in Copenhagen: summaries leave after seven in the morning
DIGEST_LIMIT = 100  # notices listed in one summary (the rest: "and N more" with a link)
LOCAL = ZoneInfo("Europe/Copenhagen")


# Following -------------------------------------------------------------------------------


def follow(*, user, topic: str) -> Follow:
    if not user.is_authenticated:
        raise ServiceError("login", _("Log in to follow."), 403)
    if topic not in topics.describe([topic]):
        raise ServiceError("no_topic", _("That cannot be followed (any more)."), 404)
    followed, _created = Follow.objects.get_or_create(user=user, topic=topic)
    return followed


def unfollow(*, user, topic: str) -> int:
    if not user.is_authenticated or not topics.is_well_formed(topic):
        return 0
    deleted, _kinds = Follow.objects.filter(user=user, topic=topic).delete()
    return deleted


def follow_quietly(*, user, topic: str) -> None:
    """Commenting follows the debate, unless the person turned that off."""
    if user.is_authenticated and user.follow_debates_i_comment:
        Follow.objects.bulk_create([Follow(user=user, topic=topic)], ignore_conflicts=True)


def followed_topics(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Follow.objects.filter(user=user).values_list("topic", flat=True))


def following(user) -> list[tuple[Follow, topics.Topic | None]]:
    """What the person follows, described in the active language (None: gone or hidden)."""
    follows = list(Follow.objects.filter(user=user))
    described = topics.describe(f.topic for f in follows)
    return [(f, described.get(f.topic)) for f in follows]


def followers(topic_or_topics: str | Iterable[str]) -> QuerySet:
    wanted = [topic_or_topics] if isinstance(topic_or_topics, str) else list(topic_or_topics)
    return User.objects.filter(
        is_active=True, pk__in=Follow.objects.filter(topic__in=wanted).values("user_id")
    )


def after_commit(what: str, work: Callable[[], object], *, queued: tuple = ()) -> None:
    """Runs `work` (telling people of a write) once the surrounding transaction commits, in a
    transaction of its own. A failure is logged and lost: it never fails or undoes the write
    that caused it (a comment is posted, a page published, whatever happens to the notices).

    `queued` = (task, *arguments): where settings.NOTICES_IN_WORKER says so, the worker runs
    that task instead (it must do what `work` does); when the queue does not answer, `work`
    runs here after all."""

    def run():
        try:
            with transaction.atomic():
                work()
        except Exception:
            log.exception("notifications: could not tell people of %s", what)

    def queue():
        task, *arguments = queued
        try:
            task(*arguments)
        except Exception:
            log.warning("notifications: the queue is away; telling people of %s here", what)
            run()

    transaction.on_commit(queue if queued and settings.NOTICES_IN_WORKER else run)


# Preferences -----------------------------------------------------------------------------


def preferences(user) -> dict[str, str]:
    """The person's e-mail frequency for each group (the default where they chose none)."""
    chosen = dict(
        EmailPreference.objects.filter(user=user).values_list("group", "frequency")
        if user.is_authenticated
        else []
    )
    return {group.code: chosen.get(group.code, group.default) for group in GROUPS}


def preferences_set(*, user, frequencies: dict[str, str]) -> None:
    valid = set(Frequency.values)
    with transaction.atomic():
        for code, frequency in frequencies.items():
            if code not in GROUP_BY_CODE or frequency not in valid:
                raise ServiceError("bad_preference", _("Choose one of the options."), 400)
            EmailPreference.objects.update_or_create(
                user=user, group=code, defaults={"frequency": frequency}
            )


def email_settings_save(*, user, frequencies: dict[str, str], follow_debates_i_comment: bool):
    """The e-mail settings page: a frequency per group, and whether commenting follows."""
    with transaction.atomic():
        preferences_set(user=user, frequencies=frequencies)
        if user.follow_debates_i_comment != follow_debates_i_comment:
            user.follow_debates_i_comment = follow_debates_i_comment
            user.save(update_fields=["follow_debates_i_comment"])


def _frequencies(user_ids: list[int], group) -> dict[int, str]:
    chosen = dict(
        EmailPreference.objects.filter(user_id__in=user_ids, group=group.code).values_list(
            "user_id", "frequency"
        )
    )
    return {pk: chosen.get(pk, group.default) for pk in user_ids}


def _verified(user_ids: list[int]) -> set[int]:
    """Those whose address on the account is verified: mail goes nowhere else."""
    return set(
        EmailAddress.objects.filter(
            user_id__in=user_ids, verified=True, email__iexact=F("user__email")
        ).values_list("user_id", flat=True)
    )


# Notices ---------------------------------------------------------------------------------


def _render(template: str, context: dict) -> tuple[str, str]:
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context).strip()
    return subject[:200], body


def notify(
    users: Iterable,
    *,
    kind: str,
    template: str,
    context: dict | None = None,
    topic: str = "",
    link: Callable[[], str] | str = "",
    topic_title: Callable[[], str] | str = "",
    actor=None,
) -> list[Notification]:
    """A notice for each active person in `users` but the `actor`, its text rendered once per
    language from `<template>_subject.txt` and `_body.txt` (plain text, no names of the people
    told: the same words go to all). `link` and `topic_title` may be callables, called in each
    language (page links then lead to the reader's translation). Queries: a handful, whatever
    the number of people."""
    group = group_of(kind)
    people = [
        user
        for user in _as_users(users)
        if user.is_active and (actor is None or user.pk != getattr(actor, "pk", actor))
    ]
    if not people:
        return []
    ids = [user.pk for user in people]
    frequencies = _frequencies(ids, group)
    verified = _verified(ids)
    by_language: dict[str, list] = defaultdict(list)
    for user in people:
        by_language[recipient_language(user)].append(user)
    now = timezone.now()
    rows = []
    for language, members in by_language.items():
        with in_language_of(None, language):
            subject, body = _render(template, context or {})
            url = absolute_url(link() if callable(link) else link)
            title = topic_title() if callable(topic_title) else topic_title
        for user in members:
            frequency = frequencies[user.pk]
            due = "" if frequency == Frequency.NEVER or user.pk not in verified else frequency
            rows.append(
                Notification(
                    user=user,
                    kind=kind,
                    subject=subject,
                    body=body,
                    link=url[:500],
                    topic=topic,
                    topic_title=str(title)[:200],
                    language=language,
                    mail_due=due,
                    created_at=now,
                )
            )
    created = Notification.objects.bulk_create(rows, batch_size=500)
    _after_commit(created)
    return created


def notify_collapsed(
    users: QuerySet,
    *,
    kind: str,
    template: str,
    topic: str,
    context: dict | None = None,
    link: Callable[[], str] | str = "",
    topic_title: Callable[[], str] | str = "",
    actor=None,
) -> tuple[int, list[Notification]]:
    """Like `notify`, for news that comes often (new comments in a followed debate): who still
    has an unread notice of this kind about this topic gets its count raised (one UPDATE, no new
    notice, no new mail); the others get a new notice. Returns (raised, created)."""
    unread = Notification.objects.filter(topic=topic, kind=kind, read_at__isnull=True)
    if actor is not None:
        users = users.exclude(pk=getattr(actor, "pk", actor))
    raised = unread.filter(user__in=users).update(count=F("count") + 1, created_at=timezone.now())
    # NOT IN (a hashed subplan: one pass over the topic's unread notices), not NOT EXISTS: for a
    # new topic PostgreSQL's statistics expect a row or two, and its nested-loop anti-join then
    # scans every unread notice of the topic once per follower (seconds for 2,000 followers).
    rest = users.exclude(pk__in=unread.values("user_id"))
    created = notify(
        rest,
        kind=kind,
        template=template,
        context=context,
        topic=topic,
        link=link,
        topic_title=topic_title,
    )
    return raised, created


def notify_followers(topic_or_topics, **kwargs) -> list[Notification]:
    topic = kwargs.pop("topic", topic_or_topics if isinstance(topic_or_topics, str) else "")
    return notify(followers(topic_or_topics), topic=topic, **kwargs)


def _as_users(users) -> list:
    if isinstance(users, QuerySet):
        return list(users.only("pk", "is_active", "preferred_language", "email"))
    return [user for user in users if user is not None]


def _after_commit(created: list[Notification]) -> None:
    if not created:
        return
    user_ids = sorted({n.user_id for n in created})
    to_mail = [n.pk for n in created if n.mail_due == Frequency.IMMEDIATELY]

    def tell():
        try:
            publish_unread(user_ids)
        except Exception:  # a live count is a nicety; the notices stand
            log.exception("notifications: could not publish unread counts")
        if to_mail:
            from notifications.tasks import mail_notices

            try:
                mail_notices(to_mail)
            except Exception:  # the queue is away: the hourly sweep mails them
                log.exception("notifications: could not queue %s mails", len(to_mail))

    transaction.on_commit(tell)


def unread_counts(user_ids: list[int]) -> dict[int, int]:
    counts = dict(
        Notification.objects.filter(user_id__in=user_ids, read_at__isnull=True)
        .values("user_id")
        .annotate(n=Count("pk"))
        .values_list("user_id", "n")
    )
    return {pk: counts.get(pk, 0) for pk in user_ids}


def publish_unread(user_ids: list[int]) -> None:
    """Every open page of these people shows their new unread count (core.live: the person's
    own topic; across processes when the hub runs on Redis)."""
    if len(user_ids) > 5000:  # a very large audience sees the count on its next page
        return
    for pk, count in unread_counts(user_ids).items():
        publish(user_topic(pk), {"type": "notifications.unread", "count": count})


def unread_first(user) -> QuerySet:
    return Notification.objects.filter(user=user).order_by(
        F("read_at").asc(nulls_first=True), "-created_at", "-id"
    )


def mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    notices = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        notices = notices.filter(pk__in=list(ids))
    changed = notices.update(read_at=timezone.now())
    if changed:
        transaction.on_commit(lambda: publish_unread([user.pk]))
    return changed


# E-mail ----------------------------------------------------------------------------------


def unsubscribe_token(user, group: str) -> str:
    return signing.dumps([user.pk, group], salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_read(token: str) -> tuple[User, str]:
    try:
        user_id, group = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.get(pk=int(user_id), is_active=True)
    except (signing.BadSignature, User.DoesNotExist, ValueError, TypeError) as error:
        raise ServiceError(
            "bad_link",
            _("This link does not work. Change your e-mail settings on your profile instead."),
            400,
        ) from error
    if group != ALL_GROUPS and group not in GROUP_BY_CODE and not group.startswith("@"):
        raise ServiceError("bad_link", _("This link does not work."), 400)
    return user, group


def unsubscribe(*, token: str) -> tuple[User, list[str]]:
    """Stops the mail the link was in: one group (`replies`), every group mailed at one
    frequency (`@daily`: a summary), or everything (`*`). Returns the groups now at never."""
    user, group = unsubscribe_read(token)
    current = preferences(user)
    if group == ALL_GROUPS:
        codes = list(current)
    elif group.startswith("@"):
        codes = [code for code, frequency in current.items() if frequency == group[1:]]
    else:
        codes = [group]
    preferences_set(user=user, frequencies=dict.fromkeys(codes, Frequency.NEVER))
    Notification.objects.filter(
        user=user, mailed_at__isnull=True, mail_due__in=[Frequency.DAILY, Frequency.WEEKLY]
    ).filter(kind__in=[kind for kind, code in KINDS.items() if code in codes]).update(mail_due="")
    return user, codes


def _send_with_unsubscribe(user, template: str, context: dict, group: str) -> None:
    """Renders and sends one notification mail in the person's language, with the signed
    unsubscribe link in its text and in the RFC 8058 headers (one-click unsubscribe)."""
    with in_language_of(user):
        url = absolute_url(
            reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user, group)})
        )
        message = render_message(
            user,
            template,
            {
                **context,
                "unsubscribe_url": url,
                "settings_url": absolute_url(reverse("notifications:settings")),
            },
        )
    message.extra_headers["List-Unsubscribe"] = f"<{url}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.send()


def mail_notices(notice_ids: list[int]) -> int:
    """Mails each notice due now that is not mailed yet (once: it is marked in the same
    transaction as the message enters the outbox). Returns how many were mailed."""
    sent = 0
    notices = (
        Notification.objects.filter(
            pk__in=notice_ids, mail_due=Frequency.IMMEDIATELY, mailed_at__isnull=True
        )
        .select_related("user")
        .order_by("pk")
    )
    notices = list(notices)
    verified = _verified(sorted({notice.user_id for notice in notices}))
    for notice in notices:
        user = notice.user
        if not user.is_active or user.pk not in verified:
            Notification.objects.filter(pk=notice.pk).update(mail_due="")
            continue
        with transaction.atomic():
            if not Notification.objects.filter(pk=notice.pk, mailed_at__isnull=True).update(
                mailed_at=timezone.now()
            ):
                continue
            _send_with_unsubscribe(
                user, "notifications/email/notice", {"notice": notice}, group_of(notice.kind).code
            )
        sent += 1
    return sent


def period_of(frequency: str, now: datetime) -> tuple[str, datetime]:
    """The summary period due at `now` and where it ends: a day's summary covers what came
    before seven that morning (Copenhagen time) and leaves from then; a week's covers what came
    before seven on Monday. A period is sent once, so what comes after seven waits for the next."""
    local = now.astimezone(LOCAL)
    if local.hour < DIGEST_HOUR:
        local -= timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        local -= timedelta(days=local.isocalendar()[2] - 1)
        year, week, _weekday = local.isocalendar()
        key = f"{year}-W{week:02d}"
    else:
        key = local.date().isoformat()
    cutoff = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return key, cutoff


def digest_recipients(frequency: str, now: datetime) -> QuerySet:
    return (
        Notification.objects.filter(mail_due=frequency, mailed_at__isnull=True, created_at__lte=now)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def digest_send(*, user: User, frequency: str, period: str, now: datetime) -> int:
    """One summary for one person and period, or none: already sent for this period, or
    nothing new. The record of it, the notices marked mailed and the message in the outbox are
    one transaction. Returns the number of notices in it. Queries: constant."""
    with transaction.atomic():
        if DigestSent.objects.filter(user=user, frequency=frequency, period=period).exists():
            return 0
        pending = Notification.objects.filter(
            user=user, mail_due=frequency, mailed_at__isnull=True, created_at__lte=now
        )
        notices = list(pending.order_by("topic_title", "-created_at", "-id")[: DIGEST_LIMIT + 1])
        if not notices:
            return 0
        if not user.is_active or not _verified([user.pk]):
            pending.update(mail_due="")
            return 0
        # One more than the limit was read to see whether there are more: then count them.
        total = pending.count() if len(notices) > DIGEST_LIMIT else len(notices)
        try:
            with transaction.atomic():
                DigestSent.objects.create(
                    user=user, frequency=frequency, period=period, notices=total
                )
        except IntegrityError:  # another worker got there first
            return 0
        shown = notices[:DIGEST_LIMIT]
        more = total - len(shown)
        groups: dict[str, list[Notification]] = defaultdict(list)
        for notice in shown:
            groups[notice.topic_title or ""].append(notice)
        with in_language_of(user):
            notifications_url = absolute_url(reverse("notifications:list"))
        _send_with_unsubscribe(
            user,
            "notifications/email/digest",
            {
                "frequency": frequency,
                "groups": sorted(groups.items(), key=lambda item: (item[0] == "", item[0])),
                "more": more,
                "notifications_url": notifications_url,
            },
            f"@{frequency}",
        )
        marked = pending.filter(pk__in=[n.pk for n in shown]).update(mailed_at=timezone.now())
        if more:
            # Listed as "and N more": counted as told, so the next summary starts afresh.
            pending.update(mailed_at=timezone.now())
        return marked


def digests_send(*, now: datetime | None = None) -> dict[str, int]:
    """Every summary due: the periodic job (hourly) and `manage.py send_digests`. Safe to run
    again or to stop half-way: a person gets one summary per period."""
    now = now or timezone.now()
    sent = {}
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        period, cutoff = period_of(frequency, now)
        count = 0
        ids = list(digest_recipients(frequency, cutoff))
        for start in range(0, len(ids), 500):
            users = User.objects.in_bulk(ids[start : start + 500])
            for pk in ids[start : start + 500]:
                if digest_send(user=users[pk], frequency=frequency, period=period, now=cutoff):
                    count += 1
        sent[frequency] = count
    return sent


def sweep_unmailed(*, older_than: timedelta = timedelta(minutes=30)) -> int:
    """Notices due now whose mail task was lost (the queue was away): mailed now."""
    ids = list(
        Notification.objects.filter(
            mail_due=Frequency.IMMEDIATELY,
            mailed_at__isnull=True,
            created_at__lt=timezone.now() - older_than,
            created_at__gt=timezone.now() - timedelta(days=3),
        ).values_list("pk", flat=True)[:2000]
    )
    return mail_notices(ids) if ids else 0


KEEP_READ_NOTICES = timedelta(days=365)
KEEP_DIGEST_RECORDS = timedelta(days=90)


def cleanup(*, now: datetime | None = None) -> dict[str, int]:
    """The nightly clean-up: read notices older than a year and records of summaries older
    than 90 days are deleted (unread notices stay until read or the account goes)."""
    now = now or timezone.now()
    notices, _kinds = Notification.objects.filter(
        read_at__isnull=False, created_at__lt=now - KEEP_READ_NOTICES
    ).delete()
    digests, _kinds = DigestSent.objects.filter(sent_at__lt=now - KEEP_DIGEST_RECORDS).delete()
    return {"notices": notices, "summaries": digests}
