"""Lenses: a session's examples for each phase, setting or subject (check and render stages).

A programme declares its phases and subjects in programme.yaml (`phases:`, `subjects:`, each an id
and a label); any session body may then carry examples for some of them, each a section under a
heading marked with a class: `### In a Reception class {: .example-early-years }`. The section runs
to the next heading of the same or a higher level, as the page's outline reads it; examples whose
sections follow one another make one set. A class is what attr_list lets authors write (sanitiser's
ATTR_LIST_KEYS), and a heading with a class is still a heading anywhere Python-Markdown renders it.

Headings are the renderer's (induction/body/headings.py), so an example is found where the site will
see a heading and nowhere else. On the page (render/examples.py) each set becomes a `<div data-ect-examples>` of
`<details open>`, one per example and labelled with its phase or subject: without JavaScript every
example shows, labelled; docs/javascripts/lens.js puts the reader's own first and folds the others,
and search indexes them all since their text is in the page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from induction.body.headings import headings
from induction.core.model import Programme, Session
from induction.core.placement import Place, ProgrammePlaces
from induction.core.problems import Problems, did_you_mean

_CLASS = re.compile(r"(?:^|[\s{:])\.example-([A-Za-z0-9][A-Za-z0-9_-]*)")


@dataclass(frozen=True)
class Example:
    lens_id: str
    title: str  # the heading's words
    level: int
    line: int  # the heading's first line in the body (from 1)
    end: int  # the line after the section's last (from 1; one past the body at its end)


def example_sets(body: str) -> list[list[Example]]:
    """The body's examples, in sets of those that follow one another, in order."""
    found = headings(body)
    count = len(body.splitlines()) + 1
    sets: list[list[Example]] = []
    for index, heading in enumerate(found):
        match = _CLASS.search(heading.attrs) if heading.attrs else None
        if match is None:
            continue
        end = next((h.line for h in found[index + 1 :] if h.level <= heading.level), count)
        example = Example(match.group(1), heading.text, heading.level, heading.line, end)
        if sets and sets[-1][-1].end == example.line and sets[-1][-1].level == example.level:
            sets[-1].append(example)
        else:
            sets.append([example])
    return sets


def examples_are_declared(programme: Programme, session: Session, problems: Problems) -> None:
    """Each example names a phase or subject the programme declares, once in its set."""
    if "example-" not in session.body:
        return
    labels = {lens.id: lens.label for lens in programme.lenses}
    for examples in example_sets(session.body):
        seen: dict[str, int] = {}
        for example in examples:
            line = session.body_line + example.line - 1
            if example.lens_id not in labels:
                _unknown(example.lens_id, list(labels), session.loc.file, line, problems)
            elif example.lens_id in seen:
                problems.add(
                    "duplicate-example",
                    session.loc.file,
                    line,
                    f"A second example for '{labels[example.lens_id]}' in one set of examples "
                    f"(the first is at line {seen[example.lens_id]}).",
                    "Merge the two, or give one to another phase or subject.",
                )
            seen.setdefault(example.lens_id, line)


def _unknown(lens_id: str, declared: list[str], file: str, line: int, problems: Problems) -> None:
    if not declared:
        problems.add(
            "unknown-example",
            file,
            line,
            f"The example is for '{lens_id}', but the programme declares no phases or subjects.",
            f"Declare it in programme.yaml (phases: - id: {lens_id}, label: ...), or remove the "
            f"class .example-{lens_id}.",
        )
        return
    problems.add(
        "unknown-example",
        file,
        line,
        f"The example is for '{lens_id}', which the programme does not declare (its phases and "
        f"subjects: {', '.join(declared)}).",
        did_you_mean(lens_id, declared) or "Declare it under phases: or subjects: in programme.yaml.",
    )


def lens_options(programme: Programme) -> str:
    """The programme's lenses as the reader chooses from them (lens.js reads this attribute)."""
    return json.dumps(
        [{"id": lens.id, "label": lens.label, "group": lens.group} for lens in programme.lenses],
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass(frozen=True)
class Gaps:
    """What one session's examples cover: the lenses it has, and the declared phases it lacks."""

    place: Place
    have: list[str]  # lens ids, in the programme's order
    missing: list[str]  # phase ids, in the programme's order


def example_gaps(programme: Programme, places: ProgrammePlaces) -> tuple[list[Gaps], list[Place]]:
    """Sessions with examples and the phases each has none for; then the sessions with none at all
    (ECT steps and mentor plans, where examples are usually written), in programme order."""
    phases = [lens.id for lens in programme.lenses if lens.group == "phase"]
    order = [lens.id for lens in programme.lenses]
    with_examples, without = [], []
    for place in places.in_order():
        found = (
            {e.lens_id for examples in example_sets(place.session.body) for e in examples}
            if "example-" in place.session.body
            else set()
        )
        if found:
            with_examples.append(Gaps(place, [i for i in order if i in found], [i for i in phases if i not in found]))
        elif place.session.role == "ect" or place.session.is_mentor_plan:
            without.append(place)
    return with_examples, without
