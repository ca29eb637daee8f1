"""placeholders: every TODO: marker in a content file is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.check.placeholders import placeholders_are_filled
from induction.core.problems import Problems
from induction.load.loader import load_site


def test_a_marker_in_yaml_markdown_or_a_comment_is_reported_at_its_line(tree: Path) -> None:
    replace_once(tree / "prog/year-1/b1/block.yaml", "title: First week", "title: 'TODO: the week title'")
    replace_once(tree / "prog/videos.yaml", "duration: '3:05'", "duration: '3:05'  # TODO: check the length")
    replace_once(tree / "prog/year-1/b1/b1-w1-read.md", "Read the summary", "TODO: write the step.\n\nRead the summary")
    problems = [p.format() for p in load_and_check(str(tree)).problems]
    assert problems == [
        "minimal/prog/videos.yaml:5: error [placeholder] Placeholder text to fill in: 'TODO: check the length'. "
        "Replace the TODO text with your own (or delete the line if it is not needed).",
        "minimal/prog/year-1/b1/b1-w1-read.md:10: error [placeholder] Placeholder text to fill in: "
        "'TODO: write the step.'. Replace the TODO text with your own (or delete the line if it is not needed).",
        "minimal/prog/year-1/b1/block.yaml:11: error [placeholder] Placeholder text to fill in: "
        "'TODO: the week title'. Replace the TODO text with your own (or delete the line if it is not needed).",
    ]


def test_a_long_placeholder_is_shortened(tmp_path: Path) -> None:
    problems = Problems(root=str(tmp_path))
    placeholders_are_filled({str(tmp_path / "page.md"): "x\n- TODO: " + "word " * 30 + "\n"}, problems)
    [problem] = problems.sorted()
    assert (problem.file, problem.line) == ("page.md", 2)
    assert problem.message == (
        "Placeholder text to fill in: 'TODO: word word word word word word word word word word word word w...'."
    )


def test_files_that_are_not_content_are_ignored_and_every_content_file_is_read(tree: Path) -> None:
    (tree / "notes.txt").write_text("TODO: not content\n")
    site, problems = load_site(str(tree))
    assert [p.format() for p in problems] == []
    markdown = {path for path in site.texts if path.endswith(".md")}
    assert len(site.texts) == site.files and markdown == {str(p) for p in tree.rglob("*.md")}


def test_the_sample_has_no_placeholder() -> None:
    site, _ = load_site(str(SAMPLE))
    problems = Problems()
    placeholders_are_filled(site.texts, problems)
    assert not problems.sorted() and len(site.texts) > 100
