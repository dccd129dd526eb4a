"""Assessment instruments: YAML definitions, checks, built-in instruments, scoring, answers and frames.

Reference for researchers: ``docs/instruments.md``. Nothing here imports PyYAML or pandas until it is used.
"""
from __future__ import annotations

from .builtin import builtin, builtin_instruments
from .checks import InstrumentError, Problem, check_rules, score_items, validate_instrument
from .definition import Domain, Instrument, Item, ItemType, Level, Score, ScoreKind, Text
from .diff import Change, diff_instruments
from .expr import Expression, ExpressionError, parse
from .frames import long_frame, to_csv, to_parquet, wide_frame
from .loader import check, dump_instrument, load_instrument
from .responses import Answer, AnswerError, Assessment, set_answer, validate_answers
from .schema import instrument_schema
from .scoring import score, shown_items, visible_answers

__all__ = [
    "Answer", "AnswerError", "Assessment", "Change", "Domain", "Expression", "ExpressionError", "Instrument",
    "InstrumentError", "Item", "ItemType", "Level", "Problem", "Score", "ScoreKind", "Text", "builtin",
    "builtin_instruments", "check", "check_rules", "diff_instruments", "dump_instrument", "instrument_schema",
    "load_instrument", "long_frame", "parse", "score", "score_items", "set_answer", "shown_items", "to_csv",
    "to_parquet", "validate_answers", "validate_instrument", "visible_answers", "wide_frame",
]
