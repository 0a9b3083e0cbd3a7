"""The residents' forms on debate pages. They only shape input; the rules live in the
services. Rendered with the project's field template (settings.FORM_RENDERER)."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core import fragments
from core.forms import LanguageSelect
from core.locales import language_of
from dialogue.models import MAX_COMMENT_LENGTH, DebateState


def _body_help() -> str:
    return gettext("At most %(limit)d characters. Links work; other markup is shown as typed.") % {
        "limit": MAX_COMMENT_LENGTH
    }


# Translated when the form is shown, in the reader's language, not once at import.
body_help = lazy(_body_help, str)


class CommentForm(forms.Form):
    """A new comment or a reply. The data- attributes are the live script's hooks. Each form
    on a page needs its own `auto_id` (see `for_reply`), or replies would share ids."""

    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(
            attrs={"rows": 5, "maxlength": MAX_COMMENT_LENGTH, "data-body-input": True}
        ),
        help_text=body_help(),
    )
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput(attrs={"data-parent": True})
    )
    client_id = forms.UUIDField(
        required=False,
        widget=forms.HiddenInput(attrs={"data-client-id": True}),
        # A fresh id per form served, also where the form is part of HTML kept for several
        # readers (core.fragments.client_id).
        initial=fragments.client_id,
    )

    @classmethod
    def for_reply(cls, comment) -> "CommentForm":
        """The reply form under `comment`, its ids prefixed with `reply-<id>-`."""
        form = cls(auto_id=f"reply-{comment.pk}-%s", initial={"parent": comment.pk})
        form.fields["body"].label = _("Your reply")
        form.fields["body"].widget.attrs["rows"] = 3
        return form


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_COMMENT_LENGTH}),
    )


class DebateFilterForm(forms.Form):
    """The debate index's filter. Only focus areas that have debates there are offered; any
    other value is refused (400 with the form refilled), never a 500."""

    focus_area = forms.TypedChoiceField(
        label=_("Focus area"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=LanguageSelect,
    )
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All")), *DebateState.choices]
    )

    def __init__(self, *args, focus_areas=(), **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].choices = [
            ("", _("All focus areas")),
            *[(area.pk, area.title) for area in focus_areas],
        ]
        self.fields["focus_area"].widget.option_langs = {
            str(area.pk): language_of(area)
            for area in focus_areas
            if language_of(area) != get_language()
        }
