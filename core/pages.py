"""What index pages share: a list the reader narrows with a GET form."""


def bind_filters(form) -> tuple[dict, bool]:
    """The filters a bound GET form accepts, as plain keyword arguments, and whether it
    refused any. An unbound form (no query) filters nothing."""
    if not form.is_bound:
        return {}, False
    valid = form.is_valid()
    filters = {
        name: value
        for name, value in form.cleaned_data.items()
        if name not in form.errors and value not in (None, "", [], ())
    }
    return filters, not valid


class FilterableIndexMixin:
    """For a Wagtail index page whose list is filtered by a plain GET form.

    The page binds `filter_form_class` to the query string and hands the valid filters, as plain
    keyword arguments, to `listing_context(request, **filters)`, which asks a selector. A value
    the form refuses answers 400 with the form refilled and its reason shown; the other filters
    still apply, so the reader is never left with nothing (REVIEW.md, "filterable index pages").
    """

    filter_form_class = None
    # The query parameters that name a page of the listing (kept apart from the filters).
    page_parameters: tuple[str, ...] = ()

    def filter_form_kwargs(self, request) -> dict:
        return {}

    def listing_context(self, request, **filters) -> dict:
        raise NotImplementedError

    def bind_filter_form(self, request):
        form = self.filter_form_class(request.GET or None, **self.filter_form_kwargs(request))
        filters, invalid = bind_filters(form)
        return form, filters, invalid

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, filters, invalid = self.bind_filter_form(request)
        context.update(
            filter_form=form,
            # The name the listing's section is kept under ("" for a query the page did not
            # make): core/sections.py.
            listing_section=listing_section(
                request, form, f"{self._meta.label_lower}:listing", self.page_parameters
            ),
            filters=filters,
            filters_active=bool(filters),
            filters_invalid=invalid,
        )
        context.update(self.listing_context(request, **filters))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("filters_invalid"):
            response.status_code = 400
        return response


def listing_section(request, form, name: str, page_parameters: tuple[str, ...] = ()) -> str:
    """The section name (core/sections.py) a listing is kept under for this query: `name` when
    the query is one the page's own form and page links make (each parameter a field of the
    form with choices or a page number of at most four digits, once each, and the form valid),
    else "", which renders the listing for this request only: made-up queries and typed text
    (a search) cannot fill the cache."""
    query = request.GET
    for key in query:
        values = query.getlist(key)
        if len(values) != 1:
            return ""
        if key in page_parameters:
            if not (values[0].isdigit() and len(values[0]) <= 4):
                return ""
        elif key not in form.fields or (values[0] and not hasattr(form.fields[key], "choices")):
            return ""
    if form.is_bound and not form.is_valid():
        return ""
    return name
