"""Uploaded files: what the bytes are must match what the name says, and images lose their
metadata before they are stored.

- `check_type` reads the file's magic bytes (`filetype`, pure Python, already a Wagtail
  dependency) and refuses a file whose content is not what its extension promises: a PNG named
  `logo.pdf` would otherwise be served as `application/pdf`. Files are served with the type of
  their extension, so after this check that is also the type of their content.
- `strip_image_metadata` re-encodes JPEG, PNG and WebP with Pillow and nothing but the pixels and
  the colour profile: EXIF (GPS position, camera serial, time taken), XMP and text chunks go.
  The EXIF orientation is applied to the pixels first, so no photo turns on its side.
- `strip_metadata_before_save` does that for every image field of every model (partner logos,
  Wagtail's images) however the file arrives: a form, the admin, the multiple uploader, a command.
  Wagtail's renditions are made from the stripped original, so they carry nothing either.
- `core.documents.DocumentForm` is the base of Wagtail's document forms
  (WAGTAILDOCS_DOCUMENT_FORM_BASE), so every document upload passes `check_type`.
"""

import contextlib
import io
import zipfile
from functools import cache
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

HEAD_BYTES = 8192
TEXT = "text/plain"
OFFICE_ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
}
OPENDOCUMENT_MIMES = {"odt": "application/vnd.oasis.opendocument.text"}

# What each accepted extension must contain.
EXPECTED_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "csv": TEXT,
    "txt": TEXT,
}
PILLOW_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def _read_head(upload) -> bytes:
    upload.seek(0)
    try:
        return upload.read(HEAD_BYTES)
    finally:
        upload.seek(0)


def _zip_holds(upload, member: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if member.startswith("application/"):  # OpenDocument: the type is in "mimetype"
                return "mimetype" in names and archive.read("mimetype").decode() == member
            return member in names
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError, KeyError):
        return False
    finally:
        upload.seek(0)


def detected_type(upload, extension: str) -> str | None:
    """The MIME type the content shows, or None when nothing is recognised. Office files are
    ZIP archives; when the first bytes only show "a ZIP", the archive's table of contents says
    which kind it is."""
    head = _read_head(upload)
    kind = filetype.guess(head)
    if kind is None:
        # No signature: plain text if there are no NUL bytes (CSV and TXT have no signature),
        # or UTF-16 with its byte-order mark (spreadsheets' "Unicode text").
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return TEXT
        return TEXT if head and b"\x00" not in head else None
    if kind.mime == "application/zip":
        if extension in OFFICE_ZIP_MEMBERS and _zip_holds(upload, OFFICE_ZIP_MEMBERS[extension]):
            return EXPECTED_TYPES[extension]
        if extension in OPENDOCUMENT_MIMES and _zip_holds(upload, OPENDOCUMENT_MIMES[extension]):
            return EXPECTED_TYPES[extension]
    return kind.mime


def check_type(upload, allowed_extensions) -> str:
    """Refuses an upload whose extension is not allowed or whose content is something else than
    its extension says; returns the detected MIME type."""
    extension = extension_of(getattr(upload, "name", ""))
    allowed = sorted(set(allowed_extensions))
    if extension not in allowed or extension not in EXPECTED_TYPES:
        raise ValidationError(
            _("Files of this kind cannot be uploaded. Allowed: %(allowed)s."),
            code="upload_extension",
            params={"allowed": ", ".join(allowed)},
        )
    found = detected_type(upload, extension)
    if found != EXPECTED_TYPES[extension]:
        raise ValidationError(
            _(
                "The file is named .%(extension)s but its content is something else "
                "(%(found)s). Save it in the right format, or give it the right name."
            ),
            code="upload_type_mismatch",
            params={"extension": extension, "found": found or _("unknown")},
        )
    return found


def strip_image_metadata(upload) -> bytes | None:
    """The image re-encoded without metadata, or None when it is not a JPEG, PNG or WebP (the
    validators refuse those)."""
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = PILLOW_FORMATS.get(image.format or "")
            if image_format is None:
                return None
            image.load()
            icc_profile = image.info.get("icc_profile")
            transparency = image.info.get("transparency")
            clean = ImageOps.exif_transpose(image)
    except Exception:  # Pillow raises many kinds for bad input; the validators explain
        return None
    finally:
        with contextlib.suppress(Exception):
            upload.seek(0)
    clean.info = {}
    options = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format == "JPEG":
        if clean.mode not in {"RGB", "L", "CMYK"}:
            clean = clean.convert("RGB")
        options.update(quality=92, optimize=True)
    elif image_format == "PNG":
        options["optimize"] = True
        if transparency is not None and clean.mode in {"P", "L", "RGB"}:
            options["transparency"] = transparency
    else:
        options.update(quality=90)
    out = io.BytesIO()
    clean.save(out, image_format, **options)
    return out.getvalue()


@cache
def _image_fields(model) -> tuple[models.ImageField, ...]:
    from wagtail.images.models import AbstractRendition

    if issubclass(model, AbstractRendition):  # made by us from a stripped original
        return ()
    return tuple(f for f in model._meta.concrete_fields if isinstance(f, models.ImageField))


def strip_metadata_before_save(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: a newly uploaded image (not yet written to storage) is replaced by its copy
    without metadata before it is written."""
    if raw:  # loaddata
        return
    for field in _image_fields(sender):
        file = getattr(instance, field.attname)
        if not file or getattr(file, "_committed", True):
            continue
        cleaned = strip_image_metadata(file.file)
        if cleaned is None:
            continue
        file.file = ContentFile(cleaned, name=file.name)
        if hasattr(file, "_dimensions_cache"):
            del file._dimensions_cache
        field.update_dimension_fields(instance, force=True)
        if hasattr(instance, "_set_image_file_metadata"):  # Wagtail: file size and hash
            instance._set_image_file_metadata()
