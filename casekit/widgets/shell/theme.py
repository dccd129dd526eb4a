"""The one look of casekit's apps: projector palettes (dark, light), layouts (16:9, 4:3) and the base rules every
app uses; an app adds only the rules of its own parts (``extra``).

The rules that make a projected screen work (``room.md``), by construction:
- **One screen, a fixed frame.** In Voilà the app is exactly the window's height: the chrome (header, step bar,
  heading) stays on top and only the body scrolls, inside its own box; a new step gets a new body box, so it
  opens at its top. The page itself never scrolls, so the step bar, the timer and the saved state never leave
  the screen.
- **Nothing cut, nothing sideways.** Buttons, toggle buttons and labels wrap their words instead of ending in
  "…"; inputs are as wide as their row allows (never a fixed 560 px); rows wrap; the body never scrolls
  sideways.
- **Readable from the back**: text 24 px or more (chrome 20 px), contrast 7:1 or more (WCAG AAA) for text
  on the background in both palettes (checked by a test with the WCAG formula).

Everything is scoped under the app's root class ``casekit-app``; the root also carries ``casekit-theme-<theme>``
and ``casekit-layout-16x9`` / ``casekit-layout-4x3``.
"""
from __future__ import annotations

THEMES = ("dark", "light")
LAYOUTS = ("16:9", "4:3")

#: name → colour, per theme. Text colours (fg, muted, accent, error, warning, ok) have 7:1 or more on ``bg``.
PALETTES = {
    "dark": {"bg": "#000000", "surface": "#1b1b1b", "fg": "#ffffff", "muted": "#d0d0d0", "accent": "#ffd23f",
             "accent_fg": "#000000", "error": "#ff8a80", "warning": "#ffd180", "ok": "#8ef0a8", "border": "#8a8a8a",
             "highlight": "#5a2a00", "chart_bg": "#ffffff"},
    "light": {"bg": "#ffffff", "surface": "#f1f1f1", "fg": "#000000", "muted": "#333333", "accent": "#003a8c",
              "accent_fg": "#ffffff", "error": "#8c0018", "warning": "#5c3700", "ok": "#004a19", "border": "#555555",
              "highlight": "#ffe3b3", "chart_bg": "#ffffff"},
}

#: Widths (pixels) charts are laid out for, per layout, at the resolutions the layouts are meant for (16:9 at
#: 1280×720, 4:3 at 1024×768): the whole step (``full``), one of two panes side by side (``pane``), the wider
#: pane (``wide``). In 4:3 panes are stacked, so a chart gets the full width. The SVG scales with its box.
CHART_WIDTHS = {"16:9": {"full": 1220, "pane": 600, "wide": 730}, "4:3": {"full": 960, "pane": 960, "wide": 960}}


def palette(theme: str) -> dict[str, str]:
    if theme not in PALETTES:
        raise ValueError(f"theme must be one of {THEMES}")
    return dict(PALETTES[theme])


def chart_width(layout: str, span: str = "pane") -> int:
    widths = CHART_WIDTHS.get(layout, CHART_WIDTHS["16:9"])
    return widths.get(span, widths["pane"])


def layout_class(layout: str) -> str:
    return "casekit-layout-4x3" if layout == "4:3" else "casekit-layout-16x9"


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 … 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def css(theme: str = "dark", layout: str = "16:9", extra: str = "") -> str:
    """The style block of an app: the base rules, then ``extra`` (the app's own rules, which may use the
    palette's names as ``{fg}``-style fields already filled in by the caller)."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    c = palette(theme)
    four_three = layout == "4:3"
    direction = "column" if four_three else "row"
    pane_flex = "flex: 0 0 auto; width: 100%;" if four_three else "flex: 1 1 0;"
    max_width = "1400px" if four_three else "1900px"
    r = ".casekit-app"
    return f"""
{r} {{
  --casekit-font-size: max(24px, var(--casekit-base-font-size, 24px));
  --casekit-chrome-font-size: max(20px, calc(0.85 * var(--casekit-font-size)));
  --casekit-heading-font-size: max(32px, calc(1.35 * var(--casekit-font-size)));
  --jp-widgets-font-size: var(--casekit-font-size);
  --jp-widgets-inline-height: 44px;
  --jp-widgets-color: {c['fg']}; --jp-widgets-label-color: {c['fg']}; --jp-widgets-readout-color: {c['fg']};
  --jp-widgets-input-color: {c['fg']}; --jp-widgets-input-background-color: {c['surface']};
  --jp-widgets-input-border-color: {c['border']};
  background: {c['bg']}; color: {c['fg']}; font-size: var(--casekit-font-size); line-height: 1.35;
  padding: 4px 12px 0 12px; max-width: {max_width}; margin: 0 auto; box-sizing: border-box;
  overflow-x: hidden;
}}
/* in Voilà: the app is the window, the page around it has no frame and never scrolls */
body:has(#rendered_cells .casekit-app) {{ background: {c['bg']} !important; overflow: hidden !important; }}
#rendered_cells:has(.casekit-app) {{ padding: 0 !important; }}
#rendered_cells .jp-Cell:has(.casekit-app) {{ padding: 0 !important; }}
#rendered_cells .jp-Cell-outputWrapper:has(.casekit-app) {{ margin: 0 !important; }}
#rendered_cells .jp-OutputArea-child:has(.casekit-app) .jp-OutputArea-prompt,
#rendered_cells .jp-Cell-outputWrapper:has(.casekit-app) > .jp-Collapser {{ display: none !important; }}
#rendered_cells .casekit-app {{ height: 100vh; display: flex !important; flex-direction: column !important;
  overflow: hidden; }}
#rendered_cells .casekit-app > .casekit-chrome {{ flex: 0 0 auto; }}
#rendered_cells .casekit-app > .casekit-body {{ flex: 1 1 auto; min-height: 0; overflow-y: auto !important;
  overflow-x: hidden !important; padding-bottom: 12px; display: block !important; }}
/* a column never squeezes its rows to fit: it grows, and the body scrolls */
{r} .widget-vbox > * {{ flex-shrink: 0; }}
{r} .casekit-body {{ overscroll-behavior: contain; }}
/* type and colours */
{r} .widget-label, {r} .widget-html, {r} .widget-html-content, {r} .widget-inline-hbox, {r} input,
{r} textarea, {r} select, {r} button, {r} .widget-checkbox label, {r} table {{
  font-size: var(--casekit-font-size) !important; color: {c['fg']}; }}
{r} input, {r} textarea, {r} select {{ background: {c['surface']} !important; color: {c['fg']} !important;
  border: 2px solid {c['border']} !important; }}
{r} textarea {{ min-height: 2.6em; font-family: inherit !important; line-height: 1.3; }}
/* nothing cut: words wrap, widths follow the row */
{r} .jupyter-button, {r} .widget-toggle-button {{ width: auto !important; max-width: 100%; height: auto !important;
  min-height: 44px; padding: 4px 14px; white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; line-height: 1.15; background: {c['surface']}; color: {c['fg']};
  border: 2px solid {c['border']}; border-radius: 6px; }}
{r} .jupyter-button.mod-primary, {r} .jupyter-button.mod-active, {r} .widget-toggle-button.mod-active,
{r} .casekit-current {{ background: {c['accent']} !important; color: {c['accent_fg']} !important;
  border-color: {c['accent']} !important; font-weight: 700; }}
{r} .jupyter-button:disabled, {r} .jupyter-button.mod-disabled {{ opacity: 0.55; }}
{r} .widget-toggle-buttons {{ flex-wrap: wrap; width: auto !important; max-width: 100%; height: auto; gap: 2px; }}
{r} .widget-toggle-buttons .widget-label {{ display: none; }}
{r} .widget-label {{ width: auto !important; max-width: 60%; min-width: 0; flex: 0 0 auto; white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; line-height: 1.2; height: auto; }}
{r} .widget-inline-hbox {{ width: auto !important; max-width: 100%; min-width: 0; height: auto; align-items: center; }}
{r} .widget-hbox > .widget-text, {r} .widget-hbox > .widget-textarea,
{r} .widget-box > .widget-text, {r} .widget-box > .widget-textarea {{ flex: 1 1 8em; min-width: 6em; }}
{r} .widget-hbox > .widget-dropdown {{ flex: 0 1 auto; width: auto !important; min-width: 6em; }}
{r} .widget-dropdown > select {{ width: auto; max-width: 100%; }}
{r} .casekit-row > .widget-html {{ flex: 1 1 10em; min-width: 0; width: auto; }}
{r} .widget-vbox > .widget-text, {r} .widget-vbox > .widget-textarea, {r} .widget-vbox > .widget-dropdown {{
  width: 100% !important; flex: 0 0 auto; }}
{r} .widget-text input, {r} .widget-dropdown select {{ min-width: 0; width: 100%; }}
{r} .widget-checkbox {{ width: auto !important; height: auto; }}
{r} .widget-checkbox label {{ white-space: normal; }}
{r} .widget-checkbox input[type=checkbox] {{ width: 28px; height: 28px; }}
{r} .casekit-checklist-items {{ flex-direction: row; flex-wrap: wrap; column-gap: 28px; }}
{r} .widget-hbox, {r} .widget-vbox, {r} .widget-box {{ min-width: 0; max-width: 100%; }}
{r} .casekit-row {{ display: flex; flex-wrap: wrap !important; gap: 6px 10px; align-items: center;
  border-bottom: 1px solid {c['border']}; padding: 4px 0; height: auto; }}
/* the chrome: header (title, saved, timer, switches), step bar, heading with Back and Next */
{r} .casekit-chrome {{ height: auto; }}
{r} .casekit-header {{ display: flex; flex-wrap: wrap !important; align-items: center; gap: 4px 8px;
  margin: 0 0 4px 0; height: auto; }}
{r} .casekit-header > .casekit-title {{ flex: 1 1 8em; min-width: 0; width: auto; height: auto; }}
{r} span.casekit-title {{ display: block; font-size: max(24px, calc(1.05 * var(--casekit-font-size)));
  font-weight: 700; line-height: 1.2; }}
{r} .casekit-header > .casekit-saved, {r} .casekit-header > .casekit-timer-slot {{ flex: 0 1 auto; width: auto;
  height: auto; }}
{r} .casekit-saved .widget-html-content {{ font-size: var(--casekit-chrome-font-size) !important; line-height: 1.2;
  height: auto; }}
{r} .casekit-header .widget-toggle-button, {r} .casekit-header .jupyter-button {{ min-height: 40px;
  padding: 2px 10px; margin: 0 1px; font-size: var(--casekit-chrome-font-size) !important; }}
{r} .casekit-stepbar {{ display: flex !important; flex-wrap: wrap; gap: 4px; margin: 0 0 4px 0; height: auto; }}
{r} .casekit-stepbar .jupyter-button {{ flex: 1 1 auto; margin: 0; padding: 2px 8px; min-height: 40px;
  font-size: var(--casekit-chrome-font-size) !important; font-weight: 600; }}
{r} .casekit-heading-row {{ display: flex; flex-wrap: wrap !important; align-items: center; gap: 6px 12px;
  border-bottom: 3px solid {c['accent']}; margin: 0 0 6px 0; padding-bottom: 2px; height: auto; }}
{r} .casekit-heading-row > .casekit-step-heading {{ flex: 1 1 10em; min-width: 0; width: auto; height: auto; }}
{r} .casekit-step-title {{ font-size: var(--casekit-heading-font-size); font-weight: 800; line-height: 1.1; }}
{r} .casekit-step-title .casekit-step-number {{ color: {c['accent']}; margin-right: 0.35em; }}
{r} .casekit-heading-row .jupyter-button {{ font-size: var(--casekit-chrome-font-size) !important; min-height: 40px; }}
{r} h2, {r} h3, {r} .casekit-subheading {{ font-size: calc(1.15 * var(--casekit-font-size)); margin: 8px 0 4px 0;
  color: {c['fg']}; font-weight: 700; }}
/* messages and states */
{r} .casekit-message-error {{ color: {c['error']}; font-weight: 700; }}
{r} .casekit-message-warning {{ color: {c['warning']}; font-weight: 700; }}
{r} .casekit-message-ok {{ color: {c['ok']}; }}
{r} .casekit-message-info {{ color: {c['muted']}; }}
{r} .casekit-saved-saved {{ color: {c['ok']}; }}
{r} .casekit-saved-pending {{ color: {c['muted']}; }}
{r} .casekit-saved-failed {{ color: {c['error']}; font-weight: 700; }}
{r} .casekit-conflict {{ border: 4px solid {c['error']}; padding: 8px; margin: 6px 0; height: auto; }}
{r} .casekit-muted, {r} .casekit-hidden-text {{ color: {c['muted']}; }}
{r} .casekit-hidden-text {{ font-style: italic; }}
{r} .casekit-gap {{ color: {c['error']}; font-weight: 700; }}
{r} a {{ color: {c['accent']}; }}
/* panes side by side (16:9) or stacked (4:3), cards, tables, charts */
{r} .casekit-panes {{ display: flex; flex-direction: {direction} !important; gap: 14px; align-items: stretch;
  height: auto; }}
{r} .casekit-pane {{ {pane_flex} min-width: 0; padding: 0 2px; box-sizing: border-box; height: auto; }}
{r} .casekit-card {{ border: 2px solid {c['border']}; border-radius: 8px; padding: 6px 8px; margin: 4px 0;
  background: {c['surface']}; height: auto; }}
{r} table.casekit-table {{ border-collapse: collapse; width: 100%; }}
{r} table.casekit-table th, {r} table.casekit-table td {{ border: 1px solid {c['border']}; padding: 3px 8px;
  text-align: left; vertical-align: top; }}
{r} tr.casekit-disagree td, {r} td.casekit-disagree {{ background: {c['highlight']}; font-weight: 700; }}
{r} .casekit-chart {{ width: 100%; max-width: 100%; overflow: hidden; }}
{r} .casekit-chart svg {{ display: block; width: 100% !important; height: auto !important; max-width: 100%;
  background: {c['chart_bg']}; border-radius: 6px; padding: 4px; box-sizing: border-box; }}
{r} .widget-html-content {{ height: auto; line-height: 1.3; }}
{r} .casekit-timer {{ font-variant-numeric: tabular-nums; font-weight: 700; }}
{r} .casekit-timer-over {{ color: {c['error']}; }}
{extra}
"""
