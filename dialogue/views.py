"""The plain HTTP path: everything the socket does also works as forms, without JavaScript."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.clientip import client_ip
from core.errors import ServiceError, add_to_form
from core.http import localized_url, post_only
from dialogue import selectors, services
from dialogue.forms import CommentForm, EditCommentForm
from dialogue.models import Comment, DebatePage
from dialogue.moderation.forms import ReportForm


def _debate(debate_id: int) -> DebatePage:
    return get_object_or_404(DebatePage.objects.live().public(), pk=debate_id)


def _comment(comment_id: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("debate", "author"),
        pk=comment_id,
        debate__live=True,
    )


def _render_debate(request, debate: DebatePage, status: int, **extra):
    context = debate.get_context(request)
    context.update(extra)
    return TemplateResponse(request, debate.get_template(request), context, status=status)


def _comment_url(request, comment: Comment) -> str:
    return f"{comment.debate.get_url(request)}#comment-{comment.pk}"


def _back_to_form(request, debate_id: int) -> str:
    return localized_url(request, _debate(debate_id), "comment-form")


def _back_to_comment(request, comment_id: int) -> str:
    comment = _comment(comment_id)
    return localized_url(request, comment.debate.specific, f"comment-{comment.pk}")


@post_only(_back_to_form)
def comment_create(request, debate_id: int):
    debate = _debate(debate_id)
    form = CommentForm(request.POST, auto_id="comment-form-%s")
    if not form.is_valid():
        return _render_debate(request, debate, 400, comment_form=form)
    try:
        comment, _created = services.comment_create(
            user=request.user,
            debate=debate,
            body=form.cleaned_data["body"],
            parent_id=form.cleaned_data["parent"],
            client_id=form.cleaned_data["client_id"],
            ip=client_ip(request),
        )
    except ServiceError as error:
        add_to_form(form, error)
        return _render_debate(request, debate, error.page_status, comment_form=form)
    if comment.is_pending:
        messages.info(request, _("Thank you. Your comment is shown when a moderator has read it."))
    return HttpResponseRedirect(_comment_url(request, comment))


@require_http_methods(["GET", "POST"])
def comment_edit(request, comment_id: int):
    comment = _comment(comment_id)
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.comment_edit(
                    user=request.user,
                    comment=comment,
                    body=form.cleaned_data["body"],
                    ip=client_ip(request),
                )
            except ServiceError as error:
                add_to_form(form, error)
                status = error.page_status
            else:
                messages.success(request, _("Your comment is changed."))
                return HttpResponseRedirect(_comment_url(request, comment))
        else:
            status = 400
    elif not request.user.has_perm("dialogue.edit_comment", comment):
        status = 403
        form = None
    return render(
        request, "dialogue/comment_edit.html", {"comment": comment, "form": form}, status=status
    )


@post_only(_back_to_comment)
def comment_delete(request, comment_id: int):
    comment = _comment(comment_id)
    try:
        services.comment_delete(user=request.user, comment=comment)
    except ServiceError as error:
        messages.error(request, error.message)
        return _render_debate(request, comment.debate, error.page_status)
    messages.success(request, _("Your comment is deleted."))
    return HttpResponseRedirect(_comment_url(request, comment))


@post_only(_back_to_comment)
def reaction_set(request, comment_id: int):
    comment = _comment(comment_id)
    try:
        services.reaction_set(
            user=request.user,
            comment=comment,
            value=request.POST.get("value", ""),
            ip=client_ip(request),
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return _render_debate(request, comment.debate, error.page_status)
    return HttpResponseRedirect(_comment_url(request, comment))


@require_GET
def comment_list(request, debate_id: int):
    """The next page of top-level comments as an HTML fragment, for "show more"."""
    debate = _debate(debate_id)
    page = selectors.comment_page(
        debate=debate,
        viewer=request.user,
        sort=request.GET.get("sort"),
        cursor=request.GET.get("after"),
    )
    return render(
        request,
        "dialogue/includes/comment_list_items.html",
        {"page": debate, "comment_page": page, **selectors.comment_context(request.user)},
    )


@require_GET
def thread(request, debate_id: int, root_id: int):
    debate = _debate(debate_id)
    root = selectors.thread(debate=debate, viewer=request.user, root_id=root_id)
    if root is None:
        raise Http404
    return render(
        request,
        "dialogue/thread.html",
        {"debate": debate, "root": root, **selectors.comment_context(request.user)},
    )


@require_http_methods(["GET", "POST"])
def comment_report(request, comment_id: int):
    """The report form on its own page: where the per-comment form lands without JavaScript,
    and where a refused report comes back filled in."""
    comment = _comment(comment_id)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.report_create(
                    user=request.user,
                    comment=comment,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                    ip=client_ip(request),
                )
            except ServiceError as error:
                add_to_form(form, error)
                status = error.page_status
            else:
                messages.success(request, _("Thank you. The moderators will look at the comment."))
                return HttpResponseRedirect(_comment_url(request, comment))
        else:
            status = 400
    elif not request.user.has_perm("dialogue.report_comment", comment):
        status = 403
    return render(
        request, "dialogue/comment_report.html", {"comment": comment, "form": form}, status=status
    )
