"""The cached pages an event's changes retire (core/pagecache.py): the event's page depends on
"event:<id>", the listings of events on "events". A registration that is made, cancelled or
moved up from the waiting list changes the free places on both (events.signals)."""

EVENTS = "events"


def event_tag(event_id: int) -> str:
    return f"event:{event_id}"
