"""Every URL and page type, every query parameter and every form field, fed the naughty strings,
the vectors of issue 11 and Hypothesis values: no 5xx, no ERROR in the log, nothing typed lost."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.robustness import corpus, crawl
from tests.robustness.conftest import CASES, client_for
from tests.robustness.http import KEY_VECTORS, TEXT_INPUTS, Judge, normalised, rolled_back, rotate

pytestmark = pytest.mark.django_db

MIXED_REQUESTS = 2 * corpus.SCALE
HYPOTHESIS_EXAMPLES = 2 * corpus.SCALE
HYPOTHESIS = hypothesis_settings(
    max_examples=HYPOTHESIS_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def get_targets(site_map):
    """Each route and page type that answers some role with a page, with the parameters its own
    forms and links use, asked as the first role that may see it."""
    targets, seen = [], set()
    own = {}
    for form in site_map.forms:
        if form.method == "get":
            own.setdefault(normalised(crawl.urlsplit(form.action).path), set()).update(form.fields)
    for route in site_map.routes:
        by_role = site_map.seen[route.path]
        role = next((r for r in crawl.ROLES if by_role[r][0] == 200), None)
        key = route.name if route.name.startswith("page:") else normalised(route.path)
        if role is None or key in seen:
            continue
        seen.add(key)
        parameters = set(by_role[role][1].link_parameters) | own.get(normalised(route.path), set())
        targets.append((route, role, sorted(parameters)))
    return targets


def test_every_query_parameter_of_every_url_takes_any_value(world, site_map, error_log):
    judge = Judge(error_log)
    targets = get_targets(site_map)
    for number, (route, role, own_parameters) in enumerate(targets):
        client = client_for(world, role)
        parameters = sorted(set(own_parameters) | set(crawl.COMMON_PARAMETERS))
        values = corpus.text_values(offset=number * 7, count=8)
        before = judge.cases

        def ask(query: dict, client=client, route=route):
            response = client.get(route.path, QUERY_STRING=crawl.encode(query))
            judge.response(f"GET {route.path}", response, query, cases=len(query))

        for i in range(MIXED_REQUESTS):
            ask(rotate(parameters, values, i))
        for name in own_parameters:
            for value in KEY_VECTORS:
                ask({name: value})

        @HYPOTHESIS
        @given(st.dictionaries(st.sampled_from(parameters), corpus.query_value, min_size=1))
        def generated(query):
            ask(query)

        generated()
        CASES[f"GET {route.name}"] += judge.cases - before
    print(f"{len(targets)} URLs, {judge.cases} parameter values")
    assert not judge.problems, "\n".join(judge.problems)


def post_targets(site_map):
    seen, targets = set(), []
    for form in site_map.forms:
        key = (
            form.method,
            normalised(crawl.urlsplit(form.action).path),
            tuple(sorted(form.fields)),
        )
        if form.method == "post" and key not in seen:
            seen.add(key)
            targets.append(form)
    return targets


def test_every_field_of_every_form_takes_any_value(world, site_map, error_log):
    judge = Judge(error_log)
    forms = post_targets(site_map)
    for number, form in enumerate(forms):
        fuzzable = [n for n in form.fields if n != "csrfmiddlewaretoken"]
        values = corpus.text_values(offset=number * 13, count=8)
        label = f"POST {form.action} as {form.role}"
        before = judge.cases

        def send(changes: dict, form=form, label=label):
            data = {**form.fields, **changes}
            with rolled_back():
                client = client_for(world, form.role)
                response = client.post(
                    form.action,
                    crawl.encode(data),
                    content_type="application/x-www-form-urlencoded",
                )
                judge.response(label, response, changes, cases=len(changes) or 1)
                judge.kept(label, form, response, changes)
            return response

        for i in range(MIXED_REQUESTS):
            send(rotate(fuzzable, values, i))
        for name in fuzzable:
            if form.kinds.get(name) in TEXT_INPUTS:
                for value in KEY_VECTORS:
                    response = send({name: value})
                    if "\x00" in value:
                        judge.refused(label, response, name, value)

        if fuzzable:

            @HYPOTHESIS
            @given(st.dictionaries(st.sampled_from(fuzzable), corpus.query_value, min_size=1))
            def generated(changes):
                send(changes)

            generated()
        CASES[f"POST {normalised(crawl.urlsplit(form.action).path)}"] += judge.cases - before
    print(f"{len(forms)} forms, {judge.cases} field values")
    assert not judge.problems, "\n".join(judge.problems)


ISSUE_11_ANONYMOUS = [
    "?after=%C2%B2",
    "?after=999999999999999999999999999999",
    "?sort=popular&after=%C2%B2.%C2%B2",
]


def test_the_query_strings_of_issue_11_answer_without_a_server_error(world, error_log):
    debate = world.debate
    index = debate.get_parent()
    judge = Judge(error_log)
    client = Client(raise_request_exception=False)
    huge = "9" * 30
    urls = [debate.url + q for q in ISSUE_11_ANONYMOUS]
    urls += [f"/da/dialog/{debate.pk}/kommentarer/{q}" for q in ISSUE_11_ANONYMOUS]
    urls += [
        index.url + "?focus_area=%C2%B2",
        index.url + f"?focus_area={huge}",
        "/da/soeg/?q=%22%3E",
        "/da/soeg/?q=a%00b",
        "/da/soeg/?q=%22",
        "/da/soeg/?q=NEAR(",
        "/api/v2/pages/?search=%22%3E",
        "/api/v2/pages/?search=a%00b",
        f"/api/v2/pages/?child_of={huge}",
        f"/api/v2/pages/?id={huge}",
        f"/da/partnere/?commitment={huge}",
        f"/da/arrangementer/?month={huge}",
    ]
    for url in urls:
        judge.response(f"GET {url}", client.get(url), {})
    staff = client_for(world, "superuser")
    for url in [
        f"/admin/moderation/?debate={huge}",
        f"/admin/moderation/log/?debate={huge}&moderator={huge}&user={huge}",
        f"/admin/event_registrations/?event={huge}",
        f"/admin/event_registrations/results/?event={huge}",
        f"/admin/snippets/partnerships/commitmenttype/results/?focus_area={huge}",
        "/admin/pages/?q=%22%3E",
    ]:
        judge.response(f"GET {url}", staff.get(url), {})
    CASES["GET issue 11 vectors"] += judge.cases
    assert not judge.problems, "\n".join(judge.problems)
