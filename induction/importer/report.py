"""Report: what an import did, per provider: counts of everything imported and every defect found.

Last stage of the import. Written as Markdown (for people) and JSON (for tools), both sorted so
that two runs over the same input write the same bytes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from induction.core.problems import CATALOGUE


@dataclass(frozen=True, order=True)
class Defect:
    """A finding of the import: a code of the one catalogue (`problems.IMPORT_CODES`), where, and
    what the importer did about it."""

    file: str  # source file, relative to the source content folder
    line: int
    kind: str  # the problem code
    message: str
    action: str  # what the importer did about it

    def __post_init__(self) -> None:
        if self.kind not in CATALOGUE:  # a programming slip, as for Problem: fail loudly in tests
            raise ValueError(f"unknown problem code {self.kind!r}")


@dataclass
class Placed:
    """A learning intention the importer recorded: where it came from, how it was found, how sure."""

    file: str
    line: int
    session: str
    statement: str
    method: str  # "code" (a cited code) or "text" (an uncoded bullet matched to a statement's text)
    confidence: float


@dataclass
class ProviderReport:
    slug: str
    counts: Counter = field(default_factory=Counter)
    defects: list[Defect] = field(default_factory=list)
    intentions: list[Placed] = field(default_factory=list)
    # The reader's-eye check of the built output: pages with a finding, per code; None: not run.
    reading: dict[str, int] | None = None

    def add(self, file: str, line: int, kind: str, message: str, action: str) -> None:
        self.defects.append(Defect(file, line, kind, message, action))


def to_json(reports: list[ProviderReport], files: list[str] | None = None) -> str:
    """The report for tools; `files` (every file the import wrote) lets the next import check that
    it replaces nothing else."""
    data: dict = {
        "providers": [
            {
                "provider": r.slug,
                "counts": dict(sorted(r.counts.items())),
                "defects_by_kind": dict(sorted(Counter(d.kind for d in r.defects).items())),
                "defects": [asdict(d) for d in sorted(set(r.defects))],
                "intentions": [asdict(p) for p in sorted(r.intentions, key=lambda p: (p.file, p.line, p.statement))],
                **({"reading": r.reading} if r.reading is not None else {}),
            }
            for r in reports
        ]
    }
    if files is not None:
        data["files"] = files
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def to_markdown(reports: list[ProviderReport]) -> str:
    out = ["# Import report", ""]
    for r in reports:
        out += [f"## {r.slug}", "", "| what | count |", "| --- | ---: |"]
        out += [f"| {key} | {value} |" for key, value in sorted(r.counts.items())]
        kinds = Counter(d.kind for d in r.defects)
        out += [
            "",
            "### Defects by kind",
            "",
            "| kind | count | what it means | what to do |",
            "| --- | ---: | --- | --- |",
        ]
        out += [
            f"| {kind} | {count} | {_cell(CATALOGUE[kind].meaning)} | {_cell(CATALOGUE[kind].fix)} |"
            for kind, count in sorted(kinds.items())
        ]
        if r.reading is not None:
            out += [
                "",
                "### What a reader sees on the built pages",
                "",
                "| finding | pages | what it means |",
                "| --- | ---: | --- |",
            ]
            out += [
                f"| {code} | {count} | {_cell(CATALOGUE[code].meaning) if code in CATALOGUE else ''} |"
                for code, count in sorted(r.reading.items())
            ] or ["| none | 0 | |"]
        methods = Counter(p.method for p in r.intentions)
        out += ["", "### Learning intentions placed", ""]
        out += [f"- {method}: {count}" for method, count in sorted(methods.items())]
        out += ["", "### Every defect", ""]
        for d in sorted(set(r.defects)):
            out.append(f"- `{d.file}:{d.line}` **{d.kind}**: {d.message} Action: {d.action}.")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
