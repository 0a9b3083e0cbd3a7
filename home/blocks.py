"""Every StreamField block of the policy pages, in one place, so that editors meet the same
building blocks on every page type and templates render them the same way."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class ListBlock(blocks.StructBlock):
    """A lead-in and its points, as in the policy's "Det gør vi ved, at" lists."""

    title = blocks.CharBlock(label=_("Lead-in"), required=False)
    items = blocks.ListBlock(blocks.TextBlock(label=_("Point")), label=_("Points"))

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "home/blocks/list.html"


class PrincipleBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(label=_("Number"), min_value=1)
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Principle")
        template = "home/blocks/principle.html"


class ResponsibilityBlock(blocks.StructBlock):
    """Who carries which part of the policy: the municipality, business, residents, civil
    society."""

    actor = blocks.ChoiceBlock(
        label=_("Who"),
        choices=[
            ("municipality", _("The municipality")),
            ("business", pgettext_lazy("actor in the policy", "Business")),
            ("residents", _("Residents")),
            ("civil_society", _("Civil society")),
        ],
    )
    title = blocks.CharBlock(label=_("Title"))
    items = blocks.ListBlock(blocks.TextBlock(label=_("Point")), label=_("Points"))
    note = blocks.TextBlock(label=_("Note"), required=False)

    class Meta:
        icon = "group"
        label = _("Responsibility")
        template = "home/blocks/responsibility.html"


class ActivityBlock(blocks.StructBlock):
    """One activity of a committee's action plan and the main goals it serves."""

    title = blocks.CharBlock(label=_("Activity"))
    description = blocks.TextBlock(label=_("Description"), required=False)
    status = blocks.ChoiceBlock(
        label=_("Status"),
        choices=[
            ("planned", _("Planned")),
            ("under_way", _("Under way")),
            ("done", _("Done")),
            ("dropped", _("Dropped")),
        ],
        default="planned",
    )
    goals = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="home.GoalPage", label=_("Goal")),
        label=_("Goals served"),
        required=False,
    )

    STATUS_MARKS = {"planned": "○", "under_way": "◐", "done": "●", "dropped": "✗"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        status = value.get("status") or "planned"
        choices = dict(self.child_blocks["status"].field.choices)
        context["status_label"] = choices.get(status, status)
        context["status_mark"] = self.STATUS_MARKS.get(status, "")
        return context

    class Meta:
        icon = "tasks"
        label = _("Activity")
        template = "home/blocks/activity.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_FEATURES, template="home/blocks/paragraph.html"
    )
    list = ListBlock()
    quote = blocks.BlockQuoteBlock(label=_("Quote"), template="home/blocks/quote.html")


class PrinciplesBlock(blocks.StreamBlock):
    principle = PrincipleBlock()


class ResponsibilitiesBlock(blocks.StreamBlock):
    responsibility = ResponsibilityBlock()


class ActionsBlock(blocks.StreamBlock):
    action = blocks.TextBlock(label=_("Action"), template="home/blocks/action.html")


class ActivitiesBlock(blocks.StreamBlock):
    activity = ActivityBlock()
