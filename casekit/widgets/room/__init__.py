"""The room view: read-only, one screen per step, following the console (see :mod:`.app`)."""
from .app import RoomApp

__all__ = ["RoomApp"]
