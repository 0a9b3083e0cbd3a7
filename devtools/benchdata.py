"""Data for the page benchmark (bench/pages.py), on top of `load_content --demo`: a debate with
2,000 comments, 500 partner organisations in the public register and 300 events; a resident's
session for the logged-in runs; and the address of one page of each type.

Run inside the project's settings (`manage.py shell -c "from devtools.benchdata import seed;
seed()"`); it prints one JSON line. `count_queries()` measures queries per request the same way.
"""

import json
import secrets
from datetime import timedelta

COMMENTS = 2000
PARTNERS = 500
EVENTS = 300
SEARCH = "integration"


def debate_with_comments(authors, count: int = COMMENTS, slug: str = "bench-debat"):
    """A debate with `count` published comments, a tenth of them replies to the first 50."""
    from django.utils import timezone
    from wagtail.models import Locale

    from dialogue.models import Comment, CommentStatus, DebateIndexPage, DebatePage, DebateState

    index = DebateIndexPage.objects.filter(locale=Locale.get_default()).first()
    debate = index.add_child(
        instance=DebatePage(
            title=f"Bench: boliger og naboskab ({slug})",
            slug=slug,
            question="Hvordan bliver vi bedre naboer?",
            state=DebateState.OPEN,
        )
    )
    now = timezone.now()
    tops = [
        Comment(
            debate=debate,
            author=authors[i % len(authors)],
            body=f"Kommentar {i}: vi mødes i gården og spiser sammen.",
            body_html=f"<p>Kommentar {i}: vi mødes i gården og spiser sammen.</p>",
            status=CommentStatus.PUBLISHED,
            created_at=now - timedelta(minutes=count - i),
        )
        for i in range(count - count // 10)
    ]
    Comment.objects.bulk_create(tops, batch_size=500)
    roots = list(Comment.objects.filter(debate=debate, parent=None).order_by("id")[:50])
    replies = [
        Comment(
            debate=debate,
            author=authors[i % len(authors)],
            parent=roots[i % len(roots)],
            root=roots[i % len(roots)],
            depth=1,
            body=f"Svar {i}",
            body_html=f"<p>Svar {i}</p>",
            status=CommentStatus.PUBLISHED,
        )
        for i in range(count - len(tops))
    ]
    Comment.objects.bulk_create(replies, batch_size=500)
    DebatePage.objects.filter(pk=debate.pk).update(
        comment_count=count, last_activity_at=timezone.now()
    )
    return debate


def public_partners(count: int = PARTNERS, start: int = 0):
    """`count` approved organisations with a pledge and a commitment each, in the register."""
    from django.utils import timezone
    from wagtail.search.index import insert_or_update_object

    from partnerships.cvr import cvr_with_check_digit
    from partnerships.models import (
        Commitment,
        CommitmentType,
        Kind,
        Organisation,
        Pledge,
        ReviewStatus,
    )

    kinds = [kind for kind, _label in Kind.choices]
    seed = 3000000 + start * 20
    organisations = []
    for i in range(start, start + count):
        cvr = None
        while not cvr:
            seed += 1
            cvr = cvr_with_check_digit(str(seed))
        organisations.append(
            Organisation(
                name=f"Bench organisation {i:03d}",
                slug=f"bench-organisation-{i:03d}",
                kind=kinds[i % len(kinds)],
                cvr=cvr,
                address="Rådhuspladsen 1, 1550 København V",
                district="indre-by",
                description="Vi tager praktikanter fra hele byen og integration er en del af det.",
                contact_name="Kim Kontakt",
                contact_email=f"bench{i}@org.example",
                contact_phone="+45 33 66 33 66",
                status=ReviewStatus.APPROVED,
                is_public=True,
                reviewed_at=timezone.now(),
            )
        )
    organisations = Organisation.objects.bulk_create(organisations, batch_size=250)
    pledges = Pledge.objects.bulk_create(
        [
            Pledge(
                organisation=organisation,
                signatory_name="Sam Underskriver",
                signatory_role="Direktør",
                actor=organisation.actor,
            )
            for organisation in organisations
        ],
        batch_size=250,
    )
    types = list(CommitmentType.objects.all()[:5])
    if not types:
        types = [CommitmentType.objects.create(name="Praktikpladser", unit="praktikpladser")]
    Commitment.objects.bulk_create(
        [
            Commitment(
                pledge=pledge,
                commitment_type=types[i % len(types)],
                quantity=5,
                target_date=timezone.localdate() + timedelta(days=365),
            )
            for i, pledge in enumerate(pledges)
        ],
        batch_size=250,
    )
    for organisation in organisations:  # the site search finds them, as it would
        insert_or_update_object(organisation)
    return organisations


def events(count: int = EVENTS, offset: int = 0):
    """`count` events under the Danish events index, two thirds upcoming; returns an upcoming
    one."""
    from django.utils import timezone
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventKind, EventPage

    index = EventIndexPage.objects.filter(locale=Locale.get_default()).first()
    start = (timezone.now() + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    first = None
    for i in range(offset, offset + count):
        # Two thirds upcoming, one third past: both parts of the listing are full.
        when = start + timedelta(days=i) if i % 3 else start - timedelta(days=10 + i)
        event = index.add_child(
            instance=EventPage(
                title=f"Bench fællesspisning {i:03d}",
                slug=f"bench-event-{i:03d}",
                kind=EventKind.MEET_UP,
                start=when,
                end=when + timedelta(hours=2),
                venue="Beboerhuset",
                address="Mjølnerparken 110, 2200 København N",
                capacity=40,
                signup_enabled=True,
            )
        )
        if first is None and i % 3:
            first = event
    return first


def _resident_session() -> tuple[str, str]:
    """A verified resident's session key (logged-in runs) and a CSRF cookie for it."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    user = User.objects.create_user(
        email="bench-reader@example.org",
        password=secrets.token_urlsafe(16),
        display_name="Bench Reader",
    )
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return session_for(user), secrets.token_hex(16)


def session_for(user) -> str:
    """A logged-in session of `user` (its key, for a `sessionid` cookie), as a log-in makes it."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def page_urls(debate, partner, event) -> dict[str, str]:
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from dialogue.models import DebateIndexPage
    from events.models import EventIndexPage
    from home.models import BarometerPage, FocusAreaPage, GoalPage, PolicyPage
    from partnerships.models import PartnerIndexPage

    danish = Locale.get_default()

    def first(model, **filters):
        return model.objects.live().filter(locale=danish, **filters).order_by("path").first().url

    with translation.override("da"):
        return {
            "home": "/da/",
            "policy": first(PolicyPage),
            "focus area": first(FocusAreaPage),
            "goal": first(GoalPage, is_overall=False),
            "barometer": first(BarometerPage),
            "debate list": first(DebateIndexPage),
            "debate (2,000 comments)": debate.url,
            "partner register (500)": first(PartnerIndexPage),
            "a partner": reverse("partnerships:partner", args=[partner.slug]),
            "event list (300)": first(EventIndexPage),
            "an event": event.url,
            "search": reverse("home:search") + f"?q={SEARCH}",
            "open-data CSV": reverse("home:barometer_csv"),
        }


def authors(count: int = 50, start: int = 0):
    from accounts.models import User

    return User.objects.bulk_create(
        [
            User(
                username=f"bench-author{i}@example.org",
                email=f"bench-author{i}@example.org",
                display_name=f"Beboer {i}",
            )
            for i in range(start, start + count)
        ]
    )


def analyze() -> None:
    """Gives PostgreSQL's planner the new tables' statistics, as its autovacuum would within a
    minute of a load like this: without them it guesses one row where there are 300 (the event
    list's count took 27 ms instead of 5)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def seed() -> None:
    people = authors()
    debate = debate_with_comments(people)
    partner = public_partners()[0]
    event = events()
    session_key, csrf = _resident_session()
    analyze()
    print(
        json.dumps(
            {
                "urls": page_urls(debate, partner, event),
                "session": session_key,
                "csrf": csrf,
            }
        )
    )


def count_queries(urls: dict[str, str], session: str, csrf: str, host: str) -> None:
    """Queries per request of each page, as the load sees it (the second request of each kind,
    so the first's one-time work is not counted): anonymous from the cache, anonymous with the
    page cache off, logged in, anonymous with the page cache and the sections off. Prints one
    JSON line."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    def measure(client, url) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(captured.captured_queries)

    result = {}
    for name, url in urls.items():
        anonymous = Client(HTTP_HOST=host)
        cached = measure(anonymous, url)
        with override_settings(PAGE_CACHE_SECONDS=0):
            uncached = measure(Client(HTTP_HOST=host), url)
        with override_settings(PAGE_CACHE_SECONDS=0, PAGE_SECTIONS=False):
            bare = measure(Client(HTTP_HOST=host), url)
        reader = Client(HTTP_HOST=host)
        reader.cookies["sessionid"] = session
        reader.cookies["csrftoken"] = csrf
        logged_in = measure(reader, url)
        result[name] = {
            "cached": cached,
            "uncached": uncached,
            "logged_in": logged_in,
            "bare": bare,
        }
    print(json.dumps(result))
