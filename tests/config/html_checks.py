"""What axe does not see in server HTML: two elements with one `id`, a `label for=` or an
`aria-labelledby` that points at nothing, and a form control without an accessible name."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Inputs a person does not fill in, or whose name is their own value.
UNNAMED_INPUT_TYPES = {"hidden", "submit", "button", "reset"}
CONTROLS = {"input", "select", "textarea"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


@dataclass
class Control:
    tag: str
    attrs: dict
    line: int
    in_label: bool

    def describe(self) -> str:
        shown = " ".join(
            f'{k}="{v}"' for k, v in self.attrs.items() if k in ("id", "name", "type", "class")
        )
        return f"line {self.line}: <{self.tag} {shown}>"


@dataclass
class Findings:
    duplicate_ids: dict[str, int] = field(default_factory=dict)
    empty_ids: list[str] = field(default_factory=list)
    dangling_for: list[str] = field(default_factory=list)
    dangling_labelledby: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = [f'id="{i}" x{n}' for i, n in self.duplicate_ids.items()]
        found += [f"empty id at {where}" for where in self.empty_ids]
        found += [f'label for="{f}" points at nothing' for f in self.dangling_for]
        found += [f'aria-labelledby="{f}" points at nothing' for f in self.dangling_labelledby]
        found += [f"control without a name: {c}" for c in self.unnamed]
        return found


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, int] = {}
        self.empty_ids: list[str] = []
        self.label_fors: list[str] = []
        self.labelledby: list[str] = []
        self.controls: list[Control] = []
        self.label_depth = 0
        self.template_depth = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        if tag == "template":
            # A <template>'s content is inert: not in the document until a script clones it.
            self.template_depth += 1
        if self.template_depth:
            return
        if "id" in a:
            if a["id"].strip():
                self.ids[a["id"]] = self.ids.get(a["id"], 0) + 1
            else:
                self.empty_ids.append(f"line {line} <{tag}>")
        if tag == "label":
            if "for" in a:
                self.label_fors.append(a["for"])
            if tag not in VOID:
                self.label_depth += 1
        if a.get("aria-labelledby"):
            self.labelledby.extend(a["aria-labelledby"].split())
        if tag in CONTROLS:
            kind = (a.get("type") or "text").lower()
            if tag == "input" and kind in UNNAMED_INPUT_TYPES:
                return
            self.controls.append(Control(tag, a, line, self.label_depth > 0))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "label" and not self.template_depth:
            self.label_depth -= 1
        if tag == "template":
            self.template_depth -= 1

    def handle_endtag(self, tag):
        if tag == "template":
            self.template_depth = max(0, self.template_depth - 1)
        elif tag == "label" and not self.template_depth:
            self.label_depth = max(0, self.label_depth - 1)


def check(html: str) -> Findings:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    findings = Findings()
    findings.duplicate_ids = {i: n for i, n in parser.ids.items() if n > 1}
    findings.empty_ids = parser.empty_ids
    findings.dangling_for = sorted({f for f in parser.label_fors if f not in parser.ids})
    findings.dangling_labelledby = sorted({f for f in parser.labelledby if f not in parser.ids})
    labelled = set(parser.label_fors)
    for control in parser.controls:
        a = control.attrs
        named = (
            control.in_label
            or (a.get("id") and a["id"] in labelled)
            or a.get("aria-label", "").strip()
            or any(i in parser.ids for i in a.get("aria-labelledby", "").split())
            or a.get("title", "").strip()
            or (control.tag == "input" and a.get("type") == "image" and a.get("alt", "").strip())
        )
        if not named:
            findings.unnamed.append(control.describe())
    return findings
