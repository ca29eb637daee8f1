"""Marks: Markdown, template and marker syntax in a line of visible text, which a reader should
never see (the renderer should have turned it into a heading, emphasis, a link, an image, a list,
a collapsed block, or expanded it).

Each pattern is kept narrow, so that prose is never taken for syntax: emphasis needs its double
marks closed around a word (a worksheet's blanks, `____ and ____`, are not emphasis), a link needs
its `](` joined, a list marker needs to open the line and be followed by a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (what it is, pattern); the first that matches a stretch of the line names it.
MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an image written in Markdown", re.compile(r"!\[[^\]\n]*\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")),
    ("a link written in Markdown", re.compile(r"\[[^\]\n]+\]\((?:[^)\s]+)(?:\s+\"[^\"]*\")?\)")),
    ("a reference link written in Markdown", re.compile(r"\[[^\]\n]+\]\[[^\]\n]*\]|^\[[^\]\n]+\]:\s*\S")),
    ("a Markdown heading", re.compile(r"^#{1,6}\s+\S.*")),
    (
        "bold or emphasis written in Markdown",
        re.compile(r"\*\*(?=[^*\s])[^*\n]*?(?<=[^*\s])\*\*|(?<!\w)__(?=[^_\s])[^_\n]*?(?<=[^_\s])__(?!\w)"),
    ),
    ("a template expression", re.compile(r"\{\{.*?\}\}|\{%.*?%\}")),
    ("an attribute list", re.compile(r"\{:[^}\n]*\}")),
    ("a disclosure marker", re.compile(r"\{\s*/?\s*(?:details|summary)\b[^}\n]*\}", re.IGNORECASE)),
    ("an admonition marker", re.compile(r"^(?:\?\?\?|!!!)\+?\s*[\w\"].*")),
    ("a list written in Markdown", re.compile(r"^[-*+]\s+\w.*|^\d{1,2}[.)]\s+\S.*\s\d{1,2}[.)]\s+\w.*")),
)
_SHOWN = 80  # the longest quote of the line in a message


@dataclass(frozen=True)
class Mark:
    kind: str  # what a reader sees, in words ("a Markdown heading")
    text: str  # the stretch of the line that shows it


def marks_in(line: str) -> list[Mark]:
    """The syntax shown in one line of visible text, at most one per kind."""
    found = []
    for kind, pattern in MARKS:
        match = pattern.search(line)
        if match and not (kind.startswith("a link") and _after_bang(line, match.start())):
            found.append(Mark(kind, quote(match.group())))
    return found


def _after_bang(line: str, start: int) -> bool:
    return start > 0 and line[start - 1] == "!"


def quote(text: str) -> str:
    """A stretch of text short enough for a message."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"
