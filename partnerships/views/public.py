"""What everyone sees: a partner's page; and a member's list of organisations."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from partnerships import selectors
from partnerships.notices import organisation_topic
from partnerships.views.common import CHOICES, pledge_text, register_page


def partner(request, slug):
    organisation = selectors.partner_detail(slug)
    if organisation is None or not request.user.has_perm("partnerships.view_partner", organisation):
        raise Http404
    # Read only when the page's pledge section is rendered (core/sections.py), not when it is
    # reused: a pledge, its commitments and reports change only with the "partners" tag.
    pledge = SimpleLazyObject(lambda: organisation.active_pledge)
    context = {
        "organisation": organisation,
        "pledge": pledge,
        "items": SimpleLazyObject(lambda: selectors.pledge_with_progress(pledge or None)),
        "register_page": register_page(request),
        "pledge_text": SimpleLazyObject(
            lambda: pledge_text(organisation.actor) if pledge else None
        ),
        "follow_topic": organisation_topic(organisation),
        **CHOICES,
    }
    return render(request, "partnerships/partner.html", context)


@login_required
def mine(request):
    return render(
        request,
        "partnerships/mine.html",
        {"memberships": selectors.memberships_for(request.user)},
    )
