"""The supervision app's own rules on top of the shell's (:mod:`casekit.widgets.shell.theme`): the filter row,
the tables (overdue and over-norm cells marked by a sign as well as by colour), the case summary's panes, the gap
analysis' charts and the session form. Colours come from the shell's palette (``c``), nothing else."""
from __future__ import annotations


def supervision_css(c: dict[str, str], layout: str) -> str:
    r = ".casekit-sv-app"
    four_three = layout == "4:3"
    return f"""
{r} .casekit-sv-filters {{ display: flex; flex-wrap: wrap !important; gap: 6px 14px; align-items: center;
  height: auto; }}
{r} .casekit-sv-filters .widget-dropdown {{ flex: 1 1 {'14em' if four_three else '12em'}; min-width: 10em;
  max-width: 100%; }}
{r} .casekit-sv-filters .widget-dropdown select {{ min-width: 6em; }}
{r} .casekit-sv-count, {r} .casekit-sv-count .widget-html-content {{ color: {c['muted']}; height: auto; }}
{r} .casekit-sv-table, {r} .casekit-sv-table .widget-html-content {{ height: auto; line-height: 1.25;
  width: 100%; min-width: 0; overflow-x: hidden; }}
/* wide tables keep to the screen: headers wrap between words, a little smaller than the text; no word is broken */
{r} table.casekit-sv-worker-table, {r} table.casekit-sv-case-table {{ table-layout: auto; width: 100%;
  font-size: {'20px' if four_three else '22px'} !important; line-height: 1.2; }}
{r} table.casekit-sv-worker-table th, {r} table.casekit-sv-case-table th {{
  font-size: {'18px' if four_three else '20px'}; line-height: 1.15; vertical-align: bottom; }}
{r} table.casekit-sv-worker-table td, {r} table.casekit-sv-case-table td,
{r} table.casekit-sv-worker-table th, {r} table.casekit-sv-case-table th {{
  padding: {'2px 4px' if four_three else '3px 6px'}; }}
{r} .casekit-sv-sub {{ display: block; color: {c['muted']}; font-size: {'18px' if four_three else '20px'}; }}
{r} table.casekit-table td.casekit-sv-num, {r} table.casekit-table th.casekit-sv-num {{ text-align: right;
  font-variant-numeric: tabular-nums; }}
{r} table.casekit-table td.casekit-sv-num {{ white-space: nowrap; }}
{r} table.casekit-table th {{ background: {c['surface']}; }}
{r} .casekit-sv-overdue, {r} .casekit-sv-over-norm {{ color: {c['error']}; font-weight: 700; }}
{r} .casekit-sv-alert-badge {{ display: inline-block; border: 2px solid {c['error']}; border-radius: 6px;
  padding: 0 4px; margin: 1px 4px 1px 0; font-size: 0.8em; line-height: 1.2; }}
{r} .casekit-sv-trend-up {{ color: {c['ok']}; font-weight: 700; }}
{r} .casekit-sv-trend-down {{ color: {c['error']}; font-weight: 700; }}
{r} .casekit-sv-drill {{ display: flex; flex-wrap: wrap !important; gap: 6px 10px; align-items: center;
  height: auto; }}
{r} .casekit-sv-drill .widget-dropdown {{ flex: 1 1 16em; min-width: 10em; max-width: 100%; }}
{r} .casekit-sv-facts, {r} .casekit-sv-facts .widget-html-content {{ height: auto; line-height: 1.35; }}
{r} .casekit-sv-plan, {r} .casekit-sv-plan .widget-html-content,
{r} .casekit-sv-holes, {r} .casekit-sv-holes .widget-html-content {{ height: auto; line-height: 1.3; }}
{r} .casekit-sv-plan td, {r} .casekit-sv-holes td {{ overflow-wrap: break-word; }}
{r} .casekit-sv-star, {r} .casekit-sv-ecomap, {r} .casekit-sv-heatmap, {r} .casekit-sv-unserved-chart {{
  width: 100%; height: auto; }}
{r} .casekit-sv-star .widget-html-content, {r} .casekit-sv-ecomap .widget-html-content,
{r} .casekit-sv-heatmap .widget-html-content, {r} .casekit-sv-unserved-chart .widget-html-content {{
  height: auto; line-height: 1.35; }}
{r} .casekit-sv-unserved-chart .casekit-chart {{ margin-bottom: 8px; }}
/* a field alone in a column fills it: stretched, not 100% wide (with the widget's margin that is cut at the right) */
{r} .widget-vbox > .widget-dropdown, {r} .widget-vbox > .widget-text, {r} .widget-vbox > .widget-textarea {{
  width: auto !important; align-self: stretch; }}
/* the form's fields fill the column (stretched: a width of 100% plus the widget's margin would be cut at the right) */
{r} .casekit-sv-form .widget-text, {r} .casekit-sv-form .widget-textarea, {r} .casekit-sv-form .widget-dropdown,
{r} .casekit-sv-form .widget-select-multiple {{ width: auto !important; align-self: stretch; max-width: 60em; }}
{r} .casekit-sv-form .widget-text.casekit-date {{ align-self: flex-start; width: 16em !important; max-width: 100%; }}
{r} .casekit-sv-form .widget-select-multiple select {{ min-height: 5em; }}
{r} .casekit-sv-action-row {{ display: flex; flex-wrap: wrap !important; gap: 6px 10px; align-items: center;
  height: auto; border-bottom: 1px solid {c['border']}; padding: 4px 0; }}
{r} .casekit-sv-action-row > .widget-text {{ flex: 1 1 14em; width: auto !important; align-self: center; }}
{r} .casekit-sv-action-row > .widget-text.casekit-date {{ flex: 0 1 13em; width: auto !important; }}
{r} .casekit-sv-competency {{ border-top: 3px solid {c['border']}; margin-top: 10px; padding-top: 4px;
  height: auto; }}
{r} .casekit-sv-competency h2 {{ font-size: calc(1.2 * var(--casekit-font-size)); margin: 6px 0; }}
{r} .casekit-sv-competency-row > .casekit-sv-competency-item {{ flex: 1 1 11em; min-width: 0; width: auto; }}
{r} .casekit-sv-competency-row > .widget-toggle-buttons {{ flex: 0 1 auto; }}
{r} .casekit-sv-competency-row > .widget-textarea {{ flex: 2 1 18em; width: auto !important; }}
{r} .casekit-sv-competency-levels .widget-toggle-button {{ font-size: var(--casekit-chrome-font-size) !important;
  padding: 2px 8px; min-height: 40px; }}
{r} .casekit-sv-downloads, {r} .casekit-sv-downloads .widget-html-content {{ height: auto; }}
{r} .casekit-sv-exports {{ display: flex; flex-wrap: wrap !important; gap: 6px; height: auto; }}
{r} .casekit-sv-hint, {r} .casekit-sv-hidden {{ color: {c['muted']}; }}
{r} .casekit-sv-hidden {{ font-style: italic; }}
{r} .casekit-sv-readonly .widget-html-content {{ height: auto; }}
"""


__all__ = ["supervision_css"]
