from wagtail import hooks

from core.hooks import ACCOUNT_DELETING, DATA_EXPORT, WEBSOCKET_URLS
from notifications import outbox
from notifications.exporters import export_notifications
from notifications.routing import websocket_urlpatterns


@hooks.register(DATA_EXPORT)
def notifications_data_export(user):
    return {"follows_and_email_settings": export_notifications(user)}


@hooks.register(WEBSOCKET_URLS)
def notifications_websocket_urls():
    return websocket_urlpatterns


@hooks.register(ACCOUNT_DELETING)
def notifications_account_deleting(user):
    """Follows, settings, summaries and notices go with the account (foreign keys); the mail
    still on its way to the address is deleted here."""
    outbox.forget(user.email)
