"""Framework editions: programmes on two editions of one framework in one site (the fixture tsf-2025
renumbers tsf-2024: a statement inserted early shifts the codes after it), statement pages per
edition, the crosswalk file and its checks, the side-by-side page, and scripts/crosswalk.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_editions_tree, mkdocs_build
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.load.loader import load_site
from induction.render import render_site

READ = "alt/year-1/b1/b1-w1-read.md"
MENTOR = "alt/year-1/b1/b1-w1-mentor.md"
CROSSWALK = "crosswalks/tsf-2024-to-2025.yaml"


def pages(root: Path) -> dict:
    return {page.src: page for page in render_site(load_and_check(str(root)))}


def problems(root: Path) -> list[str]:
    return [problem.format() for problem in load_and_check(str(root)).problems]


def crosswalk(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "crosswalk.py"),
            "alt",
            "--to",
            "tsf-2025",
            "--content",
            str(root),
            *args,
        ],
        cwd=root.parent,
        capture_output=True,
        text=True,
    )


def hard_cases(root: Path) -> None:
    """The read step also cites a statement the crosswalk leaves out (S3.1) and one it splits (S1.b)."""
    replace_once(root / READ, "  - S1.1\n", "  - S1.1\n  - S3.1\n  - S1.b\n")


def test_the_same_code_has_a_page_in_each_edition_saying_which_edition_it_is(tmp_path):
    built = pages(make_editions_tree(tmp_path))
    old, new = built["frameworks/tsf-2024/s1-2.md"].markdown, built["frameworks/tsf-2025/s1-2.md"].markdown
    assert "Goals that are too broad are hard to check." in old
    assert "Pupils new to a subject need goals broken into steps." in new
    assert "- **Edition:** tsf-2024\n" in old  # the file names no edition: its id says which
    assert "- **Edition:** Edition B (2025)\n" in new
    assert new.startswith('---\ntitle: "Statement S1.2 of the Teaching Standards Fixture (Edition B (2025))"\n')


def test_taught_in_lists_only_the_programmes_on_that_edition(tmp_path):
    built = pages(make_editions_tree(tmp_path))
    assert built["frameworks/tsf-2024/s1-1.md"].meta["taught"] == ["b1-w1-read", "b1-w1-mentor"]
    assert built["frameworks/tsf-2025/s1-2.md"].meta["taught"] == ["b1-w1-read"]
    assert "1 session of Next programme cites this statement" in built["frameworks/tsf-2025/s1-2.md"].markdown
    assert built["frameworks/tsf-2024/s1-2.md"].meta["taught"] == []


def test_the_side_by_side_page_joins_the_editions_only_through_the_crosswalk(tmp_path):
    built = pages(make_editions_tree(tmp_path))
    page = built["frameworks/tsf-2025/beside-tsf-2024.md"].markdown
    hidden = '<span class="ect-visually-hidden">Statement </span>'
    assert (
        f"| [{hidden}S1.3](s1-3.md) Goals that are too broad are hard to check. | none | "
        f"[{hidden}S1.2](../tsf-2024/s1-2.md) Goals that are too broad are hard to check. | none |"
    ) in page
    assert (
        f"| [{hidden}S1.2](s1-2.md) Pupils new to a subject need goals broken into steps. | 1 session | "
        "No statement is mapped to it | &nbsp; |"
    ) in page
    assert "4 to one statement, 1 to several, 1 to none; 1 is not in the crosswalk yet." in page
    assert page.endswith(
        "## Not in the crosswalk (1)\n\n"
        f"- [{hidden}S3.1](../tsf-2024/s3-1.md) Teachers improve by working with colleagues.\n"
    )
    cover = built["alt/coverage.md"].markdown
    assert (
        "Another edition: [Teaching Standards Fixture (Edition B (2025)) beside the Teaching Standards Fixture "
        "(tsf-2024)](../frameworks/tsf-2025/beside-tsf-2024.md)."
    ) in cover


def test_the_nav_tells_two_editions_of_one_title_apart(tmp_path):
    from induction.render.nav import build_nav

    checked = load_and_check(str(make_editions_tree(tmp_path)))
    sections = [next(iter(item)) for item in build_nav(checked.site, checked.places)][-2:]
    assert sections == ["Teaching Standards Fixture (tsf-2024)", "Teaching Standards Fixture (Edition B (2025))"]


@pytest.mark.build
def test_a_site_with_programmes_on_two_editions_builds_strictly(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(make_editions_tree(tmp_path), site)
    assert (result.returncode, "WARNING" in result.stderr) == (0, False), result.stderr
    old = (site / "frameworks/tsf-2024/s1-2/index.html").read_text()
    new = (site / "frameworks/tsf-2025/s1-2/index.html").read_text()
    assert "Goals that are too broad" in old and "Goals that are too broad" not in new
    assert (site / "frameworks/tsf-2025/beside-tsf-2024/index.html").is_file()


CROSSWALK_CASES = {
    "unknown framework": (
        "from: tsf-2024",
        "from: tsf2024",
        [
            "editions/crosswalks/tsf-2024-to-2025.yaml:3: error [crosswalk-mismatch] The crosswalk's 'from:' names the "
            "framework 'tsf2024', which is not in frameworks/. Did you mean 'tsf-2024'?"
        ],
    ),
    "unknown statement on the left": (
        "{from: S1.2, to: [S1.3]}",
        "{from: S1.9, to: [S1.3]}",
        [
            "editions/crosswalks/tsf-2024-to-2025.yaml:7: error [crosswalk-mismatch] The framework tsf-2024 has no "
            "statement 'S1.9'. Did you mean 'S1.b'?"
        ],
    ),
    "unknown statement on the right": (
        "{from: S1.2, to: [S1.3]}",
        "{from: S1.2, to: [S1.3, S1.e]}",
        [
            "editions/crosswalks/tsf-2024-to-2025.yaml:7: error [crosswalk-mismatch] The framework tsf-2025 has no "
            "statement 'S1.e'. Did you mean 'S1.d'?"
        ],
    ),
    "mapped twice": (
        "{from: S2.1, to: [S2.1]}",
        "{from: S1.2, to: [S2.1]}",
        [
            "editions/crosswalks/tsf-2024-to-2025.yaml:12: error [crosswalk-mismatch] The statement 'S1.2' is mapped "
            "twice (first at line 7). Map each statement once: list all its counterparts in one 'to:'."
        ],
    ),
    "to itself": (
        "to: tsf-2025",
        "to: tsf-2024",
        [
            "editions/crosswalks/tsf-2024-to-2025.yaml:4: error [crosswalk-mismatch] The crosswalk maps the framework "
            "'tsf-2024' to itself. Name the edition the intentions are written in under 'from:' and the new one under "
            "'to:'."
        ],
    ),
    "a bare id for a list": (
        "{from: S1.1, to: [S1.1]}",
        "{from: S1.1, to: S1.1}",
        [
            "editions/crosswalks/tsf-2024-to-2025.yaml:6: error [wrong-type] Expected a list for 'to' in a mapping but "
            "found 'S1.1'."
        ],
    ),
}


@pytest.mark.parametrize("case", CROSSWALK_CASES)
def test_a_crosswalk_is_checked_against_both_editions_with_file_and_line(tmp_path, case):
    root = make_editions_tree(tmp_path)
    old, new, expected = CROSSWALK_CASES[case]
    replace_once(root / CROSSWALK, old, new)
    assert problems(root) == expected


def test_a_crosswalk_loads_one_to_one_one_to_many_and_none(tmp_path):
    site, found = load_site(str(make_editions_tree(tmp_path)))
    assert not found.items
    [walk] = site.crosswalks
    assert (walk.source, walk.target, walk.mapping) == (
        "tsf-2024",
        "tsf-2025",
        {"S1.1": ["S1.1"], "S1.2": ["S1.3"], "S1.a": ["S1.b"], "S1.b": ["S1.c", "S1.d"], "S2.1": ["S2.1"], "S2.a": []},
    )


REPORT = [
    "editions/alt/year-1/b1/b1-w1-mentor.md:7: S2.a has no counterpart in tsf-2025: taken out.",
    "editions/alt/year-1/b1/b1-w1-read.md:9: S3.1 is not in the crosswalk from tsf-2024 to tsf-2025: taken out; "
    "choose its statement by hand.",
    "editions/alt/year-1/b1/b1-w1-read.md:10: S1.b maps to 2 statements of tsf-2025 (S1.c, S1.d): all written; "
    "keep those the session teaches.",
    "editions/alt/year-1/b1/b1-w1-read.md:15: The text cites S1.b, which maps to 2 statements of tsf-2025 "
    "(S1.c, S1.d): not rewritten; cite the one meant.",
]


def test_crosswalk_reports_each_intention_it_could_not_map_or_mapped_to_several_and_writes_nothing(tmp_path):
    root = make_editions_tree(tmp_path)
    hard_cases(root)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    result = crosswalk(root)
    assert (result.returncode, result.stderr) == (3, "")
    assert result.stdout.splitlines() == REPORT + [
        "alt: tsf-2024 -> tsf-2025: would rewrite (run with --in-place or --out to write) 3 file(s); 4 note(s)."
    ]
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before


def test_crosswalk_in_place_rewrites_the_intentions_and_the_programme_and_the_result_validates(tmp_path):
    root = make_editions_tree(tmp_path)
    hard_cases(root)
    result = crosswalk(root, "--in-place")
    assert result.stdout.splitlines()[:-1] == REPORT
    assert (root / READ).read_text() == (
        "---\nid: b1-w1-read\nrole: ect\nkind: reading\ntitle: Read about goals\nminutes: 20\n"
        "intentions:\n"
        "  - S1.1\n"
        "  # scripts/crosswalk.py: S3.1 is not in the crosswalk from tsf-2024 to tsf-2025: taken out; choose its "
        "statement by hand.\n"
        "  - S1.c  # scripts/crosswalk.py: S1.b maps to several\n"
        "  - S1.d  # scripts/crosswalk.py: S1.b maps to several\n"
        "  - id: S1.b\n"
        '    wording: "Say what the lesson is for."\n'
        "---\n\n"
        'Read about goals, then look at {{ statement("S1.b") }}.\n'
    )
    assert (
        (root / MENTOR)
        .read_text()
        .startswith(
            "---\nid: b1-w1-mentor\nrole: mentor\nkind: plan\ntitle: Feedback that is used\nminutes: 30\n"
            "intentions:\n  # scripts/crosswalk.py: S2.a has no counterpart in tsf-2025: taken out.\n"
            "  - S1.1\nphases:\n"
        )
    )
    assert "framework: tsf-2025\n" in (root / "alt/programme.yaml").read_text()
    assert problems(root) == []


def test_crosswalk_rewrites_a_citation_in_a_text_that_maps_to_one_statement(tmp_path):
    root = make_editions_tree(tmp_path)
    replace_once(root / READ, '{{ statement("S1.b") }}', "{{ statement('S1.a') }}")
    result = crosswalk(root, "--in-place")
    assert result.returncode == 3  # S2.a in the mentor plan
    assert (root / READ).read_text().endswith('Read about goals, then look at {{ statement("S1.b") }}.\n')


def test_crosswalk_out_writes_a_rewritten_copy_and_leaves_the_content_alone(tmp_path):
    root = make_editions_tree(tmp_path)
    before = (root / READ).read_bytes()
    result = crosswalk(root, "--out", str(tmp_path / "rewritten"))
    assert result.returncode == 3, result.stderr
    assert (root / READ).read_bytes() == before
    assert "  - id: S1.b\n" in (tmp_path / "rewritten" / READ).read_text()
    assert problems(tmp_path / "rewritten") == []
    again = crosswalk(root, "--out", str(tmp_path / "rewritten"))  # an earlier --out may be replaced
    assert again.returncode == 3, again.stderr


def test_crosswalk_out_refuses_a_folder_it_did_not_write_and_touches_nothing(tmp_path):
    root = make_editions_tree(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    result = crosswalk(root, "--out", str(tmp_path / "mine"))
    assert result.returncode == 2
    assert result.stderr == (
        f"error: The destination folder {tmp_path / 'mine'} holds files that no crosswalk run "
        "wrote (notes.txt): writing the rewritten content there would overwrite them. Nothing "
        "was changed; choose a new or empty folder, or move them out.\n"
    )
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_crosswalk_refuses_content_with_errors_and_writes_nothing(tmp_path):
    root = make_editions_tree(tmp_path)
    replace_once(root / READ, "  - S1.1\n", "  - S1.9\n")
    before = (root / READ).read_bytes()
    result = crosswalk(root, "--in-place")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Nothing was written: fix the errors first."
    assert (root / READ).read_bytes() == before


def test_crosswalk_names_the_crosswalks_it_has_when_none_fits(tmp_path):
    root = make_editions_tree(tmp_path)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "crosswalk.py"), "alt", "--to", "tsf-2026", "--content", str(root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"crosswalk.py: error: no crosswalk in {root / 'crosswalks'} maps tsf-2024 to tsf-2026. "
        "It has crosswalks to: tsf-2025."
    )


def test_new_framework_and_new_crosswalk_scaffold_files_that_validation_walks_through(tmp_path):
    root = make_editions_tree(tmp_path)
    (root / CROSSWALK).unlink()
    for args in (["framework", "--id", "tsf-2026"], ["crosswalk", "--from", "tsf-2024", "--to", "tsf-2025"]):
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "new.py"), *args, "--content", str(root)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    walk = (root / "crosswalks" / "tsf-2024-to-tsf-2025.yaml").read_text()
    assert "  - {from: S1.2, to: [S1.3]}  # the same text\n" in walk
    assert (
        "  - {from: S2.a, to: []}  # TODO: no statement of tsf-2025 has this text: list its counterparts, or "
        "leave [] for none\n"
    ) in walk
    found = problems(root)
    assert [line.split(": error ")[0] for line in found] == ["editions/crosswalks/tsf-2024-to-tsf-2025.yaml:11"] + [
        f"editions/frameworks/tsf-2026.yaml:{line}" for line in (4, 5, 6, 7, 10, 13, 15, 18)
    ]
    assert all("[placeholder]" in line for line in found)


def test_crosswalk_moves_one_block_to_the_new_edition_and_the_site_shows_both(tmp_path):
    root = make_editions_tree(tmp_path)
    result = crosswalk(root, "--block", "b1", "--in-place")
    assert result.stdout.splitlines()[-1] == "alt (block b1): tsf-2024 -> tsf-2025: rewrote 3 file(s); 2 note(s)."
    assert (root / "alt/year-1/b1/block.yaml").read_text().startswith("id: b1\nframework: tsf-2025\ntitle: ")
    assert "framework: tsf-2024\n" in (root / "alt/programme.yaml").read_text()
    assert problems(root) == []
    built = pages(root)
    assert built["frameworks/tsf-2025/s1-b.md"].meta["taught"] == ["b1-w1-read", "b1-w1-read"]  # alt's, then next's
    assert built["frameworks/tsf-2024/s1-1.md"].meta["taught"] == []
    assert built["alt/coverage-tsf-2025.md"].meta == {"programme": "alt", "covered": 2, "total": 10}
    assert built["alt/coverage.md"].meta == {"programme": "alt", "covered": 0, "total": 7}


def test_a_block_naming_an_unknown_edition_is_reported_at_its_line(tmp_path):
    root = make_editions_tree(tmp_path)
    replace_once(root / "alt/year-1/b1/block.yaml", "id: b1\n", "id: b1\nframework: tsf-2052\n")
    assert problems(root) == [
        "editions/alt/year-1/b1/block.yaml:2: error [unknown-framework] No framework has the "
        "id 'tsf-2052'. Did you mean 'tsf-2025'?"
    ]


def test_the_coverage_command_reports_each_edition_a_programme_cites(tmp_path):
    root = make_editions_tree(tmp_path)
    crosswalk(root, "--block", "b1", "--in-place")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "coverage.py"), "--content", str(root), "--programme", "alt"],
        capture_output=True,
        text=True,
    )
    assert [line for line in result.stdout.splitlines() if line.startswith(("Alternative", "Covered"))] == [
        "Alternative programme (alt): coverage of Teaching Standards Fixture (tsf-2024)",
        "Covered 0 of 7 statements.",
        "Alternative programme (alt): coverage of Teaching Standards Fixture (tsf-2025)",
        "Covered 2 of 10 statements.",
    ]
