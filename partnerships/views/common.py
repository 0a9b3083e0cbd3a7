"""Helpers the views share."""

from functools import wraps

from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale

from core import pagecache
from core.errors import ServiceError
from core.locales import active_locale
from core.rules import require
from home.selectors import policy_page
from partnerships.models import (
    Organisation,
    PartnerIndexPage,
    ProgressStatus,
    ReportState,
    ReviewStatus,
)

# The vocabularies templates compare with (`organisation.status == ReviewStatus.APPROVED`), so
# no template spells a status out.
CHOICES = {
    "ReviewStatus": ReviewStatus,
    "ProgressStatus": ProgressStatus,
    "ReportState": ReportState,
}


def answers_refusals(view):
    """A refusal the view does not handle itself (its own permission check, mostly) becomes a
    page that says why, with the status that fits."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ServiceError as error:
            return refused(request, error)

    return wrapper


def refused(request, error: ServiceError, template: str = "partnerships/refused.html"):
    return render(request, template, {"error": error}, status=error.page_status)


def form_status(form, error: ServiceError | None = None) -> int:
    """A form shown again answers 400 (or the refusal's own status); a fresh one 200."""
    if error is not None:
        return error.page_status
    return 400 if form.errors else 200


def pledge_text(actor: str) -> dict:
    """The policy's three principles and this actor's responsibilities as the published policy
    page says them, in the reader's language (the Danish page when it has no translation)."""
    page = policy_page(active_locale())
    if page is None:
        return {"principles": [], "responsibility": None}
    return {
        "principles": [block.value for block in page.principles],
        "responsibility": next(
            (block.value for block in page.responsibilities if block.value["actor"] == actor),
            None,
        ),
    }


def register_page(request):
    """The partner register in the reader's language, else the Danish one (looked up once per
    language and process, until a page changes)."""
    locale = active_locale()

    def find():
        pages = PartnerIndexPage.objects.live()
        return (
            pages.filter(locale=locale).first() or pages.filter(locale=Locale.get_default()).first()
        )

    return pagecache.remember(f"partner-register:{locale.language_code}", find)


def organisation_for(request, pk: int, perm: str) -> Organisation:
    """The organisation, if the user may `perm` it; otherwise the rules' refusal is raised (see
    `answers_refusals`)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    require(request.user, perm, organisation)
    return organisation
