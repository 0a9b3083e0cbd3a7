from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.pages import FilterableIndexMixin
from core.search import StemmedSearch
from events.models.choices import Districts, EventKind, OrganiserType

RICH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ul", "ol", "document-link"]


class EventIndexPage(StemmedSearch, FilterableIndexMixin, Page):
    """The calendar of the policy: upcoming and past events, filterable, with feeds to
    subscribe to and the annual cycle of recurring milestones."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    page_parameters = ("page", "upcoming")

    @property
    def filter_form_class(self):
        # The form module imports the models, so it is fetched when a request needs it.
        from events.forms import EventFilterForm

        return EventFilterForm

    def listing_context(self, request, **filters) -> dict:
        from events.notices import describe_topics, district_topic, kind_topic
        from events.selectors import event_listing

        topics = [district_topic(filters["district"])] if filters.get("district") else []
        topics += [kind_topic(filters["kind"])] if filters.get("kind") else []
        described = describe_topics(topics)
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("upcoming", None)
        # Read only when the listing's section is rendered, not when it is reused.
        listing = SimpleLazyObject(
            lambda: event_listing(
                index=self,
                page=request.GET.get("page"),
                upcoming_page=request.GET.get("upcoming"),
                **filters,
            )
        )
        return {
            "upcoming_events": SimpleLazyObject(lambda: listing["upcoming_events"]),
            "past_events": SimpleLazyObject(lambda: listing["past_events"]),
            "listing_pages": (request.GET.get("upcoming"), request.GET.get("page")),
            "filter_query": query.urlencode(),
            "kinds": EventKind.choices,
            # Filtered by a district or a kind: follow it, to hear of new events there.
            "follow_topics": [described[topic] for topic in topics if topic in described],
        }


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Not yet over: an event running now still counts as upcoming."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def in_district(self, district):
        return self.filter(district=district) if district else self

    def in_month(self, year: int, month: int):
        """Events starting in a calendar month, counted in Copenhagen time."""
        tz = timezone.get_default_timezone()
        first = datetime(year, month, 1, tzinfo=tz)
        following = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
        return self.filter(start__gte=first, start__lt=following)


class EventPage(StemmedSearch, Page):
    """One event: where and when, who organises it, how accessible it is, and the sign-up.
    After it has taken place the page stays, with a summary or minutes and the attendance."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    teaser = models.CharField(
        _("teaser"), max_length=255, blank=True, help_text=_("One line shown in the listing.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_FEATURES)
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), db_index=True)
    venue = models.CharField(_("venue"), max_length=160, blank=True)
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Street, number and postcode.")
    )
    online_url = models.URLField(_("online link"), blank=True)
    district = models.CharField(
        _("district"), max_length=32, choices=Districts.choices, blank=True, db_index=True
    )
    organiser_type = models.CharField(
        _("organiser"), max_length=16, choices=OrganiserType.choices, default=OrganiserType.CITY
    )
    organiser_name = models.CharField(
        _("organiser's name"),
        max_length=160,
        blank=True,
        help_text=_("The partner organisation, or the city's administration that organises it."),
    )
    organiser_organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Its members see the attendee lists."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_events",
        editable=False,
        help_text=_("The partner who submitted the event; they see its attendee list."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    signup_opens = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    signup_closes = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    signup_enabled = models.BooleanField(
        _("sign-up on this site"),
        default=True,
        help_text=_("Untick when people can simply turn up."),
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    interpretation_languages = models.CharField(
        _("interpretation into"),
        max_length=255,
        blank=True,
        help_text=_("Languages interpreted into, separated by commas. Empty for none."),
    )
    sign_language = models.BooleanField(_("sign language interpretation"), default=False)
    childcare = models.BooleanField(_("childcare"), default=False)
    accessibility_notes = models.TextField(_("more about access"), blank=True)
    debate = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("debate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_area = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = RichTextField(
        _("summary or minutes"),
        blank=True,
        features=RICH_FEATURES,
        help_text=_("Added after the event; shown at the top once it is over."),
    )
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_(
            "Tick and publish to call the event off: the page stays, marked as cancelled, "
            "sign-up closes and everyone signed up or following it is told."
        ),
    )
    is_example = models.BooleanField(
        _("example content"), default=False, help_text=_("Marked on the page as an example.")
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("teaser"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading=_("When (Copenhagen time)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("district"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser_type"),
                FieldPanel("organiser_organisation"),
                FieldPanel("organiser_name"),
            ],
            heading=_("Organiser"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signup_enabled"),
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("signup_opens"), FieldPanel("signup_closes")]),
            ],
            heading=_("Sign-up"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("interpretation_languages"),
                FieldPanel("sign_language"),
                FieldPanel("childcare"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility and services"),
        ),
        PageChooserPanel("debate", page_type="dialogue.DebatePage"),
        PageChooserPanel("focus_area", page_type="home.FocusAreaPage"),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("attendance")],
            heading=_("Afterwards"),
        ),
        FieldPanel("cancelled"),
        FieldPanel("is_example"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser", boost=2),
        index.SearchField("description"),
        index.SearchField("venue"),
        index.SearchField("organiser_name"),
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("district"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    # People follow an event (`page:<translation key>`, notifications.topics): they hear when
    # its date, time or place changes or it is cancelled (events/notices.py).
    followable = True

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = self.event_errors()
        if errors:
            raise ValidationError(errors)

    def event_errors(self) -> dict:
        """The event's own rules, also asked by the partner form before the page exists."""
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.kind == EventKind.ONLINE and not self.online_url:
            errors["online_url"] = _("An online event needs its link.")
        if self.kind != EventKind.ONLINE and not (self.address or self.online_url):
            errors["address"] = _("Give the address, or an online link.")
        if self.signup_opens and self.signup_closes and self.signup_closes <= self.signup_opens:
            errors["signup_closes"] = _("Sign-up must close after it opens.")
        if (
            self.organiser_type == OrganiserType.PARTNER
            and not self.organiser_name
            and not self.organiser_organisation_id
        ):
            errors["organiser_name"] = _("Name the partner organisation.")
        return errors

    # What the page and the e-mails show.

    @property
    def organiser_display(self) -> str:
        if self.organiser_type == OrganiserType.CITY and not self.organiser_name:
            return str(OrganiserType.CITY.label)
        if self.organiser_organisation_id and not self.organiser_name:
            return self.organiser_organisation.name
        return self.organiser_name

    @property
    def interpretation_list(self) -> list[str]:
        return [lang.strip() for lang in self.interpretation_languages.split(",") if lang.strip()]

    def fragment_parts(self) -> tuple:
        """Every value events/includes/event_card.html shows (core/fragments.py names the card
        by them): the card is rendered once and reused by every list that shows it."""
        return (
            self.pk,
            self.locale_id,
            self.url_path,
            self.title,
            self.kind,
            self.is_example,
            self.cancelled,
            self.start,
            self.end,
            self.district,
            self.venue,
            self.address,
            self.teaser,
        )

    @property
    def place_display(self) -> str:
        return ", ".join(part for part in (self.venue, self.address) if part)

    def is_past(self, now=None) -> bool:
        return self.end < (now or timezone.now())

    def signup_state(self, now=None) -> str:
        """One of: "cancelled", "none" (no sign-up here), "past", "not-yet", "closed", "open"."""
        now = now or timezone.now()
        if self.cancelled:
            return "cancelled"
        if not self.signup_enabled:
            return "none"
        if self.is_past(now) or self.start <= now:
            return "past"
        if self.signup_opens and now < self.signup_opens:
            return "not-yet"
        if self.signup_closes and now >= self.signup_closes:
            return "closed"
        return "open"

    def is_accepting_signups(self, now=None) -> bool:
        return self.live and self.signup_state(now) == "open"

    def get_context(self, request, *args, **kwargs):
        from events.selectors import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(event=self, user=request.user))
        return context
