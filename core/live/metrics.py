"""What this process's live fan-out has done, so a silent slowdown or loss shows in `/healthz`.

The counters are per process and count from its start. They are written on the event loop
thread (by the hub and its sinks), except `dropped_publishes`, which a request thread bumps when
Redis does not take its event; a count off by one under a race is acceptable there, so plain
integers suffice.
"""

import logging
import os
import time
from dataclasses import asdict, dataclass, field


@dataclass
class LiveCounters:
    # Sockets (and control callbacks) the hub has delivered to, by how it can reach them.
    sinks_with_fast_path: int = 0
    sinks_without_fast_path: int = 0
    # Deliveries: the shared frame written straight to the transport, or the ordinary ASGI send
    # (which includes control callbacks such as a consumer's account events).
    direct_writes: int = 0
    asgi_sends: int = 0
    # Deliveries that raised: a direct write that failed, or an ASGI send to a socket that died.
    failed_writes: int = 0
    # Events the backend did not take (Redis away): dropped, healed by the pages' catch-up.
    dropped_publishes: int = 0
    # Gaps in the backend's subscription after which every local socket was told to catch up.
    resyncs: int = 0
    # Server protocol classes whose objects lack what the fast path reads: class -> attributes.
    fast_path_refused: dict[str, list[str]] = field(default_factory=dict)


counters = LiveCounters()


def snapshot() -> dict:
    """The counters as JSON-ready data, with the process they belong to."""
    return {"process": os.getpid(), **asdict(counters)}


def reset() -> None:
    """For tests: start counting from zero."""
    for name, value in asdict(LiveCounters()).items():
        setattr(counters, name, value)


class ThrottledLog:
    """Logs a WARNING at most once per `interval` seconds and says how many it held back, so a
    thousand sockets dying at once make one line, not a thousand."""

    def __init__(self, logger: logging.Logger, interval: float = 60.0):
        self.logger = logger
        self.interval = interval
        self._next = 0.0
        self._held_back = 0

    def reset(self) -> None:
        self._next = 0.0
        self._held_back = 0

    def warning(self, message: str, *args, exc_info=None) -> None:
        now = time.monotonic()
        if now < self._next:
            self._held_back += 1
            return
        if self._held_back:
            message += " (and %d more like it in the last %ds)"
            args = (*args, self._held_back, int(self.interval))
        self._held_back = 0
        self._next = now + self.interval
        self.logger.warning(message, *args, exc_info=exc_info)
