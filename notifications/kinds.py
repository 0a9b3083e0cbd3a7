"""The kinds of notice, in the groups a person chooses e-mail for (the preferences page lists
the groups in this order). A kind names its group; its text comes from the feature that sends
it (the `template` given to notifications.services.notify)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from notifications.models import Frequency


@dataclass(frozen=True)
class Group:
    code: str
    label: Promise
    default: str


GROUPS = (
    Group("replies", _("Replies to my comments"), Frequency.IMMEDIATELY),
    Group("debates", _("New comments in debates I follow"), Frequency.DAILY),
    Group("outcomes", _("A debate I follow is closed, with its conclusion"), Frequency.IMMEDIATELY),
    Group(
        "policy",
        _("New barometer figures and changes on goals, focus areas and plans I follow"),
        Frequency.WEEKLY,
    ),
    Group(
        "events",
        _("Events I signed up to or follow: changes, cancellations, reminders, new events"),
        Frequency.IMMEDIATELY,
    ),
    Group(
        "organisations",
        _(
            "My organisation's pledge, yearly report and events reviewed; "
            "news from organisations I follow"
        ),
        Frequency.IMMEDIATELY,
    ),
    Group("moderation", _("What the moderators did with my comments"), Frequency.IMMEDIATELY),
)
GROUP_BY_CODE = {group.code: group for group in GROUPS}

KINDS = {
    # dialogue
    "reply": "replies",
    "debate_comments": "debates",
    "debate_closed": "outcomes",
    "comment_hidden": "moderation",
    "comment_removed": "moderation",
    "author_warned": "moderation",
    "author_blocked": "moderation",
    # the policy site and accountability
    "measurement": "policy",
    "page_updated": "policy",
    # events
    "event_changed": "events",
    "event_cancelled": "events",
    "event_reminder": "events",
    "event_new": "events",
    # partnerships
    "organisation_reviewed": "organisations",
    "pledge_reviewed": "organisations",
    "report_reviewed": "organisations",
    "event_reviewed": "organisations",
    "organisation_news": "organisations",
}


def group_of(kind: str) -> Group:
    try:
        return GROUP_BY_CODE[KINDS[kind]]
    except KeyError as error:
        message = f"unknown notification kind {kind!r}: add it to notifications.kinds"
        raise ValueError(message) from error
