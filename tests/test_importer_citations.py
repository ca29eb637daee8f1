"""Citations on the real corpus: its citation lines rewritten in many dresses give the same intentions.

A mutation test over the three shared providers (../shared): every line where the importer finds
exactly one citation is rewritten (emphasis around the code or the text, no-break and narrow
no-break spaces, lower-case start, punctuation dropped or changed, the code moved after the text or
removed, other list markers, a table cell, ...), one rewrite per line cycling through the list, and
each page must then give exactly the statements it gave before: none lost, none added.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from conftest import FRAMEWORK, SHARED

from induction.framework import load_framework
from induction.importer.citations import best
from induction.importer.corpus import read_corpus
from induction.importer.intentions import intentions, logical_lines
from induction.problems import Problems

CORPUS = SHARED / "corpus" / "dfe-support-for-ects" / "content"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared DfE corpus is not at {CORPUS}")

_LINE = re.compile(r"^(?P<mark>\s*(?:[-*+]\s+|\d+\.\s+)?)(?:(?P<code>\d{1,2}\.\d{1,2}|\d{1,2}[a-z])\.?\s+)?"
                   r"(?P<text>[^|].*?)\s*$")

Rewrite = Callable[[str, str, str], str]  # (marker, code, text) -> line
_REWRITES: list[tuple[str, Rewrite]] = [
    ("code in bold", lambda m, c, t: f"{m}**{c}** {t}"),
    ("code in italics, dot", lambda m, c, t: f"{m}*{c}.* {t}"),
    ("no-break space", lambda m, c, t: f"{m}{c}\u00a0{t}"),
    ("narrow no-break space", lambda m, c, t: f"{m}{c}.\u202f{t}"),
    ("lower-case start", lambda m, c, t: f"{m}{c} {t[:1].lower()}{t[1:]}"),
    ("code after, in brackets", lambda m, c, t: f"{m}{t} ({c})"),
    ("no code", lambda m, c, t: f"{m}{t}"),
    ("text in bold, no code", lambda m, c, t: f"{m}**{t}**"),
    ("punctuation dropped", lambda m, c, t: f"{m}{c} {re.sub(r'[,;:.’]', '', t)}"),
    ("straight quotes, dash", lambda m, c, t: f"{m}{c} – {t.replace('’', chr(39))}"),
    ("star list, colon", lambda m, c, t: f"* {c}: {t}"),
    ("numbered list", lambda m, c, t: f"1. {c} {t}"),
    ("table cell", lambda m, c, t: f"| {c} {t} |"),
    ("blockquote, upper case", lambda m, c, t: f"> {c} {t.upper()}"),
    ("spaces doubled", lambda m, c, t: f"{m}{c}  {t.replace(' ', '  ')}"),
]


@pytest.fixture(scope="module")
def framework():
    return load_framework(str(FRAMEWORK), Problems())


@pytest.fixture(scope="module")
def pages():
    corpus = read_corpus(str(CORPUS))
    return {p.path: p.body for provider in corpus.providers.values() for p in provider.pages.values()}


def _mutate(body: str, found: list, framework, shift: int) -> tuple[str, list[str]]:
    """`body` with each single-citation line rewritten; the names of the rewrites used."""
    lines = body.split("\n")
    starts = {number: text for number, text in logical_lines(body)}
    used = []
    for item in found:
        line = lines[item.line - 1]
        match = _LINE.match(line)
        if starts.get(item.line) != line or sum(f.line == item.line for f in found) != 1 or not match:
            continue
        text = match["text"]
        quoted = best(text, framework)
        if not (quoted and quoted.quotes and quoted.statement.id == item.statement):
            continue  # a paraphrase cited by its code alone: only its code can find it
        name, rewrite = _REWRITES[(item.line + shift) % len(_REWRITES)]
        lines[item.line - 1] = rewrite(match["mark"] or "- ", match["code"] or item.statement, text)
        used.append(name)
    return "\n".join(lines), used


def test_rewritten_citation_lines_give_the_same_intentions(pages, framework):
    used: list[str] = []
    for shift, (path, body) in enumerate(sorted(pages.items())):  # each page its own cycle of rewrites
        found = intentions(body, framework)[0]
        before = {f.statement for f in found}
        mutated, names = _mutate(body, found, framework, shift)
        after = {f.statement for f in intentions(mutated, framework)[0]}
        assert after == before, (path, sorted(before - after), sorted(after - before))
        used += names
    assert {name for name, _ in _REWRITES} <= set(used)
    assert len(used) > 800, len(used)
