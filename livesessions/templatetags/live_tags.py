from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def option_count(results, option) -> int:
    counts = (results or {}).get("counts") or {}
    return counts.get(str(option.pk), 0)


@register.simple_tag
def percent(count, total) -> int:
    return round(100 * count / total) if total else 0


@register.simple_tag
def live_strings() -> dict:
    """The words the live script writes, in the page's language (a json_script)."""
    return {
        "votes": _("Votes: %(count)s"),
        "voters": _("People who have voted: %(count)s"),
        "hiddenResults": _("The results are shown when the poll closes."),
        "noPoll": _("No poll is open right now."),
        "pollClosed": _("The poll is closed. Final results:"),
        "counted": _("Your vote is counted."),
        "newQuestion": _("New question:"),
        "pending": _("Your question is sent. A moderator reads it before it is shown."),
        "sent": _("Your question is shown."),
        "waiting": _("Waiting for a moderator"),
        "reconnecting": _("Connection lost. Trying again…"),
        "live": _("Live"),
        "ended": _("This session has ended."),
        "empty": _("Write your question before you send it."),
        "chooseOne": _("Choose an answer before you vote."),
        "answered": _("Answered"),
    }


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
