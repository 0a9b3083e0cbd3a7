"""Example accountability content for `make run`: three committees' action plans with sixteen
activities across every main goal and status (some with a status history), the think tank with
three members and two assessments, and two status reports (one published, one draft).

Everything is marked as an example. Running it again changes nothing. Production never runs it
(`load_content` without --demo)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accountability import reporting
from accountability.models import (
    ActionPlanPage,
    Activity,
    ActivityStatus,
    Assessment,
    Committee,
    Milestone,
    StatusReportPage,
    ThinkTankMember,
    ThinkTankPage,
    Verdict,
)
from home.models import FocusAreaPage, GoalPage, LighthouseProjectPage, PolicyPage

S = ActivityStatus
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
# (committee, title, plain summary, intro, activities). An activity: (title, description,
# goals, status, progress, unit, status note, [milestones as (title, days from start, reached)]).
PLANS = [
    (
        "Beskæftigelses- og Integrationsudvalget",
        "Eksempel: Handleplan for Beskæftigelses- og Integrationsudvalget",
        "Her kan du se, hvad udvalget gør for at flere får et job. Planen er et eksempel.",
        "Udvalget arbejder for, at flere ledige med minoritetsbaggrund kommer i job og uddannelse. "
        "Planen og aktiviteterne er opdigtede og viser, hvordan en handleplan ser ud.",
        [
            (
                "Eksempel: Mentorer for ledige",
                "Frivillige mentorer hjælper ledige med at søge job.",
                [2],
                S.UNDER_WAY,
                45,
                "Jobcenter København",
                "40 mentorer er i gang. Vi mangler mentorer i Bispebjerg.",
                [
                    ("De første 20 mentorer er klar", 90, True),
                    ("80 mentorer er i gang", 400, False),
                ],
            ),
            (
                "Eksempel: Praktik i kommunen",
                "Kommunen tilbyder 100 praktikpladser om året.",
                [2, 3],
                S.DONE,
                100,
                "Koncernservice",
                "Alle 100 pladser blev besat i år.",
                [("Pladserne er slået op", 30, True)],
            ),
            (
                "Eksempel: Lederuddannelse for alle",
                "Flere med minoritetsbaggrund på kommunens lederuddannelse.",
                [3],
                S.PLANNED,
                0,
                "Økonomiforvaltningen",
                "",
                [],
            ),
            (
                "Eksempel: Job til unge på kanten",
                "Unge uden job får hjælp til en uddannelse eller et job.",
                [2, 1],
                S.DELAYED,
                20,
                "Jobcenter København",
                "Projektet venter på penge fra budgettet.",
                [],
            ),
            (
                "Eksempel: Sprogkurser på jobbet",
                "Dansk på arbejdspladsen, i arbejdstiden.",
                [2],
                S.STOPPED,
                30,
                "Københavns Sprogcenter",
                "Stoppet, fordi for få meldte sig. Pengene går til mentorer.",
                [],
            ),
            (
                "Eksempel: Færre på overførsel",
                "Vi følger, hvor mange der går fra ydelse til job.",
                [None],
                S.UNDER_WAY,
                60,
                "Beskæftigelses- og Integrationsforvaltningen",
                "",
                [],
            ),
        ],
    ),
    (
        "Børne- og Ungdomsudvalget",
        "Eksempel: Handleplan for Børne- og Ungdomsudvalget",
        "Her kan du se, hvad udvalget gør for børn og unge. Planen er et eksempel.",
        "Udvalget arbejder for, at alle børn får en god start, lærer dansk og tager en "
        "uddannelse. Planen og aktiviteterne er opdigtede.",
        [
            (
                "Eksempel: Lektiecafé på ti skoler",
                "Hjælp til lektier efter skoletid.",
                [1],
                S.DONE,
                100,
                "Børne- og Ungdomsforvaltningen",
                "Alle ti caféer er åbne.",
                [("Fem caféer er åbne", 60, True), ("Ti caféer er åbne", 200, True)],
            ),
            (
                "Eksempel: Sprogstart i børnehaven",
                "Sprogstøtte til børn fra tre år.",
                [1],
                S.UNDER_WAY,
                70,
                "Børne- og Ungdomsforvaltningen",
                "",
                [],
            ),
            (
                "Eksempel: Forældre som rollemodeller",
                "Forældre fortæller om uddannelse og job.",
                [1, 6],
                S.PLANNED,
                0,
                "Skoler i Nørrebro",
                "",
                [],
            ),
            (
                "Eksempel: Alle unge i uddannelse",
                "Opfølgning på unge, der dropper ud.",
                [1, 2],
                S.UNDER_WAY,
                35,
                "Ungdommens Uddannelsesvejledning",
                "Vi har fået kontakt til 300 unge.",
                [],
            ),
            (
                "Eksempel: Klubber for alle",
                "Flere piger i fritidsklubberne.",
                [5, 6],
                S.DELAYED,
                15,
                "Børne- og Ungdomsforvaltningen",
                "Vi mangler lokaler på Amager.",
                [],
            ),
        ],
    ),
    (
        "Kultur- og Fritidsudvalget",
        "Eksempel: Handleplan for Kultur- og Fritidsudvalget",
        "Her kan du se, hvad udvalget gør for et rigt fritidsliv. Planen er et eksempel.",
        "Udvalget arbejder for, at alle kan være med i foreninger, på biblioteker og i "
        "kulturhuse. Planen og aktiviteterne er opdigtede.",
        [
            (
                "Eksempel: Foreningsguider",
                "Guider hjælper nye ind i en forening.",
                [5],
                S.UNDER_WAY,
                50,
                "Kultur- og Fritidsforvaltningen",
                "",
                [],
            ),
            (
                "Eksempel: Bibliotekets sprogcafé",
                "Tal dansk med frivillige hver uge.",
                [5, 4],
                S.DONE,
                100,
                "Københavns Biblioteker",
                "Caféen kører nu fast.",
                [],
            ),
            (
                "Eksempel: Kulturhuse for alle",
                "Arrangementer i hele byen, på flere sprog.",
                [6],
                S.PLANNED,
                0,
                "Kulturhusene",
                "",
                [],
            ),
            (
                "Eksempel: Mod diskrimination i nattelivet",
                "Kampagne med byens diskoteker.",
                [4],
                S.UNDER_WAY,
                40,
                "Kultur- og Fritidsforvaltningen",
                "",
                [],
            ),
            (
                "Eksempel: Idræt i boligområder",
                "Gratis idræt i de udsatte boligområder.",
                [6, 5],
                S.STOPPED,
                10,
                "Idrætsforeninger",
                "Stoppet og samlet med foreningsguiderne.",
                [],
            ),
        ],
    ),
]

MEMBERS = [
    ("Eksempel: Anna Jensen", "Professor i sociologi", "Københavns Universitet"),
    ("Eksempel: Omar Hassan", "Direktør", "En boligorganisation"),
    ("Eksempel: Mette Nielsen", "Forsker", "Det Nationale Forskningscenter for Velfærd"),
]

THINK_TANK = {
    "title": "Eksperttænketanken for integration",
    "slug": "taenketanken",
    "plain_summary": "Tænketanken er en gruppe eksperter. De siger, om byens planer er gode "
    "nok. Navnene er eksempler.",
    "intro": "Tænketanken rådgiver om, hvorvidt handleplanerne er tilstrækkelige til at nå "
    "målene, eller om de skal justeres. Medlemmer og vurderinger her er eksempler.",
}


class Command(BaseCommand):
    help = "Load example action plans, think tank assessments and status reports."

    @transaction.atomic
    def handle(self, *args, **options):
        policy = PolicyPage.objects.filter(locale__language_code="da").first()
        if policy is None:
            self.stderr.write("No Danish policy page: run load_policy first.")
            return
        goals = {g.number: g for g in GoalPage.objects.filter(locale=policy.locale)}
        overall = GoalPage.objects.filter(locale=policy.locale, is_overall=True).first()
        plans = [self._plan(policy, goals, overall, *spec) for spec in PLANS]
        self._think_tank(policy, plans, goals)
        self._reports(policy)
        self.stdout.write("Example action plans, think tank and status reports are loaded.")

    def _plan(self, policy, goals, overall, committee_name, title, summary, intro, activities):
        committee = Committee.objects.get_or_create(name=committee_name)[0]
        plan = ActionPlanPage.objects.child_of(policy).filter(committee=committee).first()
        if plan is not None:
            return plan
        plan = ActionPlanPage(
            title=title,
            slug=slugify(committee_name.translate(DANISH_LETTERS))[:60],
            committee=committee,
            plain_summary=summary,
            intro=intro,
            is_example=True,
        )
        policy.add_child(instance=plan)
        today = timezone.localdate()
        for n, (name, description, numbers, status, _progress, unit, _note, stones) in enumerate(
            activities
        ):
            start = today - timedelta(days=300 - 40 * n)
            served = [overall if num is None else goals.get(num) for num in numbers]
            served = [g for g in served if g is not None]
            focus = served[0].focus_area if served and served[0].focus_area_id else None
            lighthouse = (
                LighthouseProjectPage.objects.child_of(focus).first() if focus and n % 2 else None
            )
            activity = Activity(
                plan=plan,
                title=name,
                description=description,
                focus_area=focus if isinstance(focus, FocusAreaPage) else None,
                lighthouse=lighthouse,
                responsible_unit=unit,
                start=start,
                end=start + timedelta(days=730),
                # First published as planned or under way; the real status comes below, so
                # the history shows a change.
                status=S.PLANNED if status != S.PLANNED else status,
                status_date=start,
                progress=0,
            )
            plan.activities.add(activity)
            activity.goals.set(served)
            for stone, offset, reached in stones:
                activity.milestones.add(
                    Milestone(title=stone, due=start + timedelta(days=offset), reached=reached)
                )
        plan.save_revision().publish()
        # Then the statuses as they stand today: published again, so the history shows the
        # change from "planned".
        rows = Activity.objects.filter(plan=plan).order_by("sort_order", "pk")
        for activity, spec in zip(rows, activities, strict=True):
            _name, _d, _g, status, progress, _u, note, _m = spec
            if status != S.PLANNED:
                Activity.objects.filter(pk=activity.pk).update(
                    status=status,
                    progress=progress,
                    status_note=note,
                    status_date=today - timedelta(days=10),
                )
        plan = ActionPlanPage.objects.get(pk=plan.pk)
        plan.save_revision().publish()
        return plan

    def _think_tank(self, policy, plans, goals):
        page = ThinkTankPage.objects.child_of(policy).first()
        if page is None:
            page = ThinkTankPage(**THINK_TANK)
            policy.add_child(instance=page)
            page.save_revision().publish()
        members = []
        for order, (name, title, organisation) in enumerate(MEMBERS, start=1):
            members.append(
                ThinkTankMember.objects.get_or_create(
                    name=name,
                    defaults={"title": title, "organisation": organisation, "sort_order": order},
                )[0]
            )
        if Assessment.objects.exists():
            return
        today = timezone.localdate()
        for fields in (
            {
                "plan": plans[0],
                "member": None,
                "verdict": Verdict.NEEDS_REVISION,
                "reasoning": "Eksempel: Planen har gode aktiviteter, men to er forsinket eller "
                "stoppet. Uden flere mentorer når udvalget ikke hovedmål 2. Vi anbefaler, at "
                "planen justeres før budgetforhandlingerne.",
                "assessed_on": today - timedelta(days=20),
            },
            {
                "goal": goals.get(1),
                "member": members[0],
                "verdict": Verdict.SUFFICIENT,
                "reasoning": "Eksempel: Lektiecaféerne og sprogstarten rækker til at nå målet for "
                "uddannelse, hvis de fortsætter i samme tempo.",
                "assessed_on": today - timedelta(days=5),
            },
        ):
            assessment = Assessment(**fields)
            assessment.full_clean()
            assessment.save()
            assessment.save_revision().publish()

    def _reports(self, policy):
        this_year = timezone.localdate().year
        for year, live, foreword in (
            (
                this_year,
                True,
                "<p>Eksempel: Her er årets status for integrationspolitikken. "
                "Tallene er taget fra platformen og ændrer sig ikke.</p>",
            ),
            (2013, False, "<p>Eksempel: En kladde til en rapport om 2013.</p>"),
        ):
            if StatusReportPage.objects.filter(year=year, locale=policy.locale).exists():
                continue
            figures = reporting.build(year)
            report = StatusReportPage(
                title=f"Eksempel: Statusrapport {year}",
                slug=f"statusrapport-{year}",
                year=year,
                plain_summary="Rapporten viser, hvor langt byen er nået med sine mål i "
                f"{year}. Den er et eksempel.",
                foreword=foreword,
                conclusions="<p>Eksempel: Byen er godt på vej med uddannelse. Beskæftigelse "
                "kræver en større indsats.</p>",
                figures=figures,
                figures_built_at=timezone.now(),
                live=live,
            )
            policy.add_child(instance=report)
            revision = report.save_revision()
            if live:
                revision.publish()
