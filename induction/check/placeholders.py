"""Placeholders: text that `scaffold` wrote for the author to replace, reported until replaced.

Part of the check stage (load -> **check** -> render). The scaffold marks every placeholder with
`TODO:`, in YAML values, YAML comments and Markdown bodies alike, so one plain scan of the
texts the loader read (`Site.texts`: every content file) finds them all, with their lines.
"""

from __future__ import annotations

from collections.abc import Mapping

from induction.core.problems import Problems

MARKER = "TODO:"
HINT = "Replace the TODO text with your own (or delete the line if it is not needed)."


def placeholders_are_filled(texts: Mapping[str, str], problems: Problems) -> None:
    """Report every line of a content file (`texts`: path to text) that still holds the marker."""
    for path in sorted(texts):
        if MARKER not in texts[path]:
            continue
        for number, line in enumerate(texts[path].split("\n"), 1):
            if MARKER in line:
                problems.add("placeholder", path, number, f"Placeholder text to fill in: {snippet(line)}.", HINT)


def snippet(line: str) -> str:
    """The placeholder as the author will recognise it: from the marker, quotes trimmed."""
    text = line[line.index(MARKER) :].strip().rstrip("'\"").strip()
    return f"'{text}'" if len(text) <= 70 else f"'{text[:67]}...'"
