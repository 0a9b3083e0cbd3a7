from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """How many notices the logged-in person has not seen, for the header. One query, only
    for people who are logged in."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    cached = getattr(request, "_unread_notifications", None)
    if cached is None:
        cached = user.notifications.filter(read_at__isnull=True).count()
        request._unread_notifications = cached
    return cached
