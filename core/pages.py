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
