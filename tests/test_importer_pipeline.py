"""The whole import as a user runs it: output validated before it is put in place, problems at
their SOURCE file and line, exit status, and a destination that is replaced whole or not at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FRAMEWORK, ROOT, mkdocs_build

from induction.check.pipeline import load_and_check
from induction.importer.destination import DestinationRefused
from induction.importer.pipeline import run_import

PROVIDER = """---
title: "Provider P"
---

## Year 1: Autumn term

### [Routines](/p/year-1-a)

In this module you'll set up routines.
"""
BLOCK = """---
title: "Routines"
---

## Week 1: why routines matter

### ECTs

1. [Reading](/p/year-1-a/autumn-week-1-ect-reading)

## Week 2: practice

### ECTs

1. [Task](/p/year-1-a/autumn-week-2-ect-task)
"""
PAGES = {
    "p.md": PROVIDER,
    "p/year-1-a.md": BLOCK,
    "p/year-1-a/autumn-week-1-ect-reading.md": '---\ntitle: "Reading"\n---\n\nSome text; {{ braces }} and {% x %}.\n',
    "p/year-1-a/autumn-week-2-ect-task.md": '---\ntitle: "Task"\n---\n\nDo the task.\n',
}
# The second week numbered 1 again: nothing in the source says which number is meant, so no rule
# can repair it; the import must say so, at the block index's line 11.
OVERLAP = ("## Week 2: practice", "## Week 1: again")


def source_tree(root: Path, pages: dict[str, str] = PAGES) -> Path:
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_dfe.py"), *args, "--framework", str(FRAMEWORK)],
        capture_output=True,
        text=True,
    )


def test_an_import_that_validates_is_put_in_place_and_the_source_braces_are_kept_as_text(tmp_path):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert reports.written and reports.problems == [] and reports[0].counts["validation errors after import"] == 0
    assert load_and_check(str(dest)).ok
    body = (dest / "p" / "year-1" / "a" / "a-autumn-week-1-ect-reading.md").read_text(encoding="utf-8")
    assert "Some text; &#123;&#123; braces &#125;&#125; and &#123;% x %&#125;." in body
    kinds = [d.kind for d in reports[0].defects]
    assert kinds.count("template-braces") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dest", "source"]  # no temporary folder left


def test_an_import_that_would_not_build_names_the_source_line_and_writes_nothing(tmp_path):
    pages = dict(PAGES, **{"p/year-1-a.md": BLOCK.replace(*OVERLAP)})
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert not reports.written and not dest.exists()
    [problem] = reports.problems
    assert (problem.file, problem.line, problem.kind) == ("p/year-1-a.md", 11, "would-not-build")
    assert problem.message == (
        "The written p/year-1/a/block.yaml:15 would not build: [week-overlap] "
        "Week 1 overlaps the week before it, which ends at week 1."
    )
    assert reports[0].counts["validation errors after import"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source"]


def test_the_script_exits_non_zero_and_leaves_the_destination_unless_allowed(tmp_path):
    pages = dict(PAGES, **{"p/year-1-a.md": BLOCK.replace(*OVERLAP)})
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    refused = script(str(source), str(dest))
    assert refused.returncode == 1 and not dest.exists()
    assert (
        "p/year-1-a.md:11: The written p/year-1/a/block.yaml:15 would not build: [week-overlap] "
        "Week 1 overlaps the week before it, which ends at week 1.\n"
    ) in refused.stderr
    assert refused.stderr.endswith(
        f"error: the import would not build (1 problem above); {dest} was left as it "
        "was. Fix the source, or write it anyway with --allow-problems.\n"
    )
    allowed = script(str(source), str(dest), "--allow-problems")
    assert allowed.returncode == 1 and (dest / "p" / "year-1" / "a" / "block.yaml").is_file()
    report = json.loads((dest / "import-report.json").read_text())
    [defect] = [d for d in report["providers"][0]["defects"] if d["kind"] == "would-not-build"]
    assert defect["action"] == "written anyway (--allow-problems)"
    assert "`p/year-1-a.md:11` **would-not-build**" in (dest / "import-report.md").read_text()


def test_a_second_import_replaces_the_first_whole(tmp_path):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    run_import(str(source), str(dest), str(FRAMEWORK))
    (source / "p" / "year-1-a" / "autumn-week-2-ect-task.md").write_text('---\ntitle: "Task"\n---\n\nNew text.\n')
    run_import(str(source), str(dest), str(FRAMEWORK))
    assert "New text." in (dest / "p" / "year-1" / "a" / "a-autumn-week-2-ect-task.md").read_text()
    listed = json.loads((dest / "import-report.json").read_text())["files"]
    assert "p/year-1/a/block.yaml" in listed and "site.yaml" in listed


@pytest.mark.parametrize("extra", ["notes.txt", "p/mine.md"])
def test_a_destination_holding_files_no_import_wrote_is_refused_untouched(tmp_path, extra):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    run_import(str(source), str(dest), str(FRAMEWORK))
    (dest / extra).write_text("keep me")
    before = sorted(str(p) for p in dest.rglob("*"))
    with pytest.raises(DestinationRefused, match=f"holds files that no import wrote \\({extra}\\)"):
        run_import(str(source), str(dest), str(FRAMEWORK))
    assert sorted(str(p) for p in dest.rglob("*")) == before and (dest / extra).read_text() == "keep me"
    result = script(str(source), str(dest))
    assert result.returncode == 2 and "error: The destination" in result.stderr


def test_a_destination_that_holds_the_source_is_refused(tmp_path):
    source = source_tree(tmp_path / "here" / "source")
    with pytest.raises(DestinationRefused, match="holds the source folder"):
        run_import(str(source), str(tmp_path / "here"), str(FRAMEWORK))
    assert (source / "p.md").is_file()


@pytest.mark.build
def test_a_video_without_a_transcript_is_reported_and_shown_as_having_none(tmp_path):
    video = (
        '---\ntitle: "Task"\n---\n\n<iframe src="https://www.youtube.com/embed/AAAAAAAAAAA" '
        'title="Routines - YouTube"></iframe>\n\nDo the task.\n'
    )
    pages = dict(PAGES, **{"p/year-1-a/autumn-week-2-ect-task.md": video})
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert reports.written
    [defect] = [d for d in reports[0].defects if d.kind == "transcript-not-published"]
    assert (defect.file, defect.line) == ("p/year-1-a/autumn-week-2-ect-task.md", 5)
    videos = (dest / "p" / "videos.yaml").read_text()
    assert (
        "no_transcript: No transcript was published with this video.\n" in videos
        and "transcript:" not in videos.replace("no_transcript:", "")
    )
    assert not (dest / "p" / "transcripts").exists()
    site = tmp_path / "site"
    result = mkdocs_build(dest, site)
    assert result.returncode == 0, result.stderr[-2000:]
    page = next(site.rglob("a-autumn-week-2-ect-task/index.html")).read_text(encoding="utf-8")
    assert "No transcript was published with this video." in page and "ect-transcript" not in page
    assert not (site / "p" / "videos").exists()  # no transcript page pretending to be one
