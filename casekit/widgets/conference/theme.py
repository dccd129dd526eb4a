"""The one style block of the conference app: projector themes (dark, light) and layouts (16:9, 4:3).

``css(theme, layout)`` returns the CSS text; the app shows it as ``ipywidgets.HTML("<style>…</style>")``.
Everything is scoped under the app's root class ``casekit-app`` (except a few rules, scoped to a Voilà page
showing the app, that remove the cell's padding around it); the root also carries ``casekit-theme-<theme>``
and ``casekit-layout-16x9`` / ``casekit-layout-4x3``. Body text is 24 px or more (``--casekit-font-size``; a
Voilà template may set ``--casekit-base-font-size`` larger on ``body``).

The chrome is compact so that the working area dominates a 1280×720 or 1024×768 projector: one header row
(case · date, then the language, privacy, theme and layout toggles), one row of step buttons (two rows of
four in 4:3), and the step's number and name at 34 px or more under a thin accent rule — about 170 px in all
(16:9), 220 px with the two rows of 4:3. Panes (``casekit-panes`` > ``casekit-pane``) sit side by side in
16:9 and are stacked in 4:3; charts are drawn for their pane (:func:`chart_width`) and their SVG scales
with it.
"""
from __future__ import annotations

from ..switches import LAYOUTS, THEMES  # noqa: E402 - one definition for the three apps

_COLOURS = {
    # background, surface, text, muted text, accent, accent text, error, warning, ok, border, highlight
    "dark": ("#000000", "#1b1b1b", "#ffffff", "#d0d0d0", "#ffd23f", "#000000", "#ff8a80", "#ffd180",
             "#8ef0a8", "#8a8a8a", "#5a2a00"),
    "light": ("#ffffff", "#f1f1f1", "#000000", "#333333", "#003a8c", "#ffffff", "#b00020", "#7a4a00",
              "#005c1f", "#555555", "#ffe3b3"),
}


#: Widths (pixels) charts are laid out for, per layout, at the resolutions the layouts are meant for (16:9 at
#: 1280×720, 4:3 at 1024×768): the whole step (``full``), one of two panes side by side (``pane``), the wider
#: pane of the Assessment step (``wide``). In 4:3 panes are stacked, so every chart gets the full width. The
#: SVG then scales with its pane (``width: 100%``), so a bigger screen shows the same chart larger.
CHART_WIDTHS = {"16:9": {"full": 1220, "pane": 600, "wide": 730}, "4:3": {"full": 960, "pane": 960, "wide": 960}}


def chart_width(layout: str, span: str = "pane") -> int:
    """The width (pixels) a chart is drawn for: ``span`` is ``"full"``, ``"pane"`` or ``"wide"``."""
    widths = CHART_WIDTHS.get(layout, CHART_WIDTHS["16:9"])
    return widths.get(span, widths["pane"])


def layout_class(layout: str) -> str:
    return "casekit-layout-4x3" if layout == "4:3" else "casekit-layout-16x9"


def css(theme: str = "dark", layout: str = "16:9") -> str:
    """CSS for the app in ``theme`` ("dark" | "light") and ``layout`` ("16:9" | "4:3")."""
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    bg, surface, fg, muted, accent, accent_fg, error, warning, ok, border, highlight = _COLOURS[theme]
    direction = "column" if layout == "4:3" else "row"
    # side by side (16:9) the panes share the width; stacked (4:3) each is as tall as its content
    pane_flex = "flex: 0 0 auto; width: 100%;" if layout == "4:3" else "flex: 1 1 0;"
    # the pane with the chart (Assessment's star): the wider one in 16:9, on top of the (long) form in 4:3
    chart_panes = (".casekit-app .casekit-panes-chart { flex-direction: column-reverse !important; }"
                   if layout == "4:3" else
                   ".casekit-app .casekit-panes-chart > .casekit-pane:first-child { flex: 2 1 0; }\n"
                   ".casekit-app .casekit-panes-chart > .casekit-pane:last-child { flex: 3 1 0; }")
    # a row of eight step buttons in 16:9; two rows of four on a 4:3 screen (a grid: no label cut short)
    stepbar = ("display: grid; grid-template-columns: repeat(4, auto);" if layout == "4:3"
               else "display: flex; flex-wrap: wrap;")
    max_width = "1400px" if layout == "4:3" else "1900px"
    root = ".casekit-app"
    return f"""
{root} {{
  --casekit-font-size: max(24px, var(--casekit-base-font-size, 24px));
  --jp-widgets-font-size: var(--casekit-font-size);
  --jp-widgets-inline-height: 44px;
  --jp-widgets-inline-label-width: 220px;
  --jp-widgets-color: {fg};
  --jp-widgets-label-color: {fg};
  --jp-widgets-readout-color: {fg};
  --jp-widgets-input-color: {fg};
  --jp-widgets-input-background-color: {surface};
  --jp-widgets-input-border-color: {border};
  background: {bg}; color: {fg};
  --casekit-chrome-font-size: max(20px, calc(0.85 * var(--casekit-font-size)));
  --casekit-heading-font-size: max(34px, calc(1.45 * var(--casekit-font-size)));
  font-size: var(--casekit-font-size); line-height: 1.35;
  padding: 6px 14px 12px 14px; max-width: {max_width}; margin: 0 auto; box-sizing: border-box;
  overflow-x: hidden;
}}
/* in Voilà (#rendered_cells), the page around the app: no frame, the app's own background (the cell's paddings
   cost a projector ~40 px); a notebook in JupyterLab is left alone */
body:has(#rendered_cells .casekit-app) {{ background: {bg} !important; }}
#rendered_cells:has(.casekit-app) {{ padding: 0 !important; }}
#rendered_cells .jp-Cell:has(.casekit-app) {{ padding: 0 !important; }}
#rendered_cells .jp-Cell-outputWrapper:has(.casekit-app) {{ margin: 0 !important; }}
#rendered_cells .jp-OutputArea-child:has(.casekit-app) .jp-OutputArea-prompt,
#rendered_cells .jp-Cell-outputWrapper:has(.casekit-app) > .jp-Collapser {{ display: none !important; }}
{root} .widget-label, {root} .widget-html, {root} .widget-html-content, {root} .widget-inline-hbox,
{root} input, {root} textarea, {root} select, {root} button, {root} .widget-checkbox label,
{root} .widget-select select, {root} table {{
  font-size: var(--casekit-font-size) !important; color: {fg};
}}
{root} input, {root} textarea, {root} select {{ background: {surface} !important; color: {fg} !important;
  border: 2px solid {border} !important; }}
{root} textarea {{ min-height: 3.2em; font-family: inherit !important; line-height: 1.3; }}
{root} .casekit-button, {root} .jupyter-button {{ height: auto; min-height: 48px; padding: 6px 16px;
  background: {surface}; color: {fg}; border: 2px solid {border}; border-radius: 6px; }}
{root} .jupyter-button.mod-primary, {root} .jupyter-button.mod-active, {root} .casekit-current {{ background: {accent} !important;
  color: {accent_fg} !important; border-color: {accent} !important; font-weight: 700; }}
/* the chrome: one header row, one row of steps (two at most on a 4:3 screen), a compact step heading */
{root} .casekit-header {{ display: flex; flex-wrap: nowrap; align-items: center; gap: 8px; margin: 0 0 6px 0;
  min-width: 0; height: auto; }}
{root} .casekit-header > .casekit-title {{ flex: 1 1 auto; min-width: 0; width: auto; overflow: hidden; height: auto; }}
{root} .casekit-header > .casekit-title .widget-html-content {{ line-height: 1.2; height: auto; }}
{root} span.casekit-title {{ display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  font-size: max(26px, calc(1.1 * var(--casekit-font-size))); font-weight: 700; line-height: 1.25; }}
{root} .casekit-header > .casekit-saved {{ flex: 0 1 auto; min-width: 0; width: auto; height: auto; }}
{root} .casekit-header > .casekit-saved .widget-html-content {{ font-size: 18px !important; line-height: 1.2;
  height: auto; white-space: nowrap; }}
{root} .casekit-header > .widget-toggle-buttons, {root} .casekit-header > .jupyter-button {{ flex: 0 0 auto;
  width: auto; height: auto; }}
{root} .casekit-header .widget-toggle-buttons .widget-label {{ display: none; }}
{root} .casekit-header .widget-toggle-buttons .widget-toggle-button, {root} .casekit-header .jupyter-button {{ width: auto; min-width: 0;
  height: 42px; min-height: 42px; padding: 0 10px; margin: 0 1px;
  font-size: var(--casekit-chrome-font-size) !important; line-height: 1; }}
{root} .casekit-header .casekit-privacy {{ margin-left: 4px; }}
{root} .widget-toggle-buttons .widget-toggle-button {{ width: auto; min-width: 3em; padding-left: 14px; padding-right: 14px; }}
{root} .casekit-stepbar {{ {stepbar} gap: 4px; margin: 0 0 4px 0; height: auto; }}
{root} .casekit-stepbar .casekit-step-button {{ flex: 1 1 auto; width: auto; min-width: 0; height: 44px; min-height: 44px;
  margin: 0; padding: 0 8px; font-size: var(--casekit-chrome-font-size) !important; font-weight: 600;
  white-space: nowrap; line-height: 1; overflow: hidden; text-overflow: ellipsis; }}
{root} .casekit-step-heading, {root} .casekit-step-heading .widget-html-content {{ height: auto; line-height: 1.15; }}
{root} .casekit-step-title {{ display: flex; align-items: baseline; gap: 0.45em; flex-wrap: nowrap; min-width: 0;
  font-size: var(--casekit-heading-font-size); font-weight: 800; line-height: 1.15;
  color: {fg}; border-bottom: 3px solid {accent}; margin: 2px 0 8px 0; padding-bottom: 2px; }}
{root} .casekit-step-title .casekit-step-number {{ color: {accent}; font-size: var(--casekit-heading-font-size);
  white-space: nowrap; }}
{root} .casekit-step-title .casekit-step-name {{ font-size: var(--casekit-heading-font-size); white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; min-width: 0; }}
{root} .casekit-heading h3, {root} h3 {{ font-size: calc(1.3 * var(--casekit-font-size)); margin: 12px 0 6px 0; color: {fg}; }}
{root} .casekit-message-error {{ color: {error}; font-weight: 700; }}
{root} .casekit-message-warning {{ color: {warning}; font-weight: 700; }}
{root} .casekit-message-ok {{ color: {ok}; }}
{root} .casekit-message-info {{ color: {muted}; }}
{root} .casekit-saved-saved {{ color: {ok}; }}
{root} .casekit-saved-pending {{ color: {muted}; }}
{root} .casekit-saved-failed {{ color: {error}; font-weight: 700; }}
{root} .casekit-conflict {{ border: 4px solid {error}; padding: 8px; margin: 8px 0; }}
{root} .casekit-panes {{ display: flex; flex-direction: {direction} !important; gap: 16px; align-items: stretch; }}
{root} .casekit-pane {{ {pane_flex} min-width: 0; padding: 0 2px; box-sizing: border-box; }}
{chart_panes}
{root} .casekit-row {{ display: flex; flex-wrap: wrap; gap: 8px; align-items: center;
  border-bottom: 1px solid {border}; padding: 4px 0; }}
{root} .casekit-card {{ border: 2px solid {border}; border-radius: 8px; padding: 8px; margin: 6px 0; background: {surface}; }}
{root} table.casekit-table {{ border-collapse: collapse; width: 100%; }}
{root} table.casekit-table th, {root} table.casekit-table td {{ border: 1px solid {border}; padding: 4px 8px;
  text-align: left; vertical-align: top; }}
{root} tr.casekit-disagree td {{ background: {highlight}; font-weight: 700; }}
{root} .casekit-gap {{ color: {error}; font-weight: 700; }}
{root} .casekit-timer {{ font-size: calc(1.6 * var(--casekit-font-size)) !important; font-variant-numeric: tabular-nums; }}
{root} .casekit-timer-over {{ color: {error}; }}
{root} .casekit-ecomap-date {{ color: {muted}; font-weight: 400; font-size: var(--casekit-font-size); margin-left: 0.6em; }}
/* charts are drawn for their pane's width (see ``chart_width``) and scale with it: the SVG keeps its viewBox */
{root} .casekit-chart {{ width: 100%; max-width: 100%; overflow: hidden; }}
{root} .casekit-chart svg {{ display: block; width: 100% !important; height: auto !important; max-width: 100%;
  background: #ffffff; border-radius: 6px; padding: 4px; box-sizing: border-box; }}
{root} .casekit-ecomap, {root} .casekit-star, {root} .casekit-gas-progress {{ width: 100%; height: auto; }}
{root} .casekit-ecomap .widget-html-content, {root} .casekit-star .widget-html-content,
{root} .casekit-gas-progress .widget-html-content {{ height: auto; line-height: 1.35; }}
{root} .casekit-hidden-text {{ color: {muted}; font-style: italic; }}
{root} a {{ color: {accent}; }}
"""
