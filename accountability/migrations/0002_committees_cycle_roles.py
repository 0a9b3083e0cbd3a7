"""Copenhagen's seven standing committees, the policy's annual cycle, and the City editors'
rights on this app's snippets (accounts/roles.py)."""

from django.db import migrations

COMMITTEES = [
    "Økonomiudvalget",
    "Børne- og Ungdomsudvalget",
    "Kultur- og Fritidsudvalget",
    "Sundheds- og Omsorgsudvalget",
    "Socialudvalget",
    "Teknik- og Miljøudvalget",
    "Beskæftigelses- og Integrationsudvalget",
]

# (kind, title, rhythm, month, description). The policy sets the rhythm (a barometer every half
# year, a yearly status report with a debate in the City Council, a status meeting and a
# conference every year) and ties it to the budget; the months are the city's usual ones and
# editors move them in the admin.
CYCLE = [
    ("barometer", "Integrationsbarometeret, forår", "Hvert halve år", 6,
     "Barometeret viser, hvor langt hvert hovedmål er fra sit mål."),
    ("status_report", "Statusrapport til Borgerrepræsentationen", "Hvert år", 4,
     "En kort rapport om årets resultater, handleplaner og tænketankens vurderinger."),
    ("council_debate", "Integrationsdebat i Borgerrepræsentationen", "Hvert år", 5,
     "Borgerrepræsentationen drøfter statusrapporten."),
    ("status_meeting", "Statusmøde", "Hvert år", 5,
     "Udvalg, partnere og borgere gør status over året."),
    ("budget", "Budgetforhandlinger", "Hvert år", 9,
     "Handleplanerne og barometeret indgår i forhandlingerne om næste års budget."),
    ("conference", "Integrationskonferencen", "Hvert år", 11,
     "Borgere, partnere og politikere mødes om integrationspolitikken."),
    ("barometer", "Integrationsbarometeret, efterår", "Hvert halve år", 12,
     "Barometeret viser, hvor langt hvert hovedmål er fra sit mål."),
]


def seed(apps, schema_editor):
    Committee = apps.get_model("accountability", "Committee")
    for order, name in enumerate(COMMITTEES, start=1):
        Committee.objects.get_or_create(name=name, defaults={"sort_order": order})
    AnnualCycleItem = apps.get_model("accountability", "AnnualCycleItem")
    if not AnnualCycleItem.objects.exists():
        for kind, title, rhythm, month, description in CYCLE:
            AnnualCycleItem.objects.create(
                kind=kind, title=title, rhythm=rhythm, month=month, description=description
            )


def roles(apps, schema_editor):
    from accounts.roles import _ensure_permissions, apply_roles

    _ensure_permissions(apps)
    # Wagtail makes a snippet's "publish" right after migrate; the role table needs it now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ct, _ = ContentType.objects.get_or_create(app_label="accountability", model="assessment")
    Permission.objects.get_or_create(
        content_type=ct, codename="publish_assessment",
        defaults={"name": "Can publish think tank assessment"},
    )
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0001_initial"),
        ("accounts", "0007_field_labels_translated"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(roles, migrations.RunPython.noop),
    ]
