"""Example debates with comments and replies, so a newcomer sees a living debate at once.

Everything it makes is marked as an example on the page. Running it again changes nothing.
Production never runs it (`load_content` without --demo)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from accounts.models import Badge, BadgeKind
from dialogue import services
from dialogue.models import DebateIndexPage, DebatePage, DebateState
from home.loading import danish_home, ensure_child, ensure_translation, example_person

PEOPLE = [
    ("amina.eksempel@example.org", "Amina (eksempel)", None),
    ("jonas.eksempel@example.org", "Jonas (eksempel)", None),
    ("fatma.eksempel@example.org", "Fatma (eksempel)", BadgeKind.EXPERT),
    ("lars.eksempel@example.org", "Lars fra kommunen (eksempel)", BadgeKind.STAFF),
]

DEBATES = [
    {
        "slug": "hvordan-moedes-vi-paa-tvaers",
        "title": "Hvordan mødes vi på tværs i byen?",
        "question": (
            "Hvor møder du københavnere, som ikke ligner dig selv – og hvor kunne det ske oftere?"
        ),
        "intro": "<p>Politikken siger, at København er byen, hvor man møder andre københavnere, "
        "som ikke ligner én selv. Fortæl os, hvor det sker i dag, og hvad der skal til.</p>",
        "summary": "Hvor møder du folk, der ikke ligner dig? Fortæl os det. "
        "Sig også, hvor det kunne ske mere.",
        "focus": "den-inddragende-by",
        "state": DebateState.OPEN,
        "thread": [
            (
                0,
                None,
                "I min gårdforening holder vi fællesspisning hver anden fredag. Der kommer "
                "folk fra hele opgangen, også dem vi aldrig ellers taler med.",
            ),
            (
                1,
                0,
                "Det lyder godt! Hvordan fik I de første med? Vi har prøvet, men det er svært "
                "at komme i gang.",
            ),
            (0, 1, "Vi hængte sedler op på tre sprog og bankede på. Det tog et halvt år."),
            (
                2,
                None,
                "Sportsklubberne er undervurderede. Min søns fodboldhold er det mest blandede "
                "fællesskab, jeg kender. Se fx https://www.kk.dk/ for lokale foreninger.",
            ),
            (
                3,
                3,
                "Kommunen har puljer til foreninger, der vil nå nye medlemmer. Spørg i dit "
                "lokaludvalg.",
            ),
        ],
    },
    {
        "slug": "praktikpladser-til-unge",
        "title": "Praktikpladser til unge",
        "question": "Hvad skal der til, for at flere virksomheder tager unge i praktik?",
        "intro": "<p>Erhvervslivet skal ifølge politikken bidrage aktivt til at sikre job og "
        "uddannelse til de unge. Hvad virker – og hvad står i vejen?</p>",
        "summary": "Unge skal bruge en praktikplads for at få en uddannelse. "
        "Hvad skal der til, for at firmaer tager flere unge? Sig din mening.",
        "focus": "mangfoldighed-i-arbejdslivet",
        "state": DebateState.OPEN,
        "thread": [
            (1, None, "Små virksomheder har ikke tid til papirarbejdet. Gør det enklere."),
            (2, 0, "Enig. En fast kontaktperson i kommunen ville hjælpe meget."),
        ],
    },
    {
        "slug": "tryghed-i-boligomraadet",
        "title": "Tryghed i boligområdet",
        "question": "Hvad gør dit boligområde trygt at færdes i?",
        "intro": (
            "<p>Et af politikkens hovedmål er, at tryghedsindekset skal gå i positiv retning.</p>"
        ),
        "summary": "Alle skal føle sig trygge, hvor de bor. "
        "Hvad gør dit kvarter trygt? Debatten er slut. Læs, hvad folk skrev.",
        "focus": "saerlig-haand-til-udsatte",
        "state": DebateState.CLOSED,
        "conclusion": "Tak for de mange input. Lys, liv om aftenen og kendte ansigter blev nævnt "
        "oftest. Input indgår i næste handleplan.",
        "thread": [
            (0, None, "Gadelys og en åben fritidsklub om aftenen."),
            (1, 0, "Og at man kender sine naboer. Det starter med at hilse."),
        ],
    },
]


class Command(BaseCommand):
    help = "Load example debates with comments (marked as examples)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = danish_home()
        if home is None:
            self.stderr.write("No Danish home page; run migrate first.")
            return
        index = ensure_child(
            home,
            DebateIndexPage,
            title="Debatter",
            slug="debatter",
            show_in_menus=True,
            intro="Sig din mening om byens integrationsindsats. Alle kan læse med; "
            "log ind for at skrive.",
            search_description="Debatter om integration i København.",
        )
        ensure_translation(
            index, "en", title="Debates", intro="Have your say on the city's integration work."
        )
        people = [self._person(*p) for p in PEOPLE]
        made = 0
        for spec in DEBATES:
            existing = DebatePage.objects.child_of(index).filter(slug=spec["slug"])
            if existing.exists():
                # Debates loaded before "Kort fortalt" existed get their summary once.
                existing.filter(plain_summary="").update(plain_summary=spec["summary"])
                continue
            self._debate(index, spec, people)
            made += 1
        self.stdout.write(f"Example debates: {made} added.")

    def _person(self, email, name, badge):
        user = example_person(email, name)
        if badge:
            Badge.objects.get_or_create(user=user, kind=badge)
        return user

    def _debate(self, index, spec, people):
        focus = (
            Page.objects.filter(slug=spec["focus"], locale=index.locale).first()
            if spec.get("focus")
            else None
        )
        debate = index.add_child(
            instance=DebatePage(
                title=spec["title"],
                slug=spec["slug"],
                question=spec["question"],
                plain_summary=spec["summary"],
                introduction=spec["intro"],
                focus_area=focus,
                state=DebateState.OPEN,
                opens_at=timezone.now() - timedelta(days=14),
                is_example=True,
            )
        )
        comments = []
        for author_index, parent_index, body in spec["thread"]:
            parent = comments[parent_index] if parent_index is not None else None
            comment, _ = services.comment_create(
                user=people[author_index],
                debate=debate,
                body=body,
                parent_id=parent.pk if parent else None,
            )
            comments.append(comment)
        for reactor, comment in zip(people, comments, strict=False):
            if comment.author_id != reactor.pk:
                services.reaction_set(user=reactor, comment=comment, value="agree")
        if spec["state"] == DebateState.CLOSED:
            DebatePage.objects.filter(pk=debate.pk).update(
                state=DebateState.CLOSED, conclusion=spec.get("conclusion", "")
            )
