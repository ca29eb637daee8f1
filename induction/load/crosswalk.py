"""Crosswalk: a provider's map from the statements of one framework edition to another's.

Editions renumber (a statement inserted early shifts every code after it), so the same code means
a different statement in each, and no official statement-level map exists: the provider writes one,
crosswalks/<name>.yaml, as data. Each listed statement maps to one statement of the new edition, to
several, or to none (`to: []`); a statement left out is one nobody has mapped yet. Loading checks the
file against both frameworks; `induction.authoring.retarget` rewrites intentions with it and the side-by-side
page (render/editions.py) reads it.
"""

from __future__ import annotations

from typing import Any

from induction.core.model import Crosswalk, Framework, Loc
from induction.core.problems import Problems, did_you_mean
from induction.core.shapes import Id, Key, ListOf, Record, StatementId, Text, Where
from induction.core.source import YMap, load_yaml_file

CROSSWALK = Record(
    "the crosswalk",
    {
        "from": Key(Id(), True, "the id of the framework (edition) the intentions are written in"),
        "to": Key(Id(), True, "the id of the framework (edition) to rewrite them to"),
        "title": Key(Text(), doc="what the page and reports call this crosswalk"),
        "statements": Key(
            ListOf(
                Record(
                    "a mapping",
                    {
                        "from": Key(StatementId(), True, "a statement id of the 'from' edition"),
                        "to": Key(
                            ListOf(StatementId()),
                            True,
                            "its statement ids in the 'to' edition: one, several, or [] for none",
                        ),
                        "note": Key(Text(), doc="why, for the people who keep the crosswalk"),
                    },
                ),
                1,
            ),
            True,
        ),
    },
    doc="a crosswalk: the statements of one framework edition mapped to another's",
)


def load_crosswalk(
    path: str, frameworks: dict[str, Framework], problems: Problems, text: str | None = None
) -> Crosswalk | None:
    raw = load_yaml_file(path, problems, text)
    if raw is None:
        return None
    data: Any = CROSSWALK.check(raw, Where(path, 1, "the crosswalk"), problems)
    if not isinstance(data, YMap) or not {"from", "to", "statements"} <= set(data):
        return None
    ends = [_framework(data, key, frameworks, path, problems) for key in ("from", "to")]
    if data["from"] == data["to"]:
        problems.add(
            "crosswalk-mismatch",
            path,
            data.line_of("to"),
            f"The crosswalk maps the framework '{data['from']}' to itself.",
            "Name the edition the intentions are written in under 'from:' and the new one under 'to:'.",
        )
        return None
    mapping: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    for item in data["statements"]:
        if "from" not in item or "to" not in item:
            continue
        if _item_is_sound(item, ends[0], ends[1], lines, path, problems):
            mapping[item["from"]] = list(dict.fromkeys(item["to"]))
            lines[item["from"]] = item.line_of("from")
    return Crosswalk(data["from"], data["to"], mapping, lines, Loc(path, 1), data.get("title", ""))


def _framework(
    data: YMap, key: str, frameworks: dict[str, Framework], path: str, problems: Problems
) -> Framework | None:
    framework = frameworks.get(data[key])
    if framework is None:
        problems.add(
            "crosswalk-mismatch",
            path,
            data.line_of(key),
            f"The crosswalk's '{key}:' names the framework '{data[key]}', which is not in frameworks/.",
            did_you_mean(data[key], frameworks) or "Add the framework file to the frameworks/ folder.",
        )
    return framework


def _item_is_sound(
    item: YMap, source: Framework | None, target: Framework | None, lines: dict[str, int], path: str, problems: Problems
) -> bool:
    """Whether one mapping may be used: its statements exist in their editions, listed once."""
    sound = True
    if item["from"] in lines:
        problems.add(
            "crosswalk-mismatch",
            path,
            item.line_of("from"),
            f"The statement '{item['from']}' is mapped twice (first at line {lines[item['from']]}).",
            "Map each statement once: list all its counterparts in one 'to:'.",
        )
        sound = False
    if source is not None and item["from"] not in source.statements:
        problems.add(
            "crosswalk-mismatch",
            path,
            item.line_of("from"),
            f"The framework {source.id} has no statement '{item['from']}'.",
            did_you_mean(item["from"], source.statements),
        )
        sound = False
    for index, statement_id in enumerate(item["to"]):
        if target is not None and statement_id not in target.statements:
            problems.add(
                "crosswalk-mismatch",
                path,
                item["to"].line_of(index),
                f"The framework {target.id} has no statement '{statement_id}'.",
                did_you_mean(statement_id, target.statements),
            )
            sound = False
    return sound and source is not None and target is not None


def find(crosswalks: list[Crosswalk], source: str, target: str) -> Crosswalk | None:
    return next((c for c in crosswalks if c.source == source and c.target == target), None)
