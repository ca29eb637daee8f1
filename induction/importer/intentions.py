"""Intentions: the framework statements a page teaches, from coded citations and uncoded bullets.

Import stage five (corpus -> structure -> markup -> links -> **intentions** -> writer). A coded
citation is found only where a code starts a list item, a table cell or a line and is followed
by the statement's words (`- 2.1. Learning involves...`, `| 6b Drawing... |`): never a bare number
in prose ("Activity 1.6" is not a statement). Uncoded bullets under "Learn that" or
"Learn how to ..., by:" are matched to statement texts and variants (`induction.wording`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Framework
from ..wording import belongs_elsewhere, best_match

_CODE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|\|\s*)?\(?(\d{1,2}\.\d{1,2}|\d{1,2}[a-z])\)?\.?[ \t]+"
                   r"(?:[-–:][ \t]+)?([A-Z“‘\"'(].*?)\s*\|?\s*$")
_MARKER = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__)?\s*(learn that\b|learn how to\b.*\bby\b|learn how to\b)", re.I)
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]|\|)\s+(.*?)\s*\|?\s*$")
_JOINED = re.compile(r"\s+-\s+(?=[A-Z])")

PLACE = 0.8  # an uncoded bullet at or above this is placed as the statement it matches
CLOSE = 0.6  # between CLOSE and PLACE it is reported as a possible match, not placed


@dataclass(frozen=True)
class Found:
    statement: str
    method: str  # "code" or "text"
    confidence: float
    line: int  # body line, from 1


def coded(body: str, framework: Framework) -> tuple[list[Found], list[tuple[str, int, str, str]]]:
    found, defects = [], []
    for number, line in enumerate(body.split("\n"), 1):
        match = _CODE.match(line)
        if not match or len(match.group(2).split()) < 3:
            continue
        code, text = match.group(1), match.group(2).strip()
        statement = framework.statements.get(code)
        if statement is None:
            defects.append(("unknown-code", number, f"'{code}' is cited but {framework.id} has no such statement.",
                            "not recorded as an intention"))
            continue
        other = belongs_elsewhere(text, statement, framework)
        if other is not None:
            defects.append(("code-text-mismatch", number, f"The text cited as {code} is the text of {other.id}.",
                            f"recorded {code} as cited, with lower confidence"))
        found.append(Found(code, "code", 0.5 if other else 1.0, number))
    return found, defects


def uncoded(body: str, framework: Framework) -> tuple[list[Found], list[tuple[str, int, str, str]]]:
    found, defects = [], []
    active = False
    for number, line in enumerate(body.split("\n"), 1):
        if _MARKER.match(line):
            active = True
            continue
        if not line.strip():
            continue
        item = _ITEM.match(line)
        if not item:
            if not line.startswith((" ", "\t")):
                active = False
            continue
        if not active or _CODE.match(line):
            continue
        for text in _JOINED.split(item.group(1)):
            statement, score = best_match(text, framework)
            if statement is not None and score >= PLACE:
                found.append(Found(statement.id, "text", round(score, 2), number))
            elif statement is not None and score >= CLOSE:
                defects.append(("uncertain-intention", number,
                                f"'{text[:60]}' is close to {statement.id} ({score:.2f}) but not close enough.",
                                "not recorded as an intention"))
            elif len(text.split()) >= 4:
                defects.append(("unmatched-intention", number, f"'{text[:60]}' matches no statement.",
                                "not recorded as an intention"))
    return found, defects


def intentions(body: str, framework: Framework) -> tuple[list[Found], list[tuple[str, int, str, str]]]:
    """Every statement `body` cites or quotes, first finding of each statement kept, in page order."""
    first, defects = coded(body, framework)
    second, more = uncoded(body, framework)
    seen: dict[str, Found] = {}
    for item in sorted(first + second, key=lambda f: (f.line, f.method)):
        seen.setdefault(item.statement, item)
    return list(seen.values()), defects + more
