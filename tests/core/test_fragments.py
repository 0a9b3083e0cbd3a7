"""core/fragments.py: the release in every fragment's name changes with the project's templates
and translation catalogues, so a deployment never serves the previous one's HTML."""

from core.fragments import _release


def test_the_release_changes_with_a_template_or_a_catalogue(tmp_path):
    template = tmp_path / "app" / "templates" / "app" / "card.html"
    catalogue = tmp_path / "locale" / "da" / "LC_MESSAGES" / "django.mo"
    template.parent.mkdir(parents=True)
    catalogue.parent.mkdir(parents=True)
    template.write_text("<li>{{ item }}</li>")
    catalogue.write_bytes(b"first")
    locale = (str(tmp_path / "locale"),)
    first = _release.__wrapped__(str(tmp_path), locale)
    assert _release.__wrapped__(str(tmp_path), locale) == first
    template.write_text("<li class='card'>{{ item }}</li>")
    second = _release.__wrapped__(str(tmp_path), locale)
    assert second != first
    catalogue.write_bytes(b"second")
    assert _release.__wrapped__(str(tmp_path), locale) not in (first, second)
