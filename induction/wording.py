"""Wording: matching a piece of text to the framework statement it quotes.

Used to catch a cited id whose wording is another statement's text, and by the importer to
place uncoded intentions. Texts are compared as normalised words; a match needs to be close to
a statement's text or one of its recorded variants.
"""
from __future__ import annotations

import difflib
import re

from .model import Framework, Statement

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(_WORD.findall(text))


def similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, normalise(a), normalise(b), autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return 0.0
    return matcher.ratio()


def score(text: str, statement: Statement) -> float:
    return max(similarity(text, candidate) for candidate in [statement.text, *statement.variants])


def best_match(text: str, framework: Framework) -> tuple[Statement | None, float]:
    best, best_score = None, 0.0
    for statement in framework.statements.values():
        value = score(text, statement)
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
