"""Cells: the list syntax a Markdown table or paragraph shows as text, written so it reads as a list.

Part of import stage three (`repairs` applies these with the other markup repairs). Three causes,
each a convention of exported pages rather than of one page:

- A pipe table cannot hold a block, so an exporter writes a cell's list on one line
  ("- Personalise feedback. - Provide feedback."); Python-Markdown shows the dashes as text. The
  items become an HTML `<ul>`/`<ol>` inside the cell: a reader scanning a table of strategies wants
  the items one under another, as the author wrote them, and `<br>` would keep the dashes or lose
  the list's meaning for a screen reader. The table stays Markdown (the items' own Markdown is
  still read), and the tags are the allow-listed ones any page may use.
- Python-Markdown does not let a list interrupt a paragraph ("You can share this:" followed by
  "- item" on the next line is one paragraph); the list gets the blank line it needs.
- An exporter that escapes the asterisks of bold (`\\*\\*words\\*\\*`) leaves them shown as text;
  a pair of escaped delimiters around words is written as the bold it was.
"""

from __future__ import annotations

import re

from induction.body.fences import fenced_lines

_SEPARATOR_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_BULLET = re.compile(r"^([-*+])[ \t]+(\S)")
_NUMBER = re.compile(r"^(\d{1,3})([.)])[ \t]+(\S)")
# a list item as Python-Markdown reads one (an ordered item's number ends in '.', never ')')
_ITEM_LINE = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}\.)[ \t]+\S")
_RULE_LINE = re.compile(r"^[ \t]*[-*_=+][-*_=+ \t]*$")  # a thematic break or a setext underline
# both delimiters escaped, words between (never a run of escaped asterisks, a worksheet's rule or blank)
_ESCAPED_BOLD = re.compile(r"(?<![\\*])\\\*\\\*[ \t]*([^*\n\\](?:[^*\n\\]*?[^*\s\\])?)[ \t]*\\\*\\\*(?!\\?\*)")


def _bullet_items(cell: str, marker: str) -> list[str]:
    """A cell's items split where the marker recurs between spaces; when the items open with a
    capital, not before a lowercase word (a dash used as punctuation, "material - tell them",
    stays in its item)."""
    first = _BULLET.match(cell)
    assert first
    follows = r"(?![a-z])" if first.group(2).isupper() else ""
    split = re.compile(rf"[ \t]+{re.escape(marker)}[ \t]+{follows}(?=\S)")
    return [item.strip() for item in split.split(cell[first.end(2) - 1 :])]


def _numbered_items(cell: str) -> list[str]:
    """A cell's items split where the next number in sequence recurs ("1. a 2. b 3. c")."""
    first = _NUMBER.match(cell)
    assert first
    number, mark = int(first.group(1)), first.group(2)
    items: list[str] = []
    rest = cell[first.end(3) - 1 :]
    while True:
        number += 1
        after = re.search(rf"[ \t]+{number}{re.escape(mark)}[ \t]+(?=\S)", rest)
        if not after:
            return items + [rest.strip()]
        items.append(rest[: after.start()].strip())
        rest = rest[after.end() :]


def list_cell(cell: str) -> str | None:
    """A table cell's text that opens with a list marker, written as an HTML list (None if not)."""
    text = cell.strip()
    bullet, number = _BULLET.match(text), _NUMBER.match(text)
    if bullet:
        items, tag, start = _bullet_items(text, bullet.group(1)), "ul", ""
    elif number:
        items, tag = _numbered_items(text), "ol"
        start = "" if number.group(1) == "1" else f' start="{int(number.group(1))}"'
    else:
        return None
    return f"<{tag}{start}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def _row(line: str) -> tuple[str, bool]:
    """A table row with each list cell written as an HTML list; whether any was."""
    borders = [m.start() for m in _CELL_BORDER.finditer(line)]
    out, changed, last = [], False, 0
    for start, end in zip(borders, borders[1:], strict=False):
        listed = list_cell(line[start + 1 : end])
        out.append(line[last : start + 1])
        out.append(line[start + 1 : end] if listed is None else f" {listed} ")
        changed |= listed is not None
        last = end
    out.append(line[last:])
    return "".join(out), changed


def list_cells(body: str) -> tuple[str, list[int]]:
    """In every pipe table (a header row, then a separator row), each cell whose text opens with a
    list marker becomes an HTML list; the lines changed."""
    lines, changed = body.split("\n"), []
    fenced = fenced_lines(body)
    in_table = False
    for index, line in enumerate(lines):
        if not line.strip() or "|" not in line:
            in_table = False
            continue
        if _SEPARATOR_ROW.match(line) and index and "|" in lines[index - 1]:
            in_table = not _inside(fenced, index)
            continue
        if in_table and line.lstrip().startswith("|"):
            lines[index], done = _row(line)
            if done:
                changed.append(index + 1)
    return "\n".join(lines), changed


def _inside(fenced: list[bool], index: int) -> bool:
    return index < len(fenced) and fenced[index]


def _paragraph_line(line: str) -> bool:
    """A line of a paragraph's text: not blank, indented (continuation), a list item, a heading,
    a table row, a quote, raw HTML or a marker line."""
    return (
        bool(line.strip())
        and not line[:1].isspace()
        and not _ITEM_LINE.match(line)
        and not _RULE_LINE.match(line)
        and line[:1] not in {"#", "|", ">", "<", "{", "`", "~", "!"}
    )


def separate_lists(body: str) -> tuple[str, list[int]]:
    """A list that follows a paragraph line with no blank line gets one (Python-Markdown does not
    let a list interrupt a paragraph); the lines (of the input) of the items that opened one."""
    lines, fenced = body.split("\n"), fenced_lines(body)
    out: list[str] = []
    opened: list[int] = []
    chunk_start = 0  # the first line of the current block of non-blank lines
    for index, line in enumerate(lines):
        if not line.strip():
            chunk_start = index + 1
        elif (
            index
            and _ITEM_LINE.match(line)
            and _paragraph_line(lines[index - 1])
            and _paragraph_line(lines[chunk_start])
            and not _inside(fenced, index)
        ):
            out.append("")
            opened.append(index + 1)
            chunk_start = index
        out.append(line)
    return "\n".join(out), opened


def unescape_bold(body: str) -> tuple[str, list[int]]:
    """`\\*\\*words\\*\\*` written as the bold it was; the lines changed."""
    found: list[int] = []

    def bold(match: re.Match) -> str:
        found.append(body.count("\n", 0, match.start()) + 1)
        return f"**{match.group(1)}**"

    return _ESCAPED_BOLD.sub(bold, body), found
