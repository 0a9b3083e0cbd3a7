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
