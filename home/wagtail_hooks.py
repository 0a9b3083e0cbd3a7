"""Admin screens and editor helpers of the policy site: the glossary snippet, which UI languages
a translator checked, and a live LIX score under the text fields of the page editor."""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin import SafeChooserViewSet
from core.readability import EASY_MAX, MEDIUM_MAX, VERDICTS
from home.models import GlossaryTerm, UILanguageReview

# The page fields that get a LIX score in the editor: summaries and body text.
LIX_FIELDS = [
    "plain_summary",
    "summary",
    "intro",
    "introduction",
    "statement",
    "body",
    "principles",
    "targets",
    "actions",
    "conclusion",
    "foreword",
    "conclusions",
]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    chooser_viewset_class = SafeChooserViewSet
    icon = "help"
    menu_label = _("Glossary")
    add_to_admin_menu = False
    list_display = ["term", "explanation", "locale"]
    search_fields = ["term"]
    # The admin's term search is a plain database filter: the search index's SQLite backend
    # cannot limit a search to the "term" field ("no such column: term", a 503 on SQLite).
    search_backend_name = None


register_snippet(GlossaryTermViewSet)


@hooks.register("insert_editor_js")
def lix_editor_js():
    config = {
        "fields": LIX_FIELDS,
        "easyMax": EASY_MAX,
        "mediumMax": MEDIUM_MAX,
        "labels": {
            "lix": _("Readability (LIX): %(score)s, %(verdict)s"),
            "help": _("Easy is %(easy)s or less. Aim for easy in “In short”.") % {"easy": EASY_MAX},
            **{key: str(label) for key, label in VERDICTS.items()},
        },
    }
    return json_script(config, "lix-config") + format_html(
        '<script type="module" src="{}"></script>', static("core/lix_editor.js")
    )


class UILanguageReviewViewSet(SnippetViewSet):
    model = UILanguageReview
    chooser_viewset_class = SafeChooserViewSet
    icon = "globe"
    menu_label = gettext_lazy("UI languages")
    add_to_admin_menu = False
    search_backend_name = None
    list_display = ["language", "reviewed", "updated_at"]
    list_filter = ["reviewed"]
    panels = [FieldPanel("language"), FieldPanel("reviewed")]


register_snippet(UILanguageReviewViewSet)
