"""Intentions: the framework statements a page teaches, found by their words (`citations`).

Import stage five (corpus -> structure -> markup -> links -> **intentions** -> writer). Every line is
cut into units (the line, each table cell, each sentence) with list, heading and quote markers and
emphasis taken off. A unit that quotes a statement's text or variant (`citations.QUOTED`) is a
citation whatever its dress: a code before it, after it, or none. A code is trusted on its own only
where the old anchored form holds (a code starting an item, cell or line, then three words or more
starting in upper case): never a bare number in prose ("Activity 1.6" is not a statement). A code
whose unit quotes another statement is reported, not linked. Under a "learn that" / "learn how
to ..., by:" marker (anywhere in a sentence) near misses are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from induction.core.model import Framework, Statement

from .citations import CODED, NEAR, QUOTED, Match, against, best

# A code: "2.1" or "6b", or one in a provider's own numbering ("S2.3", "ecf2.3": letters before it),
# which names no statement and is matched by its words.
_CODE = r"((?:[A-Za-z]{1,3})?(?:\d{1,2}\.\d{1,2}|\d{1,2}[a-z]))(?![a-z0-9]|\.\d)"
_LEADING = re.compile(r"^(?:[A-Za-z]+:\s*)?\(?" + _CODE + r"\)?\.?\s*(?:[-–:]\s+)?(?=\S)(.*)$", re.S)
_TRAILING = re.compile(r"^(.*\S)\s*\(" + _CODE + r"\)[.;,]?$", re.S)
_MARKER = re.compile(r"\blearn(?:s|ed|t|ing)?\s+(?:that\b|how\s+to\b)", re.I)
_MARKS = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+•]\s+|\d+[.)]\s+(?!\d))?")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|\|)\s+")
_EMPHASIS = re.compile(r"</?(?:strong|b|em|i|span|p|li|mark)\b[^>]*>|\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`")
_SENTENCE = re.compile(r"(?<=[.;!?:])\s+(?=\S)")
_JOINED = re.compile(r"\s+-\s+(?=[A-Z])")
_LABEL = re.compile(r"^(?:[A-Z][\w’'-]*\s+){0,3}[\w’'-]+:\s+(?=\S)")  # "Learning intention: ..."
_ASIDE = re.compile(r"\s*\((?:\d+\s*(?:mins?|minutes?)|\d+(?:\.\d+)?[a-z]?(?:,\s*\d+(?:\.\d+)?[a-z]?)*)\)[.;]?$")
_BREAK = re.compile(
    r"^\s*(?:[-*+•]\s|\d+[.)]\s|#|\||>|<|```|~~~|\{|"
    r"(?:[A-Za-z]{1,3})?(?:\d{1,2}\.\d{1,2}|\d{1,2}[a-z])\b)"
)
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|cf|vs|no|p)\.$", re.I)

Defect = tuple[str, int, str, str]


@dataclass(frozen=True)
class Found:
    statement: str
    method: str  # "code" or "text"
    confidence: float
    line: int  # body line, from 1


def plain(text: str) -> str:
    """`text` without emphasis marks and with every Unicode space made one ASCII space."""
    return " ".join(_EMPHASIS.sub("", text).split())


def units(line: str) -> Iterator[tuple[str, bool]]:
    """(unit, anchored) for each cell of `line` and each sentence of a cell; anchored = starts it."""
    body = _MARKS.sub("", line, count=1)
    cells = body.strip().strip("|").split("|") if body.lstrip().startswith("|") else [body]
    for cell in cells:
        text = plain(cell)
        if not text:
            continue
        yield text, True
        bare = _ASIDE.sub("", _LABEL.sub("", text))
        if bare != text and bare:
            yield bare, True
        joined = _JOINED.split(text)  # "- A statement. - Another one." on one line
        parts = [sentence for item in joined for sentence in sentences(item)]
        for part in (joined if len(joined) > 1 else []) + (parts if len(parts) > 1 else []):
            yield part, False
        for part in parts:  # "... will learn how to sequence lessons so that ...": the words after it
            marker = _MARKER.search(part)
            if marker and len(part) - marker.end() > 20:
                yield part[marker.end() :].strip(" :,"), False


def sentences(text: str) -> list[str]:
    """`text` cut after . ; ! ? : (not after "e.g." nor inside brackets)."""
    parts, start = [], 0
    for cut in _SENTENCE.finditer(text):
        head = text[start : cut.start()]
        if _ABBREVIATION.search(head) or head.count("(") > head.count(")"):
            continue
        parts.append(head)
        start = cut.end()
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def _coded(unit: str, anchored: bool, framework: Framework) -> tuple[str, str, bool] | None:
    """(code, text, anchored-form) when `unit` carries a code before or after its text."""
    lead = _LEADING.match(unit)
    if lead and anchored and len(lead.group(2).split()) >= 2:
        text = lead.group(2)
        own_numbering = lead.group(1)[:1].isdigit()
        return lead.group(1), text, own_numbering and bool(re.match(r"[A-Z“‘\"'(]", text)) and len(text.split()) >= 3
    trail = _TRAILING.match(unit)
    if trail:
        return trail.group(2), trail.group(1), False
    return None


def _judge_code(
    code: str,
    text: str,
    trusted: bool,
    number: int,
    framework: Framework,
) -> tuple[Found | None, Defect | None]:
    statement = framework.statements.get(code)
    quoted = best(text, framework)
    found = _renumbered(code, text, statement, quoted, number, framework)
    if found is not None:
        return found
    if statement is None:
        if trusted or (quoted and quoted.score >= QUOTED):
            return None, (
                "unknown-code",
                number,
                f"'{code}' is cited but {framework.id} has no such statement.",
                "not recorded as an intention",
            )
        return None, None
    own = against(text, statement)
    if quoted and quoted.statement is not statement and quoted.score >= QUOTED and own < quoted.score - 0.05:
        return None, (
            "code-text-mismatch",
            number,
            f"The text cited as {code} is the text of {quoted.statement.id}.",
            "not linked",
        )
    if trusted or own >= CODED:
        return Found(code, "code", 1.0, number), None
    return None, None


def other_numbering(code: str) -> str:
    """The same place in the framework's other numbering: '2.3' is '2c', '2c' is '2.3' (a provider's
    prefix, 'S2.3', left off)."""
    bare = re.sub(r"^[A-Z]+", "", code)
    dotted = re.fullmatch(r"(\d+)\.(\d+)", bare)
    if dotted:
        return f"{dotted.group(1)}{chr(96 + int(dotted.group(2)))}" if 0 < int(dotted.group(2)) <= 26 else ""
    lettered = re.fullmatch(r"(\d+)([a-z])", bare)
    return f"{lettered.group(1)}.{ord(lettered.group(2)) - 96}" if lettered else ""


def _renumbered(
    code: str, text: str, statement: Statement | None, quoted: Match | None, number: int, framework: Framework
) -> tuple[Found | None, Defect | None] | None:
    """A code written in another numbering than the framework's ('S2.3', or '2.3' where the framework
    says '2c') whose words are a statement's: that statement, by its words, and reported; else None."""
    other = framework.statements.get(other_numbering(code))
    if (
        quoted is not None
        and quoted.quotes
        and (statement is None or (quoted.statement is other and against(text, statement) < quoted.score - 0.05))
    ):
        hit, score = quoted.statement, max(quoted.score, quoted.cover)
    elif statement is None and other is not None and against(text, other) >= QUOTED:
        hit, score = other, against(text, other)
    else:
        return None
    return Found(hit.id, "text", round(score, 2), number), (
        "code-numbering",
        number,
        f"'{code}' is not {framework.id}'s code for these words; they are those of {hit.id}.",
        f"recorded {hit.id}, found by its words",
    )


def _line(line: str, number: int, active: bool, framework: Framework) -> tuple[list[Found], list[Defect]]:
    """The citations of one logical line, in the order they appear in it."""
    found: list[tuple[tuple[int, int], Found]] = []
    defects: list[Defect] = []
    flat, refused = plain(line), ""
    for unit, anchored in units(line):
        if refused and unit in refused:  # a cell whose code is refused is not linked by its words either
            continue
        code = _coded(unit, anchored, framework)
        if code is not None:
            hit, defect = _judge_code(*code, number, framework)
            found += [((flat.find(unit), len(unit)), hit)] if hit else []
            defects += [defect] if defect else []
            refused = unit if defect else refused
            if hit or defect:
                continue
        match = best(unit, framework)
        if match and match.quotes:
            confidence = round(max(match.score, match.cover), 2)
            found.append(((flat.find(unit), len(unit)), Found(match.statement.id, "text", confidence, number)))
        elif active and anchored and _ITEM.match(line) and not _MARKER.search(line) and "|" not in line[:3]:
            defects += _near_miss(unit, match, number)
    return [hit for _, hit in sorted(found, key=lambda pair: pair[0])], defects


def _near_miss(unit: str, match: Match | None, number: int) -> list[Defect]:
    if match is not None and match.score >= NEAR:
        return [
            (
                "uncertain-intention",
                number,
                f"'{unit[:60]}' is close to {match.statement.id} ({match.score:.2f}) but not close enough.",
                "not recorded as an intention",
            )
        ]
    if len(unit.split()) >= 4:
        return [("unmatched-intention", number, f"'{unit[:60]}' matches no statement.", "not recorded as an intention")]
    return []


def logical_lines(body: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each line joined with its continuation lines (a hard-wrapped item or paragraph)."""
    number, text = 0, ""
    for at, line in enumerate(body.split("\n"), 1):
        if text and line.strip() and not _BREAK.match(line):
            text += " " + line.strip()
            continue
        if text:
            yield number, text
        number, text = at, line if line.strip() else ""
    if text:
        yield number, text


def intentions(body: str, framework: Framework) -> tuple[list[Found], list[Defect]]:
    """Every statement `body` cites or quotes, first finding of each statement kept, in page order."""
    found: list[Found] = []
    defects: list[Defect] = []
    active = False
    for number, line in logical_lines(body):
        if _MARKER.search(line) and not _ITEM.match(line):
            active = True
        elif not _ITEM.match(line) and not line.startswith((" ", "\t")):
            active = False
        more, problems = _line(line, number, active, framework)
        found += more
        defects += problems
    seen: dict[str, Found] = {}
    for item in found:  # the first finding of a statement; its code rather than its words on the same line
        first = seen.setdefault(item.statement, item)
        if first.line == item.line and first.method == "text" and item.method == "code":
            seen[item.statement] = item
    return list(seen.values()), defects
