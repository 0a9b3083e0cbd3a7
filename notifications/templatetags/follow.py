from django import template

from notifications import services

register = template.Library()


@register.inclusion_tag("notifications/follow_button.html", takes_context=True)
def follow_button(context, topic: str, label: str = ""):
    """A form that follows or unfollows `topic` and comes back to this page: no JavaScript.
    For people who are not logged in, a link to log in (the page stays the same for every
    anonymous reader, so the page cache may keep it)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    followed = False
    if user is not None and user.is_authenticated:
        cached = getattr(request, "_followed_topics", None)
        if cached is None:
            cached = services.followed_topics(user)
            request._followed_topics = cached
        followed = topic in cached
    return {
        "request": request,
        "user": user,
        "topic": topic,
        "label": label,
        "followed": followed,
        "next": request.get_full_path() if request is not None else "",
    }
