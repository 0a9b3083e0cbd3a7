"""The plan page's admin form: what a single activity row cannot check on its own."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm


class ActionPlanForm(WagtailAdminPageForm):
    """A milestone must fall within its activity's start and end. Each milestone row is checked
    against the dates typed in its activity's row, so the error stands beside the date to fix
    and everything the editor typed stays in the form."""

    def clean(self):
        cleaned = super().clean()
        activities = self.formsets.get("activities")
        if activities is None:
            return cleaned
        for activity_form in activities.forms:
            activity_form.errors  # noqa: B018 (cleans the row, if not yet done)
            data = getattr(activity_form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            start, end = data.get("start"), data.get("end")
            milestones = getattr(activity_form, "formsets", {}).get("milestones")
            if milestones is None:
                continue
            for milestone_form in milestones.forms:
                milestone_form.errors  # noqa: B018
                mdata = getattr(milestone_form, "cleaned_data", None) or {}
                due = mdata.get("due")
                if not mdata or mdata.get("DELETE") or due is None:
                    continue
                if start and due < start:
                    milestone_form.add_error(
                        "due", _("A milestone cannot be before the activity starts.")
                    )
                elif end and due > end:
                    milestone_form.add_error(
                        "due", _("A milestone cannot be after the activity ends.")
                    )
        return cleaned


class StatusReportForm(WagtailAdminPageForm):
    """Making a report builds its figures for the chosen year; a year with no data, a second
    report for the same year or a new year on a published report is refused on the year field,
    with everything else the editor typed kept."""

    rebuild_figures = forms.BooleanField(
        label=gettext_lazy("Build the figures again from today's data"),
        required=False,
        help_text=gettext_lazy("Only while the report has not been published."),
    )

    def clean(self):
        from accountability import reporting

        cleaned = super().clean()
        year = cleaned.get("year")
        page = self.instance
        if year is None:
            return cleaned
        if page.is_frozen and page.year and year != page.year:
            self.add_error("year", _("A published report's year cannot change."))
            return cleaned
        same_year = type(page).objects.filter(year=year, locale_id=page.locale_id or None)
        if page.pk:
            same_year = same_year.exclude(pk=page.pk)
        if page.locale_id and same_year.exists():
            self.add_error("year", _("There is already a report for %(year)s.") % {"year": year})
            return cleaned
        needs_figures = not page.figures or (
            not page.is_frozen and (cleaned.get("rebuild_figures") or year != page.year)
        )
        if needs_figures:
            figures = reporting.build(year)
            if not figures["has_data"]:
                self.add_error(
                    "year",
                    _("The platform has no data for %(year)s: choose another year.")
                    % {"year": year},
                )
                return cleaned
            self._new_figures = figures
        return cleaned

    def save(self, commit=True):
        figures = getattr(self, "_new_figures", None)
        if figures is not None:
            from django.utils import timezone

            self.instance.figures = figures
            self.instance.figures_built_at = timezone.now()
        return super().save(commit=commit)
