"""Kinds: what an ECT step is, read from the page's own words (its titles, then its headings).

The word that names the page's purpose comes first in its title: "Research and Practice Summary"
is reading (research) though it says "practice"; "Video and module introduction" is a video. So
the kind is that of the earliest kind-word in the title, else in the page's headings, else None
(the caller keeps what the file name says).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from induction.body.headings import atx
from induction.core.formats import ECT, KINDS


def ect_kinds(kinds: Iterable[str]) -> None:
    """Refuse, when a module loads, a table that names a kind an ECT step may not have
    (formats.KINDS): a programming slip, as an unknown problem code is."""
    unknown = [kind for kind in kinds if kind not in KINDS[ECT]]
    if unknown:
        raise ValueError(f"not kinds of an ECT step: {unknown}")


_WORDS = [
    ("video", r"videos?|watch"),
    ("reflection", r"reflect(?:ion|ing)?|review your learning"),
    ("quiz", r"quiz(?:zes)?|test yourself"),
    (
        "introduction",
        r"introduction|overview|instructions?|what you(?:[’']ll| will) learn|learning intentions"
        r"|learning outcomes|intended outcomes|welcome",
    ),
    ("task", r"observ(?:ation|ations|e|ing)|tasks?"),
    ("practice", r"challenge|practi[cs]e|activities|activity|self-study|rehears(?:e|al)"),
    ("reading", r"research|summary|theory|evidence|reading|content|article"),
]
ect_kinds(kind for kind, _ in _WORDS)
_KIND = re.compile("|".join(f"(?P<{kind}>\\b(?:{words})\\b)" for kind, words in _WORDS), re.I)


def kind_in(text: str) -> str | None:
    """The kind of the earliest kind-word of `text`, or None."""
    match = _KIND.search(text)
    return match.lastgroup if match else None


def step_kind(titles: list[str], body: str) -> str | None:
    """An ECT step's kind from its titles (in order of authority), else its headings, else None."""
    for text in [*titles, *(heading.text for line in body.split("\n") if (heading := atx(line)))]:
        kind = kind_in(text)
        if kind:
            return kind
    return None
