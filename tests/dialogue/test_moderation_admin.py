"""The moderators' screens in the Wagtail admin: who gets in, what the queue shows, the actions
over HTTP, the read-only log, debate states and what the Moderators group can reach."""

import pytest
from django.contrib.auth.models import Group
from django.urls import Resolver404, resolve
from wagtail.models import GroupPagePermission

from accounts.roles import DEBATE_MODERATORS
from dialogue import services
from dialogue.models import CommentStatus, DebateState, ModerationLogEntry
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, editor, moderator

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderation/"
LOG = "/admin/moderation/log/"
DEBATES = "/admin/moderation/debates/"


@pytest.fixture
def debate():
    return make_debate()


@pytest.fixture
def reported(debate):
    comment = services.comment_create(user=UserFactory(), debate=debate, body="Køb billige ure")[0]
    services.report_create(user=UserFactory(), comment=comment, reason="spam")
    services.report_create(user=UserFactory(), comment=comment, reason="other", text="Ren reklame")
    return comment


def staff(make):
    user = make()
    user.is_staff = True
    user.save()
    return user


def test_the_queue_renders_for_a_moderator_with_reasons_count_and_history(client, reported):
    client.force_login(staff(moderator))
    response = client.get(QUEUE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Køb billige ure" in page
    assert "Ren reklame" in page
    assert 'data-report-count="2"' in page
    assert f"/admin/moderation/comment/{reported.pk}/" in page


def test_a_resident_is_sent_away_from_the_queue(client, reported):
    client.force_login(UserFactory())
    response = client.get(QUEUE)
    # Without admin access, Wagtail sends them to log in as someone who has it.
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_editor_cannot_work_the_queue_but_can_switch_debate_states(client, reported, debate):
    client.force_login(staff(editor))
    for url in (QUEUE, LOG, f"/admin/moderation/comment/{reported.pk}/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "Køb billige ure" not in response.content.decode()
    hide = {"action": "hide", "reason": "spam"}
    assert client.post(f"/admin/moderation/comment/{reported.pk}/", hide).status_code == 403
    reported.refresh_from_db()
    assert reported.status == CommentStatus.PUBLISHED
    assert client.get(DEBATES).status_code == 200
    response = client.post(
        f"/admin/moderation/debates/{debate.pk}/", {"state": "premoderated", "conclusion": ""}
    )
    assert response.status_code == 302
    debate.refresh_from_db()
    assert debate.state == DebateState.PREMODERATED


def test_anonymous_visitors_are_sent_to_log_in(client, reported):
    for url in (QUEUE, LOG, DEBATES, f"/admin/moderation/comment/{reported.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_queue_is_oldest_first_and_filters_by_debate_and_reason(client, reported):
    other_debate = make_debate(state=DebateState.PREMODERATED)
    pending = services.comment_create(user=UserFactory(), debate=other_debate, body="Venter her")[0]
    client.force_login(staff(moderator))
    page = client.get(QUEUE).content.decode()
    assert page.index("Køb billige ure") < page.index("Venter her")
    by_debate = client.get(QUEUE, {"debate": other_debate.pk}).content.decode()
    assert "Venter her" in by_debate and "Køb billige ure" not in by_debate
    by_reason = client.get(QUEUE, {"reason": "spam"}).content.decode()
    assert "Køb billige ure" in by_reason and "Venter her" not in by_reason
    held = client.get(QUEUE, {"reason": "premoderation"}).content.decode()
    assert "Venter her" in held and "Køb billige ure" not in held
    assert pending.status == CommentStatus.PENDING
    assert client.get(QUEUE, {"debate": "x", "reason": "nonsense"}).status_code == 200


def test_the_comment_page_shows_the_thread_and_every_action(client, debate):
    top = services.comment_create(user=UserFactory(), debate=debate, body="Første indlæg")[0]
    reply = services.comment_create(
        user=UserFactory(), debate=debate, body="Dumt svar", parent_id=top.pk
    )[0]
    services.report_create(user=UserFactory(), comment=reply, reason="offensive")
    client.force_login(staff(moderator))
    page = client.get(f"/admin/moderation/comment/{reply.pk}/").content.decode()
    assert "Første indlæg" in page and "Dumt svar" in page
    for action in ("approve", "hide", "remove", "warn", "block"):
        assert f'value="{action}"' in page


@pytest.mark.parametrize(
    ("action", "data", "status"),
    [
        ("approve", {"note": ""}, CommentStatus.PUBLISHED),
        ("hide", {"reason": "spam", "note": "Reklame"}, CommentStatus.HIDDEN),
        ("remove", {"note": "Navn og adresse", "confirm": "on"}, CommentStatus.REMOVED),
    ],
)
def test_moderator_acts_over_http_and_it_is_logged(client, reported, action, data, status):
    mod = staff(moderator)
    client.force_login(mod)
    response = client.post(f"/admin/moderation/comment/{reported.pk}/", {"action": action, **data})
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.status == status and reported.queued_at is None
    assert ModerationLogEntry.objects.get(moderator=mod).action == action
    assert client.get(QUEUE).content.decode().count("Køb billige ure") == 0


def test_restore_warn_and_block_over_http(client, reported):
    mod = staff(moderator)
    client.force_login(mod)
    url = f"/admin/moderation/comment/{reported.pk}/"
    client.post(url, {"action": "hide", "reason": "spam"})
    assert client.post(url, {"action": "restore", "note": ""}).status_code == 302
    assert client.post(url, {"action": "warn", "note": "Ingen reklame"}).status_code == 302
    assert (
        client.post(url, {"action": "block", "period": "30", "reason": "Spam"}).status_code == 302
    )
    reported.refresh_from_db()
    reported.author.refresh_from_db()
    assert reported.status == CommentStatus.PUBLISHED
    assert reported.author.is_blocked
    assert list(
        ModerationLogEntry.objects.filter(moderator=mod)
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["hide", "restore", "warn", "block"]


def test_bad_input_comes_back_with_a_message_and_nothing_lost(client, reported):
    client.force_login(staff(moderator))
    url = f"/admin/moderation/comment/{reported.pk}/"
    response = client.post(url, {"action": "hide", "reason": "ugly", "note": "min note"})
    assert response.status_code == 400 and "min note" in response.content.decode()
    response = client.post(url, {"action": "remove", "note": "uden flueben"})
    assert response.status_code == 400 and "uden flueben" in response.content.decode()
    assert client.post(url, {"action": "explode"}).status_code == 400
    response = client.post(url, {"action": "restore", "note": ""})
    assert response.status_code == 409
    reported.refresh_from_db()
    assert reported.status == CommentStatus.PUBLISHED


def test_closing_a_debate_asks_for_a_conclusion(client, debate):
    client.force_login(staff(moderator))
    url = f"/admin/moderation/debates/{debate.pk}/"
    response = client.post(url, {"state": "closed", "conclusion": ""})
    assert response.status_code == 400
    response = client.post(url, {"state": "closed", "conclusion": "Vi tager det med videre."})
    assert response.status_code == 302
    debate.refresh_from_db()
    assert debate.state == DebateState.CLOSED
    page = client.get(debate.url).content.decode()
    assert "Vi tager det med videre." in page


def test_the_log_is_readable_filterable_and_has_no_edit_views(client, reported):
    mod = staff(moderator)
    services.comment_hide(moderator=mod, comment=reported, reason="spam", note="Reklame")
    client.force_login(mod)
    response = client.get(LOG)
    assert response.status_code == 200 and "Reklame" in response.content.decode()
    assert "Reklame" not in client.get(LOG, {"action": "warn"}).content.decode()
    assert "Reklame" in client.get(LOG, {"action": "hide"}).content.decode()
    entry = ModerationLogEntry.objects.first()
    for suffix in (f"{entry.pk}/edit/", f"{entry.pk}/delete/", f"edit/{entry.pk}/"):
        try:
            match = resolve(LOG + suffix)
        except Resolver404:
            continue
        assert match.namespace != "dialogue_moderation"
    assert client.post(LOG, {"note": "rewritten"}).status_code == 405
    entry.refresh_from_db()
    assert entry.note == "Reklame"


def test_moderators_have_no_page_rights_but_reach_the_admin(client):
    group = Group.objects.get(name=DEBATE_MODERATORS)
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert group.permissions.filter(codename="access_admin").exists()
    mod = staff(moderator)
    assert not mod.has_perm("wagtailimages.add_image")
    client.force_login(mod)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code in (302, 403)


def admin_menu_item(client, name: str) -> dict | None:
    """The sidebar menu item called `name`, as the admin page hands it to Wagtail's sidebar."""
    import json
    import re

    page = client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', page, re.S
    )
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("name") == name and "label" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return found[0] if found else None


def test_the_admin_menu_shows_the_queue_count_to_moderators(client, reported):
    client.force_login(staff(moderator))
    assert admin_menu_item(client, "moderation-queue")["label"] == "Kø (1)"
    assert admin_menu_item(client, "moderation")["label"] == "Moderering (1)"
    services.comment_approve(moderator=moderator(), comment=reported)
    assert admin_menu_item(client, "moderation-queue")["label"] == "Kø"


def test_an_editor_sees_debate_states_but_no_queue_in_the_menu(client, reported):
    client.force_login(staff(editor))
    assert admin_menu_item(client, "moderation-queue") is None
    assert admin_menu_item(client, "moderation-debates")["label"] == "Debatters status"


def test_a_debate_cannot_be_saved_closed_without_a_conclusion(debate):
    from django.core.exceptions import ValidationError

    debate.state = DebateState.CLOSED
    with pytest.raises(ValidationError) as error:
        debate.full_clean()
    assert "conclusion" in error.value.message_dict
    debate.conclusion = "Tak for input"
    debate.full_clean()
