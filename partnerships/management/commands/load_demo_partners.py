"""Example partners for `make run` (load_content --demo): the register page, a commitment
catalogue and a few approved partners with pledges, commitments and one yearly report, all
marked as examples. Running it again changes nothing. Production never runs it."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.loading import danish_home, ensure_child, ensure_translation
from partnerships.models import (
    Commitment,
    CommitmentProgress,
    CommitmentType,
    Kind,
    Organisation,
    PartnerIndexPage,
    Pledge,
    ProgressStatus,
    ReviewStatus,
    YearlyReport,
)
from partnerships.services.common import refresh_public

# (name, description, unit, focus area slug, suitable kinds)
CATALOGUE = [
    (
        "Praktikpladser",
        "Praktikpladser til nytilkomne københavnere og unge under uddannelse.",
        "praktikpladser",
        "mangfoldighed-i-arbejdslivet",
        [],
    ),
    (
        "Job og elevpladser",
        "Ordinære job, løntilskud eller elevpladser til nytilkomne.",
        "job og elevpladser",
        "mangfoldighed-i-arbejdslivet",
        [Kind.BUSINESS, Kind.HOUSING, Kind.EDUCATION],
    ),
    (
        "Mentorer",
        "Medarbejdere eller frivillige, der er mentor for en ung eller en nytilkommen.",
        "mentorer",
        "alle-unge-god-start",
        [],
    ),
    (
        "Danskstøtte på arbejdspladsen",
        "Sprogstøtte, danskundervisning i arbejdstiden eller sprogmakkere.",
        "",
        "mangfoldighed-i-arbejdslivet",
        [Kind.BUSINESS, Kind.EDUCATION, Kind.HOUSING],
    ),
    (
        "Mangfoldig rekrutteringspolitik",
        "En skrevet politik for at rekruttere bredt og bekæmpe diskrimination.",
        "",
        "mangfoldighed-i-arbejdslivet",
        [],
    ),
    (
        "Bland dig i byen-arrangementer",
        "Arrangementer, hvor københavnere med forskellig baggrund mødes.",
        "arrangementer",
        "den-inddragende-by",
        [],
    ),
    (
        "Nabolagsaktiviteter",
        "Aktiviteter i boligområdet, der styrker det gode naboskab.",
        "aktiviteter",
        "den-inddragende-by",
        [Kind.HOUSING, Kind.ASSOCIATION, Kind.OTHER],
    ),
]

# The catalogue in English and Arabic (CommitmentType.translations), by the Danish name.
CATALOGUE_TRANSLATIONS = {
    "Praktikpladser": {
        "en": (
            "Internship places",
            "Internships for newly arrived Copenhageners and young people in education.",
            "internship places",
        ),
        "ar": (
            "أماكن تدريب",
            "أماكن تدريب للقادمين الجدد إلى كوبنهاغن وللشباب الذين يدرسون.",
            "أماكن تدريب",
        ),
    },
    "Job og elevpladser": {
        "en": (
            "Jobs and apprenticeships",
            "Ordinary jobs, subsidised jobs or apprenticeships for newcomers.",
            "jobs and apprenticeships",
        ),
        "ar": (
            "وظائف وأماكن تلمذة مهنية",
            "وظائف عادية أو وظائف مدعومة أو أماكن تلمذة مهنية للقادمين الجدد.",
            "وظائف وأماكن تلمذة",
        ),
    },
    "Mentorer": {
        "en": (
            "Mentors",
            "Staff or volunteers who mentor a young person or a newcomer.",
            "mentors",
        ),
        "ar": ("مرشدون", "موظفون أو متطوعون يرشدون شابًا أو قادمًا جديدًا.", "مرشدين"),
    },
    "Danskstøtte på arbejdspladsen": {
        "en": (
            "Danish support at work",
            "Language support, Danish lessons in working hours or language buddies.",
            "",
        ),
        "ar": (
            "دعم اللغة الدنماركية في مكان العمل",
            "دعم لغوي أو دروس لغة دنماركية أثناء ساعات العمل أو رفاق لغة.",
            "",
        ),
    },
    "Mangfoldig rekrutteringspolitik": {
        "en": (
            "Diverse recruitment policy",
            "A written policy to recruit widely and fight discrimination.",
            "",
        ),
        "ar": ("سياسة توظيف متنوعة", "سياسة مكتوبة للتوظيف على نطاق واسع ومكافحة التمييز.", ""),
    },
    "Bland dig i byen-arrangementer": {
        "en": (
            "Bland dig i byen events",
            "Events where Copenhageners of different backgrounds meet.",
            "events",
        ),
        "ar": (
            "فعاليات Bland dig i byen",
            "فعاليات يلتقي فيها سكان كوبنهاغن من خلفيات مختلفة.",
            "فعاليات",
        ),
    },
    "Nabolagsaktiviteter": {
        "en": (
            "Neighbourhood activities",
            "Activities in the housing area that build good neighbourly relations.",
            "activities",
        ),
        "ar": ("أنشطة الحي", "أنشطة في المنطقة السكنية تعزز حسن الجوار.", "أنشطة"),
    },
}


def catalogue_translations(name: str) -> dict:
    return {
        code: {
            key: text
            for key, text in zip(("name", "description", "unit"), words, strict=True)
            if text
        }
        for code, words in CATALOGUE_TRANSLATIONS.get(name, {}).items()
    }


# (name, slug, kind, cvr, district, address, description, commitments, has report)
PARTNERS = [
    (
        "Nordhavn Byg ApS",
        "eksempel-nordhavn-byg",
        Kind.BUSINESS,
        "12345674",
        "oesterbro",
        "Sandkaj 10, 2150 Nordhavn",
        "Entreprenørvirksomhed med 120 ansatte. Vi tager lærlinge og praktikanter ind fra "
        "hele byen.",
        [
            ("Praktikpladser", 12, ""),
            ("Job og elevpladser", 5, ""),
            ("Mangfoldig rekrutteringspolitik", None, "Ny politik vedtaget af ledelsen i år."),
        ],
        True,
    ),
    (
        "Boligselskabet Fælleshaven",
        "eksempel-faelleshaven",
        Kind.HOUSING,
        "10150817",
        "noerrebro",
        "Fælledvej 3, 2200 København N",
        "Almen boligorganisation med 900 lejemål på Nørrebro.",
        [("Nabolagsaktiviteter", 10, ""), ("Mentorer", 4, "")],
        False,
    ),
    (
        "Foreningen Brobyggerne",
        "eksempel-brobyggerne",
        Kind.ASSOCIATION,
        "",
        "vesterbro-kongens-enghave",
        "Istedgade 50, 1650 København V",
        "Frivillig forening, der kobler nye københavnere med lokale mentorer.",
        [("Mentorer", 20, ""), ("Bland dig i byen-arrangementer", 3, "")],
        False,
    ),
    (
        "Valby Tekniske Skole",
        "eksempel-valby-tekniske-skole",
        Kind.EDUCATION,
        "",
        "valby",
        "Valby Langgade 100, 2500 Valby",
        "Erhvervsskole med fokus på bygge- og anlægsfag.",
        [
            ("Praktikpladser", 30, ""),
            ("Danskstøtte på arbejdspladsen", None, "Sprogcafé hver uge."),
        ],
        False,
    ),
    (
        "Café Blandet",
        "eksempel-cafe-blandet",
        Kind.BUSINESS,
        "34567891",
        "indre-by",
        "Nørregade 7, 1165 København K",
        "Lille café med et køkken, hvor der tales mange sprog.",
        [("Praktikpladser", 3, ""), ("Bland dig i byen-arrangementer", 2, "")],
        False,
    ),
]


class Command(BaseCommand):
    help = "Load example partners with pledges and commitments (marked as examples)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = danish_home()
        if home is None:
            self.stderr.write("No Danish home page; run migrate first.")
            return
        da = home.locale
        self._register_page(home)
        types = {row[0]: self._commitment_type(da, *row) for row in CATALOGUE}
        added = 0
        for spec in PARTNERS:
            added += self._partner(types, *spec)
        self.stdout.write(f"Example partners: {added} added.")

    def _register_page(self, home):
        index = ensure_child(
            home,
            PartnerIndexPage,
            title="Partnere",
            slug="partnere",
            show_in_menus=True,
            intro="<p>Virksomheder, boligselskaber, foreninger, skoler og fagforeninger, "
            "der har skrevet under på <b>Bland dig i byen</b>-partnerskabet.</p>",
            search_description="Partnerne bag Bland dig i byen og hvad de har lovet.",
        )
        ensure_translation(
            index,
            "en",
            title="Partners",
            slug="partners",
            intro="<p>Businesses, housing companies, associations, schools and unions that "
            "have signed the <b>Bland dig i byen</b> partnership pledge.</p>",
            search_description="The partners of Bland dig i byen and their pledges.",
        )
        return index

    def _commitment_type(self, locale, name, description, unit, focus_slug, kinds):
        focus = Page.objects.filter(
            slug=focus_slug, locale=locale, content_type__model="focusareapage"
        ).first()
        ct, _created = CommitmentType.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "unit": unit,
                "focus_area": focus,
                "suitable_kinds": [str(k) for k in kinds],
                "sort_order": [row[0] for row in CATALOGUE].index(name),
                "translations": catalogue_translations(name),
            },
        )
        if not ct.translations:  # loaded before the catalogue had translations
            ct.translations = catalogue_translations(name)
            ct.save(update_fields=["translations"])
        return ct

    def _partner(self, types, name, slug, kind, cvr, district, address, text, items, report):
        if Organisation.objects.filter(slug=slug).exists():
            return 0
        if cvr and Organisation.objects.filter(cvr=cvr).exists():
            cvr = ""
        today = timezone.localdate()
        organisation = Organisation.objects.create(
            name=name,
            slug=slug,
            kind=kind,
            cvr=cvr,
            address=address,
            district=district,
            description=text,
            contact_name="Eksempel Kontakt",
            contact_email=f"kontakt@{slug}.example.org",
            contact_phone="+45 33 66 33 66",
            status=ReviewStatus.APPROVED,
            reviewed_at=timezone.now(),
            is_example=True,
        )
        signed_on = today - timedelta(days=400 if report else 90)
        pledge = Pledge.objects.create(
            organisation=organisation,
            signatory_name="Eksempel Underskriver",
            signatory_role="Direktør" if kind == Kind.BUSINESS else "Formand",
            signed_on=signed_on,
            actor=organisation.actor,
            language="da",
        )
        commitments = []
        for type_name, quantity, description in items:
            commitments.append(
                Commitment.objects.create(
                    pledge=pledge,
                    commitment_type=types[type_name],
                    quantity=quantity,
                    description=description,
                    target_date=signed_on + timedelta(days=730),
                )
            )
        if report:
            year = pledge.latest_due_year(today) or today.year
            yearly = YearlyReport.objects.create(
                pledge=pledge,
                year=year,
                summary="Et godt første år; flere praktikanter end ventet.",
            )
            for commitment in commitments:
                CommitmentProgress.objects.create(
                    report=yearly,
                    commitment=commitment,
                    status=ProgressStatus.IN_PROGRESS,
                    quantity_achieved=(commitment.quantity // 2) if commitment.quantity else None,
                    note="",
                )
        refresh_public(organisation)
        return 1
