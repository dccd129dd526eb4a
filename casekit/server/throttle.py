"""Login throttling: after a few wrong passwords a client must wait, longer after each further one.

While a client waits, its attempts are refused without checking the password at all, so guessing gains
nothing from speed or from sending many requests at once; a right password resets the count. Counted per
client address (the proxy's ``X-Forwarded-For`` only when ``casekit serve --behind-proxy`` says to trust it).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0
    last: float = 0.0


@dataclass
class LoginThrottle:
    """``free_attempts`` wrong passwords are free; the n-th after them costs ``base_delay · 2ⁿ`` seconds
    (at most ``max_delay``). Records of clients quiet for ``forget_after`` seconds are dropped."""

    free_attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 300.0
    forget_after: float = 3600.0
    clock: Callable[[], float] = time.monotonic
    _clients: dict[str, _Record] = field(default_factory=dict)

    def wait_seconds(self, client: str) -> float:
        """How long ``client`` must still wait before a password is checked (0: go ahead)."""
        record = self._clients.get(client)
        if record is None:
            return 0.0
        return max(0.0, record.locked_until - self.clock())

    def failed(self, client: str) -> float:
        """Record a wrong password; returns the seconds the client must now wait."""
        now = self.clock()
        self._forget_quiet(now)
        record = self._clients.setdefault(client, _Record())
        record.failures += 1
        record.last = now
        over = record.failures - self.free_attempts
        if over >= 0:
            record.locked_until = now + min(self.max_delay, self.base_delay * 2 ** over)
        return self.wait_seconds(client)

    def succeeded(self, client: str) -> None:
        self._clients.pop(client, None)

    def _forget_quiet(self, now: float) -> None:
        if len(self._clients) < 1000:
            return
        for key in [k for k, r in self._clients.items() if now - r.last > self.forget_after and r.locked_until < now]:
            del self._clients[key]
