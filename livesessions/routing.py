from django.urls import path

from livesessions.consumers import LiveSessionConsumer

websocket_urlpatterns = [
    path("ws/live/screen/<str:screen_key>/", LiveSessionConsumer.as_asgi()),
    path("ws/live/<str:code>/", LiveSessionConsumer.as_asgi()),
]
