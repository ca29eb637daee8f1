"""Framework: loading a framework file (standards and statements) into the model.

A framework is data, never code: any file in this shape works, whatever its numbering. One file is
one edition (ECF 2019, a later edition that renumbers): its id names the edition, so two editions
are two files, their pages live apart (frameworks/<id>/) and a crosswalk maps one to the other.
Beyond the shape, loading checks what the shape cannot: ids used once (and not only apart in
punctuation), standard numbers used once, a group's heading used once in its standard, no empty
standard, and a statement under the kind whose ids look like its own (kinds()).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from induction.core.model import Framework, Loc, Standard, Statement
from induction.core.problems import Problem, Problems
from induction.core.shapes import Int, Key, ListOf, Record, StatementId, Text, Where
from induction.core.source import YMap, load_yaml_file
from induction.core.urls import statement_slug

STATEMENT = Record(
    "a statement",
    {
        "id": Key(StatementId(), True),
        "text": Key(Text(), True),
        "variants": Key(ListOf(Text()), doc="other wordings seen in use"),
        "confidence": Key(Text()),
    },
)

FRAMEWORK = Record(
    "the framework",
    {
        "id": Key(Text(r"[a-z0-9]+(?:-[a-z0-9]+)*"), True),
        "title": Key(Text(), True),
        "edition": Key(Text(), doc="which edition this file is, as readers should see it: 'January 2019'"),
        "publisher": Key(Text()),
        "published": Key(Text()),
        "licence": Key(Text()),
        "attribution": Key(Text()),
        "id_scheme": Key(Record("the id scheme", {"learn_that": Key(Text()), "learn_how_to": Key(Text())})),
        "standards": Key(
            ListOf(
                Record(
                    "a standard",
                    {
                        "number": Key(Int(minimum=1), True),
                        "title": Key(Text(), True),
                        "teachers_standard": Key(Text()),
                        "learn_that": Key(ListOf(STATEMENT)),
                        "learn_how_to": Key(
                            ListOf(
                                Record(
                                    "a 'by:' group",
                                    {
                                        "heading": Key(Text(), True),
                                        "statements": Key(ListOf(STATEMENT, 1), True),
                                    },
                                )
                            )
                        ),
                    },
                ),
                1,
            ),
            True,
        ),
    },
    doc="a framework: standards and their statements",
)


def load_framework(path: str, problems: Problems, text: str | None = None) -> Framework | None:
    raw = load_yaml_file(path, problems, text)
    if raw is None:
        return None
    data: Any = FRAMEWORK.check(raw, Where(path, 1, "the framework"), problems)
    if not isinstance(data, dict) or "id" not in data or "standards" not in data:
        return None
    reader = _Reader(path, problems)
    numbers: dict[int, int] = {}  # standard number -> its line
    for raw_standard in data["standards"]:
        if "number" not in raw_standard or "title" not in raw_standard:
            continue
        number = raw_standard["number"]
        if number in numbers:
            problems.add(
                "duplicate-id",
                path,
                raw_standard.line_of("number"),
                f"Standard {number} is numbered twice in the framework (first at line {numbers[number]}).",
                "Number each standard once; put the statements of both under one of them.",
            )
            continue
        numbers[number] = raw_standard.line_of("number")
        reader.read_standard(raw_standard)
    kinds(reader.items, path, problems)
    return Framework(
        data["id"],
        data["title"],
        data.get("attribution", ""),
        reader.standards,
        reader.statements,
        Loc(path, 1),
        data.get("edition", ""),
        str(data.get("published", "")),
    )


class _Reader:
    """The standards and statements of one framework file, read in order, with their lines."""

    def __init__(self, path: str, problems: Problems) -> None:
        self.path, self.problems = path, problems
        self.statements: dict[str, Statement] = {}
        self.slugs: dict[str, str] = {}  # page name -> the statement id that has it
        self.standards: list[Standard] = []
        self.items: list[tuple[Statement, int]] = []  # each statement with its line, for kinds()

    def read_standard(self, raw: YMap) -> None:
        standard = Standard(raw["number"], raw["title"], raw.get("teachers_standard", ""))
        self.standards.append(standard)
        for item in raw.get("learn_that", []):
            self.add(standard, item, "learn_that")
        headings: dict[str, int] = {}
        for group in raw.get("learn_how_to", []):
            heading = group.get("heading", "")
            if heading and heading in headings:  # two groups of one heading read as one on every page
                self.problems.add(
                    "duplicate-id",
                    self.path,
                    group.line_of("heading"),
                    f"The 'by:' group '{heading}' appears twice in standard {standard.number} "
                    f"(first at line {headings[heading]}).",
                    "Put the statements of both under the first; a heading names one group.",
                )
            headings.setdefault(heading, group.line_of("heading"))
            for item in group.get("statements", []):
                self.add(standard, item, "learn_how_to", heading)
        if not standard.statements:
            self.problems.add(
                "empty-container",
                self.path,
                raw.line_of("number"),
                f"Standard {standard.number} has no statements.",
                "Add its statements under 'learn_that:' or 'learn_how_to:', or delete the standard.",
            )

    def add(self, standard: Standard, item: YMap, kind: str, heading: str = "") -> None:  # a checked Record
        if "id" not in item or "text" not in item:
            return
        path, problems = self.path, self.problems
        if item["id"] in self.statements:
            problems.add(
                "duplicate-id",
                path,
                item.line_of("id"),
                f"The statement id '{item['id']}' is used twice in the framework.",
            )
            return
        same_page = self.slugs.get(statement_slug(item["id"]))
        if same_page:  # '1.1' and '1-1' would write one page (frameworks/<id>/1-1.md) twice
            problems.add(
                "duplicate-id",
                path,
                item.line_of("id"),
                f"The statement ids '{same_page}' and '{item['id']}' would share the page "
                f"'{statement_slug(item['id'])}'.",
                "Give the statement an id that differs in its letters or digits, not only in punctuation.",
            )
            return
        if RESERVED.fullmatch(statement_slug(item["id"])):  # the framework's index, standard and editions pages
            problems.add(
                "reserved-id",
                path,
                item.line_of("id"),
                f"The statement id '{item['id']}' would give its page the address of the framework's "
                f"'{statement_slug(item['id'])}' page.",
                "Give the statement another id.",
            )
            return
        self.slugs[statement_slug(item["id"])] = item["id"]
        statement = Statement(
            item["id"],
            kind,
            item["text"].strip(),
            standard,
            heading,
            list(item.get("variants", [])),
            len(self.statements),
        )
        self.statements[statement.id] = statement
        standard.statements.append(statement)
        self.items.append((statement, item.line_of("id")))


RESERVED = re.compile(r"index|standard-\d+|beside-.*")  # slugs of the pages urls.py gives a framework's folder
KIND_WORDS = {"learn_that": "'learn that'", "learn_how_to": "'learn how to'"}


def id_form(statement_id: str) -> str:
    """An id's form, whatever its numbers: '2.6' and '10.12' -> '9.9'; '8f' -> '9a'; 'S1.a' -> 'a9.a'."""
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"[0-9]+", "9", statement_id))


def kinds(items: list[tuple[Statement, int]], path: str, problems: Problems) -> None:
    """A statement whose id has a form only the other kind's ids have sits under the wrong key
    (a 'learn how to' statement pasted under learn_that:): its pages would call it the wrong kind.
    Read from the file's own ids, so any numbering works; a form both kinds use says nothing."""
    forms: dict[str, dict[str, list[str]]] = {"learn_that": {}, "learn_how_to": {}}
    for statement, _ in items:
        forms[statement.kind].setdefault(id_form(statement.id), []).append(statement.id)
    for statement, line in items:
        form = id_form(statement.id)
        other = "learn_how_to" if statement.kind == "learn_that" else "learn_that"
        alike = forms[other].get(form, [])
        if len(forms[statement.kind][form]) == 1 and len(alike) >= 2:
            problems.add(
                "statement-kind",
                path,
                line,
                f"The statement '{statement.id}' is listed as {KIND_WORDS[statement.kind]} but its id "
                f"has the form of the {KIND_WORDS[other]} ids ({', '.join(alike[:2])}, ...).",
                f"Move it under '{other}:' in its standard, or give it an id of its kind.",
            )


# A live preview loads the content folder again on every save; an edition's file rarely changes.
KEPT = 64


@functools.lru_cache(maxsize=KEPT)
def read_framework(root: str, path: str, text: str) -> tuple[Framework | None, tuple[Problem, ...]]:
    """The framework the file at `path` holding `text` describes, and the problems found reading
    it (their files shown relative to `root`), kept by the text as load/session_file.py keeps a
    session. A Framework is compared by identity, so an unchanged file gives the same object to every
    load: what was rendered from it is known to be unchanged (render/kept.py)."""
    problems = Problems(root)
    return load_framework(path, problems, text), tuple(problems.items)
