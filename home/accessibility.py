"""What the site does not yet do well enough for everyone, shown on the accessibility page
(home.views.accessibility). Keep it true: when a problem is fixed and its test passes, take
it out here (and in the statement in the WAS tool, ACCESSIBILITY_STATEMENT_URL).

The list follows what issue 13 found, trying the site with the keyboard only and on a phone.
"""

from django.utils.translation import gettext_lazy as _

KNOWN_PROBLEMS = [
    _(
        "The policy's own words, quoted on the front page, the barometer and the policy pages, "
        "are hard to read. Each of these pages and each debate starts with a short text in easy "
        "Danish."
    ),
    _(
        "The editors' screens (the Wagtail admin) have some fields with the same id and "
        "headings without a name. This comes from Wagtail, the system the site is built on."
    ),
    _(
        "The texts in Turkish, Urdu, Somali, Polish and Persian have not yet been checked by a "
        "translator. Each page in these languages says so."
    ),
    _(
        "Documents that editors upload, such as PDF reports, may not be accessible. "
        "Ask us, and we will send the content in another form."
    ),
]
