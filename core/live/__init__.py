"""Live fan-out: how an event on a debate reaches every open page of it.

One `Hub` per server process keeps the sockets watching each topic and holds exactly one
backend subscription per topic that has local watchers. An event is encoded to JSON once and
the same text frame is written to every local socket; nothing goes through a per-socket
channel-layer `group_send` (see DESIGN.md, "How a live comment travels").
"""

from core.live.hub import get_hub, publish, user_topic

__all__ = ["get_hub", "publish", "user_topic"]
