"""One date format per language, in Copenhagen time, written alike by the server and by the
debate's script (site/static/js/dates.js), across the daylight-saving changes."""

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from core.dates import js_date_format

DATES_JS = Path(settings.BASE_DIR) / "site" / "static" / "js" / "dates.js"
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Last Sunday of March 2027 (28th): 02:00 local does not exist, clocks jump to 03:00.
# Last Sunday of October 2026 (25th): 02:00-03:00 local happens twice.
DST_INSTANTS = {
    datetime(2027, 3, 28, 0, 59, tzinfo=UTC): (1, 59),  # CET, a minute before the jump
    datetime(2027, 3, 28, 1, 0, tzinfo=UTC): (3, 0),  # CEST: 02:00 is skipped
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC): (2, 30),  # CEST, first 02:30
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC): (2, 30),  # CET, second 02:30
    datetime(2027, 1, 13, 9, 0, tzinfo=UTC): (10, 0),
}


def server(instant, language, name="DATETIME_FORMAT"):
    with translation.override(language):
        return date_format(timezone.localtime(instant), name)


def test_danish_dates_read_as_danes_write_them():
    instant = datetime(2027, 1, 13, 9, 0, tzinfo=UTC)
    assert server(instant, "da") == "13. januar 2027 kl. 10.00"
    assert server(instant, "da", "DATE_FORMAT") == "13. januar 2027"


def test_english_dates_are_day_first_with_a_24_hour_clock():
    instant = datetime(2026, 8, 31, 16, 30, tzinfo=UTC)
    assert server(instant, "en") == "31 August 2026, 18:30"
    assert "Aug." not in server(instant, "en", "DATE_FORMAT")


def test_arabic_dates_have_arabic_months_and_a_24_hour_clock():
    text = server(datetime(2027, 1, 13, 9, 0, tzinfo=UTC), "ar")
    assert "يناير" in text and "10:00" in text
    assert "AM" not in text and "a.m." not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_writes_times_on_a_24_hour_clock(language):
    instant = datetime(2027, 1, 13, 13, 5, tzinfo=UTC)  # 14:05 in Copenhagen
    text = server(instant, language)
    assert "14" in text and "05" in text, text
    assert not any(mark in text for mark in ("PM", "p.m.", "2:05")), text


@pytest.mark.parametrize(("instant", "wall"), list(DST_INSTANTS.items()))
def test_server_dates_are_in_copenhagen_time_across_daylight_saving(instant, wall):
    hour, minute = wall
    assert server(instant, "da").endswith(f"kl. {hour:02d}.{minute:02d}")


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the browser module")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_script_writes_the_same_dates_as_the_server(language):
    """The debate's live comments go through dates.js; it must agree with the server's template
    for every language and across both daylight-saving changes, whatever the machine's zone."""
    instants = list(DST_INSTANTS)
    with translation.override(language):
        spec = js_date_format()
    script = (
        f"import {{ formatDate }} from {json.dumps(DATES_JS.as_uri())};\n"
        f"const spec = {json.dumps(spec)};\n"
        f"const instants = {json.dumps([i.isoformat() for i in instants])};\n"
        "console.log(JSON.stringify(instants.map((iso) => formatDate(iso, spec))));\n"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        timeout=30,
        env={"TZ": "America/New_York", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert json.loads(result.stdout) == [server(i, language) for i in instants]


@pytest.mark.django_db
def test_pages_carry_the_date_format_for_scripts(client):
    body = client.get("/ar/").content.decode()
    found = re.search(r'<script id="date-format" type="application/json">(.*?)</script>', body)
    assert found is not None
    with translation.override("ar"):
        assert json.loads(found.group(1)) == js_date_format()
