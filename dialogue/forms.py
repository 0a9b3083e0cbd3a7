import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.models import MAX_COMMENT_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_COMMENT_LENGTH}),
        help_text=_("At most %(limit)d characters. Links work; other markup is shown as typed.")
        % {"limit": MAX_COMMENT_LENGTH},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput, initial=uuid.uuid4)


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_COMMENT_LENGTH}),
    )
