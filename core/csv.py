"""CSV files people open in a spreadsheet.

A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with an
apostrophe, so what someone typed never runs as a formula when the file is opened (CSV
injection). Numbers stay numbers: a number, or text that is only a number such as "-2.5", cannot
be a formula and is written as it is, so open data keeps its negative values (a leading plus
is not a number anyone writes, so "+4512345678" is treated as typed text).

Every CSV the site writes goes through here: the project's own exports call `safe_row`, and
`guard_wagtail_exports()` (run when the app is ready) puts the same guard on every CSV export of
the Wagtail admin: model and snippet lists and page reports.
"""

import re
from decimal import Decimal
from numbers import Number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def safe_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Number | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values) -> list[str]:
    return [safe_cell(value) for value in values]


class _SafeDictWriter:
    """Hands Wagtail's prepared cells (display names and titles are text by then) to the real
    writer through `safe_cell`; numbers and dates pass unchanged."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row: dict):
        return self.writer.writerow(
            {
                field: safe_cell(value) if isinstance(value, str) else value
                for field, value in row.items()
            }
        )


def guard_wagtail_exports() -> None:
    """Wagtail's SpreadsheetExportMixin writes CSV cells as they are (its XLSX export already
    stores formulas as text). Wrapping its one CSV writing method covers every admin export at
    once, including the ones Wagtail builds itself, instead of a subclass per view."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.write_csv_row
    if getattr(original, "defuses_formulas", False):
        return

    def write_csv_row(self, writer, row_dict):
        return original(self, _SafeDictWriter(writer), row_dict)

    write_csv_row.defuses_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
