"""The moderators' screens in the Wagtail admin: the queue, one comment with its thread and the
actions, the audit log (read only), and debate states. Views stay thin: the services decide."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.admin import PermissionRequiredMixin
from core.errors import ServiceError, add_to_form
from dialogue import services
from dialogue.models import Comment, CommentStatus, DebatePage
from dialogue.moderation import selectors
from dialogue.moderation.forms import (
    BlockForm,
    DebateStateForm,
    HideForm,
    LogFilterForm,
    NoteForm,
    QueueFilterForm,
    RemoveForm,
    WarnForm,
)


def _int(value) -> int | None:
    """An id from the address bar, or None (no filter) when it is not one the database holds."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


class AdminPage(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    def handle_no_permission(self, request):
        """A plain 403 in the admin's look, with nothing from the screen asked for, instead of
        Wagtail's redirect to the dashboard: the refusal is what it is, for people and tests."""
        return TemplateResponse(request, "dialogue/admin/403.html", status=403)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class QueueView(AdminPage):
    permission = "dialogue.moderate_comments"
    template_name = "dialogue/admin/queue.html"
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = QueueFilterForm(self.request.GET or None)
        debate_id = reason = None
        if form.is_valid():
            debate_id = _int(form.cleaned_data["debate"])
            reason = form.cleaned_data["reason"] or None
        page = Paginator(selectors.queue(debate_id=debate_id, reason=reason), 25).get_page(
            self.request.GET.get("p")
        )
        histories = selectors.author_histories(c.author_id for c in page.object_list)
        for comment in page.object_list:
            comment.reason_summary = selectors.reason_summary(comment.open_reports)
            comment.history = histories.get(comment.author_id)
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            {
                "filter_form": form,
                "page_obj": page,
                "query": query.urlencode(),
                "total": page.paginator.count,
            }
        )
        return context


ACTIONS = {
    "approve": NoteForm,
    "hide": HideForm,
    "restore": NoteForm,
    "remove": RemoveForm,
    "warn": WarnForm,
    "block": BlockForm,
}


class CommentView(AdminPage):
    permission = "dialogue.moderate_comments"
    template_name = "dialogue/admin/comment.html"
    page_title = gettext_lazy("Moderate a comment")
    header_icon = "warning"

    def dispatch(self, request, comment_id, *args, **kwargs):
        self.comment = get_object_or_404(
            Comment.objects.select_related("debate", "author", "parent"), pk=comment_id
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"#{self.comment.pk}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("dialogue_moderation:queue"), "label": _("Moderation queue")},
            {"url": "", "label": f"#{self.comment.pk}"},
        ]

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        forms = forms or {}
        author_id = comment.author_id
        context.update(
            {
                "comment": comment,
                "thread": selectors.thread_for(comment),
                "reports": selectors.all_reports(comment),
                "history": selectors.author_histories([author_id]).get(author_id),
                "author_log": selectors.author_log(author_id),
                "forms": {
                    name: forms.get(name) or form(auto_id=f"{name}-%s")
                    for name, form in ACTIONS.items()
                },
                "can_approve": comment.queued_at is not None
                or comment.status in (CommentStatus.PENDING, CommentStatus.HELD),
                "can_hide": comment.status
                not in (CommentStatus.HIDDEN, CommentStatus.REMOVED, CommentStatus.DELETED),
                "can_restore": comment.status in (CommentStatus.HIDDEN, CommentStatus.HELD),
                "can_remove": comment.status != CommentStatus.REMOVED,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        form_class = ACTIONS.get(action)
        if form_class is None:
            messages.error(request, _("Unknown action."))
            return self._again({}, 400)
        form = form_class(request.POST, auto_id=f"{action}-%s")
        if not form.is_valid():
            return self._again({action: form}, 400)
        try:
            self._run(action, form)
        except ServiceError as error:
            add_to_form(form, error)
            return self._again({action: form}, error.page_status)
        messages.success(request, self._done_message(action))
        if action in ("warn", "block"):
            return redirect("dialogue_moderation:comment", comment_id=self.comment.pk)
        return redirect("dialogue_moderation:queue")

    def _again(self, forms, status):
        response = self.render_to_response(self.get_context_data(forms=forms))
        response.status_code = status
        return response

    def _run(self, action, form):
        user, comment, data = self.request.user, self.comment, form.cleaned_data
        if action == "approve":
            services.comment_approve(moderator=user, comment=comment, note=data["note"])
        elif action == "hide":
            services.comment_hide(
                moderator=user, comment=comment, reason=data["reason"], note=data["note"]
            )
        elif action == "restore":
            services.comment_restore(moderator=user, comment=comment, note=data["note"])
        elif action == "remove":
            services.comment_remove(moderator=user, comment=comment, note=data["note"])
        elif comment.author is None:
            raise ServiceError("no_author", _("The author has deleted their account."), 409)
        elif action == "warn":
            services.author_warn(
                moderator=user, user=comment.author, note=data["note"], comment=comment
            )
        elif action == "block":
            services.author_block(
                moderator=user,
                user=comment.author,
                days=form.days(),
                reason=data["reason"],
                comment=comment,
            )

    @staticmethod
    def _done_message(action: str) -> str:
        return {
            "approve": _("The comment is approved."),
            "hide": _("The comment is hidden and its author told why."),
            "restore": _("The comment is restored."),
            "remove": _("The comment's text is deleted for good and its author told."),
            "warn": _("The author is warned."),
            "block": _("The author is blocked."),
        }[action]


class LogView(AdminPage):
    permission = "dialogue.view_moderation_log"
    template_name = "dialogue/admin/log.html"
    page_title = gettext_lazy("Moderation log")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = LogFilterForm(self.request.GET or None)
        action = debate_id = None
        if form.is_valid():
            action = form.cleaned_data["action"] or None
            debate_id = _int(form.cleaned_data["debate"])
        entries = selectors.log_entries(
            action=action,
            debate_id=debate_id,
            moderator_id=_int(self.request.GET.get("moderator")),
            user_id=_int(self.request.GET.get("user")),
        )
        page = Paginator(entries, 50).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update({"filter_form": form, "page_obj": page, "query": query.urlencode()})
        return context


class DebateListView(AdminPage):
    permission = "dialogue.switch_debate_state"
    template_name = "dialogue/admin/debates.html"
    page_title = gettext_lazy("Debate states")
    header_icon = "openquote"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["debates"] = DebatePage.objects.order_by("-first_published_at", "title")
        return context


class DebateStateView(AdminPage):
    permission = "dialogue.switch_debate_state"
    template_name = "dialogue/admin/debate_state.html"
    page_title = gettext_lazy("Debate state")
    header_icon = "openquote"

    def dispatch(self, request, debate_id, *args, **kwargs):
        self.debate = get_object_or_404(DebatePage, pk=debate_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.debate.question

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("dialogue_moderation:debates"), "label": _("Debate states")},
            {"url": "", "label": self.debate.question},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["debate"] = self.debate
        context["form"] = form or DebateStateForm(
            initial={"state": self.debate.state, "conclusion": self.debate.conclusion}
        )
        return context

    def post(self, request, *args, **kwargs):
        form = DebateStateForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.debate_set_state(
                    user=request.user,
                    debate=self.debate,
                    state=form.cleaned_data["state"],
                    conclusion=form.cleaned_data["conclusion"],
                )
            except ServiceError as error:
                add_to_form(form, error)
                status = error.page_status
            else:
                messages.success(request, _("The debate's state is changed."))
                return redirect("dialogue_moderation:debates")
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = status
        return response
