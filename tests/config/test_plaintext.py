from core.plaintext import render_plain_text


def test_markup_is_shown_as_typed_not_run():
    html = render_plain_text('<script>alert("x")</script> <b>fed</b>')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;fed&lt;/b&gt;" in html


def test_bare_links_become_safe_links():
    html = render_plain_text("Se https://www.kk.dk/integration for mere")
    assert 'href="https://www.kk.dk/integration"' in html
    assert 'rel="nofollow ugc noopener noreferrer"' in html


def test_javascript_urls_never_become_links():
    html = render_plain_text("javascript:alert(1) and <a href='javascript:alert(1)'>x</a>")
    assert 'href="javascript' not in html


def test_line_breaks_and_paragraphs_are_kept():
    html = render_plain_text("første linje\nanden linje\n\nnyt afsnit")
    assert html == "<p>første linje<br>anden linje</p><p>nyt afsnit</p>"


def test_mail_addresses_become_mailto_links():
    assert 'href="mailto:info@kk.dk"' in render_plain_text("Skriv til info@kk.dk")
