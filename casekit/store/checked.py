"""Checking a record again before it is written, at the cost of what changed.

The store validates every record it writes again (a copy changed in place – ``case.needs.append(…)`` – or built
with ``model_construct`` must not reach the database unchecked) and writes the JSON of the validated copy. On a
case of five years (1,000 actions, 550 kB of JSON) that costs about 20 ms of validation per save, although a
rating changes only the needs.

:class:`CheckedParts` remembers, for the last records it checked, the JSON of each top-level field of the
validated copy. A new save dumps the record field by field; a field whose JSON is exactly the remembered text
has content that validated, so it is taken as it is; only the fields whose JSON differs are validated from their
JSON, and the model's cross-field rules run on the whole. The text written is joined from the fields' JSON and
is the same, byte for byte, as the whole copy's ``model_dump_json`` (a test compares them). Content decides,
not identity or versions: what another device saved in between, or a record changed in place, shows up as
different JSON and is validated.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict

from pydantic import BaseModel

#: how many records' field texts are remembered (a conference works on one case and its assessments)
REMEMBERED = 8
#: the column ``version`` is not part of the stored document
OUTSIDE = "version"


def _whole(model: type[BaseModel], record) -> BaseModel:
    data = record.model_dump(warnings=False) if isinstance(record, BaseModel) else record
    return model.model_validate(data)


class CheckedParts:
    def __init__(self, size: int = REMEMBERED):
        self._size = size
        self._known: OrderedDict[tuple[str, str], dict[str, str]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, model: type[BaseModel], record) -> tuple[BaseModel, str]:
        """``(validated copy, its JSON without version)``; raises pydantic's ``ValidationError`` (and what
        serialising a broken copy raises) like ``model.model_validate``."""
        names = [name for name in model.model_fields if name != OUTSIDE]
        if type(record) is not model or "id" not in model.model_fields or not isinstance(record.id, str):
            item = _whole(model, record)
            return item, item.model_dump_json(exclude={OUTSIDE})
        key = (model.__name__, record.id)
        with self._lock:
            known = self._known.get(key)
        if known is None:
            item = _whole(model, record)
            text = item.model_dump_json(exclude={OUTSIDE})
            parts = self._parts(item, names)
            if _joined(parts, names) != text:  # a model whose fields do not dump on their own: always whole
                return item, text
        else:
            mine = self._parts(record, names, warnings=False)
            changed = [name for name in names if mine[name] != known.get(name)]
            data = {name: getattr(record, name) for name in names if name not in changed}
            data.update({name: json.loads(mine[name])[name] for name in changed})
            if OUTSIDE in model.model_fields:
                data[OUTSIDE] = getattr(record, OUTSIDE)
            item = model.model_validate(data)
            parts = dict(mine)
            parts.update(self._parts(item, changed))  # validators may have normalised what they checked
        with self._lock:
            self._known[key] = parts
            self._known.move_to_end(key)
            while len(self._known) > self._size:
                self._known.popitem(last=False)
        return item, _joined(parts, names)

    @staticmethod
    def _parts(item: BaseModel, names, warnings: bool = True) -> dict[str, str]:
        # ``{"name":value}`` per field, in the order of the whole dump
        return {name: item.model_dump_json(include={name}, warnings=warnings) for name in names}



def _joined(parts: dict[str, str], names) -> str:
    return "{" + ",".join(parts[name][1:-1] for name in names) + "}"
