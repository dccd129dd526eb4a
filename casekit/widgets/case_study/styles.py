"""The case-study app's own rules on top of the shell's (:mod:`casekit.widgets.shell.theme`): a big stage bar (one
row in 16:9, three columns in 4:3), a stage heading of 40 px or more, the discussion prompts at 30 px or more,
unrevealed stages dimmed. Colours come from the shell's palette (``c``), nothing else."""
from __future__ import annotations


def study_css(c: dict[str, str], layout: str) -> str:
    r = ".casekit-study-app"
    stagebar = ("display: grid !important; grid-template-columns: repeat(3, minmax(0, 1fr));" if layout == "4:3"
                else "display: flex !important; flex-wrap: wrap;")
    # 16:9: the case (left) gets more room than the prompts (right); 4:3: stacked, prompts on top
    panes = ("" if layout == "4:3" else
             f"{r} .casekit-study-panes > .casekit-pane:first-child {{ flex: 3 1 0; }}\n"
             f"{r} .casekit-study-panes > .casekit-pane:last-child {{ flex: 2 1 0; }}")
    return f"""
/* -- the case-study app -- */
{r} .casekit-stagebar {{ {stagebar} gap: 6px; margin: 2px 0 6px 0; height: auto; }}
/* hidden while the picker is shown (the grid or flex above must not win over the widget's own display: none) */
{r} .casekit-stagebar[style*="display: none"], {r} .casekit-stage-row[style*="display: none"] {{
  display: none !important; }}
{r} .casekit-stagebar .casekit-stage-button {{ flex: 1 1 auto; width: auto; min-width: 0; height: auto; min-height: 58px;
  margin: 0; padding: 4px 10px; font-size: var(--casekit-font-size) !important; font-weight: 700; white-space: normal;
  overflow: hidden; line-height: 1.1; border-width: 3px; }}
{r} .casekit-stagebar .casekit-stage-future {{ opacity: 0.5; border-style: dashed; }}
{r} .casekit-stagebar .casekit-stage-current {{ background: {c['accent']} !important; color: {c['accent_fg']} !important;
  border-color: {c['accent']} !important; opacity: 1; box-shadow: 0 0 0 3px {c['fg']} inset; }}
{r} .casekit-stage-row {{ display: flex; align-items: center; gap: 16px; flex-wrap: nowrap; height: auto; }}
{r} .casekit-stage-row > .casekit-stage-heading {{ flex: 1 1 auto; min-width: 0; height: auto; }}
{r} .casekit-stage-heading .widget-html-content {{ height: auto; line-height: 1.15; }}
{r} .casekit-stage-title {{ display: flex; align-items: baseline; gap: 0.5em; min-width: 0;
  font-size: max(40px, calc(1.7 * var(--casekit-font-size))); font-weight: 800; line-height: 1.15;
  border-bottom: 4px solid {c['accent']}; margin: 2px 0 8px 0; padding-bottom: 2px; }}
{r} .casekit-stage-title .casekit-stage-number {{ color: {c['accent']}; white-space: nowrap; }}
{r} .casekit-stage-title .casekit-stage-name {{ white-space: normal; min-width: 0; }}
{r} .casekit-study-next {{ flex: 0 0 auto; width: auto; min-height: 58px; font-size: var(--casekit-font-size) !important;
  font-weight: 700; }}
{r} .casekit-prompts, {r} .casekit-prompts .widget-html-content {{ height: auto; }}
{r} .casekit-prompts .casekit-prompt-list {{ font-size: max(30px, calc(1.3 * var(--casekit-font-size))); line-height: 1.3;
  font-weight: 600; border-left: 8px solid {c['accent']}; padding: 4px 0 4px 1.6em; margin: 0; }}
{r} .casekit-prompts .casekit-prompt-list li {{ margin: 0 0 0.5em 0; }}
{r} .casekit-prompts .casekit-exercise {{ color: {c['muted']}; margin: 0.4em 0 0 0; }}
{r} .casekit-stage-content .widget-html-content, {r} .casekit-stage-content {{ height: auto; line-height: 1.35;
  width: 100%; min-width: 0; white-space: normal; }}
/* tables keep to their pane: long names wrap instead of widening (and clipping) the whole pane */
{r} .casekit-stage-content table.casekit-table {{ table-layout: fixed; }}
{r} .casekit-stage-content td, {r} .casekit-stage-content th, {r} .casekit-comparison td,
{r} .casekit-comparison th {{ overflow-wrap: break-word; hyphens: auto; }}
{r} .casekit-comparison td.casekit-reference {{ width: 38%; }}
{panes}
{r} .casekit-stage-content h3 {{ margin: 10px 0 4px 0; }}
{r} .casekit-stage-content ul, {r} .casekit-stage-content ol {{ margin: 0 0 6px 0; padding-left: 1.4em; }}
{r} .casekit-what-next {{ border: 3px solid {c['accent']}; border-radius: 8px; padding: 8px 12px; margin: 12px 0;
  background: {c['surface']}; height: auto; }}
{r} .casekit-what-next .widget-html-content {{ height: auto; line-height: 1.35; }}
{r} .casekit-event-date {{ color: {c['muted']}; white-space: nowrap; margin-right: 0.5em; }}
{r} .casekit-study-choose .widget-select select {{ min-height: 6em; }}
{r} .casekit-study-choose .casekit-study-picker {{ width: 100%; }}
{r} .casekit-study-choose .casekit-study-open {{ align-self: flex-start; }}
{r} .casekit-study-summary .widget-html-content, {r} .casekit-study-summary {{ height: auto; color: {c['muted']}; }}
{r} .casekit-rating {{ border-top: 3px solid {c['border']}; margin-top: 12px; padding-top: 6px; height: auto; }}
{r} .casekit-rater-row {{ display: flex; flex-wrap: wrap; gap: 8px; align-items: center; height: auto; }}
{r} .casekit-rater-row .casekit-rater-name {{ flex: 1 1 12em; width: auto; }}
{r} .casekit-comparison, {r} .casekit-agreement, {r} .casekit-disagreements {{ height: auto; }}
{r} .casekit-comparison .widget-html-content, {r} .casekit-agreement .widget-html-content,
{r} .casekit-disagreements .widget-html-content {{ height: auto; line-height: 1.3; }}
{r} td.casekit-differs {{ background: {c['highlight']}; font-weight: 700; }}
{r} .casekit-reference-note {{ display: block; color: {c['muted']}; font-style: italic; font-weight: 400; }}
{r} .casekit-kappa {{ font-variant-numeric: tabular-nums; font-weight: 700; }}
{r} .casekit-hint {{ color: {c['muted']}; }}
"""


__all__ = ["study_css"]
