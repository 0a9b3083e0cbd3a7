from django.urls import path

from notifications.consumers import AccountConsumer

websocket_urlpatterns = [
    path("ws/me/", AccountConsumer.as_asgi()),
]
