"""The policy app's admin screens that are not pages: which UI languages a translator checked."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import UILanguageReview


class UILanguageReviewViewSet(SnippetViewSet):
    model = UILanguageReview
    icon = "globe"
    menu_label = _("UI languages")
    add_to_admin_menu = False
    search_backend_name = None
    list_display = ["language", "reviewed", "updated_at"]
    list_filter = ["reviewed"]
    panels = [FieldPanel("language"), FieldPanel("reviewed")]


register_snippet(UILanguageReviewViewSet)
