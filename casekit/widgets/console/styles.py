"""The console's own rules on top of the shell's (:mod:`casekit.widgets.shell.theme`): the Assessment grid, rows
of participants, actors, goals and actions that wrap instead of running off the screen, the timer buttons and
the bars under the heading (collision, undo, a date to confirm)."""
from __future__ import annotations


def console_css(c: dict[str, str], layout: str) -> str:
    r = ".casekit-console-app"
    four_three = layout == "4:3"
    return f"""
{r} .casekit-timer-button {{ min-width: 44px; padding: 2px 8px !important; }}
{r} .casekit-timer-slot .widget-html-content {{ font-size: var(--casekit-chrome-font-size) !important; }}
{r} .casekit-undo-bar, {r} .casekit-far-bar {{ display: flex; flex-wrap: wrap; align-items: center; gap: 8px;
  border: 2px solid {c['accent']}; border-radius: 6px; padding: 2px 8px; margin: 2px 0; height: auto; }}
{r} .casekit-needs-grid {{ height: auto; }}
{r} .casekit-grid-row {{ display: flex; flex-wrap: nowrap !important; align-items: center; gap: 6px;
  border-bottom: 1px solid {c['border']}; padding: 2px 0; height: auto; }}
{r} .casekit-grid-row .widget-toggle-button {{ min-width: {'44px' if four_three else '50px'}; min-height: 40px;
  padding: 2px 6px !important; font-size: 22px !important; }}
{r} .casekit-grid-status .widget-toggle-button {{ font-size: 26px !important; }}
{r} .casekit-grid-domain .widget-html-content {{ line-height: 1.15; }}
{r} .casekit-grid-help {{ display: block; color: {c['muted']}; font-size: 20px; }}
{r} .casekit-grid-flag {{ color: {c['warning']}; }}
{r} .casekit-grid-legend .widget-html-content {{ font-size: 20px !important; }}
{r} .casekit-perspective-row {{ display: flex; flex-wrap: wrap !important; gap: 6px 12px; align-items: center; height: auto; }}
{r} .casekit-list-row {{ display: flex; flex-wrap: wrap !important; gap: 6px; align-items: flex-start; height: auto; }}
{r} .casekit-list-row .widget-textarea, {r} .casekit-list-row .widget-text {{ flex: 1 1 16em; }}
{r} .casekit-checks {{ display: flex; flex-wrap: wrap !important; gap: 2px 14px; height: auto; }}
{r} .casekit-room-preview {{ height: auto; }}
{r} .casekit-room-preview .room-screen {{ height: auto; min-height: 0; }}
{r} .casekit-wide {{ width: 100% !important; }}
{r} .casekit-row > .casekit-unit {{ flex: 0 0 auto !important; }}
{r} .widget-hbox > .casekit-date {{ flex: 0 0 auto !important; width: auto !important; min-width: 11em; }}
{r} .casekit-date .widget-label {{ max-width: none !important; }}
{r} .casekit-date input {{ width: 7.5em !important; }}
{r} .casekit-grow {{ flex: 1 1 14em; min-width: 0; }}
{r} .casekit-agenda-minutes, {r} .casekit-new-item-minutes {{ flex: 0 0 auto !important; width: 4.2em !important;
  min-width: 0 !important; }}
{r} .casekit-ladder-brief {{ color: {c['muted']}; font-size: 20px; line-height: 1.25; }}
{r} .casekit-gas-ladder .widget-text {{ width: 100% !important; }}
{r} .casekit-preview-frame {{ width: 100%; height: 60vh; border: 2px solid {c['border']}; background: #fff; }}
{r} .casekit-chosen-actor {{ border-top: 2px solid {c['border']}; margin-top: 6px; padding-top: 4px; }}
{r} .casekit-privacy-note .widget-html-content {{ color: {c['muted']}; font-style: italic; }}
"""
