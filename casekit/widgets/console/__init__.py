"""The conference console: the facilitator's screens (see :mod:`.app`)."""
from .app import ConsoleApp

__all__ = ["ConsoleApp"]
