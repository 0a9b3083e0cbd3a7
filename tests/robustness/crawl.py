"""Every URL the resolver knows, every page type in the page tree, and every form those pages
show, found by walking them rather than listing them, so a new one cannot slip past the suite."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

from partnerships.models import CommitmentType

PROJECT_APPS = ("accounts", "config", "core", "dialogue", "events", "home", "partnerships")
# Query parameters worth trying on every URL besides those its own forms and links name.
COMMON_PARAMETERS = (
    "q", "search", "page", "p", "after", "sort", "focus_area", "state", "kind", "district",
    "id", "next", "limit", "offset", "child_of", "type", "fields", "order",
)  # fmt: skip
ROLES = ("anonymous", "resident", "partner", "moderator", "editor", "superuser")


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    path: str


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, str]  # name -> the value the page offers (first option, input value)
    kinds: dict[str, str]  # name -> input type ("textarea", "select", "text", "hidden", ...)
    role: str = "anonymous"

    def key(self) -> tuple:
        return (self.method, urlsplit(self.action).path, tuple(sorted(self.fields)))


@dataclass
class Page_:
    forms: list[Form] = field(default_factory=list)
    link_parameters: set[str] = field(default_factory=set)


def _walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (entry.namespace + ":" if entry.namespace else "")
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            module = getattr(getattr(callback, "view_class", callback), "__module__", "")
            yield prefix + str(entry.pattern), namespace + (entry.name or ""), module


def _ours(pattern: str, name: str, module: str) -> bool:
    """The project's URLs, and in the admin those of the project's own screens and models."""
    if not pattern.startswith("admin/"):
        return not pattern.startswith(("documents/", "static/"))
    return module.split(".")[0] in PROJECT_APPS or any(app in name for app in PROJECT_APPS)


def _argument(name: str, kwarg: str, world) -> str:
    if kwarg == "pk":
        if name.startswith("events:"):
            return str(world.ids["event"])
        if "commitmenttype" in name:
            return str(CommitmentType.objects.order_by("pk").values_list("pk", flat=True)[0])
        if "dialogue" in name:
            return str(world.ids["comment_id"])
        return str(world.ids["organisation"])
    return str(world.ids.get(kwarg, 1))


def routes(world) -> list[Route]:
    """Every URL pattern, with its arguments filled from the world (language prefix: da)."""
    found = []
    for pattern, name, module in _walk(get_resolver()):
        if not _ours(pattern, name, module) or "<path:" in pattern:
            continue
        path = "/" + pattern.replace("^", "").replace("$", "")
        while "<" in path:
            start, end = path.index("<"), path.index(">")
            kwarg = path[start + 1 : end].split(":")[-1]
            path = path[:start] + _argument(name, kwarg, world) + path[end + 1 :]
        found.append(Route(name or pattern, pattern, path))
    return found


STAFF = ("moderator", "editor", "superuser")


def worth_asking(route: Route, role: str) -> bool:
    """The admin as staff, pages as a resident or anonymous: the forms and parameters there
    differ by role; asking everyone everything would only cost time."""
    if route.pattern.startswith("admin/"):
        return role in STAFF
    if route.pattern == "page tree":
        return role in ("anonymous", "resident", "moderator")
    return True


def page_routes() -> list[Route]:
    """One live page of each page type in the tree."""
    seen, found = set(), []
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        key = type(page).__name__
        if key in seen:
            continue
        seen.add(key)
        found.append(Route(f"page:{type(page).__name__}", "page tree", page.url))
    return found


class _FormParser(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.forms: list[Form] = []
        self.link_parameters: set[str] = set()
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "a" and "?" in a.get("href", ""):
            query = a["href"].split("?", 1)[1].split("#")[0]
            self.link_parameters |= {p.split("=")[0] for p in query.split("&") if p}
        if tag == "form":
            self._form = Form(
                method=(a.get("method") or "get").lower(),
                action=urljoin(self.base, a.get("action") or self.base),
                fields={},
                kinds={},
            )
            return
        form = self._form
        if form is None or not a.get("name"):
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "checkbox":
                if "checked" in a:  # an unticked box sends nothing
                    form.fields[name] = a.get("value", "on")
            elif kind == "radio":
                if "checked" in a or name not in form.fields:
                    form.fields[name] = a.get("value", "on")
            elif kind not in {"submit", "button", "image", "reset"}:
                form.fields[name] = a.get("value", "")
            form.kinds.setdefault(name, kind)
        elif tag == "textarea":
            form.fields[name], form.kinds[name] = "", "textarea"
            self._textarea = name
        elif tag == "select":
            form.fields.setdefault(name, ""), form.kinds.setdefault(name, "select")
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in a or form.fields.get(self._select) == "":
                form.fields[self._select] = a.get("value", "")
        elif tag == "button" and a.get("type", "submit") == "submit" and a.get("value"):
            form.fields.setdefault(name, a["value"])
            form.kinds.setdefault(name, "button")

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._form is not None and self._textarea:
                value = self._form.fields[self._textarea]
                self._form.fields[self._textarea] = value.removeprefix("\n")
            self._textarea = None


def parse(html: str, base: str) -> Page_:
    parser = _FormParser(base)
    parser.feed(html)
    return Page_(forms=parser.forms, link_parameters=parser.link_parameters)


def encode(data: dict[str, str]) -> str:
    """Form encoding as a client would send it; a lone surrogate goes as the bytes a broken
    client would send (invalid UTF-8), since it cannot be encoded as text."""
    return urlencode(data, encoding="utf-8", errors="surrogatepass")
