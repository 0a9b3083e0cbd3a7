"""The project's own admin screens: one way to guard a view and one way to show its menu item
only to those who may open it."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem


class PermissionRequiredMixin:
    """For a class-based admin view: `permission = "app.codename"`, checked with has_perm."""

    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission or not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionMenuItem(MenuItem):
    """A menu item shown to those with `permission`."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
