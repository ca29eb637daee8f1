"""Problems: the one problem type, its formats (line, CI annotation), the summary and hints."""

from __future__ import annotations

import re

import pytest

from induction.core.problems import CATALOGUE, Problem, Problems, did_you_mean, plural


def test_a_problem_formats_as_file_line_severity_code_message_hint():
    problem = Problem("c/a.yaml", 3, "unknown-key", "Unknown key 'titel'.", "Did you mean 'title'?")
    assert problem.format() == "c/a.yaml:3: error [unknown-key] Unknown key 'titel'. Did you mean 'title'?"
    assert (
        Problem("c/a.yaml", 3, "empty-file", "The file is empty.").format()
        == "c/a.yaml:3: error [empty-file] The file is empty."
    )


def test_annotations_are_github_workflow_commands_on_one_line():
    error = Problem("c/a.md", 7, "empty-body", "No text\nbelow.", "Write it.")
    assert error.annotation() == "::error file=c/a.md,line=7,title=empty-body::No text below. Write it."
    warning = Problem("c/p.yaml", 1, "uncovered-statements", "2 of 3.", severity="warning")
    assert warning.annotation() == "::warning file=c/p.yaml,line=1,title=uncovered-statements::2 of 3."


def test_an_unknown_code_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown problem code 'no-such-code'"):
        Problem("a", 1, "no-such-code", "x")


def test_files_are_shown_relative_to_the_root_with_forward_slashes(tmp_path):
    problems = Problems(root=str(tmp_path))
    problems.add("empty-file", str(tmp_path / "content" / "site.yaml"), 0, "The file is empty.")
    problems.add("empty-file", "relative/as/given.yaml", 4, "The file is empty.")
    assert [(p.file, p.line) for p in problems] == [("content/site.yaml", 1), ("relative/as/given.yaml", 4)]


def test_problems_are_sorted_by_file_then_line_and_never_repeated():
    problems = Problems()
    problems.add("empty-body", "b.md", 2, "B2")
    problems.add("empty-body", "a.md", 10, "A10")
    problems.add("empty-body", "a.md", 9, "A9")
    problems.add("empty-body", "a.md", 9, "A9")
    assert [p.message for p in problems] == ["A9", "A10", "B2"]
    assert len(problems) == 3


def test_errors_and_warnings_are_told_apart():
    problems = Problems()
    problems.add("empty-body", "a.md", 1, "E")
    problems.warn("uncovered-statements", "p.yaml", 1, "W")
    assert [p.message for p in problems.errors] == ["E"]
    assert [p.message for p in problems.warnings] == ["W"]


@pytest.mark.parametrize(
    "errors, warnings, expected",
    [
        (0, 0, "No problems in 12 files."),
        (1, 0, "1 error in 1 file (12 files checked)."),
        (2, 0, "2 errors in 2 files (12 files checked)."),
        (0, 1, "1 warning in 1 file (12 files checked)."),
        (1, 2, "1 error, 2 warnings in 2 files (12 files checked)."),
    ],
)
def test_the_summary_line_counts_errors_warnings_and_files(errors, warnings, expected):
    problems = Problems()
    for n in range(errors):
        problems.add("empty-body", f"e{n}.md", 1, f"E{n}")
    for n in range(warnings):
        problems.warn("uncovered-statements", "w.yaml", n + 1, f"W{n}")
    assert problems.summary(12) == expected


def test_did_you_mean_suggests_the_closest_choice_or_nothing():
    assert did_you_mean("titel", ["title", "term", "weeks"]) == "Did you mean 'title'?"
    assert did_you_mean("zzz", ["title", "term"]) == ""
    assert did_you_mean("8f", []) == ""


def test_plural():
    assert (plural(1, "file"), plural(0, "file"), plural(2, "file")) == ("1 file", "0 files", "2 files")


def test_every_catalogue_code_is_named_explained_and_has_a_fix():
    for name, code in CATALOGUE.items():
        assert code.name == name
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name
        assert code.meaning.endswith(".") and code.fix.endswith("."), name
