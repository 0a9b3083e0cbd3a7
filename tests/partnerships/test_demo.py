from io import StringIO

from django.core.management import call_command

from home.models import HomePage
from partnerships.models import (
    CommitmentType,
    Organisation,
    PartnerIndexPage,
    YearlyReport,
)


def test_demo_partners_load_once_and_are_marked_as_examples(db):
    call_command("load_policy", stdout=StringIO())
    call_command("load_demo_partners", stdout=StringIO())
    call_command("load_demo_partners", stdout=StringIO())
    assert Organisation.objects.count() == 5
    assert Organisation.objects.public().count() == 5
    assert not Organisation.objects.filter(is_example=False).exists()
    assert YearlyReport.objects.count() == 1
    assert CommitmentType.objects.count() == 7
    pages = PartnerIndexPage.objects.all()
    assert sorted(p.locale.language_code for p in pages) == ["da", "en"]
    danish = pages.get(locale__language_code="da")
    assert danish.show_in_menus
    assert danish.get_parent().specific_class is HomePage
    assert CommitmentType.objects.filter(focus_area__isnull=False).count() == 7


def test_demo_partners_page_shows_them(client, db):
    call_command("load_policy", stdout=StringIO())
    call_command("load_demo_partners", stdout=StringIO())
    html = client.get("/en/partners/").content.decode()
    assert "Nordhavn Byg ApS" in html and "Example" in html
    assert client.get("/da/partnere/").status_code == 200


def test_home_and_focus_area_pages_show_what_partners_pledged(client, db):
    call_command("load_policy", stdout=StringIO())
    call_command("load_demo_partners", stdout=StringIO())
    home = client.get("/en/").content.decode()
    assert "What partners have pledged" in home
    # 12 + 30 + 3 from the examples, in the catalogue's English words
    assert "45" in home and "internship places" in home and "praktikpladser" not in home
    internships = CommitmentType.objects.get(name="Praktikpladser")
    area = internships.focus_area.specific
    english_area = area.get_translation(area.locale.__class__.objects.get(language_code="en"))
    html = client.get(english_area.url).content.decode()
    assert "What partners have pledged" in html
    assert "internship places" in html
    assert "mentorer" not in html  # mentors serve another focus area
