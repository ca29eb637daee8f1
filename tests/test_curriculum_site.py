"""The built sample against its own curriculum.json (issue 3's "done when"): every intention links to a
statement page, every statement page links back to its sessions, and the coverage matrix's counts are
the counts computed from curriculum.json alone."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT
from html_support import links, matrix_rows, target


@pytest.fixture(scope="module")
def data(sample_site: Path) -> dict:
    return json.loads((sample_site / "curriculum.json").read_text(encoding="utf-8"))


def page(site: Path, url: str) -> Path:
    return site / url / "index.html"


def of_edition(data: dict, framework: str) -> list[dict]:
    """The statements of one framework edition (two editions may both have a '6.2', each its own)."""
    return [s for s in data["statements"] if s["framework"] == framework]


def test_every_intention_links_to_its_statement_page_and_that_page_exists(sample_site, data):
    statements = {(s["framework"], s["id"]): s for s in data["statements"]}
    with_intentions = [s for s in data["sessions"] if s["intentions"]]
    assert len(with_intentions) > 50
    for session in with_intentions:  # each cites the statements of its own edition
        here = page(sample_site, session["url"])
        linked = {target(sample_site, here, link.href) for link in links(here) if "ect-statement-id" in link.classes}
        expected = {page(sample_site, statements[session["framework"], sid]["url"]) for sid in session["intentions"]}
        assert linked == expected, session["id"]
        assert all(file.is_file() for file in linked), session["id"]


def test_every_intention_link_reads_as_its_statement_id(sample_site, data):
    session = next(s for s in data["sessions"] if len(s["intentions"]) > 1)
    here = page(sample_site, session["url"])
    texts = [link.text for link in links(here) if "ect-statement-id" in link.classes]
    assert sorted(texts) == sorted(f"Statement {sid}" for sid in session["intentions"])


def test_every_statement_page_links_back_to_every_session_that_cites_it(sample_site, data):
    sessions = {s["id"]: s for s in data["sessions"]}
    cited = [s for s in data["statements"] if s["sessions"]]
    assert len(cited) > 100
    for statement in cited:
        here = page(sample_site, statement["url"])
        linked = [target(sample_site, here, link.href) for link in links(here)]
        expected = [page(sample_site, sessions[sid]["url"]) for sid in statement["sessions"]]
        assert [file for file in linked if file in expected] == expected, statement["id"]  # all, in programme order


def test_statement_pages_and_sessions_agree_both_ways(data):
    cites = {(s["framework"], sid, s["id"]) for s in data["sessions"] for sid in s["intentions"]}
    cited_by = {(st["framework"], st["id"], sid) for st in data["statements"] for sid in st["sessions"]}
    assert cites == cited_by


def expected_matrix(data: dict, programme: dict) -> tuple[list[str], dict[str, Counter]]:
    """Column headers and statement id -> column -> sessions, from curriculum.json alone."""
    column_of, headers, year_columns = {}, [], {}
    for y, year in enumerate(programme["years"], 1):
        year_columns[year["id"]] = (f"Y{y}", f"Y{y}Year {y}")
        for b, block in enumerate(year["blocks"], 1):
            column_of[block["id"]] = f"Y{y} B{b}"
    edition = programme["coverage"]["framework"]  # the page counts the programme's own edition
    block_edition = {s["block"]: s["framework"] for s in data["sessions"] if s["programme"] == programme["id"]}
    counts: dict[str, Counter] = {s["id"]: Counter() for s in of_edition(data, edition)}
    for session in data["sessions"]:
        if session["programme"] != programme["id"] or session["framework"] != edition:
            continue
        column = column_of[session["block"]] if session["block"] else year_columns[session["year"]][0]
        for sid in session["intentions"]:
            counts[sid][column] += 1
    used = {column for row in counts.values() for column in row}
    for y, year in enumerate(programme["years"], 1):
        label, header = year_columns[year["id"]]
        if label in used:
            headers.append((label, header))
        headers += [
            (f"Y{y} B{b}", f"Y{y} B{b}Year {y} block {b}")
            for b, block in enumerate(year["blocks"], 1)
            if block_edition.get(block["id"], edition) == edition
        ]  # a block on another edition: its page
    return headers, counts


def test_the_matrix_counts_are_the_counts_of_curriculum_json(sample_site, data):
    programme = data["programmes"][0]
    columns, counts = expected_matrix(data, programme)
    rows = matrix_rows(sample_site / programme["coverage"]["url"] / "index.html")
    assert rows[0] == ["Statement"] + [header for _, header in columns] + ["All blocks"]
    statement_rows = {row[0].split()[1]: row[1:] for row in rows if row[0].startswith("Statement ")}
    assert list(statement_rows) == [s["id"] for s in of_edition(data, programme["coverage"]["framework"])]
    for sid, cells in statement_rows.items():
        expected = [str(counts[sid][label]) if counts[sid][label] else "0" for label, _ in columns]
        assert cells == expected + [str(sum(counts[sid].values()))], sid
    covered = sum(1 for row in counts.values() if row)
    totals = [str(sum(row[label] for row in counts.values())) for label, _ in columns]
    assert rows[-1] == [f"All standards: covered {covered} of {len(counts)}"] + totals + [
        str(sum(sum(row.values()) for row in counts.values()))
    ]
    assert (programme["coverage"]["covered"], programme["coverage"]["total"]) == (covered, len(counts))


def test_the_matrix_totals_each_standard(sample_site, data):
    programme = data["programmes"][0]
    _, counts = expected_matrix(data, programme)
    rows = matrix_rows(sample_site / programme["coverage"]["url"] / "index.html")
    subtotals = [row[0] for row in rows if row[0].startswith("Standard ") and "covered" in row[0]]
    expected = []
    edition = of_edition(data, programme["coverage"]["framework"])
    for standard in sorted({s["standard"] for s in edition}):
        ids = [s["id"] for s in edition if s["standard"] == standard]
        expected.append(f"Standard {standard}: covered {sum(1 for i in ids if counts[i])} of {len(ids)}")
    assert subtotals == expected


def test_the_coverage_page_lists_every_uncovered_statement(sample_site, data):
    programme = data["programmes"][0]
    here = sample_site / programme["coverage"]["url"] / "index.html"
    html = here.read_text(encoding="utf-8")
    section = html[html.index('id="not-covered"') :]
    statements = {s["id"]: s for s in of_edition(data, programme["coverage"]["framework"])}
    uncovered = programme["coverage"]["uncovered"]
    assert len(uncovered) == programme["coverage"]["total"] - programme["coverage"]["covered"]
    assert f"Not covered ({len(uncovered)})" in section
    for sid in uncovered:
        assert statements[sid]["url"] in section, sid


def shape(value: object) -> object:
    """The keys of every object, recursively, those of a list's items merged: what the schema doc promises."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        merged: dict = {}
        for item in value:
            if isinstance(item, dict):
                for key, sub in shape(item).items():  # type: ignore[union-attr]
                    merged[key] = sub if merged.get(key) in (None, []) else merged[key]
        return [merged] if merged else []
    return None


def test_the_schema_document_shows_every_field_the_export_has(data):
    doc = (ROOT / "documentation" / "curriculum-json.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    assert shape(example) == shape(data)
