"""Lists and debate comments as sections (core/sections.py): kept only for the queries the
page itself makes, refreshed at once by what they show, never the anonymous reader's list
shown to a logged-in one."""

import re

import pytest
from django import forms
from django.middleware.csrf import _unmask_cipher_token
from django.test import RequestFactory

from core import sections
from core.pages import listing_section
from dialogue import services as dialogue_services
from dialogue.models import DebateState
from tests.dialogue.factories import make_debate
from tests.events.factories import EventPageFactory, event_index
from tests.factories import UserFactory, editor, moderator
from tests.renders import renders_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request is rendered: only sections are kept


class KindForm(forms.Form):
    kind = forms.ChoiceField(required=False, choices=[("", "-"), ("a", "A"), ("b", "B")])
    q = forms.CharField(required=False)


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("", True),
        ("kind=a", True),
        ("kind=a&page=2", True),
        ("q=", True),  # an empty search field, as the form sends it
        ("kind=c", False),  # refused by the form
        ("kind=a&kind=b", False),  # twice
        ("kind=a&utm=x", False),  # not the form's
        ("page=12345", False),  # not a page number the links make
        ("page=2x", False),
        ("q=skole", False),  # typed text
    ],
)
def test_a_listing_is_kept_only_for_a_query_the_page_makes(query, kept):
    request = RequestFactory().get(f"/da/liste/?{query}")
    form = KindForm(request.GET or None)
    assert (listing_section(request, form, "list", ("page",)) == "list") is kept


def test_a_made_up_query_renders_the_event_list_without_keeping_it(client):
    EventPageFactory()
    index = event_index()
    client.get(index.url)
    kept = len(sections._local)
    for n in range(5):
        assert client.get(f"{index.url}?utm_source=x{n}").status_code == 200
    assert len(sections._local) == kept


def test_a_new_event_shows_on_the_event_list_at_once(client):
    EventPageFactory(title="Første møde")
    index = event_index()
    assert "Første møde" in client.get(index.url).content.decode()
    client.force_login(UserFactory())
    assert "Første møde" in client.get(index.url).content.decode()  # reused for a resident
    EventPageFactory(title="Andet møde")
    assert "Andet møde" in client.get(index.url).content.decode()


def post(debate, body: str, author=None):
    return dialogue_services.comment_create(user=author or UserFactory(), debate=debate, body=body)


def test_a_new_comment_shows_on_the_anonymous_debate_page_and_list_at_once(client):
    debate = make_debate()
    post(debate, "Den første kommentar")
    index_url = debate.get_parent().url
    assert "Den første kommentar" in client.get(debate.url).content.decode()
    before = client.get(index_url).content.decode()
    post(debate, "Den anden kommentar")
    assert "Den anden kommentar" in client.get(debate.url).content.decode()
    assert client.get(index_url).content.decode() != before  # the count and activity moved


def test_a_closed_debate_says_so_at_once(client):
    debate = make_debate()
    client.get(debate.url)
    dialogue_services.debate_set_state(
        user=moderator(), debate=debate, state="closed", conclusion="Tak for debatten"
    )
    assert "Tak for debatten" in client.get(debate.url).content.decode()


def test_a_logged_in_reader_never_gets_the_anonymous_comments(client, settings):
    """The comments of an anonymous reader's page are kept; a resident's own comment waiting
    for moderation is theirs alone, and their page is not the anonymous one."""
    debate = make_debate(state=DebateState.PREMODERATED)
    author = UserFactory()
    post(debate, "Venter på en moderator", author=author)
    assert "Venter på en moderator" not in client.get(debate.url).content.decode()
    client.force_login(author)
    body = client.get(debate.url).content.decode()
    assert "Venter på en moderator" in body
    settings.PAGE_SECTIONS = False
    assert "Venter på en moderator" in client.get(debate.url).content.decode()


def test_logged_in_readers_without_a_part_of_their_own_share_the_comments(client):
    """Most logged-in readers of a debate have written nothing there and reacted to nothing:
    they share one list of comments (with the reaction and report forms, each reader's own
    CSRF token); a reader who reacts gets their own list from then on."""
    debate = make_debate()
    comment = post(debate, "Hvad synes I?")[0]
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    client.get(debate.url)
    client.force_login(second)
    with renders_of("dialogue/includes/comment.html") as renders:
        body = client.get(debate.url).content.decode()
    assert renders == []
    assert 'aria-pressed="false" data-reaction="agree"' in body
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    assert _unmask_cipher_token(token) == client.cookies["csrftoken"].value

    dialogue_services.reaction_set(user=second, comment=comment, value="agree")
    assert 'aria-pressed="true" data-reaction="agree"' in client.get(debate.url).content.decode()
    client.force_login(first)
    body = client.get(debate.url).content.decode()
    assert (
        'aria-pressed="true"' not in body and 'aria-pressed="false" data-reaction="agree"' in body
    )


def test_a_withdrawn_pledge_leaves_the_partner_page_at_once(client):
    """The partner page's pledge is a section, read only when rendered: withdrawing it (which
    retires "partners") shows at once."""
    from partnerships.models import Pledge, ReviewStatus
    from partnerships.services import organisation_approve, pledge_withdraw
    from tests.partnerships.factories import CommitmentFactory, OrganisationFactory, PledgeFactory

    organisation = OrganisationFactory(name="Nørrebro Netværk", status=ReviewStatus.PENDING)
    CommitmentFactory(pledge=PledgeFactory(organisation=organisation), quantity=3)
    organisation_approve(reviewer=editor(), organisation=organisation)
    url = organisation.get_absolute_url()
    assert 'id="pledge-heading"' in client.get(url).content.decode()
    assert 'id="pledge-heading"' in client.get(url).content.decode()  # reused
    admin = UserFactory()
    organisation.memberships.create(user=admin, role="admin")
    pledge_withdraw(user=admin, pledge=Pledge.objects.get(organisation=organisation))
    assert 'id="pledge-heading"' not in client.get(url).content.decode()


def test_a_sign_up_changes_the_places_on_the_event_page_at_once(client):
    from events import services as event_services

    event = EventPageFactory(capacity=10, signup_enabled=True)
    assert "10 af 10 tilbage" in client.get(event.url).content.decode()
    event_services.registration_create(event=event, user=UserFactory())
    assert "9 af 10 tilbage" in client.get(event.url).content.decode()
