"""Widgets that cost one model each, not three.

Every ipywidgets control brings a ``Layout`` model and a ``Style`` model of its own unless it is given one, so a
button is three models to create and send, and a step of 300 controls a burst of 900+ messages (``room.md``:
keep a step change to a few hundred). casekit's screens style their widgets with CSS classes, not with per-widget
layout or style attributes, so the widgets made here share one ``Layout`` and one style per kind. A widget whose
layout must differ (hidden with ``layout.display``, a width of its own) is given its own with ``own_layout=True``.
"""
from __future__ import annotations

from typing import Iterable

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle, ToggleButtonStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

_LAYOUT: widgets.Layout | None = None
_STYLES: dict[type, widgets.Widget] = {}


def shared_layout() -> widgets.Layout:
    global _LAYOUT
    if _LAYOUT is None or _LAYOUT.comm is None:  # none yet, or closed
        _LAYOUT = widgets.Layout()
    return _LAYOUT


def shared_style(cls: type) -> widgets.Widget:
    style = _STYLES.get(cls)
    if style is None:
        style = cls()
        if hasattr(style, "description_width"):
            style.description_width = "initial"
        _STYLES[cls] = style
    return style


def _layout(own: bool) -> widgets.Layout:
    return widgets.Layout() if own else shared_layout()


def _classes(widget: widgets.DOMWidget, css: Iterable[str] | str) -> widgets.DOMWidget:
    for name in ([css] if isinstance(css, str) else css):
        if name:
            widget.add_class(name)
    return widget


def html(value: str = "", css: Iterable[str] | str = (), own_layout: bool = False) -> widgets.HTML:
    return _classes(widgets.HTML(value, layout=_layout(own_layout), style=shared_style(HTMLStyle)), css)


def button(description: str = "", css: Iterable[str] | str = (), own_layout: bool = False, **kwargs) -> widgets.Button:
    return _classes(widgets.Button(description=description, layout=_layout(own_layout),
                                   style=shared_style(widgets.ButtonStyle), **kwargs), css)


def checkbox(value: bool, description: str, css: Iterable[str] | str = ()) -> widgets.Checkbox:
    return _classes(widgets.Checkbox(value=value, description=description, indent=False, layout=shared_layout(),
                                     style=shared_style(CheckboxStyle)), css)


def text(description: str = "", css: Iterable[str] | str = (), *, area: bool = False, placeholder: str = "",
         continuous_update: bool = True, own_layout: bool = False) -> widgets.Widget:
    cls = widgets.Textarea if area else widgets.Text
    widget = cls(description=description, placeholder=placeholder, continuous_update=continuous_update,
                 layout=_layout(own_layout), style=shared_style(TextStyle))
    return _classes(widget, css)


def int_text(value: int, description: str = "", css: Iterable[str] | str = ()) -> widgets.IntText:
    return _classes(widgets.IntText(value=value, description=description, layout=shared_layout(),
                                    style=shared_style(DescriptionStyle)), css)


def dropdown(cls: type, options, value=None, description: str = "", css: Iterable[str] | str = (),
             own_layout: bool = False, **kwargs):
    return _classes(cls(options=options, value=value, description=description, layout=_layout(own_layout),
                        style=shared_style(DescriptionStyle), **kwargs), css)


def toggles(cls: type, options, value=None, css: Iterable[str] | str = (), own_layout: bool = False, **kwargs):
    return _classes(cls(options=options, value=value, layout=_layout(own_layout),
                        style=shared_style(widgets.ToggleButtonsStyle), **kwargs), css)


def toggle(value: bool, description: str, css: Iterable[str] | str = ()) -> widgets.ToggleButton:
    return _classes(widgets.ToggleButton(value=value, description=description, layout=shared_layout(),
                                         style=shared_style(ToggleButtonStyle)), css)


def hbox(children: Iterable[widgets.Widget] = (), css: Iterable[str] | str = (), own_layout: bool = False) -> widgets.HBox:
    return _classes(widgets.HBox(list(children), layout=_layout(own_layout)), css)


def vbox(children: Iterable[widgets.Widget] = (), css: Iterable[str] | str = (), own_layout: bool = False) -> widgets.VBox:
    return _classes(widgets.VBox(list(children), layout=_layout(own_layout)), css)


def box(children: Iterable[widgets.Widget] = (), css: Iterable[str] | str = ()) -> widgets.Box:
    return _classes(widgets.Box(list(children), layout=shared_layout()), css)


def html_style():
    return shared_style(HTMLStyle)
