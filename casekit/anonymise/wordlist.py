"""The common-word list behind the residual-risk check, and how it is built.

A capitalised word in free text that is not at the start of a sentence and is not a common word may be a
name that nothing else caught (a neighbour mentioned only in a note, a village, a pub). The report lists
such words for the trainer to check. ``data/common_words.txt`` holds the common words: lower case, without
diacritics, one a line. It is built by :func:`build_word_list` from casekit's own texts (both message
catalogues, the fictional example cases and catalogue) plus a short hand-written list, so it carries the
inflected forms of the social-work vocabulary in Czech and English, and no names: a word counts only when
the sources write it in lower case (English month and day names are added by hand).

    .venv/bin/python -c "from casekit.anonymise.wordlist import write_word_list; write_word_list()"

The list follows the catalogues, which grow; rebuilding it now and then keeps new UI words out of the warnings.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .inflection import fold

DATA = Path(__file__).with_name("data")
WORDS_FILE = DATA / "common_words.txt"
_WORD = re.compile(r"[^\W\d_]+")

#: Words that are capitalised in ordinary English or that casekit's own texts happen not to use in lower case.
HAND_WORDS = """
i mr mrs ms miss dr gp nhs uk eu czech czechia english monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december christmas easter
pan pana panu panem paní slečna slečny slečně slečnou pane
the a an and or but if then when while because so of to in on at by for with from into about as is are was were
be been has have had do does did not no yes he she they we you it his her their our my your its this that these
those there here who whom which what where why how all any some each every more most other such only own same
než že aby když jestli protože ale nebo a i s se z ze v ve na do od u k ke o po při pro před za mezi nad pod bez
kde kdy jak co kdo který která které kteří jeho její jejich náš váš můj tvůj svůj on ona ono oni ony my vy já ty
je jsou byl byla bylo byli byly bude budou má mají měl měla mělo není nejsou nemá nemají už ještě také jen jenom
starší mladší nejstarší nejmladší bývalý bývalá bývalé nevlastní vlastní druhý druhá první nový nová
tel mob fax měú oú mú úp kč eur czk vánoce vánoc vánocům vánocích velikonoce velikonoc velikonocích silvestr silvestra christmas easter
""".split()


def _words(text: str) -> set[str]:
    """Words written in lower case in ``text``."""
    return {fold(w) for w in _WORD.findall(text) if w[0].islower() and len(w) > 1}


_IDENTIFIER = re.compile(r"^[a-z0-9._:-]+$")


def _strings(node):
    """The human texts in a JSON tree (identifiers such as ``svc-mu-brodce`` are skipped)."""
    if isinstance(node, str):
        if not _IDENTIFIER.match(node):
            yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def build_word_list(root: Path | None = None) -> list[str]:
    """The common words from casekit's catalogues and examples (see the module doc), sorted."""
    package = Path(__file__).resolve().parents[1]
    root = root or package.parent
    words = {fold(w) for w in HAND_WORDS}
    for po in sorted((package / "locale").glob("*/LC_MESSAGES/*.po")):
        for line in po.read_text(encoding="utf-8").splitlines():
            if line.startswith("msgstr"):
                words |= _words(line[len("msgstr"):])
    examples = root / "data" / "examples"
    for path in sorted([*examples.glob("cases/*.json"), *examples.glob("catalogue.*.json")]):
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            words |= _words(text)
    return sorted(words)


def write_word_list(path: Path = WORDS_FILE) -> int:
    words = build_word_list()
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The shipped common words (folded)."""
    return frozenset(w for w in WORDS_FILE.read_text(encoding="utf-8").split() if w)


if __name__ == "__main__":  # pragma: no cover
    print(write_word_list())
