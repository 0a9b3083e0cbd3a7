"""The project's own admin screens: one way to guard a view, one way to show its menu item
only to those who may open it, and the snippet chooser every snippet of the project uses."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenMultipleView


def is_id(value) -> bool:
    """A primary key as a link or form may carry it: ASCII digits that fit a bigint."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= 18


class PermissionRequiredMixin:
    """For a class-based admin view: `permission = "app.codename"`, checked with has_perm.
    A refusal goes to `handle_no_permission`, which raises PermissionDenied (Wagtail then
    redirects to the dashboard with a message); a view may answer otherwise."""

    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission or not request.user.has_perm(self.permission):
            return self.handle_no_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def handle_no_permission(self, request):
        raise PermissionDenied


class PermissionMenuItem(MenuItem):
    """A menu item shown to those with `permission`."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class SafeChosenMultipleView(SnippetChosenMultipleView):
    """Wagtail's view filters by every ?id= as given and raises on one that is not a number
    (a 500); such an id names no snippet."""

    def get_objects(self, pks):
        return super().get_objects([pk for pk in pks if is_id(pk)])


class SafeChooserViewSet(SnippetChooserViewSet):
    """`chooser_viewset_class` of every SnippetViewSet of the project."""

    chosen_multiple_view_class = SafeChosenMultipleView


def _form_has_errors(form) -> bool:
    """The form's own errors or any row's in its inline formsets, however deep they nest."""
    if form.errors:
        return True
    for formset in getattr(form, "formsets", {}).values():
        if formset.non_form_errors():
            return True
        if any(_form_has_errors(row) for row in formset.forms if row.is_bound):
            return True
    return False


class InvalidAdminFormMiddleware:
    """A form of the Wagtail admin posted with errors answers 400 Bad Request instead of 200:
    the page or snippet form comes back with every value the editor typed and the errors beside
    the fields, as before, but the status says the input was refused (the house rule: bad input
    is a 4xx), so monitoring and tests can tell a refusal from a success."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        if request.method != "POST" or response.status_code != 200:
            return response
        if not request.path.startswith("/admin/"):
            return response
        form = (getattr(response, "context_data", None) or {}).get("form")
        if form is not None and getattr(form, "is_bound", False) and _form_has_errors(form):
            response.status_code = 400
        return response
