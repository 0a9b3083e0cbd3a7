"""What people hear about partner organisations (notifications.services writes the notices and
mails them).

- Following: a partner in the public register (`organisation:<id>`).
- The review of an organisation: a notice for each of its members (`organisation_reviewed`).
  Its administrators already have the review's e-mail (partnerships.emails, which also goes to
  the contact address), so their notices count as mailed: nobody gets the news twice.
- News from a partner its followers hear of (`organisation_news`): a new pledge signed, a
  yearly report given. Pledges and reports are published as they are given (no review), so
  there is no `pledge_reviewed` or `report_reviewed` to send."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Notification, User
from notifications import services
from notifications.topics import Topic
from partnerships.models import Organisation, ReviewStatus, Role

TEMPLATES = "partnerships/notices/"
PREFIX = "organisation"


def organisation_topic(organisation: Organisation) -> str:
    return f"{PREFIX}:{organisation.pk}"


def describe_topics(topics: list[str]) -> dict[str, Topic]:
    """The approved organisations in the public register among `topics`."""
    ids = {}
    for topic in topics:
        value = topic.removeprefix(f"{PREFIX}:")
        if value.isdigit() and len(value) < 12:
            ids[int(value)] = topic
    if not ids:
        return {}
    organisations = Organisation.objects.filter(
        pk__in=list(ids), status=ReviewStatus.APPROVED, is_public=True
    )
    return {
        ids[organisation.pk]: Topic(
            topic=ids[organisation.pk],
            title=organisation.name,
            url=organisation.get_absolute_url(),
            kind_label=_("Partner organisation"),
        )
        for organisation in organisations
    }


def _members(organisation: Organisation):
    return User.objects.filter(is_active=True, partner_memberships__organisation=organisation)


def organisation_reviewed(organisation: Organisation, *, reviewer) -> list[Notification]:
    """Call inside the review's transaction: the administrators' notices are marked mailed
    before the mail of the notices leaves (after commit)."""
    approved = organisation.status == ReviewStatus.APPROVED
    created = services.notify(
        _members(organisation),
        kind="organisation_reviewed",
        template=TEMPLATES + "organisation_reviewed",
        context={"organisation": organisation, "approved": approved},
        topic=organisation_topic(organisation),
        link=lambda: reverse("partnerships:dashboard", kwargs={"pk": organisation.pk}),
        topic_title=organisation.name,
        actor=reviewer,
    )
    admins = set(organisation.memberships.filter(role=Role.ADMIN).values_list("user_id", flat=True))
    told_by_mail = [notice.pk for notice in created if notice.user_id in admins]
    if told_by_mail:
        Notification.objects.filter(pk__in=told_by_mail, mailed_at__isnull=True).update(
            mailed_at=timezone.now()
        )
    return created


def _news(organisation: Organisation, *, actor, what: str, context: dict) -> list[Notification]:
    if not organisation.is_public:
        return []
    topic = organisation_topic(organisation)
    return services.notify_followers(
        topic,
        kind="organisation_news",
        template=TEMPLATES + what,
        context={"organisation": organisation, **context},
        link=organisation.get_absolute_url,
        topic_title=organisation.name,
        actor=actor,
    )


def pledge_signed(pledge, *, actor) -> list[Notification]:
    return _news(pledge.organisation, actor=actor, what="pledge_signed", context={"pledge": pledge})


def report_submitted(report, *, actor) -> list[Notification]:
    organisation = report.pledge.organisation
    return _news(organisation, actor=actor, what="report_submitted", context={"report": report})
