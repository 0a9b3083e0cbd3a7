"""A status report as a Word document (python-docx, pure Python), for staff to edit further
before it goes to the City Council. Built from the same snapshot as the web page."""

from __future__ import annotations

import io
import re
from html import unescape

from django.utils.translation import gettext as _


def _empty_note(key: str) -> str:
    """What a section with nothing new in the year says (the goals still show their latest)."""
    if key == "goals":
        return _("No new measurement was published this year; the latest ones before it are shown.")
    return _("Nothing was recorded this year.")


def _paragraphs(rich_text: str) -> list[tuple[str, str]]:
    """Rich text as (kind, text) pairs: headings and paragraphs/list items, tags dropped."""
    parts = []
    for match in re.finditer(r"<(h2|h3|p|li)[^>]*>(.*?)</\1>", rich_text or "", re.S):
        text = unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()
        if text:
            parts.append((match.group(1), text))
    return parts


def _rich(document, rich_text: str) -> None:
    for kind, text in _paragraphs(rich_text):
        if kind == "h2":
            document.add_heading(text, level=2)
        elif kind == "h3":
            document.add_heading(text, level=3)
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)


def report_docx(page, report: dict) -> bytes:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    for section in document.sections:  # A4
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
    document.core_properties.title = page.title
    document.core_properties.language = page.locale.language_code
    document.add_heading(page.title, level=0)
    if page.foreword:
        document.add_heading(_("Foreword"), level=1)
        _rich(document, page.foreword)
    for section in report["sections"]:
        document.add_heading(section["heading"], level=1)
        if not section["has_data"]:
            document.add_paragraph(_empty_note(section["key"]))
        for fact in section["facts"]:
            document.add_paragraph(f"{fact['label']}: {fact['value']}", style="List Bullet")
        for table in section["tables"]:
            if not table["rows"]:
                continue
            document.add_paragraph(table["caption"], style="Caption")
            grid = document.add_table(rows=1, cols=len(table["columns"]))
            grid.style = "Table Grid"
            for cell, name in zip(grid.rows[0].cells, table["columns"], strict=True):
                cell.text = str(name)
            for row in table["rows"]:
                cells = grid.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    value = value["value"] if isinstance(value, dict) else value
                    cell.text = "" if value is None else str(value)
    if page.conclusions:
        document.add_heading(_("Conclusions"), level=1)
        _rich(document, page.conclusions)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
