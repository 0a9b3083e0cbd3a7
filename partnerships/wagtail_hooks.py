"""The partnership register in the Wagtail admin: organisations to review, the commitment
catalogue, and the overview of partners and yearly reports."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.search.backends import get_search_backend
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.rules import PARTNER_ORGANISATIONS_HOOK
from core import pagecache
from core.admin import PermissionMenuItem, SafeChooserViewSet, is_id
from core.hooks import (
    ACCOUNT_DELETING,
    DATA_EXPORT,
    DEMO_CONTENT,
    HOME_SECTIONS,
    SITE_SEARCH,
    TAKE_PART,
)
from home.models import FocusAreaPage, HomePage
from partnerships import admin_views, selectors
from partnerships.cache_tags import PARTNERS
from partnerships.exporters import export_partnerships
from partnerships.models import CommitmentType, Kind, Organisation, ReviewStatus
from partnerships.models.pledges import CATALOGUE_TEXT_FIELDS
from partnerships.privacy import account_forget
from partnerships.views.common import register_page


def _translation_languages() -> list[tuple[str, str]]:
    """The UI languages an entry can be translated into (every one but Danish)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _translation_fields() -> dict:
    """name_<code>, description_<code> and unit_<code> for every other language, kept in the
    entry's `translations`."""
    fields = {}
    for code, language in _translation_languages():
        fields[f"name_{code}"] = forms.CharField(
            label=_("Name in %(language)s") % {"language": language},
            max_length=120,
            required=False,
        )
        fields[f"description_{code}"] = forms.CharField(
            label=_("Description in %(language)s") % {"language": language},
            widget=forms.Textarea(attrs={"rows": 2}),
            required=False,
        )
        fields[f"unit_{code}"] = forms.CharField(
            label=_("Unit in %(language)s") % {"language": language},
            max_length=60,
            required=False,
        )
    return fields


class CommitmentTypeFormBase(WagtailAdminModelForm):
    suitable_kinds = forms.MultipleChoiceField(
        label=_("Suitable for"),
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kinds of organisation that may choose it. None ticked means all."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's page chooser looks the posted id up as it redraws the form and raises on
        # one that is not a number (a 500); such an id is a page that does not exist.
        focus_area = self.data.get("focus_area") if self.is_bound else None
        if focus_area and not is_id(focus_area):
            self.data = self.data.copy()
            self.data["focus_area"] = "0"
        for code, words in (self.instance.translations or {}).items():
            for name in CATALOGUE_TEXT_FIELDS:
                if f"{name}_{code}" in self.fields:
                    self.fields[f"{name}_{code}"].initial = words.get(name, "")

    def clean(self):
        cleaned = super().clean()
        for code, language in _translation_languages():
            words = {
                name: cleaned.get(f"{name}_{code}", "").strip() for name in CATALOGUE_TEXT_FIELDS
            }
            if any(words.values()) and not words["name"]:
                self.add_error(
                    f"name_{code}", _("Give the name in %(language)s too.") % {"language": language}
                )
            if words["name"] and cleaned.get("unit") and not words["unit"]:
                self.add_error(
                    f"unit_{code}", _("Give the unit in %(language)s too.") % {"language": language}
                )
        return cleaned

    def save(self, commit=True):
        translations = {}
        for code, _language in _translation_languages():
            words = {
                name: self.cleaned_data.get(f"{name}_{code}", "").strip()
                for name in CATALOGUE_TEXT_FIELDS
            }
            if words["name"]:
                translations[code] = {name: text for name, text in words.items() if text}
        self.instance.translations = translations
        return super().save(commit=commit)


CommitmentTypeForm = type("CommitmentTypeForm", (CommitmentTypeFormBase,), _translation_fields())


class CommitmentTypeViewSet(SnippetViewSet):
    model = CommitmentType
    chooser_viewset_class = SafeChooserViewSet
    # The search backend cannot restrict a search to these fields (an error on every search,
    # SQLite: "no such column"): the admin list searches them in the database instead.
    search_backend_name = None
    icon = "tasks"
    menu_label = _("Commitment catalogue")
    list_display = ["name", "unit", "focus_area", "is_active", "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["name", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("description"),
            FieldPanel("unit"),
            PageChooserPanel("focus_area", page_type="home.FocusAreaPage"),
            FieldPanel("suitable_kinds"),
            FieldPanel("is_active"),
            FieldPanel("sort_order"),
            *[
                MultiFieldPanel(
                    [FieldPanel(f"{name}_{code}") for name in CATALOGUE_TEXT_FIELDS],
                    heading=language,
                    classname="collapsed",
                )
                for code, language in _translation_languages()
            ],
        ],
        base_form_class=CommitmentTypeForm,
    )


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = SafeChooserViewSet
    search_backend_name = None  # as above
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "district", "status", "is_public", "created_at"]
    list_filter = ["status", "kind", "district", "is_public", "is_example"]
    search_fields = ["name", "cvr", "contact_name", "contact_email"]
    inspect_view_enabled = True
    list_export = ["name", "cvr", "kind", "district", "status", "is_public", "created_at"]
    export_filename = "organisations"
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("kind"),
            FieldPanel("cvr"),
            FieldPanel("address"),
            FieldPanel("district"),
            FieldPanel("website"),
            FieldPanel("description"),
            FieldPanel("logo"),
            MultiFieldPanel(
                [
                    FieldPanel("contact_name"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                ],
                heading=_("Contact person"),
            ),
        ]
    )


class PartnershipsGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, CommitmentTypeViewSet)
    menu_icon = "group"
    menu_label = _("Partnerships")
    menu_name = "partnerships"


register_snippet(PartnershipsGroup)


@hooks.register("register_snippet_listing_buttons")
def review_button(snippet, user, next_url=None):
    if isinstance(snippet, Organisation) and user.has_perm(admin_views.REVIEW_PERMISSION):
        yield ListingMenuItem(
            _("Review"),
            reverse("partnerships_admin:review", kwargs={"pk": snippet.pk}),
            icon_name="tick",
            priority=5,
        )


@hooks.register("before_delete_snippet")
def keep_catalogue_entries_in_use(request, instances):
    """A commitment type partners have chosen stays: untick "offered to partners" instead."""
    in_use = [i for i in instances if isinstance(i, CommitmentType) and i.commitments.exists()]
    if in_use:
        messages.error(
            request,
            _(
                "%(names)s cannot be deleted: partners have committed to it. Untick "
                '"offered to partners" to stop offering it.'
            )
            % {"names": ", ".join(str(i) for i in in_use)},
        )
        return redirect("wagtailsnippets_partnerships_commitmenttype:list")
    return None


admin_urls = (
    [
        path("review/<int:pk>/", admin_views.ReviewView.as_view(), name="review"),
        path("overview/", admin_views.OverviewView.as_view(), name="overview"),
        path("overview.csv", admin_views.OverviewCSVView.as_view(), name="overview_csv"),
    ],
    "partnerships_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("partnerships/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def overview_menu_item():
    return PermissionMenuItem(
        _("Partner reports"),
        reverse("partnerships_admin:overview"),
        icon_name="list-ul",
        order=410,
        permission=admin_views.REVIEW_PERMISSION,
    )


@hooks.register(PARTNER_ORGANISATIONS_HOOK)
def partner_organisations_for_user(user):
    """Who counts as a partner is decided in the role layer (accounts.rules.is_partner); the
    organisations someone acts for are kept here: the approved ones they are a member of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(status=ReviewStatus.APPROVED, memberships__user=user)


# Extension points of the lower layers (core/hooks.py).


@hooks.register(DATA_EXPORT)
def partnerships_data_export(user):
    return {"partnerships": export_partnerships(user)}


@hooks.register(ACCOUNT_DELETING)
def partnerships_account_deleting(user):
    account_forget(user=user)


@hooks.register(DEMO_CONTENT)
def partnerships_demo_content():
    return (30, "load_demo_partners")


@hooks.register(SITE_SEARCH)
def partnerships_site_search(query, limit):
    """Partners in the public register are found by the site search, as a group of their own."""
    hits = get_search_backend().search(query, Organisation.objects.public())[:limit]
    return {"label": Organisation._meta.verbose_name_plural, "results": list(hits)}


@hooks.register(HOME_SECTIONS)
def partnerships_pledge_totals(request, page):
    """ "412 internship places" and the like, from partners in the public register: on the home
    page for all partners, on a focus area for the commitments that serve it."""
    if isinstance(page, FocusAreaPage):
        focus_area, heading_level = page, 2
    elif isinstance(page, HomePage):
        focus_area, heading_level = None, 2
    else:
        return None
    # The same for every reader: made once per process, page and language while neither a page
    # nor a partner changes.
    return pagecache.remember(
        f"partnerships:totals:{request.get_host()}:{get_language()}:{page.pk}",
        lambda: render_to_string(
            "partnerships/includes/pledge_totals.html",
            {
                "totals": selectors.pledge_totals(focus_area=focus_area),
                "register_page": register_page(request),
                "heading_level": heading_level,
            },
            request=request,
        ),
        tags=(pagecache.PAGES, PARTNERS),
    )


@hooks.register(TAKE_PART)
def partnerships_take_part(request):
    from django.utils.translation import gettext

    register = register_page(request)
    return {
        "order": 40,
        "heading": gettext("Sign the pledge as an organisation"),
        "steps": [
            gettext("Register your business, association or housing company."),
            gettext("The city's staff check the registration."),
            gettext("Sign the pledge to the policy's principles and choose concrete commitments."),
            gettext(
                "Tell us once a year what you did. Your organisation is shown in the public "
                "register of partners."
            ),
        ],
        "url": reverse("partnerships:register"),
        "link": gettext("Register your organisation"),
        "more_url": register.url if register is not None else "",
        "more_link": gettext("See the partners"),
    }
