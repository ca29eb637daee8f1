"""Source: reading content files as text and YAML that remembers where every value came from.

The first stage of the flow. YAML is composed into nodes (so every mapping, list and key keeps
its line) and converted into `YMap`/`YList`, plain dicts and lists with a `line` and per-key
lines. Duplicate keys, which PyYAML would silently collapse, are reported here.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from typing import Any

import yaml

from induction.core.problems import CATALOGUE, Problems, visible


class YMap(dict):
    """A mapping from YAML: `line` is where it starts, `lines[key]` where each key stands, and
    `text_lines[key]` where a text value's first line of text is (the line after `key: |`)."""

    line: int = 1
    lines: dict[str, int]
    text_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)

    def text_line(self, key: str) -> int:
        """The line of a text value's first line: what a problem inside the text counts from."""
        return getattr(self, "text_lines", {}).get(key, self.line_of(key))


class YList(list):
    """A list from YAML: `line` is where it starts, `lines[i]` where each item stands."""

    line: int = 1
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


# libyaml's composer when available (5-10x faster on large files); both give nodes with marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Limits that keep hostile input from exhausting memory, time or the stack.
MAX_BYTES = 2 * 1024 * 1024  # per content file
MAX_DEPTH = 100  # nesting of [ and { in YAML
MAX_VALUES = 200_000  # values a YAML document may expand to through aliases


class NotRegular(OSError):
    """A path that names something other than a regular file: `kind` says what ("a named pipe")."""

    def __init__(self, kind: str, linked: str = "") -> None:
        super().__init__(kind)
        self.kind, self.linked = kind, linked  # `linked`: the link's target when the path is a symbolic link


class TooLarge(OSError):
    """A file over the limit: `size` is what stat said, or None when it grew past the limit while read."""

    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_bounded(path: str, limit: int) -> bytes:
    """The bytes of the regular file at `path`, never more than `limit` of them.

    Anything else is refused before it is opened: opening a named pipe blocks until a writer
    comes, and a device such as /dev/zero never ends. The size is checked by stat and again by
    reading at most one byte past the limit, so a file that grows while read cannot exhaust memory.
    Raises FileNotFoundError, NotRegular, TooLarge or another OSError."""
    info = os.stat(path)  # follows a symbolic link: what matters is what would be read
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
        raise NotRegular(kind, os.path.realpath(path) if os.path.islink(path) else "")
    if info.st_size > limit:
        raise TooLarge(info.st_size)
    # O_NONBLOCK: should the path be swapped for a pipe after the stat, opening it still returns.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegular("not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(None)
    return data


def read_text(path: str, problems: Problems) -> str | None:
    """A file's text: UTF-8, byte-order mark dropped, line ends normalised; None if unreadable."""
    try:
        data = read_bounded(path, MAX_BYTES)
    except FileNotFoundError:
        problems.add("missing-file", path, 1, "The file is missing.")
        return None
    except NotRegular as error:
        what = f"a symbolic link to {error.kind} ({error.linked})" if error.linked else error.kind
        problems.add(
            "not-a-file",
            path,
            1,
            f"The path is {what}, not a regular file, so it was not read.",
            CATALOGUE["not-a-file"].fix,
        )
        return None
    except TooLarge as error:  # content is text written by hand: this is a slip, or an attack
        held = f"holds {error.size:,} bytes" if error.size is not None else "grew past the limit while it was read"
        problems.add(
            "file-too-large",
            path,
            1,
            f"The file {held}; a content file may hold at most {MAX_BYTES:,}.",
            "Split it, or move large material into a handout (assets.yaml).",
        )
        return None
    except OSError as error:
        problems.add("missing-file", path, 1, f"The file cannot be read: {error.strerror}.")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(
            "not-utf8", path, line, f"Byte 0x{data[error.start]:02x} is not UTF-8 text.", "Re-save the file as UTF-8."
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _syntax_error(error: yaml.MarkedYAMLError, text: str, path: str, problems: Problems, first_line: int) -> None:
    """A YAML syntax error, reported at the line a reader would correct."""
    mark = error.problem_mark or error.context_mark
    # An unclosed [, { or quote is only noticed lines later: point at where it was opened.
    unclosed = bool(error.context_mark and error.context and ("flow" in error.context or "quoted" in error.context))
    if unclosed:
        mark = error.context_mark
    line = (mark.line if mark else 0) + first_line
    what = (error.problem or "invalid YAML").strip()
    # libyaml's message does not name the tab ("cannot start any token"): look at the line itself.
    at = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
    tabbed = "\t" in at[: len(at) - len(at.lstrip())] or "tab" in str(error).lower()
    hint = (
        "Indent with spaces, not tabs."
        if tabbed
        else (
            "Close the bracket or quote opened on this line."
            if unclosed
            else "Check the indentation and punctuation on this line and the one before it."
        )
    )
    problems.add("yaml-syntax", path, line, f"YAML could not be read: {what}.", hint)


def _character_error(error: yaml.reader.ReaderError, text: str, path: str, problems: Problems, first_line: int) -> None:
    line = text.count("\n", 0, error.position) + first_line
    shown = visible(chr(error.character)) if isinstance(error.character, int) else repr(error.character)
    problems.add(
        "control-character",
        path,
        line,
        f"The file holds the character {shown}, which YAML does not allow, on this line.",
        "Delete it: YAML text may hold tabs and newlines but no other control character.",
    )


def parse_yaml(text: str, path: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text into YMap/YList/scalars; problems carry lines offset by `first_line`."""
    if _flow_depth(text) > MAX_DEPTH:  # libyaml crashes the process (not an exception) on very deep [[[...
        problems.add(
            "yaml-syntax",
            path,
            first_line,
            f"YAML could not be read: brackets are nested more than {MAX_DEPTH} deep.",
            "Content never nests this deep; check for stray [ or { characters.",
        )
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        _syntax_error(error, text, path, problems, first_line)
        return None
    except yaml.reader.ReaderError as error:  # a control character written as it is (not as an escape)
        _character_error(error, text, path, problems, first_line)
        return None
    except yaml.YAMLError as error:
        problems.add("yaml-syntax", path, first_line, f"YAML could not be read: {error}.")
        return None
    except RecursionError:
        problems.add("yaml-syntax", path, first_line, "YAML could not be read: it is nested too deeply.")
        return None
    if node is None:
        return None
    deep = _too_deep(node)
    if deep is not None:  # block style nests by indentation alone: converting it would exhaust the stack
        problems.add(
            "yaml-syntax",
            path,
            deep.start_mark.line + first_line,
            f"YAML could not be read: it is nested more than {MAX_DEPTH} deep here.",
            "Content never nests this deep; check the indentation.",
        )
        return None
    try:
        # Aliases of aliases ("billion laughs"); without an anchor (&name) there can be no alias.
        if "&" in text and _expanded_size(node, {}, set()) > MAX_VALUES:
            problems.add(
                "yaml-syntax",
                path,
                node.start_mark.line + first_line,
                f"YAML could not be read: its aliases expand to more than {MAX_VALUES:,} values.",
                "Write the values out instead of repeating aliases (*name).",
            )
            return None
        return _convert(node, path, problems, first_line - 1, set())
    except RecursionError:
        problems.add("yaml-syntax", path, first_line, "YAML could not be read: it is nested too deeply.")
        return None
    finally:
        _CONSTRUCTOR.constructed_objects.clear()  # it memoises by node: keep a long preview lean


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _flow_depth(text: str) -> int:
    """How deep [ and { nest (a cheap upper bound: brackets inside quotes count too)."""
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", text):  # loop over the brackets alone: most files have few
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    return deepest


def _too_deep(root: yaml.Node) -> yaml.Node | None:
    """The first node nested more than MAX_DEPTH deep (walked with a stack, each node once)."""
    stack, seen = [(root, 1)], set()
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:  # an alias: its node was walked where it was anchored
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return node
        if isinstance(node, yaml.MappingNode):
            stack += [(part, depth + 1) for pair in reversed(node.value) for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in reversed(node.value)]
    return None


def _expanded_size(node: yaml.Node, sizes: dict[int, int], active: set[int]) -> int:
    """How many values `node` stands for once every alias is expanded (memoised per node)."""
    if id(node) in sizes:
        return sizes[id(node)]
    if id(node) in active:  # a self-referring alias: reported by _convert
        return 1
    active.add(id(node))
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    total = 1
    for child in children:
        total += _expanded_size(child, sizes, active)
        if total > MAX_VALUES:
            break
    active.discard(id(node))
    sizes[id(node)] = total
    return total


def _convert(node: yaml.Node, path: str, problems: Problems, offset: int, active: set[int]) -> Any:
    line = node.start_mark.line + 1 + offset
    if id(node) in active:  # an alias that contains itself: YAML allows it, our content never needs it
        problems.add("yaml-syntax", path, line, "YAML could not be read: an alias refers to itself.")
        return None
    if isinstance(node, yaml.MappingNode):
        active.add(id(node))
        result = YMap()
        result.line, result.lines, result.text_lines = line, {}, {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key, (str, int, float, bool)) or key_node.tag == "tag:yaml.org,2002:merge":
                problems.add("wrong-type", path, key_line, "Expected a plain key but found a complex one.")
                continue
            key = str(key)
            if key in result:
                problems.add(
                    "duplicate-key",
                    path,
                    key_line,
                    f"The key '{key}' is given twice (first on line {result.lines[key]}).",
                    "Delete or merge one of them.",
                )
                continue
            result[key] = _convert(value_node, path, problems, offset, active)
            result.lines[key] = key_line
            if isinstance(value_node, yaml.ScalarNode):  # a block scalar's text starts below its indicator
                block = value_node.style in ("|", ">")
                result.text_lines[key] = value_node.start_mark.line + 1 + offset + block
        active.discard(id(node))
        return result
    if isinstance(node, yaml.SequenceNode):
        active.add(id(node))
        items = YList(_convert(item, path, problems, offset, active) for item in node.value)
        items.line = line
        items.lines = [item.start_mark.line + 1 + offset for item in node.value]
        active.discard(id(node))
        return items
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:  # scalars are resolved the safe way: no arbitrary objects
        return _CONSTRUCTOR.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError):
        return node.value


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


@dataclass
class Document:
    """A Markdown file split into its front matter and its body."""

    meta: Any
    body: str
    body_line: int  # the file line on which the body starts


def read_markdown(path: str, problems: Problems, text: str | None = None) -> Document | None:
    if text is None:
        text = read_text(path, problems)
    if text is None:
        return None
    match = _FRONT.match(text)
    if not match:
        if text.startswith("---"):
            problems.add(
                "yaml-syntax",
                path,
                1,
                "The front matter is not closed.",
                "End the front matter with a line holding only ---.",
            )
            return None
        return Document(None, text, 1)
    front = match.group(1) or ""
    before = len(problems.items)
    meta = parse_yaml(front, path, problems, first_line=2)
    if meta is None and len(problems.items) > before:
        return None  # the front matter could not be read (reported): not the same as having none
    body_line = text[: match.end()].count("\n") + 1
    return Document(meta, text[match.end() :], body_line)


def load_yaml_file(path: str, problems: Problems, text: str | None = None) -> Any:
    """The YAML file at `path` (or its `text`, already read), parsed; None if it cannot be read or is empty."""
    if text is None:
        text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add("empty-file", path, 1, "The file is empty.")
        return None
    return parse_yaml(text, path, problems)
