"""Page meta: a Markdown page's front matter split from its body, by MkDocs' rule.

A copy of mkdocs.utils.meta.get_data (the core never imports MkDocs), which the export needs to
run a page's macros on the body that mkdocs-macros would see. tests/test_export.py checks the
copy against the library on every hand-written page and on generated variations.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


def split(text: str) -> tuple[str, dict[str, Any], str]:
    """(the front matter as written, its data, the body MkDocs renders); head + body is the page
    (with its line endings made \\n when the page has MultiMarkdown-style meta)."""
    body, data = _get_data(text)
    whole = text if text.endswith(body) else text.replace("\r\n", "\n").replace("\r", "\n")
    return whole[:len(whole) - len(body)], data, body


def _get_data(doc: str) -> tuple[str, dict[str, Any]]:
    match = _YAML.match(doc)
    if match:  # YAML between --- lines; anything but a mapping there is no meta at all
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            return doc, {}
        if not isinstance(data, dict):
            return doc, {}
        return doc[match.end():].lstrip("\n"), data
    return _multimarkdown(doc)


def _multimarkdown(doc: str) -> tuple[str, dict[str, Any]]:
    """`key: value` lines at the top, continued by indented lines, up to the first blank line."""
    lines = doc.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, Any] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        first = _META.match(line)
        if first:
            key = first.group("key").lower().strip()
            value = first.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
            continue
        more = _META_MORE.match(line)
        if more and key:
            data[key] += " " + more.group("value").strip()
            continue
        lines.insert(0, line)
        break
    return "\n".join(lines).lstrip("\n"), data
