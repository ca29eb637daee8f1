"""scripts/validate.py as authors and CI run it: output lines, exit codes, annotations, --content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, make_tree
from edits import replace_once

SCRIPT = ROOT / "scripts" / "validate.py"


def validate(*args: str, ci: bool = False, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "ECT_CONTENT")}
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True)


def break_two_rules(tree: Path) -> None:
    replace_once(tree / "prog/year-1/b1/b1-intro.md", "minutes: 5", "minutes: five")
    replace_once(tree / "prog/year-1/b1/block.yaml", "half_term: 1", "halfterm: 1")


def test_a_valid_tree_exits_0_with_a_summary(tree):
    result = validate("--content", str(tree))
    assert (result.returncode, result.stdout, result.stderr) == (0, "No problems in 16 files.\n", "")


def test_problems_are_listed_sorted_with_a_summary_and_exit_1(tree):
    break_two_rules(tree)
    result = validate("--content", str(tree))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "minimal/prog/year-1/b1/b1-intro.md:6: error [wrong-type] Expected a whole number for 'minutes' in the "
        "front matter but found 'five'.",
        "minimal/prog/year-1/b1/block.yaml:4: error [unknown-key] Unknown key 'halfterm' in the block. Expected one "
        "of: diagnostic, framework, half_term, id, pages, routes, summary, term, title, weeks. Did you mean "
        "'half_term'?",
        "2 errors in 2 files (16 files checked).",
    ]
    assert "Traceback" not in result.stderr


def test_ci_adds_github_annotations(tree):
    break_two_rules(tree)
    lines = validate("--content", str(tree), ci=True).stdout.splitlines()
    assert lines[2:4] == [
        "::error file=minimal/prog/year-1/b1/b1-intro.md,line=6,title=wrong-type::Expected a whole number for "
        "'minutes' in the front matter but found 'five'.",
        "::error file=minimal/prog/year-1/b1/block.yaml,line=4,title=unknown-key::Unknown key 'halfterm' in the "
        "block. Expected one of: diagnostic, framework, half_term, id, pages, routes, summary, term, title, weeks. "
        "Did you mean 'half_term'?",
    ]
    assert lines[-1] == "2 errors in 2 files (16 files checked)."


def test_without_ci_there_is_no_annotation(tree):
    break_two_rules(tree)
    assert "::error" not in validate("--content", str(tree)).stdout


def test_a_warning_alone_exits_0(tree):
    replace_once(tree / "prog/programme.yaml", "coverage: off", "coverage: warn")
    result = validate("--content", str(tree), ci=True)
    assert result.returncode == 0
    assert result.stdout.splitlines()[1].startswith(
        "::warning file=minimal/prog/programme.yaml,line=1,title=uncovered-statements::176 of 181 statements"
    )
    assert result.stdout.splitlines()[-1] == "1 warning in 1 file (16 files checked)."


def test_a_folder_that_does_not_exist_is_a_problem_not_a_traceback(tmp_path):
    result = validate("--content", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "nowhere:1: error [missing-file] The content folder does not exist. "
        "Give the path of a folder holding site.yaml."
    )
    assert result.stderr == ""


def test_content_defaults_to_the_sample_relative_to_the_working_folder():
    result = validate()
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("No problems in ")


def test_content_may_be_relative_to_another_working_folder(tmp_path):
    make_tree(tmp_path)
    result = validate("--content", "minimal", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "No problems in 16 files.\n")


def test_garbage_everywhere_never_gives_a_traceback(tree):
    for path in tree.rglob("*"):
        if path.suffix in (".yaml", ".md") and "frameworks" not in path.parts:
            path.write_bytes(b"---\n: [\x00\xff\n\t- {{ }}\n")
    result = validate("--content", str(tree))
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "minimal/prog/programme.yaml:2: error [not-utf8] Byte 0xff is not UTF-8 text. Re-save the file as UTF-8.",
        "minimal/site.yaml:2: error [not-utf8] Byte 0xff is not UTF-8 text. Re-save the file as UTF-8.",
        "2 errors in 2 files (3 files checked).",
    ]
