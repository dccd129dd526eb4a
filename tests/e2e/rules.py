"""The measurable rules of a projected screen (``room.md``), measured in the page.

``measure(page)`` returns what breaks them: visible buttons, labels and headings whose text is cut
(``scrollWidth > clientWidth``) or that reach beyond the window, whether the page scrolls sideways, and how many
screens tall the page and the app's scrolling body are (height ÷ window height).
"""
from __future__ import annotations

MEASURE = """() => {
  const vh = window.innerHeight, vw = window.innerWidth;
  const body = document.querySelector('.casekit-body');
  const cut = [], off = [];
  const seen = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  for (const el of document.querySelectorAll(
      '.casekit-app button, .casekit-app .widget-label, .casekit-app h1, .casekit-app h2, .casekit-app .casekit-step-title,'
      + ' .casekit-app label, .casekit-app th')) {
    if (!seen(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1) cut.push((el.innerText || '').trim().slice(0, 50));
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && r.top < (body ? body.getBoundingClientRect().bottom : vh)) off.push((el.innerText || '').trim().slice(0, 50));
  }
  const top = body ? body.getBoundingClientRect().top : 0;
  return {cut, off, sideways: document.scrollingElement.scrollWidth > vw + 1,
          page: document.scrollingElement.scrollHeight / vh,
          screens: body ? (top + body.scrollHeight) / vh : document.scrollingElement.scrollHeight / vh};
}"""


def measure(page) -> dict:
    return page.evaluate(MEASURE)


def assert_fits(page, what: str, *, screens: float) -> dict:
    """Nothing cut, nothing sideways, at most ``screens`` screens tall."""
    m = measure(page)
    assert m["cut"] == [], f"{what}: labels cut short: {m['cut']}"
    assert m["off"] == [], f"{what}: beyond the right edge: {m['off']}"
    assert not m["sideways"], f"{what}: the page scrolls sideways"
    assert m["page"] <= 1.01, f"{what}: the page itself scrolls ({m['page']:.2f} screens)"
    assert m["screens"] <= screens + 0.01, f"{what}: {m['screens']:.2f} screens tall (at most {screens})"
    return m


def texts_and_values(page) -> str:
    """Everything a browser shows: the text of the page and the values of its inputs and options."""
    return page.evaluate("""() => document.body.innerText + '\\n' +
      [...document.querySelectorAll('input, textarea, select')].map(e => e.value).join('\\n') + '\\n' +
      [...document.querySelectorAll('option')].map(o => o.textContent).join('\\n') + '\\n' +
      [...document.querySelectorAll('[title]')].map(e => e.getAttribute('title')).join('\\n') + '\\n' +
      [...document.querySelectorAll('iframe')].map(f => f.getAttribute('srcdoc') || '').join('\\n')""")
