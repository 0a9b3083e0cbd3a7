"""Example events, upcoming and past, one of them full, so a newcomer sees how events work.

Everything it makes is marked as an example on the page. Running it again changes nothing.
Production never runs it (`load_content` without --demo)."""

from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from events.models import (
    Districts,
    EventIndexPage,
    EventKind,
    EventPage,
    OrganiserType,
    Registration,
    RegistrationStatus,
)
from home.loading import danish_home, ensure_child, ensure_translation, example_person

PEOPLE = [
    ("amina.eksempel@example.org", "Amina (eksempel)"),
    ("jonas.eksempel@example.org", "Jonas (eksempel)"),
    ("fatma.eksempel@example.org", "Fatma (eksempel)"),
    ("lars.eksempel@example.org", "Lars fra kommunen (eksempel)"),
]

CITY_HALL = {
    "venue": "Københavns Rådhus",
    "address": "Rådhuspladsen 1, 1550 København V",
    "district": Districts.INDRE_BY,
    "step_free_access": True,
}

EVENTS = [
    {
        "slug": "integrationskonference",
        "title": "Integrationskonferencen",
        "kind": EventKind.CONFERENCE,
        "days": 45,
        "hours": (9, 16),
        "capacity": 250,
        "teaser": "Beskæftigelses- og Integrationsudvalgets årlige konference om byens "
        "integrationsindsats.",
        "description": "<p>Hvordan går det med målene? Oplæg fra borgmesteren og "
        "Eksperttænketanken, workshops og markedsplads for partnerskaberne.</p>",
        "interpretation_languages": "engelsk, arabisk",
        "sign_language": True,
        "childcare": True,
        **CITY_HALL,
    },
    {
        "slug": "statusmoede",
        "title": "Statusmøde om integrationsindsatsen",
        "kind": EventKind.STATUS_MEETING,
        "days": 25,
        "hours": (15, 17),
        "capacity": 40,
        "teaser": "Udvalget og borgmestrene gør status og drøfter behovet for at ændre "
        "handleplanerne. Tilhørere er velkomne.",
        "description": "<p>Mødet er åbent for tilhørere. Dagsordenen lægges her en uge før.</p>",
        **CITY_HALL,
    },
    {
        "slug": "faellesspisning-noerrebro",
        "title": "Fællesspisning i Mjølnerparken",
        "kind": EventKind.MEET_UP,
        "days": 9,
        "hours": (17, 20),
        "capacity": 3,
        "full": True,
        "teaser": "Mad fra hele verden og nye naboer. Tag en ret med, hvis du har lyst.",
        "description": "<p>Boligsociale medarbejdere og beboere står for maden. Der er "
        "legehjørne for børn.</p>",
        "venue": "Beboerhuset",
        "address": "Mjølnerparken 110, 2200 København N",
        "district": Districts.NOERREBRO,
        "organiser_type": OrganiserType.PARTNER,
        "organiser_name": "Boligforeningen (eksempel)",
        "with_partner": True,
        "debate_slug": "hvordan-moedes-vi-paa-tvaers",
        "step_free_access": True,
        "childcare": True,
        "interpretation_languages": "arabisk, somali",
    },
    {
        "slug": "online-spoergetime",
        "title": "Online spørgetime om foreningslivet",
        "kind": EventKind.ONLINE,
        "days": 16,
        "hours": (19, 20),
        "capacity": None,
        "teaser": "Spørg kommunens foreningskonsulenter om puljer og nye medlemmer.",
        "online_url": "https://meet.example.org/spoergetime",
    },
    {
        "slug": "workshop-praktikpladser-valby",
        "title": "Workshop: praktikpladser til unge",
        "kind": EventKind.WORKSHOP,
        "days": -30,
        "hours": (10, 13),
        "capacity": 30,
        "teaser": "Virksomheder og unge fandt sammen om konkrete praktikpladser.",
        "venue": "Valby Kulturhus",
        "address": "Valgårdsvej 4, 2500 Valby",
        "district": Districts.VALBY,
        "step_free_access": True,
        "summary": "<p>22 virksomheder og 31 unge deltog. Der blev aftalt 14 praktikforløb, "
        "og deltagerne ønskede en ny workshop til foråret.</p>",
        "attendance": 53,
    },
]


def local(day_offset: int, hour: int):
    day = timezone.localdate() + timedelta(days=day_offset)
    return timezone.make_aware(datetime.combine(day, time(hour)))


class Command(BaseCommand):
    help = "Load example events (marked as examples), upcoming and past, one of them full."

    @transaction.atomic
    def handle(self, *args, **options):
        home = danish_home()
        if home is None:
            self.stderr.write("No Danish home page; run migrate first.")
            return
        locale = home.locale
        index = ensure_child(
            home,
            EventIndexPage,
            title="Arrangementer",
            slug="arrangementer",
            show_in_menus=True,
            intro="Integrationskonferencen, statusmødet og møder i hele byen, hvor "
            "københavnere mødes på tværs.",
            search_description="Arrangementer om integration i København.",
        )
        english_index = ensure_translation(
            index,
            "en",
            title="Events",
            intro="The integration conference, the status meeting and meet-ups all over the "
            "city, where Copenhageners meet across differences.",
        )
        people = [self._person(*person) for person in PEOPLE]
        focus = Page.objects.filter(slug="den-inddragende-by", locale=locale).first()
        made = 0
        for spec in EVENTS:
            event = EventPage.objects.child_of(index).filter(slug=spec["slug"]).first()
            if event is None:
                event = self._event(index, spec, focus)
                made += 1
                if spec.get("full"):
                    for person in people[: spec["capacity"]]:
                        Registration.objects.create(
                            event=event,
                            user=person,
                            status=RegistrationStatus.CONFIRMED,
                            confirmed_at=timezone.now(),
                        )
                    Registration.objects.create(
                        event=event, user=people[-1], status=RegistrationStatus.WAITING
                    )
            if english_index is not None:
                ensure_translation(event, "en")
        self.stdout.write(f"Example events: {made} added.")

    def _person(self, email, name):
        return example_person(email, name)

    def _event(self, index, spec, focus):
        spec = dict(spec)
        days = spec.pop("days")
        start_hour, end_hour = spec.pop("hours")
        spec.pop("full", None)
        if spec.pop("with_partner", False):
            # An example organisation from load_demo_partners, when there is one. Events know
            # organisations only through this relation (the feature apps import each other not).
            Organisation = EventPage._meta.get_field("organiser_organisation").related_model
            partner = Organisation.objects.filter(is_example=True, is_public=True).first()
            if partner is not None:
                spec["organiser_organisation"] = partner
                spec["organiser_name"] = partner.name
        debate_slug = spec.pop("debate_slug", None)
        if debate_slug:
            spec["debate"] = Page.objects.filter(slug=debate_slug, locale=index.locale).first()
        event = EventPage(
            **spec,
            start=local(days, start_hour),
            end=local(days, end_hour),
            focus_area=focus,
            is_example=True,
        )
        index.add_child(instance=event)
        event.save_revision().publish()
        return event
