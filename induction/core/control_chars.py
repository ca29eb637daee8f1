"""Control characters: refused in content, absent from pages (check stage, and the page cleaner).

A NUL, an escape (ESC) or any other C0 or C1 control character (tab, newline and carriage return
aside) is nothing a reader can see, on a page or in a terminal: in a title it can recolour or
rewrite what a terminal prints (a failing validation shown as "No problems"), and in a page it is
at best dropped by the browser. Here: raw in a Markdown body. Text in YAML (a file or front matter),
where a double-quoted escape (`"\\e[32m"`, `"\\0"`) writes one, is refused by its shape
(shapes.controlled), with the field it is in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from induction.core.problems import Problems, visible

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Reported once per line, and at most this many lines per file: a binary file read as text is refused by its first.
MAX_LINES = 20


def described(character: str) -> str:
    """A control character as every message shows it: its escape (\\x1b), as problems.visible writes
    it and a double-quoted YAML string or Python would, never the character itself."""
    return visible(character)


def report(problems: Problems, path: str, line: int, character: str) -> None:
    problems.add(
        "control-character",
        path,
        line,
        f"The text holds the control character {described(character)}, which no reader can see.",
        "Delete it: retype the line in an ordinary editor (the character is invisible in most).",
    )


def control_characters_are_absent(texts: Mapping[str, str], problems: Problems) -> None:
    """Report each line of a Markdown file (`texts`: path to text) holding a control character.
    YAML files and front matter are not read here: the YAML reader refuses a raw control character,
    and shapes.controlled the escaped ones in each text field."""
    for path in sorted(texts):
        text = texts[path]
        if not path.endswith(".md") or not CONTROL.search(text):
            continue
        lines = text.split("\n")
        first = _body_start(lines)
        reported = 0
        for number, line in enumerate(lines[first:], first + 1):
            found = CONTROL.search(line)
            if found:
                report(problems, path, number, found.group())
                reported += 1
                if reported == MAX_LINES:
                    break


def _body_start(lines: list[str]) -> int:
    """The index of the first line after the front matter (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return index + 1
    return 0
