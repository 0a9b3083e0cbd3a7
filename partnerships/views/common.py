"""Helpers the views share."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from core.locales import active_locale
from home.policy_text import POLICY
from partnerships.models import Organisation, PartnerIndexPage


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError onto the form: on the field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field == NON_FIELD_ERRORS:
                target = None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)


def check(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def pledge_text(actor: str) -> dict:
    """The policy's three principles and this actor's responsibilities, in the page language."""
    language = get_language() if get_language() in POLICY else "da"
    policy = POLICY[language]
    responsibility = next(r for r in policy["responsibilities"] if r["actor"] == actor)
    return {"principles": policy["principles"], "responsibility": responsibility}


def register_page(request):
    locale = active_locale(fallback=False)
    pages = PartnerIndexPage.objects.live()
    return (pages.filter(locale=locale).first() if locale else None) or pages.first()


def organisation_for(request, pk: int, perm: str) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    check(request, perm, organisation)
    return organisation
