"""Citations on the real corpus: figures checked against an independent audit, and its citation
lines rewritten in many dresses give the same intentions.

The audit counts by other means than the importer: a code opening a line, item or cell (a plain
regex), or the statement's words found verbatim in the page's word stream (its text or a variant,
without its last word; or without its first and last, for "Use ..." quoting "Using ..."). Every
finding beyond the audit was read by hand when these figures were set: all quote their statement
(imperatives of its gerunds, the statement inside a sentence, typos such as "Designingpractice").

A mutation test over the three shared providers (../shared): every line where the importer finds
exactly one citation is rewritten (emphasis around the code or the text, no-break and narrow
no-break spaces, lower-case start, punctuation dropped or changed, the code moved after the text or
removed, other list markers, a table cell, ...), one rewrite per line cycling through the list, and
each page must then give exactly the statements it gave before: none lost, none added.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from conftest import CORPUS, FRAMEWORK

from induction.core.problems import Problems
from induction.importer.citations import best
from induction.importer.corpus import read_corpus
from induction.importer.intentions import intentions, logical_lines
from induction.load.framework import load_framework

pytestmark = pytest.mark.corpus  # skipped where the corpus is absent (conftest.py)

_LINE = re.compile(
    r"^(?P<mark>\s*(?:[-*+]\s+|\d+\.\s+)?)(?:(?P<code>\d{1,2}\.\d{1,2}|\d{1,2}[a-z])\.?\s+)?"
    r"(?P<text>[^|].*?)\s*$"
)

_AUDIT_CODE = re.compile(
    r"^[\s>#*_\-+|]*(?:\d+\.\s+)?[*_]*\(?(\d{1,2}\.\d{1,2}|\d{1,2}[a-z])\)?[*_]*[.:]?"
    r"[\s\u00a0\u202f]*[-–:]?\s*[*_]*([A-Za-z‘“'\"].*)$"
)
FOUND = {"ambition-institute": 313, "education-development-trust": 729, "ucl": 576}  # page-statement pairs
AUDITED = {"ambition-institute": 268, "education-development-trust": 703, "ucl": 560}

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


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "").replace("'", "")
    return " ".join(re.findall(r"[a-z0-9]+", text.replace("high-quality", "high quality")))


def _audit(body: str, framework) -> set[str]:
    found = set()
    for line in body.split("\n"):
        for cell in line.split("|") if "|" in line else [line]:
            match = _AUDIT_CODE.match(cell)
            if match and match.group(1) in framework.statements and len(match.group(2).split()) >= 3:
                found.add(match.group(1))
    stream = f" {_words(body)} "
    for statement in framework.statements.values():
        for form in (statement.text, *statement.variants):
            words = _words(form).split()
            keys = [" ".join(words[:-1]) if len(words) > 6 else " ".join(words)]
            keys += [" ".join(words[1:-1])] if len(words) >= 8 else []
            if any(f" {key} " in stream for key in keys):
                found.add(statement.id)
    return found


def test_citations_found_against_an_independent_audit(pages, framework):
    found: dict[str, set] = {slug: set() for slug in FOUND}
    audited: dict[str, set] = {slug: set() for slug in FOUND}
    for path, body in pages.items():
        slug = path.split("/", 1)[0]
        found[slug] |= {(path, f.statement) for f in intentions(body, framework)[0]}
        audited[slug] |= {(path, statement) for statement in _audit(body, framework)}
    assert {slug: len(pairs) for slug, pairs in found.items()} == FOUND
    assert {slug: len(pairs) for slug, pairs in audited.items()} == AUDITED
    for slug in FOUND:
        assert len(found[slug] & audited[slug]) / len(audited[slug]) >= 0.98, slug


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
