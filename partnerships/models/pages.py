"""The public register as a Wagtail page, so editors place it in the menu and translate it."""

from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.pages import FilterableIndexMixin
from core.search import StemmedSearch

PAGE_PARAMETER = "side"


class PartnerIndexPage(StemmedSearch, FilterableIndexMixin, Page):
    """The register of "Bland dig i byen" partners: who pledged, where they are and what they
    committed to, with filters, search and a chart. Each partner has its own page (a Django
    view at /partnerskaber/partner/<slug>/). A filter value the form refuses answers 400 with
    the reason next to it; the other filters still apply."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_parameters = (PAGE_PARAMETER,)

    class Meta:
        verbose_name = _("partner register")

    @property
    def filter_form_class(self):
        from partnerships.forms import RegisterFilterForm  # forms import the models

        return RegisterFilterForm

    def listing_context(self, request, **filters) -> dict:
        from partnerships import selectors

        query = request.GET.copy()
        query.pop(PAGE_PARAMETER, None)
        page_number = request.GET.get(PAGE_PARAMETER)
        return {
            # Read only when the listing's section is rendered, not when it is reused.
            "listing": SimpleLazyObject(
                lambda: selectors.register_listing(page_number=page_number, **filters)
            ),
            "page_number": page_number,
            "query_without_page": query.urlencode(),
        }
