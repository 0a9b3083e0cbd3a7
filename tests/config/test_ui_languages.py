"""Turkish, Urdu, Somali, Polish and Persian join Danish, English and Arabic for the whole UI.
Their key pages are translated (tests/home/test_key_page_languages.py); a page without a
translation in the language (here: none, the content is not loaded) is the Danish one, framed in
the reader's language, with a note until a translator has checked that language."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext
from wagtail.models import Locale

from core.locales import active_locale
from home.models import HomePage, UILanguageReview
from tests.factories import UserFactory, editor

pytestmark = pytest.mark.django_db

NEW = ("tr", "ur", "so", "pl", "fa")
RIGHT_TO_LEFT = {"ar", "ur", "fa"}
KEY_PAGES = ("/{code}/", "/{code}/konto/signup/", "/{code}/privatliv/", "/{code}/tilgaengelighed/")


def in_language(code, text, context=None):
    with translation.override(code):
        return pgettext(context, text) if context else gettext(text)


def test_every_new_language_is_a_ui_language_named_in_itself():
    names = dict(settings.LANGUAGES)
    assert {code: names[code] for code in NEW} == {
        "tr": "Türkçe",
        "ur": "اردو",
        "so": "Soomaali",
        "pl": "Polski",
        "fa": "فارسی",
    }


def test_editors_can_translate_pages_into_every_ui_language():
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


def test_urdu_and_persian_are_right_to_left_by_djangos_own_list():
    assert set(settings.LANGUAGES_BIDI) >= RIGHT_TO_LEFT
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            assert translation.get_language_bidi() is (code in RIGHT_TO_LEFT)


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_language_has_its_prefix_lang_and_direction(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()


@pytest.mark.parametrize("code", NEW)
@pytest.mark.parametrize("path", KEY_PAGES)
def test_key_pages_speak_the_readers_language(client, code, path):
    response = client.get(path.format(code=code))
    assert response.status_code == 200
    body = response.content.decode()
    for text, context in (
        ("Skip to content", None),
        ("Log in", None),
        ("Sign up", "create an account"),
        ("Privacy", None),
        ("Accessibility statement", None),
    ):
        translated = in_language(code, text, context)
        assert translated != text
        assert translated in body
    # The Danish words of the UI are not shown to a reader of another language.
    assert ">Log ind<" not in body


@pytest.mark.parametrize("code", NEW)
def test_a_new_language_shows_the_danish_home_page_inside_its_own_ui(client, code):
    danish_home = HomePage.objects.get(depth=2, locale__language_code="da")
    body = client.get(f"/{code}/").content.decode()
    assert danish_home.title in body


def test_core_locales_fall_back_to_danish_for_a_language_without_pages():
    danish = Locale.objects.get(language_code="da")
    assert not Locale.objects.filter(language_code__in=NEW).exists()
    for code in NEW:
        with translation.override(code):
            assert active_locale() == danish
            assert active_locale(fallback=False) == danish
    with translation.override("ar"):
        assert active_locale().language_code == "ar"


@pytest.mark.parametrize("code", NEW)
def test_language_switcher_keeps_the_page_in_a_language_without_pages(client, code):
    body = client.get("/da/tilgaengelighed/").content.decode()
    assert f'href="/{code}/tilgaengelighed/"' in body
    name = dict(settings.LANGUAGES)[code]
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    assert f'lang="{code}" hreflang="{code}" dir="{direction}"' in body
    assert f">{name}</a>" in body


def test_language_switcher_on_a_danish_wagtail_page_links_its_path_in_the_new_languages(client):
    from home.models import ContentPage

    home = HomePage.objects.get(depth=2, locale__language_code="da")
    page = home.add_child(instance=ContentPage(title="Sådan deltager du", slug="vaer-med"))
    body = client.get(page.url).content.decode()
    assert page.url == "/da/vaer-med/"
    for code in NEW:
        assert f'href="/{code}/vaer-med/"' in body
        served = client.get(f"/{code}/vaer-med/")
        assert served.status_code == 200
        assert "Sådan deltager du" in served.content.decode()
    # A language with pages of its own shows this Danish page under its prefix too, with a note,
    # while the page has no translation there (core/locales.py): the switcher keeps the page.
    assert 'href="/en/vaer-med/"' in body


# --- "not yet reviewed by a translator" ----------------------------------------------------


NOTE = "Not yet reviewed by a translator."


def test_the_five_new_languages_start_unreviewed_and_the_old_three_reviewed():
    reviewed = dict(UILanguageReview.objects.values_list("language", "reviewed"))
    assert reviewed == {
        "da": True,
        "en": True,
        "ar": True,
        "tr": False,
        "ur": False,
        "so": False,
        "pl": False,
        "fa": False,
    }


@pytest.mark.parametrize("code", NEW)
@pytest.mark.parametrize("path", KEY_PAGES)
def test_every_page_in_an_unreviewed_language_says_so_in_that_language(client, code, path):
    body = client.get(path.format(code=code)).content.decode()
    assert 'class="notice ui-review-note" role="note"' in body
    assert in_language(code, NOTE) in body


@pytest.mark.parametrize("code", ("da", "en", "ar"))
def test_reviewed_languages_show_no_note(client, code):
    body = client.get(f"/{code}/").content.decode()
    assert "ui-review-note" not in body


def test_the_note_goes_once_an_editor_marks_the_language_reviewed(client):
    assert "ui-review-note" in client.get("/pl/privatliv/").content.decode()
    review = UILanguageReview.objects.get(language="pl")
    review.reviewed = True
    review.save()  # as the admin saves it (tested below)
    assert "ui-review-note" not in client.get("/pl/privatliv/").content.decode()
    assert "ui-review-note" in client.get("/so/privatliv/").content.decode()


def test_a_language_without_a_row_counts_as_unreviewed(client):
    UILanguageReview.objects.filter(language="tr").delete()
    assert "ui-review-note" in client.get("/tr/").content.decode()


def test_city_editors_may_mark_a_language_reviewed_in_the_admin(client):
    user = editor()
    assert user.has_perm("home.change_uilanguagereview")
    assert not UserFactory().has_perm("home.change_uilanguagereview")
    client.force_login(user)
    review = UILanguageReview.objects.get(language="fa")
    listing = client.get("/admin/snippets/home/uilanguagereview/")
    assert listing.status_code == 200
    response = client.post(
        f"/admin/snippets/home/uilanguagereview/edit/{review.pk}/",
        {"language": "fa", "reviewed": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    review.refresh_from_db()
    assert review.reviewed


# --- e-mails --------------------------------------------------------------------------------


CONTACT_PAGE_SENTENCE = (
    "If you think the moderators got it wrong, write to us through the contact page on the "
    "site and say why. Another moderator will look at it again."
)


@pytest.mark.parametrize("code", NEW)
def test_e_mails_go_out_in_the_recipients_new_language(code, on_commit):
    from django.core import mail

    from dialogue.services.notify import notify_author
    from dialogue.services.words import moderation_settings

    user = UserFactory(preferred_language=code, display_name="Ayşe")
    with on_commit():
        notify_author(user=user, kind="author_warned", context={"comment": None, "note": "…"})
    (message,) = mail.outbox
    assert in_language(code, "A warning from the moderators") in message.subject
    assert in_language(code, "The moderator's note:") in message.body
    assert "Ayşe" in message.body
    assert "Kære" not in message.body
    # Where to ask for a second look: the review address, or without one the contact page
    # (never "write to  and say why").
    review_email = moderation_settings().review_email
    if review_email:
        assert review_email in message.body
    else:
        assert in_language(code, CONTACT_PAGE_SENTENCE) in message.body
    assert "  " not in message.body
