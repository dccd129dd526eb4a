"""Reading an instrument from YAML, with errors that name the file and the line.

The YAML is read with PyYAML's safe loader, using YAML 1.2 booleans (only ``true``/``false``; ``yes``,
``no``, ``on`` and ``off`` stay text) and no implicit dates. The node tree (``compose``) keeps the line
of every value; errors from pydantic (the shape) and from :mod:`casekit.instruments.checks` (the rules)
point into the document by path, and are mapped back to lines here. All problems are reported at once.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import CaseKitError, _sentence
from ..i18n import current_language, gettext
from .checks import InstrumentError, Problem, check_rules
from .definition import Instrument

#: Largest instrument file read, in bytes; most values a file may expand to (YAML aliases); deepest nesting.
#: Real research dictionaries are large (a 5,751-field REDCap project makes a 2 MB instrument; 50,000 fields
#: about 13 MB), so the limits leave room for them while still refusing a file built to exhaust memory.
#: The importers check their output against these same limits (an import never writes a file that
#: ``instrument check`` refuses).
MAX_BYTES = 32_000_000
MAX_NODES = 6_000_000
MAX_DEPTH = 40


_TAGS: dict = {}
_STR_TAG, _SEQ_TAG, _MAP_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


@lru_cache(maxsize=1)
def _loader_class():
    import yaml

    # libyaml's parser (CSafeLoader) when PyYAML has it: the pure-Python one took half a minute for the
    # instrument of a 5,000-field data dictionary. Both keep the line of every node and use the resolvers below.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    scalar_node = yaml.ScalarNode

    class Loader(base):
        """Safe loading with YAML 1.2 booleans and dates kept as text."""

        def resolve(self, kind, value, implicit):
            # called for every node of the document (1.6 million for a 50,000-field instrument). The tag of a
            # plain scalar depends on its text only (keys such as `id`, `label`, `en` repeat thousands of times
            # and the resolver's regular expressions ran for each); a quoted scalar is always a text, and a
            # mapping or a list always has the default tag (this loader has no path resolvers)
            if kind is scalar_node:
                if not implicit[0]:
                    return _STR_TAG
                tag = _TAGS.get(value)
                if tag is None:
                    if len(_TAGS) > 100_000:
                        _TAGS.clear()
                    tag = _TAGS[value] = super().resolve(kind, value, implicit)
                return tag
            return _MAP_TAG if kind is yaml.MappingNode else _SEQ_TAG

        def descend_resolver(self, current_node, current_index):
            pass  # no path resolvers: nothing to track (called twice per node)

        def ascend_resolver(self):
            pass

    bool_tag, time_tag = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"
    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (bool_tag, time_tag)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    if Loader.yaml_path_resolvers:  # pragma: no cover - a PyYAML that adds path resolvers by default
        del Loader.resolve, Loader.descend_resolver, Loader.ascend_resolver
    return Loader


def _is_path(source) -> bool:
    if isinstance(source, Path):
        return True
    if isinstance(source, str) and "\n" not in source and len(source) < 1000:
        return source.lower().endswith((".yaml", ".yml")) or Path(source).is_file()
    return False


def load_instrument(source: str | Path | bytes, *, name: str | None = None) -> Instrument:
    """Read, validate and check an instrument from a YAML file (a path) or YAML text.

    Raises :class:`InstrumentError`, whose messages (Czech or English) name the file, the line and the reason
    of every problem found, e.g. ``needs.yaml, line 42: item id `housing_status` is used twice.``
    """
    if _is_path(source):
        path = Path(source)
        name = name or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise _single(name, None, "errors.instrument_too_large", limit=MAX_BYTES // 1_000_000)
            raw: str | bytes = path.read_bytes()
        except OSError as exc:
            raise CaseKitError("errors.file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    else:
        raw = source
        name = name or ""  # messages then say "YAML text" in their language
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise _single(name, None, "errors.instrument_too_large", limit=MAX_BYTES // 1_000_000)
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _single(name, None, "errors.instrument_not_utf8") from None
    if len(raw) > MAX_BYTES:
        raise _single(name, None, "errors.instrument_too_large", limit=MAX_BYTES // 1_000_000)
    with paused_gc():
        return _load_text(raw, name)


@contextmanager
def paused_gc():
    """Pause Python's cycle collector while a large instrument is built or read.

    Reading or importing an instrument makes hundreds of thousands of small objects and frees none of them
    until it ends; the collector walked them all again and again, which made a 1.4 MB file take four times as
    long as five files of a fifth of its size. Nothing made here holds a reference cycle that needs it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                # what was made meanwhile goes to the oldest generation as it is (freeze and unfreeze move whole
                # lists, nothing is walked): otherwise the next allocation walks all of it as one young generation
                # (0.15 s for a 20,000-row import) and it is walked twice more as it ages. Not done when the
                # program froze objects of its own (unfreeze would release those too).
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _single(name: str, line: int | None, code: str, **params) -> InstrumentError:
    return InstrumentError(name, [Problem((), code, params)], [line])


def _load_text(text: str, name: str) -> Instrument:
    import yaml

    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        if node is None or not isinstance(node, yaml.MappingNode):
            line = node.start_mark.line + 1 if node is not None else 1
            raise _single(name, line, "errors.instrument_not_mapping")
        problems, lines, data = _inspect(node, loader)
        if problems:
            raise InstrumentError(name, problems, lines)
        if data is _SLOW:  # a tag, merge key or value the quick pass leaves to PyYAML's constructor
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise _single(name, mark.line + 1 if mark else None, "errors.instrument_yaml_syntax", detail=detail) from None
    except yaml.YAMLError as exc:
        raise _single(name, None, "errors.instrument_yaml_syntax", detail=str(exc)[:200]) from None
    except RecursionError:
        raise _single(name, None, "errors.instrument_too_deep") from None
    except InstrumentError:
        raise
    except (ValueError, KeyError, TypeError, OverflowError) as exc:
        # a tagged value PyYAML's constructor cannot build ("!!int abc", "!!bool maybe"): a syntax problem of the
        # file, said as one, not a crash
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise _single(name, None, "errors.instrument_yaml_syntax", detail=detail) from None
    finally:
        loader.dispose()
    try:
        instrument = Instrument.model_validate(data)
    except ValidationError as exc:
        problems = _shape_problems(exc, node)
        raise InstrumentError(name, problems, [_line(node, p.path) for p in problems]) from None
    problems = check_rules(instrument)
    if problems:
        located = sorted(((_line(node, p.path), n, p) for n, p in enumerate(problems)), key=lambda t: t[:2])
        raise InstrumentError(name, [p for _, _, p in located], [line for line, _, _ in located])
    return instrument


_SLOW = object()
#: Scalar tags whose constructors depend on the scalar alone (texts are taken as they are).
_SCALAR_TAGS = frozenset({"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                          "tag:yaml.org,2002:float"})


def _inspect(root, loader=None) -> tuple[list[Problem], list[int], Any]:
    """Duplicate keys (PyYAML keeps the last one silently), nesting depth and expanded size; and, in the same
    pass, the document's data (plain mappings, lists, texts, numbers, booleans and nulls, built as PyYAML's safe
    constructor builds them).

    The data is :data:`_SLOW` when ``loader`` is None or the document holds anything else (a tag of its own, a
    merge key, a mapping as a key, a scalar its constructor refuses): then PyYAML's constructor builds it, with
    its own errors. For a 50,000-field instrument PyYAML's constructor and a separate inspection took 7 s of CPU,
    this pass about 1.5 s."""
    import yaml

    problems: list[Problem] = []
    lines: list[int] = []
    done: dict[int, tuple[Any, int]] = {}   # id of a mapping or list → (its data, its expanded size)
    slow = loader is None
    scalar_node, mapping_node, sequence_node = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
    constructors = loader.yaml_constructors if loader is not None else {}

    def scalar(node):
        nonlocal slow
        tag = node.tag
        if tag == _STR_TAG:
            return node.value
        if tag in _SCALAR_TAGS and not slow:
            try:
                return constructors[tag](loader, node)
            except Exception:  # noqa: BLE001 - PyYAML's constructor raises it again, as it always did
                pass
        slow = True
        return None

    def walk(node, depth: int) -> tuple[Any, int]:
        nonlocal slow
        if depth > MAX_DEPTH:
            raise RecursionError
        kind = type(node)
        if kind is scalar_node:
            return scalar(node), 1
        found = done.get(id(node))
        if found is not None:  # an alias: counted again, walked once
            return found
        children = node.value
        if children and depth >= MAX_DEPTH:
            raise RecursionError  # its keys, values or entries are too deep
        size = 1
        if kind is mapping_node:
            if node.tag != _MAP_TAG:
                slow = True
            data: Any = {}
            seen: set = set()
            for key, value in children:
                if type(key) is scalar_node:
                    text = key.value
                    if text != "<<":
                        if text in seen:
                            problems.append(Problem((), "errors.instrument_duplicate_key", {"key": text}))
                            lines.append(key.start_mark.line + 1)
                        seen.add(text)
                    key_data = text if key.tag == _STR_TAG else scalar(key)
                    size += 1
                else:
                    slow = True
                    key_data, key_size = walk(key, depth + 1)
                    size += key_size
                if type(value) is scalar_node:
                    value_data = value.value if value.tag == _STR_TAG else scalar(value)
                    size += 1
                else:
                    value_data, value_size = walk(value, depth + 1)
                    size += value_size
                if not slow:
                    data[key_data] = value_data
        elif kind is sequence_node:
            if node.tag != _SEQ_TAG:
                slow = True
            data = []
            for value in children:
                if type(value) is scalar_node:
                    data.append(value.value if value.tag == _STR_TAG else scalar(value))
                    size += 1
                else:
                    value_data, value_size = walk(value, depth + 1)
                    data.append(value_data)
                    size += value_size
        else:  # pragma: no cover - PyYAML composes no other nodes
            slow, data = True, None
        if size > MAX_NODES:
            raise _TooLarge
        done[id(node)] = found = (data, size)
        return found

    try:
        data, _ = walk(root, 0)
    except _TooLarge:
        return [Problem((), "errors.instrument_too_many_nodes", {"limit": MAX_NODES})], [1], _SLOW
    return problems, lines, (_SLOW if slow else data)


class _TooLarge(Exception):
    pass


def _line(root, path: tuple) -> int:
    """The line (1-based) of the value at ``path``, or of the nearest enclosing value that exists."""
    import yaml

    node, line = root, root.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    node, line = value, key.start_mark.line + 1
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _shape_problems(exc: ValidationError, root) -> list[Problem]:
    problems, seen = [], set()
    for error in exc.errors():
        path = tuple(p for p in error.get("loc", ()) if not (isinstance(p, str) and ("[" in p or p in (
            "int", "str", "function-after", "function-before"))))
        field_name = next((p for p in reversed(path) if isinstance(p, str)), None)
        if error.get("type") == "extra_forbidden" and field_name and not re.fullmatch(r"\w+", field_name):
            # `{label: Ani souhlas, ani nesouhlas}`: YAML cut an unquoted text at the comma
            problem = Problem(path, "errors.instrument_unquoted", {"key": field_name[:60]})
        else:
            problem = _PydanticProblem(path, "errors.instrument_shape", {"error": error}, field_name)
        key = (_line(root, path), problem.reason("en"))
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    return problems


class _PydanticProblem(Problem):
    def reason(self, lang: str | None = None) -> str:
        text = _sentence(self.params["error"], lang or current_language())
        if self.field_name:
            text = gettext("errors.instrument_field", lang, field=self.field_name, reason=text)
        return text


def check(path: str | Path) -> list[str]:
    """The problems of an instrument file as sentences in the current language; ``[]`` when it is fine."""
    try:
        load_instrument(Path(path))
    except CaseKitError as exc:
        return exc.messages()
    return []


def dump_instrument(instrument: Instrument) -> str:
    """The instrument as YAML text that :func:`load_instrument` reads back to an equal instrument."""
    import yaml

    data: dict[str, Any] = instrument.model_dump(mode="json", exclude_defaults=True)
    data = {"id": instrument.id, "version": instrument.version, **data}
    for d, domain in enumerate(instrument.domains):
        for i, item in enumerate(domain.items):
            if item.scale and item.scale in instrument.scales:
                data["domains"][d]["items"][i].pop("levels", None)  # filled in from the shared scale
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
