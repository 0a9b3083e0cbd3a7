"""The public register as a Wagtail page, so editors place it in the menu and translate it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class PartnerIndexPage(Page):
    """The register of "Bland dig i byen" partners: who pledged, where they are and what they
    committed to, with filters, search and a chart. Each partner has its own page (a Django
    view at /partnerskaber/partner/<slug>/)."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner register")

    def get_context(self, request, *args, **kwargs):
        from partnerships import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.register_context(request.GET))
        return context
