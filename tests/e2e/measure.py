"""The measurable rules of a projected screen (``../shared/docs/room.md``), measured in the page by Chromium.

``measure(page)`` takes a playwright page showing a casekit app and returns a :class:`Measurement`:

- ``offenders``: the visible elements that break "nothing cut, nothing sideways" — a button, toggle button, label,
  heading or table header whose text is cut (``scrollWidth > clientWidth``), a dropdown whose chosen text is wider
  than its box, an element whose right edge is beyond the window or beyond the box that clips it (an ancestor with
  ``overflow`` other than ``visible`` that overflows sideways); and the page itself when it scrolls sideways
  (``document.scrollingElement.scrollWidth > innerWidth``). Each as a dict: ``rule``, ``what`` (tag and classes),
  ``text``, and the numbers that break it;
- ``page_screens``: the page's height ÷ the window's height (1.0: the page itself does not scroll);
- ``body_screens``: the app's scrolling body's scroll height ÷ the window's height (how many screens its content
  is, ``.casekit-body`` of :class:`casekit.widgets.shell.AppShell`);
- ``chrome_out``: the parts of the chrome (by default the header, the step bar, the saved state) that are not
  wholly inside the window — measured after the body was scrolled to its end, so "always visible" is checked
  where it is hardest (:func:`chrome_out_of_view`).

``Measurement.breaks()`` lists the failures as sentences (empty: every rule holds); a test asserts
``m.breaks() == []`` and reports ``m.summary()``. The same functions work for the console and the room view.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: what the chrome of every app on the shell is made of (:mod:`casekit.widgets.shell.app`)
CHROME = {"header": ".casekit-header", "step bar": ".casekit-stepbar", "saved state": ".casekit-saved"}

_MEASURE = r"""(root) => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const app = document.querySelector(root) || document.body;
  const shown = el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && !el.closest('svg');
  };
  const what = el => el.tagName.toLowerCase() + [...el.classList].filter(c => !c.startsWith('lm-')
    && !c.startsWith('p-')).slice(0, 4).map(c => '.' + c).join('');
  const text = el => ((el.innerText || el.value || '') + '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const offenders = [];
  const textual = 'button, .jupyter-button, .widget-toggle-button, label, .widget-label, h1, h2, h3, h4, h5, h6,'
    + ' [role=heading], th, .casekit-step-title, .casekit-stage-title, .casekit-title';
  for (const el of app.querySelectorAll(textual)) {
    if (!shown(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      offenders.push({rule: 'cut', what: what(el), text: text(el), scrollWidth: el.scrollWidth,
                      clientWidth: el.clientWidth});
  }
  // a dropdown shows its chosen option in its box: the text must fit beside the arrow
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of app.querySelectorAll('select')) {
    if (!shown(el) || el.multiple || el.size > 1 || el.selectedIndex < 0) continue;
    const s = getComputedStyle(el);
    canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const wanted = canvas.measureText(el.options[el.selectedIndex].text).width;
    const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 16;  // 16: the arrow
    if (wanted > room + 1)
      offenders.push({rule: 'cut', what: what(el), text: el.options[el.selectedIndex].text.slice(0, 60),
                      scrollWidth: Math.ceil(wanted), clientWidth: Math.floor(room)});
  }
  // the box that clips an element sideways: its nearest ancestor that does not let it overflow
  const clipper = new Map();
  const clipOf = el => {
    const chain = [];
    let box = el.parentElement, found = null;
    while (box && box !== document.documentElement) {
      if (clipper.has(box)) { found = clipper.get(box); break; }
      chain.push(box);
      if (getComputedStyle(box).overflowX !== 'visible') { found = box; break; }
      box = box.parentElement;
    }
    for (const b of chain) clipper.set(b, found);
    return found;
  };
  for (const el of app.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && r.left < vw) {
      offenders.push({rule: 'beyond the right edge', what: what(el), text: text(el), right: Math.round(r.right),
                      width: vw});
      continue;
    }
    const box = clipOf(el);
    if (!box) continue;
    const inner = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
    if (r.right > inner + 1 && r.left < inner && box.scrollWidth > box.clientWidth + 1)
      offenders.push({rule: 'cut at the right by its box', what: what(el), text: text(el),
                      right: Math.round(r.right), box: what(box), boxRight: Math.round(inner)});
  }
  const page = document.scrollingElement;
  if (page.scrollWidth > vw + 1)
    offenders.push({rule: 'page scrolls sideways', what: 'page', text: '', scrollWidth: page.scrollWidth, width: vw});
  const body = app.querySelector('.casekit-body');
  return {offenders, page_screens: page.scrollHeight / vh, body_screens: body ? body.scrollHeight / vh : 0,
          width: vw, height: vh};
}"""

_CHROME = r"""([selectors]) => {
  const vw = window.innerWidth, vh = window.innerHeight;
  const body = document.querySelector('.casekit-body');
  if (body) body.scrollTop = body.scrollHeight;
  window.scrollTo(0, document.scrollingElement.scrollHeight);
  const out = {};
  for (const [name, selector] of Object.entries(selectors)) {
    const el = document.querySelector(selector);
    if (!el) { out[name] = 'missing'; continue; }
    const r = el.getBoundingClientRect();
    if (r.top < -1 || r.bottom > vh + 1 || r.left < -1 || r.right > vw + 1)
      out[name] = `at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
  }
  if (body) body.scrollTop = 0;
  window.scrollTo(0, 0);
  return out;
}"""


@dataclass
class Measurement:
    offenders: list[dict]
    page_screens: float
    body_screens: float
    width: int
    height: int
    chrome_out: dict[str, str] = field(default_factory=dict)

    def breaks(self, *, body_screens: float | None = None) -> list[str]:
        """Every rule broken, as sentences; ``body_screens``: the most screens the body may be (None: any)."""
        found = [f"{o['rule']}: {o['what']} {o['text']!r} "
                 + ", ".join(f"{k}={v}" for k, v in o.items() if k not in ("rule", "what", "text"))
                 for o in self.offenders]
        if self.page_screens > 1.01:
            found.append(f"the page itself scrolls: {self.page_screens:.2f} screens")
        if body_screens is not None and self.body_screens > body_screens + 0.01:
            found.append(f"the body is {self.body_screens:.2f} screens (at most {body_screens})")
        found += [f"{name} not wholly visible: {where}" for name, where in self.chrome_out.items()]
        return found

    def summary(self) -> str:
        return (f"{self.width}×{self.height}: page {self.page_screens:.2f}, body {self.body_screens:.2f} screens, "
                f"{len(self.offenders)} offending, chrome {'ok' if not self.chrome_out else self.chrome_out}")


def measure(page, root: str = ".casekit-app", chrome: dict[str, str] | None = None) -> Measurement:
    """The rules measured on ``page`` (a playwright page) for the app under ``root``; ``chrome``: the parts that must
    stay in view (name → CSS selector; default :data:`CHROME`, ``{}``: not checked)."""
    found = page.evaluate(_MEASURE, root)
    m = Measurement(found["offenders"], found["page_screens"], found["body_screens"], found["width"], found["height"])
    m.chrome_out = chrome_out_of_view(page, CHROME if chrome is None else chrome)
    return m


def chrome_out_of_view(page, selectors: dict[str, str]) -> dict[str, str]:
    """The parts of the chrome (name → CSS selector) not wholly inside the window, or missing, while the body is
    scrolled to its end (the body and the page are scrolled back to the top afterwards)."""
    if not selectors:
        return {}
    return page.evaluate(_CHROME, [selectors])


__all__ = ["CHROME", "Measurement", "chrome_out_of_view", "measure"]
