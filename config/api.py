"""Wagtail's API v2, read-only, for anyone who wants the policy pages as data.

There is no documents endpoint: it would list every uploaded document, including ones editors
keep in private collections. Public documents are linked from the pages that use them."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
