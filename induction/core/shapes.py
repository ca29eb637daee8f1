"""Shapes: the declared form of every YAML file and front matter, in one place.

Each shape checks a value parsed by `source` (reporting `wrong-type`, `unknown-key` and
`missing-key` with lines) and returns the value cleaned of whatever was wrong, so that loading
can go on and report everything at once. The same shapes generate the JSON Schemas that editors
use, so the schema cannot drift from what validation accepts.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from induction.core.plain_text import markdown_in, plain
from induction.core.problems import Problems, did_you_mean, unseen, without_controls
from induction.core.source import YList, YMap

INVALID = object()  # what a shape returns for a value it rejected


@dataclass
class Where:
    """Where a value sits: file, line, and a phrase naming it for messages ("a week")."""

    file: str
    line: int
    what: str


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true or false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


class Shape:
    expected = "a value"
    doc = ""

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def wrong(self, value: Any, where: Where, problems: Problems, hint: str = "") -> Any:
        problems.add(
            "wrong-type",
            where.file,
            where.line,
            f"Expected {self.expected} for {where.what} but found {describe(value)}.",
            hint,
        )
        return INVALID


def controlled(value: str, where: Where, problems: Problems) -> str:
    """`value` without the control characters it may not hold (all but tab and newline; a double-quoted
    YAML string writes ESC as \\e), each text reported once: a page would not show them, and a
    terminal quoting them would obey them. Cleaned, so that loading goes on."""
    found = unseen(value)
    if found is None:
        return value
    spelled = found + (" or \\e" if found == "\\x1b" else "")
    problems.add(
        "control-character",
        where.file,
        where.line,
        f"The text of {where.what} holds the control character {found}.",
        f"Delete the escape that writes it in the double-quoted string ({spelled}): text may hold "
        "tabs and newlines but no other control character.",
    )
    return without_controls(value)


@dataclass
class Text(Shape):
    pattern: str | None = None
    expected: str = "text"
    min_length: int = 1

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.pattern is None:
            return str(value)
        if not isinstance(value, str) or len(value.strip()) < self.min_length:
            return self.wrong(value, where, problems)
        if self.pattern and not re.fullmatch(self.pattern, value):
            return self.wrong(value, where, problems)
        value = controlled(value, where, problems)
        return value.strip() if self.pattern else value

    def schema(self) -> dict[str, Any]:
        if self.pattern:
            return {"type": "string", "pattern": f"^(?:{self.pattern})$"}
        # Without a pattern, check() takes a number as its text, and blank text is rejected.
        return {"type": ["string", "number"], "minLength": self.min_length, "pattern": r"\S"}


def _shortened(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass
class Title(Text):
    """A title or a label: plain text, shown as typed (the tab, a heading, the navigation), so
    Markdown in it would show its marks (plain_text.py asks the renderer)."""

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        value = super().check(value, where, problems)
        kind = markdown_in(value) if isinstance(value, str) else ""
        if kind:
            problems.add(
                "markdown-in-plain-text",
                where.file,
                where.line,
                f"The text of {where.what} is plain text but holds Markdown ({kind}): "
                f"'{_shortened(value)}' would be shown with its marks.",
                f"Write the words alone ('{_shortened(plain(value))}'): bold, links and headings belong in a "
                "summary or a body.",
            )
        return value


ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def Id() -> Text:
    return Text(ID_PATTERN, "an id of lower-case letters, digits and hyphens (like 'routines-w1')")


@dataclass
class Int(Shape):
    """A whole number from `minimum` to `maximum`: every number is bounded before use, so that
    no later sum, date or loop meets a value such as 10^14 minutes (past any date Python keeps)."""

    minimum: int = 0
    expected: str = "a whole number"
    maximum: int | None = None
    hint: str = ""  # why the maximum, for a number past it

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.minimum:
            return self.wrong(value, where, problems)
        if self.maximum is not None and value > self.maximum:
            problems.add(
                "out-of-range",
                where.file,
                where.line,
                f"Expected a whole number from {self.minimum:,} to {self.maximum:,} for {where.what} but "
                f"found {describe(value)}.",
                self.hint,
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        bounds = {"maximum": self.maximum} if self.maximum is not None else {}
        return {"type": "integer", "minimum": self.minimum, **bounds}


@dataclass
class Choice(Shape):
    values: tuple[Any, ...] = ()

    @property
    def expected(self) -> str:  # type: ignore[override]  # computed here; Shape's subclasses set it as a field
        return "one of " + ", ".join(str(v) for v in self.values)

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, bool) and ("off" if value is False else "on") in self.values:
            return "off" if value is False else "on"  # YAML 1.1 reads a bare off/on as false/true
        if value not in self.values or isinstance(value, bool):
            return self.wrong(value, where, problems, did_you_mean(str(value), [str(v) for v in self.values]))
        return value

    def schema(self) -> dict[str, Any]:
        # YAML 1.1 (PyYAML) reads a bare off/on as false/true, and check() accepts them as such.
        extra = [value for word, value in (("off", False), ("on", True)) if word in self.values]
        return {"enum": list(self.values) + extra}


@dataclass
class StatementId(Shape):
    expected: str = "a statement id (like '2.1' or 8f)"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
            return self.wrong(value, where, problems, f"Quote the id so YAML keeps it as written: '{value}'.")
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.\-]*", value.strip()):
            return self.wrong(value, where, problems)
        return value.strip()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^\s*[A-Za-z0-9][A-Za-z0-9.\-]*\s*$"}


@dataclass
class WeekNumber(Shape):
    expected: str = "a week number or a range such as 4-6"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return (value, value)
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*", value) or re.fullmatch(r"\s*(\d+)\s*", value)
            if match:
                first = int(match.group(1))
                last = int(match.group(match.lastindex or 1))
                if 1 <= first <= last:
                    return (first, last)
        return self.wrong(value, where, problems)

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": r"^\s*\d+\s*((-|–|to)\s*\d+\s*)?$"},
            ]
        }


@dataclass(kw_only=True)
class Pattern(Shape):
    """Text that must match `pattern` in full once trimmed. The JSON Schema's `schema_pattern` says
    the same to editors (looser where a regular expression in JSON Schema cannot say it all)."""

    expected: str = Shape.expected
    pattern: str
    schema_pattern: str
    format: str = ""  # the JSON Schema format, where there is one
    clean: Callable[[str], str] = str  # the value as the model keeps it
    hint: Callable[[Any], str] = lambda value: ""  # a fix hint for a rejected value

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        text = value.strip() if isinstance(value, str) else ""
        if not re.fullmatch(self.pattern, text):
            return self.wrong(value, where, problems, self.hint(value))
        return self.clean(controlled(text, where, problems))

    def schema(self) -> dict[str, Any]:
        return {"type": "string", **({"format": self.format} if self.format else {}), "pattern": self.schema_pattern}


def _six_digits(text: str) -> str:
    return "#" + "".join(c * 2 for c in text[1:]).lower() if len(text) == 4 else text.lower()


URL = Pattern(
    expected="a web address starting with https:// or http://",
    pattern=r"https?://[^\s/]+\S*",
    schema_pattern=r"^\s*https?://[^\s/]+\S*\s*$",
    format="uri",
)
# A CSS colour as #rgb or #rrggbb: what the site's stylesheet can use as it is, whatever theme.
COLOUR = Pattern(
    expected="a colour as # and 3 or 6 hexadecimal digits (like '#1d70b8')",
    pattern=r"#(?:[0-9A-Fa-f]{3}){1,2}",
    schema_pattern=r"^\s*#([0-9A-Fa-f]{3}){1,2}\s*$",
    clean=_six_digits,
    hint=lambda v: "Quote it: YAML reads an unquoted # as the start of a comment." if v is None else "",
)
# An email address: one @, a dot in the domain, no spaces (a readable check, not RFC 5322's).
EMAIL = Pattern(
    expected="an email address (like 'ects@example.org')",
    pattern=r"[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+",
    schema_pattern=r"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$",
    format="email",
)
# A telephone number as people write it: digits, spaces, +, brackets and hyphens, six digits at least.
PHONE = Pattern(
    expected="a telephone number (like '0161 496 0000')",
    pattern=r"(?=(?:\D*\d){6})\+?[0-9 ()\-]{6,24}",
    schema_pattern=r"^\s*\+?[0-9 ()\-]{6,24}\s*$",
    hint=lambda v: "Quote it, so YAML keeps the leading 0: '0161 496 0000'." if isinstance(v, int) else "",
)


@dataclass
class Duration(Shape):
    expected: str = "a duration as minutes:seconds (like '6:40')"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
        match = re.fullmatch(r"(?:(\d+):)?(\d{1,3}):([0-5]\d)", text)
        if not match:
            hint = "Quote it: '6:40'." if isinstance(value, int) and not isinstance(value, bool) else ""
            return self.wrong(value, where, problems, hint)
        hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        total = hours * 3600 + minutes * 60 + seconds
        if total > MAX_VIDEO_SECONDS:
            problems.add(
                "out-of-range",
                where.file,
                where.line,
                f"Expected a duration of at most {MAX_VIDEO_SECONDS // 3600} hours for {where.what} but "
                f"found {describe(value)}.",
                "Give the video's length as minutes:seconds, like '6:40'.",
            )
            return INVALID
        return total

    def schema(self) -> dict[str, Any]:
        # Unquoted 6:40 is a string to editors (YAML 1.2) but a number to PyYAML: the description says quote it.
        return {
            "type": "string",
            "pattern": r"^\s*(\d+:)?\d{1,3}:[0-5]\d\s*$",
            "description": "minutes:seconds in quotes, like '6:40'",
        }


@dataclass
class ListOf(Shape):
    item: Shape = field(default_factory=Text)
    min_items: int = 0

    @property
    def expected(self) -> str:  # type: ignore[override]  # computed here; Shape's subclasses set it as a field
        return "a list"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        out = YList()
        out.line, out.lines = where.line, []
        if value is None and self.min_items == 0:
            return out
        if not isinstance(value, list):
            return self.wrong(value, where, problems)
        if len(value) < self.min_items:
            problems.add(
                "wrong-type",
                where.file,
                where.line,
                f"Expected at least {self.min_items} item(s) in {where.what} but found {len(value)}.",
            )
        out.line = value.line if isinstance(value, YList) else where.line
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, YList) else where.line
            checked = self.item.check(item, Where(where.file, line, f"item {index + 1} of {where.what}"), problems)
            if checked is not INVALID:
                out.append(checked)
                out.lines.append(line)
        return out

    def schema(self) -> dict[str, Any]:
        # An empty key (`tutor:`) reads as null, which check() takes as an empty list.
        return {
            "type": "array" if self.min_items else ["array", "null"],
            "items": self.item.schema(),
            "minItems": self.min_items,
        }


@dataclass
class Either(Shape):
    """A value that may take one of two forms (an id, or a mapping with more detail)."""

    simple: Shape = field(default_factory=Text)
    full: Shape = field(default_factory=Text)

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        return (
            self.full.check(value, where, problems)
            if isinstance(value, dict)
            else self.simple.check(value, where, problems)
        )

    def schema(self) -> dict[str, Any]:
        return {"anyOf": [self.simple.schema(), self.full.schema()]}


@dataclass
class Key:
    shape: Shape
    required: bool = False
    doc: str = ""


@dataclass
class Record(Shape):
    """A mapping with declared keys; `name` names it in messages ("a week")."""

    name: str = "a mapping"
    keys: dict[str, Key] = field(default_factory=dict)
    doc: str = ""

    @property
    def expected(self) -> str:  # type: ignore[override]  # computed here; Shape's subclasses set it as a field
        return f"{self.name} (a mapping of keys)"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if not isinstance(value, dict):
            if where.what == self.name:  # a whole file: "Expected the block to be a mapping ..."
                problems.add(
                    "wrong-type",
                    where.file,
                    where.line,
                    f"Expected {self.name} to be a mapping of keys but found {describe(value)}.",
                )
                return INVALID
            return self.wrong(value, where, problems)
        line = value.line if isinstance(value, YMap) else where.line
        out = YMap()
        out.line, out.lines = line, {}
        out.text_lines = value.text_lines if isinstance(value, YMap) else {}  # lines of text values, kept
        for key, item in value.items():
            key_line = value.line_of(key) if isinstance(value, YMap) else line
            spec = self.keys.get(key)
            if spec is None:
                problems.add(
                    "unknown-key",
                    where.file,
                    key_line,
                    f"Unknown key '{key}' in {self.name}. Expected one of: {', '.join(sorted(self.keys))}.",
                    did_you_mean(key, self.keys),
                )
                continue
            checked = spec.shape.check(item, Where(where.file, key_line, f"'{key}' in {self.name}"), problems)
            if checked is not INVALID:
                out[key] = checked
            out.lines[key] = key_line  # kept for an invalid value too: it was given (reported), not missing
        for key, spec in self.keys.items():
            if spec.required and key not in value:
                problems.add(
                    "missing-key",
                    where.file,
                    line,
                    f"Missing key '{key}' in {self.name}.",
                    f"Add '{key}:' ({spec.doc or spec.shape.expected}).",
                )
        return out

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "description": self.doc or self.name,
            "properties": {
                k: {**v.shape.schema(), **({"description": v.doc} if v.doc else {})} for k, v in self.keys.items()
            },
            "required": [k for k, v in self.keys.items() if v.required],
            "additionalProperties": False,
        }


# The bounds of durations and dates the formats accept (refusals.py bounds session minutes and weeks).
MAX_VIDEO_SECONDS = 24 * 3600
EARLIEST, LATEST = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


@dataclass
class Date(Shape):
    """A calendar date written as YYYY-MM-DD (YAML reads a valid one as a date; an impossible one as text)."""

    expected: str = "a date written as YYYY-MM-DD (like 2025-09-01)"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, datetime.datetime):
            return self.wrong(value, where, problems, "Give the day only, without a time.")
        hint = ""
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
            year, month, day = (int(part) for part in value.strip().split("-"))
            try:
                value = datetime.date(year, month, day)  # quoted: still a date
            except ValueError:
                hint = "There is no such day in the calendar."
        if isinstance(value, datetime.date):
            return value if EARLIEST <= value <= LATEST else self.outside(value, where, problems)
        return self.wrong(value, where, problems, hint)

    def outside(self, value: datetime.date, where: Where, problems: Problems) -> Any:
        # Weeks, terms and events are counted on from these dates: near year 9999 that runs past
        # the last date Python keeps (an OverflowError); no induction programme is dated there.
        problems.add(
            "out-of-range",
            where.file,
            where.line,
            f"Expected a date from {EARLIEST.isoformat()} to {LATEST.isoformat()} for {where.what} "
            f"but found {value.isoformat()}.",
            "Check the year.",
        )
        return INVALID

    def schema(self) -> dict[str, Any]:
        # No "type": to editors (YAML 1.2) a date is text, to PyYAML (1.1) a date: the pattern holds for text.
        return {"pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$", "description": "a date, YYYY-MM-DD"}


@dataclass
class Time(Shape):
    """A time of day as HH:MM, 24-hour. Unquoted 16:00 is the number 960 to PyYAML (base 60): taken as such."""

    expected: str = "a time of day as HH:MM, 24-hour (like '16:00')"

    def check(self, value: Any, where: Where, problems: Problems) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
            return f"{value // 60:02d}:{value % 60:02d}"
        match = re.fullmatch(r"\s*([01]?\d|2[0-3]):([0-5]\d)\s*", value) if isinstance(value, str) else None
        if not match:
            return self.wrong(value, where, problems)
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def schema(self) -> dict[str, Any]:
        return {
            "type": ["string", "integer"],
            "pattern": r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*$",
            "description": "HH:MM in quotes, like '16:00'",
        }
