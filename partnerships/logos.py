"""Logo uploads: checked by what the bytes are, and the name must say the same.

Only raster formats a browser shows safely are accepted; SVG can carry script and is never
accepted, whatever its name says. A logo is served with the type of its extension, so a PNG
named `logo.pdf` is refused (core.uploads.check_type). Its metadata (GPS position and all) is
removed before it is stored (core.uploads.strip_metadata_before_save).
"""

import contextlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.uploads import check_type

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
LOGO_EXTENSIONS = ("jpg", "jpeg", "png", "webp")


def validate_logo(value) -> None:
    if not value:
        return
    if getattr(value, "_committed", False):
        return  # already stored, so it was checked when it was uploaded
    size = getattr(value, "size", None)
    if size is not None and size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("The logo is too large: at most 2 MB, please."), code="logo_too_large"
        )
    upload = getattr(value, "file", value)
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except Exception as error:  # Pillow raises many kinds for bad input
        raise ValidationError(
            _("The logo must be a JPEG, PNG or WebP image."), code="logo_not_image"
        ) from error
    finally:
        with contextlib.suppress(Exception):
            upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("The logo must be a JPEG, PNG or WebP image."), code="logo_format")
    if width * height > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("The logo is too large: at most 4000 × 4000 pixels, please."),
            code="logo_too_many_pixels",
        )
    if not getattr(upload, "name", None):
        upload.name = value.name
    check_type(upload, LOGO_EXTENSIONS)
