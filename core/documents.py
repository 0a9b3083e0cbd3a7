"""The base of every Wagtail document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): the admin's
upload, the multiple uploader and the chooser's upload tab all check the content against the
file name (core.uploads.check_type)."""

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

from core.uploads import check_type


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and not getattr(upload, "_committed", False) and hasattr(upload, "read"):
            check_type(upload, settings.WAGTAILDOCS_EXTENSIONS)
        return upload
