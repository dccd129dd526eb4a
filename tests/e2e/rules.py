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


READABLE = r"""(opts) => {
  // "Readable from the back" (room.md): every visible text of the app at least opts.body px (HTML) or
  // opts.chart px on screen (SVG <text>: its font size times the scale of its SVG on the screen); no text cut
  // (its box scrolls or clamps it, an ellipsis, a "…" our code wrote, or it lies beyond the window); the text's
  // colour against what is behind it at least opts.contrast : 1 (WCAG 2).
  const root = document.querySelector(opts.root || '.casekit-app');
  const small = [], cut = [], faint = [], sizes = {html: [], svg: []};
  const vw = window.innerWidth, vh = window.innerHeight;
  const parse = c => { const m = (c || '').match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const [h, l] = [lum(a), lum(b)].sort((x, y) => y - x); return (h + 0.05) / (l + 0.05); };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  // the colour behind a box: the backgrounds of it and its ancestors, blended from the page's down
  const behind = el => { const stack = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e instanceof SVGElement && e.tagName.toLowerCase() !== 'svg') continue;
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) { stack.push(c); if (c[3] >= 1) break; } }
    let colour = [255, 255, 255, 1];
    for (const c of stack.reverse()) colour = over(c, colour);
    return colour; };
  // behind SVG text: the SVG's background rect (a rect at 0,0 as its first shape), else the SVG's box
  const svgBehind = text => { const svg = text.ownerSVGElement;
    const first = svg.querySelector(':scope > rect');
    if (first && +first.getAttribute('x') === 0 && +first.getAttribute('y') === 0) {
      const c = parse(getComputedStyle(first).fill); if (c && c[3] > 0) return over(c, behind(svg)); }
    return behind(svg); };
  const displayed = el => { for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e); if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false; }
    return true; };
  const label = el => (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue.trim(); if (!value) continue;
    const el = node.parentElement;
    if (!el || el.closest('style, script, title, desc, option, select, textarea')) continue;
    if (!displayed(el)) continue;
    const range = document.createRange(); range.selectNodeContents(node);
    const r = range.getBoundingClientRect(); if (r.width === 0 && r.height === 0) continue;
    if (r.bottom > vh + 1 || r.right > vw + 1) cut.push(`beyond the window (${Math.round(r.right)}×${Math.round(r.bottom)}): ${value.slice(0, 60)}`);
    if (value.endsWith('…') || value.endsWith('...')) cut.push(`"…": ${value.slice(0, 60)}`);
    const text = el.closest('text');
    if (text) {
      const m = text.getScreenCTM(); const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
      const size = parseFloat(getComputedStyle(el).fontSize) * scale;
      sizes.svg.push(size);
      if (size < opts.chart - 0.05) small.push(`svg ${size.toFixed(1)}px: ${value.slice(0, 60)}`);
      const fill = parse(getComputedStyle(el).fill), bg = svgBehind(text);
      if (fill) { const c = ratio(over(fill, bg), bg); if (c < opts.contrast) faint.push(`svg ${c.toFixed(2)}:1: ${value.slice(0, 60)}`); }
      const box = text.ownerSVGElement.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        cut.push(`svg text beyond its chart: ${value.slice(0, 60)}`);
      continue;
    }
    if (el.closest('svg')) continue;  // <title>-less SVG text outside <text>: none
    const s = getComputedStyle(el);
    const size = parseFloat(s.fontSize);
    sizes.html.push(size);
    if (size < opts.body - 0.05) small.push(`${size.toFixed(1)}px: ${value.slice(0, 60)}`);
    const fg = parse(s.color), bg = behind(el);
    if (fg) { const c = ratio(over(fg, bg), bg); if (c < opts.contrast) faint.push(`${c.toFixed(2)}:1: ${value.slice(0, 60)}`); }
  }
  // text cut by its box: an element holding text whose content is larger than the box that clips it
  // (overflow other than visible, an ellipsis, a line clamp)
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    if (!(el.textContent || '').trim() || !displayed(el)) continue;
    const s = getComputedStyle(el);
    const clamp = s.webkitLineClamp && s.webkitLineClamp !== 'none';
    const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.textOverflow === 'ellipsis' || clamp;
    if (!clips) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      cut.push(`cut by its box (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}): ${label(el)}`);
  }
  // an SVG drawn beyond its box, or beyond the window
  for (const svg of root.querySelectorAll('svg')) {
    if (!displayed(svg)) continue;
    const r = svg.getBoundingClientRect();
    if (r.bottom > vh + 1 || r.right > vw + 1) cut.push(`chart beyond the window (${Math.round(r.right)}×${Math.round(r.bottom)})`);
  }
  const stat = a => a.length ? {min: Math.min(...a), max: Math.max(...a), n: a.length} : null;
  return {small, cut, faint, html: stat(sizes.html), svg: stat(sizes.svg)};
}"""


def readable(page, *, body: float = 24, chart: float = 20, contrast: float = 7.0, root: str = ".casekit-app") -> dict:
    """What breaks "Readable from the back" and "Nothing cut" on ``page``: texts smaller than ``body`` px (HTML)
    or ``chart`` px on screen (SVG), texts cut (by their box, an ellipsis, a line clamp, a "…" written by our
    code, or below the window) and texts under ``contrast`` : 1 against their background."""
    return page.evaluate(READABLE, {"body": body, "chart": chart, "contrast": contrast, "root": root})


def assert_readable(page, what: str, **limits) -> dict:
    m = readable(page, **limits)
    problems = [f"{kind}: {item}" for kind in ("small", "cut", "faint") for item in m[kind]]
    assert not problems, f"{what}: not readable from the back ({len(problems)}):\n  " + "\n  ".join(problems[:40])
    return m
