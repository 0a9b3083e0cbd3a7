from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from home import opendata, selectors


def accessibility(request):
    """What on the site does not meet the rules yet, and how to tell us about a problem."""
    from home.accessibility import KNOWN_PROBLEMS

    context = {
        "known_problems": KNOWN_PROBLEMS,
        "statement_url": settings.ACCESSIBILITY_STATEMENT_URL,
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "contact_phone": settings.ACCESSIBILITY_CONTACT_PHONE,
    }
    return render(request, "pages/accessibility.html", context)


def was_redirect(request):
    """`/was`: the accessibility statement in the WAS tool. A temporary redirect, since the
    address is a setting; without a web address set, the site's own page."""
    url = settings.ACCESSIBILITY_STATEMENT_URL
    if url.startswith(("https://", "http://")):
        return HttpResponseRedirect(url)
    return redirect("home:accessibility")


def take_part(request):
    """How to take part: read and follow the policy, and each way the feature apps offer
    (core.hooks.TAKE_PART), step by step in plain words."""
    from core.hooks import TAKE_PART, run_hooks
    from core.locales import default_locale_page
    from home.models import BarometerPage, PolicyPage

    policy = default_locale_page(PolicyPage)
    barometer = default_locale_page(BarometerPage)
    ways = [way for way in run_hooks(TAKE_PART, request) if way]
    if policy is not None:
        ways.append(
            {
                "order": 10,
                "heading": _("Read the policy and follow the goals"),
                "steps": [
                    _("Read what the city wants to reach, in short or in full."),
                    _("Twice a year the integration barometer shows how far each goal is."),
                ],
                "url": policy.url,
                "link": _("Read the integration policy"),
                "more_url": barometer.url if barometer is not None else "",
                "more_link": _("See the integration barometer"),
            }
        )
    ways.sort(key=lambda way: way["order"])
    return render(request, "pages/take_part.html", {"ways": ways})


def privacy(request):
    return render(request, "pages/privacy.html")


def contact(request):
    return render(request, "pages/contact.html")


def search(request):
    """Site search over the live pages in the current language, and the extra models that
    other apps offer through the core.hooks.SITE_SEARCH hook, shown as their own groups."""
    query = request.GET.get("q", "").strip()
    context = {"query": query, "results": [], "groups": [], "error": ""}
    status = 200
    if len(query) > selectors.SEARCH_MAX_LENGTH:
        context["error"] = _("Please use at most %(max)d characters.") % {
            "max": selectors.SEARCH_MAX_LENGTH
        }
        status = 400
    elif query:
        context["results"] = selectors.search_pages(query)
        context["groups"] = selectors.search_groups(query)
    return render(request, "home/search.html", context, status=status)


def barometer_csv(request):
    goals = selectors.goals_for_active_locale()
    response = HttpResponse(opendata.barometer_csv(goals), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="barometer.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def barometer_json(request):
    goals = selectors.goals_for_active_locale()
    response = JsonResponse(
        opendata.barometer_json(goals, request), json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
