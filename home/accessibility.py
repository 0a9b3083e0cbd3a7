"""What the site does not yet do well enough for everyone, shown on the accessibility page
(home.views.accessibility). Keep it true: when a problem is fixed and its test passes, take
it out here (and in the statement in the WAS tool, ACCESSIBILITY_STATEMENT_URL).

The list follows what issue 13 found, trying the site with the keyboard only and on a phone.
"""

from django.utils.translation import gettext_lazy as _

KNOWN_PROBLEMS = [
    _(
        "On a debate page, most boxes for writing a reply have no name. "
        "A screen reader cannot tell you what the box is for."
    ),
    _(
        "After you send a comment, a reply or a report, the keyboard focus is lost. "
        "It can be hard to find your new comment."
    ),
    _(
        "When a form has an error, the focus does not move to the error. "
        "The list of errors does not link to the fields. "
        "The form to create an account has no list of errors."
    ),
    _("If you reload the page after a form error, you may see an empty error page."),
    _(
        "On a phone, the tables in the barometer are wider than the screen. "
        "You cannot scroll them with the keyboard, and the status is hidden at first."
    ),
    _(
        "On a phone, the top of the page with the menu takes up most of the screen. "
        "There is no menu button."
    ),
    _("In date fields, you cannot see the focus when you are on the calendar button."),
    _("In the annual cycle, some words are too long for their boxes and break in odd places."),
    _(
        "Some texts are hard to read, such as the front page and the barometer. "
        "Policy pages and debates now start with a short text in easy Danish."
    ),
    _(
        "Documents that editors upload, such as PDF reports, may not be accessible. "
        "Ask us, and we will send the content in another form."
    ),
]
