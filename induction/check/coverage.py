"""Coverage: which statements of a programme's framework its sessions cite, block by block.

Computed after placement (stage three of the flow) and read by four consumers that must agree:
the coverage check (`settings.coverage`), the coverage page, `scripts/coverage.py` and
`curriculum.json`. So the counting lives here, once.

A session counts once per statement, in the column where it is listed (its home): a `see:`
reference shows a session again elsewhere but does not teach the statement a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from induction.core.model import Framework, Programme, Standard, Statement
from induction.core.placement import ProgrammePlaces


@dataclass(frozen=True)
class Column:
    """A column of the matrix: a block, or the year-level pages of a year."""

    key: str  # the block id, or "year:<year id>" for year-level pages (ids cannot hold ':')
    label: str  # short, for a narrow header: "Y1 B2", "Y1"
    title: str  # in full: "How pupils learn (Autumn 2)"


@dataclass(frozen=True)
class StandardTally:
    standard: Standard
    covered: int  # statements cited by at least one session
    total: int  # statements in the standard
    sessions: dict[str, int]  # column key -> citations of the standard's statements by that column's sessions


@dataclass
class Coverage:
    programme: Programme
    framework: Framework
    columns: list[Column]
    counts: dict[str, dict[str, int]]  # statement id -> column key -> sessions citing it (absent when 0)

    def sessions(self, statement_id: str) -> int:
        """How many sessions of the programme cite the statement."""
        return sum(self.counts[statement_id].values())

    @property
    def covered(self) -> list[Statement]:
        return [s for s in self.framework.statements.values() if self.counts[s.id]]

    @property
    def uncovered(self) -> list[Statement]:
        return [s for s in self.framework.statements.values() if not self.counts[s.id]]

    def standards(self) -> list[StandardTally]:
        tallies = []
        for standard in self.framework.standards:
            sessions = {
                column.key: sum(self.counts[s.id].get(column.key, 0) for s in standard.statements)
                for column in self.columns
            }
            tallies.append(
                StandardTally(
                    standard,
                    sum(1 for s in standard.statements if self.counts[s.id]),
                    len(standard.statements),
                    sessions,
                )
            )
        return tallies

    def column_totals(self) -> dict[str, int]:
        return {column.key: sum(row.get(column.key, 0) for row in self.counts.values()) for column in self.columns}


def compute(programme: Programme, framework: Framework, places: ProgrammePlaces) -> Coverage:
    counts: dict[str, dict[str, int]] = {sid: {} for sid in framework.statements}
    for place in places.in_order():
        if programme.framework_for(place.block) != framework.id:
            continue  # a block on another edition: its codes are that edition's statements
        key = place.block.id if place.block is not None else f"year:{place.year.id}"
        for sid in dict.fromkeys(i.statement_id for i in place.session.intentions):
            if sid in counts:  # unknown ids are reported by the checks, not counted
                counts[sid][key] = counts[sid].get(key, 0) + 1
    used = {key for row in counts.values() for key in row}
    columns: list[Column] = []
    for year_number, year in enumerate(programme.years, 1):
        # A year's own pages come first in programme order; their column appears only when they cite something.
        if f"year:{year.id}" in used:
            columns.append(Column(f"year:{year.id}", f"Y{year_number}", f"{year.title}: pages for the whole year"))
        for block_number, block in enumerate(year.blocks, 1):
            if programme.framework_for(block) != framework.id:
                continue
            columns.append(Column(block.id, f"Y{year_number} B{block_number}", f"{block.title} ({block.term_label})"))
    return Coverage(programme, framework, columns, counts)


def report_data(cov: Coverage) -> dict[str, Any]:
    """The coverage as plain data: for `--format json` and for curriculum.json."""
    return {
        "programme": cov.programme.id,
        "framework": cov.framework.id,
        "covered": len(cov.covered),
        "total": len(cov.framework.statements),
        "standards": [
            {"number": t.standard.number, "title": t.standard.title, "covered": t.covered, "total": t.total}
            for t in cov.standards()
        ],
        "uncovered": [s.id for s in cov.uncovered],
    }


def report_text(cov: Coverage) -> str:
    """The coverage report a person reads in a terminal."""
    total = len(cov.framework.statements)
    lines = [f"{cov.programme.title} ({cov.programme.id}): coverage of {cov.framework.title} ({cov.framework.id})", ""]
    tallies = cov.standards()
    width = max(len(f"Standard {t.standard.number}: {t.standard.title}") for t in tallies)
    for t in tallies:
        name = f"Standard {t.standard.number}: {t.standard.title}"
        lines.append(f"{name:<{width}}  covered {t.covered:>3} of {t.total}")
    lines += ["", f"Covered {len(cov.covered)} of {total} statements."]
    uncovered = cov.uncovered
    if uncovered:
        lines += ["", f"Not covered ({len(uncovered)}):"]
        lines += [f"  {s.id:<6} {s.text}" for s in uncovered]
    else:
        lines.append("Every statement is cited by at least one session.")
    return "\n".join(lines) + "\n"
