"""Every page type and every route, as each kind of person sees it, has unique ids, labels that
point at something and a name on every form control (issue 13: axe missed twelve reply boxes
without a name). Server HTML only, no browser: the crawl of tests/robustness finds the pages."""

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation

from events.models import EventPage
from events.services import registration_create
from tests.config.html_checks import check
from tests.factories import UserFactory
from tests.robustness import crawl
from tests.robustness.conftest import client_for
from tests.robustness.world import rolled_back_world

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "resident", "partner", "moderator", "editor")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The robustness world, plus a full event with a waiting list and more comments."""
    with rolled_back_world(django_db_blocker) as world:
        from dialogue.services import comment_create

        resident = world.users["resident"]
        for n in range(3):
            top, _ = comment_create(
                user=world.users["partner"], debate=world.debate, body=f"Top {n}"
            )
            comment_create(user=resident, debate=world.debate, body="Svar", parent_id=top.pk)
        full = EventPage.objects.live().exclude(pk=world.event.pk).filter(capacity__gt=0)
        full = full.order_by("start").last()
        full.capacity = 1
        full.save_revision().publish()
        registration_create(event=full, user=UserFactory())
        for role in ("resident", "partner"):
            registration_create(event=full, user=world.users[role])
        world.ids["full_event"] = full.pk
        world.full_event = full
        yield world


def _project_screen(route) -> bool:
    """Pages, and in the admin only the project's own screens (moderation, reviews): Wagtail's
    stock screens are Wagtail's markup, tested by Wagtail."""
    if not route.pattern.startswith("admin/"):
        return True
    view = resolve(route.path).func
    module = getattr(getattr(view, "view_class", view), "__module__", "")
    return module.split(".")[0] in crawl.PROJECT_APPS


def _targets(world):
    routes = [r for r in crawl.routes(world) + crawl.page_routes() if _project_screen(r)]
    full = world.full_event
    routes.append(crawl.Route("page:full event", "page tree", full.url))
    routes.append(crawl.Route("page:debate", "page tree", world.debate.url))
    return routes


def test_no_page_repeats_an_id_or_leaves_a_control_without_a_name(world):
    problems, asked = [], set()
    for role in ROLES:
        client = client_for(world, role)
        for route in _targets(world):
            if not crawl.worth_asking(route, role) and route.pattern != "page tree":
                continue
            response = client.get(route.path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            asked.add((role, route.name))
            html = response.content.decode()
            if role == "resident" and route.name == "page:debate":
                # Open reply forms: one per comment, each with a textarea of its own.
                assert html.count('name="body"') >= 8, "no reply forms on the debate page"
            found = check(html)
            problems += [f"{role} {route.path}: {p}" for p in found.problems()]
    # The states the issue names were reached, so the check said something about them.
    names = {name for _role, name in asked}
    needed = (
        "page:debate", "page:full event", "accounts:profile",
        "accounts:delete", "dialogue_moderation:queue", "account_signup",
    )  # fmt: skip
    for name in needed:
        assert any(name in n for n in names), (name, sorted(names))
    assert not problems, "\n".join(problems)


def test_the_checker_finds_what_it_looks_for():
    html = """
      <form id=""><label for="-body">Text</label><textarea id="-body"></textarea>
      <textarea id="-body"></textarea><input name="q"><select name="s"></select>
      <input type="hidden" name="h"><span aria-labelledby="nowhere"></span></form>
      <template><input name="inert"></template>
      <label>Wrapped <input name="ok"></label><input aria-label="Search" name="ok2">
    """
    problems = check(html).problems()
    assert 'id="-body" x2' in problems
    assert any(p.startswith("empty id") for p in problems)
    assert 'aria-labelledby="nowhere" points at nothing' in problems
    unnamed = [p for p in problems if p.startswith("control without a name")]
    assert len(unnamed) == 2 and all('name="q"' in p or 'name="s"' in p for p in unnamed)


def _is_post_only(path: str) -> bool:
    with translation.override("da"):
        try:
            view = resolve(path).func
        except Resolver404:
            return False
    return getattr(view, "post_only", False)


@pytest.mark.parametrize("language", ["da", "ar"])
def test_no_address_answers_get_with_405_and_post_only_ones_lead_back_to_their_page(
    world, language
):
    """A failed POST leaves its endpoint in the address bar; reloaded, it must lead back to
    the page the form is on, in the same language, not to a bare 405."""
    wrong, post_only = [], set()
    for role in ("resident", "partner"):
        client = client_for(world, role)
        for route in crawl.routes(world):
            if route.pattern.startswith("admin/"):
                continue
            path = route.path.replace("/da/", f"/{language}/", 1)
            response = client.get(path)
            if response.status_code == 405:
                wrong.append(f"{role} GET {path} -> 405")
            if not _is_post_only(route.path):
                continue
            post_only.add(route.name)
            if response.status_code != 302:
                wrong.append(f"{role} GET {path} -> {response.status_code}, not a redirect")
                continue
            location = response["Location"]
            if not location.startswith(f"/{language}/"):
                wrong.append(f"{role} GET {path} -> {location}: another language")
            back = client.get(location.split("#")[0])
            # The partner may use every one of these forms; the resident is refused the
            # organisation's dashboard as on any other visit (403 there, not a 405 here).
            if back.status_code != 200 and not (role == "resident" and back.status_code == 403):
                wrong.append(f"{role} GET {path} -> {location} -> {back.status_code}")
    assert not wrong, "\n".join(wrong)
    # The POST-only endpoints of comments, reactions, events, members and the data export.
    expected = {
        "dialogue:comment_create", "dialogue:comment_delete", "dialogue:reaction_set",
        "events:signup", "events:cancel", "partnerships:invite", "partnerships:remove_member",
        "accounts:export",
    }  # fmt: skip
    assert expected <= post_only, expected - post_only


def test_other_methods_on_a_post_only_address_still_get_405(world):
    client = client_for(world, "resident")
    response = client.put(f"/da/dialog/{world.debate.pk}/kommenter/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
