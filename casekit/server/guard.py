"""Which names a casekit server answers to: the defence against DNS rebinding.

A web page on ``evil.example`` can make ``evil.example`` resolve to 127.0.0.1 and then talk to a server on the
worker's own machine as if it were its own site. The browser still sends ``Host: evil.example`` (and, for a
websocket or a form, ``Origin: http://evil.example``), so a server that answers only the names it listens on
cannot be reached this way. Standalone Voilà answers any name (it runs with ``allow_remote_access``); casekit
checks every request — pages, static files, websockets — before any handler runs.

An IP address in ``Host`` cannot come from rebinding (the attack needs a name), so a literal address is
answered when it is a loopback address, the address the server listens on, or any address when it listens on
every interface (``0.0.0.0`` / ``::``, which ``casekit serve`` allows only with a password or token).
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def split_host(value: str | None) -> str | None:
    """The host name of a ``Host`` header (``name:port``, ``[::1]:8866``), lower case; ``None`` if malformed."""
    if not value:
        return None
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        rest = value[end + 1:]
        if rest and not (rest.startswith(":") and rest[1:].isdigit()):
            return None
        return value[1:end]
    if value.count(":") == 1:
        name, port = value.split(":")
        if not port.isdigit():
            return None
        value = name
    elif value.count(":") > 1:  # a bare IPv6 address without brackets is not a valid Host header
        return None
    return value.rstrip(".") or None


def _address(name: str):
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


@dataclass(frozen=True)
class HostPolicy:
    """The names a server answers: loopback, the address it listens on, and names the deployer allows."""

    listen: str = "127.0.0.1"
    extra: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def create(cls, listen: str, allowed: list[str] | tuple[str, ...] = ()) -> "HostPolicy":
        names = {n.strip().lower().rstrip(".") for n in allowed if n and n.strip()}
        return cls(listen=listen.strip().lower(), extra=frozenset(names))

    def names(self) -> frozenset[str]:
        named = set(LOOPBACK_NAMES) | self.extra
        if self.listen not in WILDCARDS:
            named.add(self.listen.strip("[]"))
        return frozenset(named)

    def allows_host(self, host_header: str | None) -> bool:
        name = split_host(host_header)
        if name is None:
            return False
        if name in self.names():
            return True
        address = _address(name)
        if address is None:
            return False  # a name nobody allowed: what a rebinding page sends
        if address.is_loopback:
            return True
        return self.listen in WILDCARDS

    def allows_origin(self, origin: str | None) -> bool:
        """A request without ``Origin`` (curl, same-origin GET) passes; a present one must name an allowed host."""
        if origin is None:
            return True
        parts = urlsplit(origin.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return False  # "null" (sandboxed frames, file pages) and anything odd
        return self.allows_host(parts.netloc)

    def allows(self, host_header: str | None, origin: str | None) -> bool:
        return self.allows_host(host_header) and self.allows_origin(origin)
