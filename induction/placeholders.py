"""Placeholders: text that `scaffold` wrote for the author to replace, reported until replaced.

Part of the check stage (load -> **check** -> render). The scaffold marks every placeholder with
`TODO:`, in YAML values, YAML comments and Markdown bodies alike, so one plain scan of the
content files finds them all, with their lines, whatever file they are in.
"""
from __future__ import annotations

import os

from .problems import Problems

MARKER = "TODO:"
SUFFIXES = (".yaml", ".yml", ".md")
HINT = "Replace the TODO text with your own (or delete the line if it is not needed)."


def placeholders_are_filled(root: str, problems: Problems) -> None:
    """Report every line of a content file under `root` that still holds the marker."""
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(SUFFIXES):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                continue  # unreadable files are reported by the loader
            for number, line in enumerate(lines, 1):
                if MARKER in line:
                    problems.add("placeholder", path, number, f"Placeholder text to fill in: {snippet(line)}.", HINT)


def snippet(line: str) -> str:
    """The placeholder as the author will recognise it: from the marker, quotes trimmed."""
    text = line[line.index(MARKER):].strip().rstrip("'\"").strip()
    return f"'{text}'" if len(text) <= 70 else f"'{text[:67]}...'"
