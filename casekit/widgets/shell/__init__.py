"""The app shell every casekit app uses: one chrome, one theme, one callback guard (see :mod:`.app`)."""
from .app import AppShell
from .theme import chart_width, contrast, css, palette

__all__ = ["AppShell", "chart_width", "contrast", "css", "palette"]
