"""Citations: the framework statements a page quotes, found by their words whatever the markup.

A statement is quoted in many dresses: `- 2.1. Learning ...`, `**2.1**&nbsp;learning ...`,
`| Learning ... (2.1) |`, or the bare text under "Your ECT will learn that:". What they share is
the statement's letters. So texts are compared as *letter strings*: Unicode-normalised (NFKC folds
no-break and narrow no-break spaces), case-folded, every character that is not a letter or digit
dropped (spaces, punctuation, emphasis marks, quotes, hyphens). Words run together by the source
("toretrieve", "inlearning") or split by it ("High-quality" / "High quality") then still agree.

Two letter strings are compared by their sets of 4-letter shingles: `cover` is the share of the
statement's shingles found in the text, `purity` the share of the text's shingles that belong to
the statement, and `score` their harmonic mean (Dice). Shingles, not whole words, so that one typo
or a joined pair costs a few shingles rather than the match; sets, so that the order of a few words
may change. The thresholds come from the corpus' score distribution (see tests and the import
report): true quotations score >= 0.85 against their statement, while the best score of any other
line of the three shared providers against any statement stays below 0.6.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from induction.core.model import Framework, Statement

SHINGLE = 4
QUOTED = 0.8  # a text at or above this (against a statement's text or variant) quotes it
NEAR = 0.6  # between NEAR and QUOTED a text under a learn-that marker is reported as uncertain
CONTAINED = 0.9  # a text holding this share of a long statement's shingles quotes it inside its own sentence
LONG = 60  # letters: statements shorter than this are common phrases, so only QUOTED places them
CODED = 0.45  # a cited code's own statement must score at least this, unless the old anchored rule holds


_NOT_LETTER = re.compile(r"[\W_]+")


def letters(text: str) -> str:
    """`text` reduced to its case-folded letters and digits (see the module docstring)."""
    return _NOT_LETTER.sub("", unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> frozenset[str]:
    flat = letters(text)
    if len(flat) < SHINGLE:
        return frozenset((flat,)) if flat else frozenset()
    return frozenset(flat[i : i + SHINGLE] for i in range(len(flat) - SHINGLE + 1))


@dataclass(frozen=True)
class Match:
    statement: Statement
    score: float  # Dice of shingle sets, 0..1
    cover: float  # share of the statement's shingles present in the text
    quotes: bool = False  # score >= QUOTED, or a long statement contained whole (cover >= CONTAINED)


@dataclass(frozen=True)
class _Index:
    forms: tuple[tuple[Statement, frozenset[str]], ...]  # a statement's text and each variant
    postings: dict[str, tuple[int, ...]]  # a telling shingle -> the forms holding it
    telling: tuple[int, ...]  # per form, how many of its shingles are telling
    shortest: int  # shingles of the shortest form
    longest: int  # shingles of the longest form


RARE = 12  # a shingle held by more forms than this ("pupi", "tion") tells nothing about which one
CANDIDATES = 6  # forms with the most telling shingles in common, then measured exactly


@lru_cache(maxsize=8)
def _index(framework: Framework) -> _Index:
    forms = tuple((s, shingles(t)) for s in framework.statements.values() for t in (s.text, *s.variants))
    postings: dict[str, list[int]] = {}
    for number, (_, grams) in enumerate(forms):
        for gram in grams:
            postings.setdefault(gram, []).append(number)
    telling = {gram: tuple(numbers) for gram, numbers in postings.items() if len(numbers) <= RARE}
    per_form = tuple(sum(gram in telling for gram in grams) for _, grams in forms)
    sizes = [len(grams) for _, grams in forms]
    return _Index(forms, telling, per_form, min(sizes), max(sizes))


def _measure(grams: frozenset[str], form: frozenset[str], statement: Statement, flat: str = "") -> Match:
    shared = len(grams & form)
    if not shared:
        return Match(statement, 0.0, 0.0)
    cover, purity = shared / len(form), shared / len(grams)
    score = 2 * cover * purity / (cover + purity)
    inside = cover >= CONTAINED and len(form) >= LONG and _window(flat, form) >= CONTAINED
    return Match(statement, score, cover, score >= QUOTED or inside)


def _window(flat: str, form: frozenset[str]) -> float:
    """The largest share of `form` found within one stretch of `flat` no longer than the form itself
    (plus a tenth): a statement quoted inside a sentence, not its shingles scattered over a paragraph."""
    hits = [(i, flat[i : i + SHINGLE]) for i in range(len(flat) - SHINGLE + 1) if flat[i : i + SHINGLE] in form]
    width = int((len(form) + SHINGLE) * 1.1)
    inside: Counter[str] = Counter()
    start = most = 0
    for at, gram in hits:
        inside[gram] += 1
        while hits[start][0] < at - width:
            old = hits[start][1]
            inside[old] -= 1
            if not inside[old]:
                del inside[old]
            start += 1
        most = max(most, len(inside))
    return most / len(form)


def best(text: str, framework: Framework) -> Match | None:
    """The statement `text` is closest to, by its best form; None when nothing tells."""
    grams = shingles(text)
    index = _index(framework)
    if len(grams) < index.shortest * NEAR / (2 - NEAR):  # Dice >= NEAR needs |T| >= |F| * NEAR / (2 - NEAR)
        return None
    counts = Counter(chain.from_iterable(index.postings.get(gram, ()) for gram in grams))
    told = sum(gram in index.postings for gram in grams)
    by_score = sorted(counts, key=lambda n: -counts[n] / (told + index.telling[n]))[:CANDIDATES]
    by_cover = sorted(counts, key=lambda n: -counts[n] / index.telling[n])[:CANDIDATES]
    flat = letters(text)
    matches = [_measure(grams, index.forms[n][1], index.forms[n][0], flat) for n in {*by_score, *by_cover}]
    return max(matches, key=lambda m: (m.quotes, m.score), default=None)


def against(text: str, statement: Statement) -> float:
    """The score of `text` against `statement`'s best form."""
    grams = shingles(text)
    if not grams:
        return 0.0
    forms = [shingles(t) for t in (statement.text, *statement.variants)]
    return max(_measure(grams, form, statement).score for form in forms if form)
