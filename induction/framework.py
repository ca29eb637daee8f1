"""Framework: loading a framework file (standards and statements) into the model.

A framework is data, never code: any file in this shape works, whatever its numbering.
"""
from __future__ import annotations

from typing import Any

from .model import Framework, Loc, Standard, Statement
from .problems import Problems
from .shapes import Int, Key, ListOf, Record, StatementId, Text, Where
from .source import YMap, load_yaml_file
from .urls import statement_slug

STATEMENT = Record("a statement", {
    "id": Key(StatementId(), True),
    "text": Key(Text(), True),
    "variants": Key(ListOf(Text()), doc="other wordings seen in use"),
    "confidence": Key(Text()),
})

FRAMEWORK = Record("the framework", {
    "id": Key(Text(r"[a-z0-9]+(?:-[a-z0-9]+)*"), True),
    "title": Key(Text(), True),
    "publisher": Key(Text()),
    "published": Key(Text()),
    "licence": Key(Text()),
    "attribution": Key(Text()),
    "id_scheme": Key(Record("the id scheme", {"learn_that": Key(Text()), "learn_how_to": Key(Text())})),
    "standards": Key(ListOf(Record("a standard", {
        "number": Key(Int(minimum=1), True),
        "title": Key(Text(), True),
        "teachers_standard": Key(Text()),
        "learn_that": Key(ListOf(STATEMENT)),
        "learn_how_to": Key(ListOf(Record("a 'by:' group", {
            "heading": Key(Text(), True),
            "statements": Key(ListOf(STATEMENT), True),
        }))),
    }), 1), True),
}, doc="a framework: standards and their statements")


def load_framework(path: str, problems: Problems, text: str | None = None) -> Framework | None:
    raw = load_yaml_file(path, problems, text)
    if raw is None:
        return None
    data: Any = FRAMEWORK.check(raw, Where(path, 1, "the framework"), problems)
    if not isinstance(data, dict) or "id" not in data or "standards" not in data:
        return None
    statements: dict[str, Statement] = {}
    slugs: dict[str, str] = {}  # page name -> the statement id that has it
    standards: list[Standard] = []

    def add(standard: Standard, item: YMap, kind: str, heading: str = "") -> None:  # a checked Record
        if "id" not in item or "text" not in item:
            return
        if item["id"] in statements:
            problems.add("duplicate-id", path, item.line_of("id"),
                         f"The statement id '{item['id']}' is used twice in the framework.")
            return
        same_page = slugs.get(statement_slug(item["id"]))
        if same_page:  # '1.1' and '1-1' would write one page (frameworks/<id>/1-1.md) twice
            problems.add("duplicate-id", path, item.line_of("id"),
                         f"The statement ids '{same_page}' and '{item['id']}' would share the page "
                         f"'{statement_slug(item['id'])}'.", "Give the statement an id that differs in its letters "
                         "or digits, not only in punctuation.")
            return
        slugs[statement_slug(item["id"])] = item["id"]
        statement = Statement(item["id"], kind, item["text"].strip(), standard, heading,
                              list(item.get("variants", [])), len(statements))
        statements[statement.id] = statement
        standard.statements.append(statement)

    for raw_standard in data["standards"]:
        if "number" not in raw_standard or "title" not in raw_standard:
            continue
        standard = Standard(raw_standard["number"], raw_standard["title"], raw_standard.get("teachers_standard", ""))
        standards.append(standard)
        for item in raw_standard.get("learn_that", []):
            add(standard, item, "learn_that")
        for group in raw_standard.get("learn_how_to", []):
            for item in group.get("statements", []):
                add(standard, item, "learn_how_to", group.get("heading", ""))
    return Framework(data["id"], data["title"], data.get("attribution", ""),
                     standards, statements, Loc(path, 1))
