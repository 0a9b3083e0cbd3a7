"""The moderators' place in the Wagtail admin: a "Moderation" menu with the queue (and how many
comments wait), the audit log and debate states. Editors see only debate states."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from core.admin import PermissionMenuItem
from core.hooks import ACCOUNT_DELETING, DATA_EXPORT, DEMO_CONTENT, TAKE_PART, WEBSOCKET_URLS
from dialogue.exporters import export_dialogue
from dialogue.moderation import admin_views, selectors
from dialogue.privacy import account_forget
from dialogue.routing import websocket_urlpatterns

admin_urls = (
    [
        path("", admin_views.QueueView.as_view(), name="queue"),
        path("comment/<int:comment_id>/", admin_views.CommentView.as_view(), name="comment"),
        path("log/", admin_views.LogView.as_view(), name="log"),
        path("debates/", admin_views.DebateListView.as_view(), name="debates"),
        path(
            "debates/<int:debate_id>/",
            admin_views.DebateStateView.as_view(),
            name="debate_state",
        ),
    ],
    "dialogue_moderation",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("moderation/", include(admin_urls))]


class QueueMenuItem(PermissionMenuItem):
    """The label carries the number of comments waiting, counted for each request."""

    def render_component(self, request):
        count = selectors.queue_count()
        label = _("Queue (%(count)d)") % {"count": count} if count else _("Queue")
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


class ModerationSubmenu(SubmenuMenuItem):
    def render_component(self, request):
        component = super().render_component(request)
        if request.user.has_perm("dialogue.moderate_comments"):
            count = selectors.queue_count()
            if count:
                component.label = _("Moderation (%(count)d)") % {"count": count}
        return component


@hooks.register("register_admin_menu_item")
def moderation_menu():
    menu = Menu(
        items=[
            QueueMenuItem(
                gettext_lazy("Queue"),
                reverse("dialogue_moderation:queue"),
                name="moderation-queue",
                icon_name="warning",
                order=100,
                permission="dialogue.moderate_comments",
            ),
            PermissionMenuItem(
                gettext_lazy("Moderation log"),
                reverse("dialogue_moderation:log"),
                name="moderation-log",
                icon_name="list-ul",
                order=200,
                permission="dialogue.view_moderation_log",
            ),
            PermissionMenuItem(
                gettext_lazy("Debate states"),
                reverse("dialogue_moderation:debates"),
                name="moderation-debates",
                icon_name="openquote",
                order=300,
                permission="dialogue.switch_debate_state",
            ),
        ]
    )
    return ModerationSubmenu(
        gettext_lazy("Moderation"), menu, name="moderation", icon_name="warning", order=250
    )


# Extension points of the lower layers (core/hooks.py).


@hooks.register(DATA_EXPORT)
def dialogue_data_export(user):
    return {"dialogue": export_dialogue(user)}


@hooks.register(ACCOUNT_DELETING)
def dialogue_account_deleting(user):
    account_forget(user=user)


@hooks.register(DEMO_CONTENT)
def dialogue_demo_content():
    return (20, "load_demo_debates")


@hooks.register(WEBSOCKET_URLS)
def dialogue_websocket_urls():
    return websocket_urlpatterns


@hooks.register(TAKE_PART)
def dialogue_take_part(request):
    from core.locales import default_locale_page
    from dialogue.models import DebateIndexPage

    index = default_locale_page(DebateIndexPage)
    if index is None:
        return None
    return {
        "order": 20,
        "heading": _("Join a debate"),
        "steps": [
            _("Find a debate about something you care about."),
            _("Create an account and confirm your e-mail address."),
            _("Write a comment, or reply to someone. Keep to the debate rules."),
            _("See a comment that breaks the rules? Report it. A moderator looks at it."),
        ],
        "url": index.url,
        "link": _("See the debates"),
    }
