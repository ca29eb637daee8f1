"""placeholders: every TODO: marker in a content file is reported with its file and line."""
from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE
from edits import replace_once

from induction.pipeline import load_and_check
from induction.placeholders import placeholders_are_filled
from induction.problems import Problems


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


def test_a_long_placeholder_is_shortened_and_other_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("TODO: not content\n")
    (tmp_path / "page.md").write_text("x\n- TODO: " + "word " * 30 + "\n")
    problems = Problems(root=str(tmp_path))
    placeholders_are_filled(str(tmp_path), problems)
    [problem] = problems.sorted()
    assert (problem.file, problem.line) == ("page.md", 2)
    assert problem.message == ("Placeholder text to fill in: 'TODO: word word word word word word word word word word "
                               "word word w...'.")


def test_the_sample_has_no_placeholder() -> None:
    problems = Problems()
    placeholders_are_filled(str(SAMPLE), problems)
    assert not problems.sorted()
