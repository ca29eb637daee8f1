"""Coverage: the one count of statements cited, per block and standard, and its three readers that are
not pages: the settings.coverage check, scripts/coverage.py and curriculum.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_other_tree, make_tree
from edits import replace_once

from induction.check import coverage
from induction.check.pipeline import load_and_check
from induction.render.curriculum import curriculum

SCRIPT = ROOT / "scripts" / "coverage.py"


def computed(root: Path) -> coverage.Coverage:
    checked = load_and_check(str(root))
    programme = checked.site.programmes[0]
    return coverage.compute(programme, checked.site.frameworks[programme.framework_id], checked.places[programme.id])


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True)


def test_counts_each_session_once_per_statement_in_its_block(tmp_path):
    cov = computed(make_tree(tmp_path))
    assert [(c.key, c.label, c.title) for c in cov.columns] == [("b1", "Y1 B1", "Block one (Autumn 1)")]
    cited = {sid: row for sid, row in cov.counts.items() if row}
    assert cited == {"2.1": {"b1": 1}, "2.2": {"b1": 1}, "2.8": {"b1": 1}, "2a": {"b1": 1}, "2b": {"b1": 1}}
    assert (len(cov.covered), len(cov.uncovered)) == (5, 176)


def test_a_session_citing_a_statement_twice_counts_once_and_a_year_page_gets_its_own_column(tmp_path):
    tree = make_tree(tmp_path)
    replace_once(tree / "prog/year-1/b1/b1-w1-mentor.md", "intentions: ['2.2', 2a]", "intentions: ['2.2', 2a, '2.2']")
    replace_once(tree / "prog/year-1/welcome.md", "minutes: 10", "minutes: 10\nintentions: ['2.2']")
    cov = computed(tree)
    assert [c.label for c in cov.columns] == ["Y1", "Y1 B1"]
    assert cov.counts["2.2"] == {"year:year-1": 1, "b1": 1}
    assert cov.sessions("2.2") == 2


def test_totals_per_standard_and_per_column(tmp_path):
    cov = computed(make_other_tree(tmp_path))
    assert [(t.standard.number, t.covered, t.total, t.sessions) for t in cov.standards()] == [
        (1, 2, 4, {"b1": 3}),
        (2, 1, 2, {"b1": 1}),
        (3, 0, 1, {"b1": 0}),
    ]
    assert cov.column_totals() == {"b1": 4}


def test_the_text_report(tmp_path):
    assert coverage.report_text(computed(make_other_tree(tmp_path))) == (
        "Alternative programme (alt): coverage of Teaching Standards Fixture (tsf-2024)\n"
        "\n"
        "Standard 1: Clear Goals  covered   2 of 4\n"
        "Standard 2: Feedback     covered   1 of 2\n"
        "Standard 3: Colleagues   covered   0 of 1\n"
        "\n"
        "Covered 3 of 7 statements.\n"
        "\n"
        "Not covered (4):\n"
        "  S1.2   Goals that are too broad are hard to check.\n"
        "  S1.b   Showing an example of finished work.\n"
        "  S2.1   Feedback works when pupils act on it.\n"
        "  S3.1   Teachers improve by working with colleagues.\n"
    )


def test_the_command_prints_the_report_and_exits_0(tmp_path):
    tree = make_other_tree(tmp_path)
    result = run("--content", str(tree))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == coverage.report_text(computed(tree))


def test_the_command_as_json_names_every_uncovered_statement_with_its_text(tmp_path):
    result = run("--content", str(make_other_tree(tmp_path)), "--programme", "alt", "--format", "json")
    assert result.returncode == 0
    [report] = json.loads(result.stdout)
    assert (report["programme"], report["framework"], report["covered"], report["total"]) == ("alt", "tsf-2024", 3, 7)
    assert report["standards"][2] == {"number": 3, "title": "Colleagues", "covered": 0, "total": 1}
    assert report["uncovered"][0] == {"id": "S1.2", "text": "Goals that are too broad are hard to check."}


def test_the_command_reports_even_when_coverage_is_an_error(tmp_path):
    tree = make_other_tree(tmp_path)
    replace_once(tree / "alt/programme.yaml", "coverage: off", "coverage: error")
    result = run("--content", str(tree))
    assert result.returncode == 0
    assert "Covered 3 of 7 statements." in result.stdout


def test_the_command_names_the_known_programmes_for_an_unknown_one(tmp_path):
    result = run("--content", str(make_other_tree(tmp_path)), "--programme", "nope")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "coverage.py: error: no programme has the id 'nope'. Expected one of: alt."
    )


def test_the_command_prints_other_problems_instead_of_a_report(tmp_path):
    tree = make_other_tree(tmp_path)
    replace_once(tree / "alt/year-1/b1/b1-w1-mentor.md", "intentions: [S2.a, S1.1]", "intentions: [S2.z]")
    result = run("--content", str(tree))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines()[0] == (
        "other-framework/alt/year-1/b1/b1-w1-mentor.md:7: error [unknown-statement] The framework tsf-2024 has no "
        "statement 'S2.z'. Did you mean 'S2.a'?"
    )


UNCOVERED = (
    "other-framework/alt/programme.yaml:1: {} [uncovered-statements] 4 of 7 statements of tsf-2024 are "
    "cited by no session: S1.2, S1.b, S2.1, S3.1. Cite them in sessions' intentions, or relax "
    "settings.coverage. Every one with its text: scripts/coverage.py --programme alt."
)


@pytest.mark.parametrize("setting, severity, ok", [("warn", "warning", True), ("error", "error", False)])
def test_settings_coverage_reports_uncovered_statements(tmp_path, setting, severity, ok):
    tree = make_other_tree(tmp_path)
    replace_once(tree / "alt/programme.yaml", "coverage: off", f"coverage: {setting}")
    checked = load_and_check(str(tree))
    assert [p.format() for p in checked.problems] == [UNCOVERED.format(severity)]
    assert checked.ok is ok


def test_settings_coverage_off_reports_nothing(tmp_path):
    assert list(load_and_check(str(make_other_tree(tmp_path))).problems) == []


def test_full_coverage_meets_settings_coverage_error(tmp_path):
    tree = make_other_tree(tmp_path)
    replace_once(tree / "alt/programme.yaml", "coverage: off", "coverage: error")
    replace_once(
        tree / "alt/year-1/b1/b1-w1-mentor.md",
        "intentions: [S2.a, S1.1]",
        "intentions: [S2.a, S1.1, S1.2, S1.b, S2.1, S3.1]",
    )
    assert list(load_and_check(str(tree)).problems) == []


def test_curriculum_json_carries_the_same_coverage(tmp_path):
    tree = make_other_tree(tmp_path)
    [programme] = curriculum(load_and_check(str(tree)))["programmes"]
    assert programme["coverage"] == {
        "framework": "tsf-2024",
        "covered": 3,
        "total": 7,
        "url": "alt/coverage/",
        "standards": [
            {"number": 1, "title": "Clear Goals", "covered": 2, "total": 4},
            {"number": 2, "title": "Feedback", "covered": 1, "total": 2},
            {"number": 3, "title": "Colleagues", "covered": 0, "total": 1},
        ],
        "uncovered": ["S1.2", "S1.b", "S2.1", "S3.1"],
    }


def test_every_cell_of_the_matrix_names_its_column_its_standard_and_its_row(tmp_path):
    """A matrix with a row of group headings in each body needs `headers` (HTML_CodeSniffer H43):
    read as a browser parses it, every cell names existing headings: its column, its standard, its row."""
    from selectolax.lexbor import LexborHTMLParser

    from induction.render.matrix import matrix_table

    cov = computed(make_tree(tmp_path))
    tree = LexborHTMLParser("\n".join(matrix_table(cov, "prog/coverage.md")))
    ids = {th.attributes["id"]: th for th in tree.css("th")}
    assert len(ids) == len(tree.css("th"))  # every heading has an id, and each id is one heading's
    columns = [th.attributes["id"] for th in tree.css("thead th")]
    cells = tree.css("tbody td, tfoot td")
    assert cells
    for cell in cells:
        named = (cell.attributes.get("headers") or "").split()
        assert named and all(name in ids for name in named), cell.html
        row = cell.parent
        position = [c for c in row.iter() if c.tag in ("td", "th")].index(cell)
        assert named[0] == columns[position], cell.html  # its column heading first
        assert named[-1] == row.css_first("th").attributes["id"], cell.html  # its row heading last
    groups = [th.attributes["id"] for th in tree.css("th[scope=rowgroup]")]
    for body, group in zip(tree.css("tbody"), groups, strict=True):
        assert all(group in (cell.attributes["headers"] or "").split() for cell in body.css("td"))
