"""Source: reading content files as text and YAML that remembers where every value came from.

The first stage of the flow. YAML is composed into nodes (so every mapping, list and key keeps
its line) and converted into `YMap`/`YList`, plain dicts and lists with a `line` and per-key
lines. Duplicate keys, which PyYAML would silently collapse, are reported here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .problems import Problems


class YMap(dict):
    """A mapping from YAML: `line` is where it starts, `lines[key]` where each key stands."""

    line: int = 1
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class YList(list):
    """A list from YAML: `line` is where it starts, `lines[i]` where each item stands."""

    line: int = 1
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


# libyaml's composer when available (5-10x faster on large files); both give nodes with marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: str, problems: Problems) -> str | None:
    """A file's text: UTF-8, byte-order mark dropped, line ends normalised; None if unreadable."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        problems.add("missing-file", path, 1, "The file is missing.")
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
        problems.add("not-utf8", path, line,
                     f"Byte 0x{data[error.start]:02x} is not UTF-8 text.",
                     "Re-save the file as UTF-8.")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, path: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML text into YMap/YList/scalars; problems carry lines offset by `first_line`."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        what = (error.problem or "invalid YAML").strip()
        hint = "Indent with spaces, not tabs." if "\t" in text and "tab" in str(error).lower() else (
            "Check the indentation and punctuation on this line and the one before it.")
        problems.add("yaml-syntax", path, line, f"YAML could not be read: {what}.", hint)
        return None
    except yaml.YAMLError as error:
        problems.add("yaml-syntax", path, first_line, f"YAML could not be read: {error}.")
        return None
    if node is None:
        return None
    try:
        return _convert(node, path, problems, first_line - 1, set())
    finally:
        _CONSTRUCTOR.constructed_objects.clear()  # it memoises by node: keep a long preview lean


def _convert(node: yaml.Node, path: str, problems: Problems, offset: int, active: set[int]) -> Any:
    line = node.start_mark.line + 1 + offset
    if id(node) in active:  # an alias that contains itself: YAML allows it, our content never needs it
        problems.add("yaml-syntax", path, line, "YAML could not be read: an alias refers to itself.")
        return None
    if isinstance(node, yaml.MappingNode):
        active.add(id(node))
        result = YMap()
        result.line, result.lines = line, {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key, (str, int, float, bool)) or key_node.tag == "tag:yaml.org,2002:merge":
                problems.add("wrong-type", path, key_line, "Expected a plain key but found a complex one.")
                continue
            key = str(key)
            if key in result:
                problems.add("duplicate-key", path, key_line,
                             f"The key '{key}' is given twice (first on line {result.lines[key]}).",
                             "Delete or merge one of them.")
                continue
            result[key] = _convert(value_node, path, problems, offset, active)
            result.lines[key] = key_line
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
            problems.add("yaml-syntax", path, 1, "The front matter is not closed.",
                         "End the front matter with a line holding only ---.")
            return None
        return Document(None, text, 1)
    front = match.group(1) or ""
    meta = parse_yaml(front, path, problems, first_line=2)
    body_line = text[: match.end()].count("\n") + 1
    return Document(meta, text[match.end():], body_line)


def load_yaml_file(path: str, problems: Problems) -> Any:
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add("empty-file", path, 1, "The file is empty.")
        return None
    return parse_yaml(text, path, problems)
