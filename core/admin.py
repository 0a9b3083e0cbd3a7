"""The project's own admin screens: one way to guard a view and one way to show its menu item
only to those who may open it."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem


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
