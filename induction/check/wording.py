"""Wording: matching a piece of text to the framework statement it quotes.

Used to catch a cited id whose wording is another statement's text, and by the importer to
place uncoded intentions. Texts are compared as sequences of normalised words (not characters:
statements are 10-40 words, so this is fast enough to run over every statement for every
intention); a match must be close to a statement's text or one of its recorded variants.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from induction.core.model import Framework, Statement

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> tuple[str, ...]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return tuple(_WORD.findall(text))


def _ratio(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    shared = len(set(a) & set(b))
    if 2 * shared / (len(set(a)) + len(set(b))) < 0.4:  # cheap bound: few words in common
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=8)
def _index(framework: Framework) -> list[tuple[Statement, list[tuple[str, ...]]]]:
    return [(s, [words(t) for t in [s.text, *s.variants]]) for s in framework.statements.values()]


def _score(text_words: tuple[str, ...], forms: list[tuple[str, ...]]) -> float:
    return max(_ratio(text_words, form) for form in forms)


def score(text: str, statement: Statement) -> float:
    return _score(words(text), [words(t) for t in [statement.text, *statement.variants]])


def best_match(text: str, framework: Framework) -> tuple[Statement | None, float]:
    text_words = words(text)
    best, best_score = None, 0.0
    for statement, forms in _index(framework):
        value = _score(text_words, forms)
        if value > best_score:
            best, best_score = statement, value
    return best, best_score


QUOTES = 0.85  # at or above this, a wording is taken to quote the statement


def belongs_elsewhere(text: str, cited: Statement, framework: Framework) -> Statement | None:
    """The statement `text` quotes, when that is not `cited` (paraphrases are left alone)."""
    best, value = best_match(text, framework)
    if best is None or best.id == cited.id or value < QUOTES:
        return None
    if score(text, cited) >= value - 0.05:
        return None
    return best
