"""scaffold and scripts/new.py: new weeks, blocks, sessions and videos, with the next free number
and id, that validate once their TODO placeholders are filled in, and appear in the built site."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree, mkdocs_build

from induction.authoring import scaffold
from induction.check.pipeline import load_and_check

# The interpreter running the tests, wherever its environment is (a clone's .venv, CI's, a wheel's).
NEW = [sys.executable, str(ROOT / "scripts" / "new.py")]


def fill(tree: Path) -> None:
    """Do what an author does: replace every TODO placeholder with real text."""
    for path in list(tree.rglob("*.yaml")) + list(tree.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"[ \t]+# TODO:.*", "", text)  # a comment beside a value: keep the value
        text = re.sub(r"'TODO: [^']*'", "Written by the author", text)
        text = re.sub(r"TODO: .*", "Written by the author.", text)
        path.write_text(text, encoding="utf-8")


def codes(tree: Path) -> list[str]:
    return sorted({p.code for p in load_and_check(str(tree)).problems})


def test_a_new_week_takes_the_next_number_and_its_placeholders_are_reported(tree: Path) -> None:
    plan = scaffold.new_week(str(tree), "b1")
    plan.apply()
    assert plan.report() == [
        "created minimal/prog/year-1/b1/b1-w5-task.md",
        "created minimal/prog/year-1/b1/b1-w5-mentor.md",
        "added week 5 to minimal/prog/year-1/b1/block.yaml",
    ]
    block = (tree / "prog/year-1/b1/block.yaml").read_text()
    assert block.endswith(
        "  - week: 5\n    title: 'TODO: the week title'\n    summary:\n"
        "      ect: 'TODO: one sentence for the ECT'\n"
        "      mentor: 'TODO: one sentence for the mentor'\n"
        "    ect: [b1-w5-task]\n    mentor: [b1-w5-mentor]\n"
    )
    checked = load_and_check(str(tree))
    assert {p.code for p in checked.problems} == {"placeholder"}
    first = checked.problems.sorted()[0]
    assert first.format() == (
        "minimal/prog/year-1/b1/b1-w5-mentor.md:5: error [placeholder] Placeholder text to "
        "fill in: 'TODO: the title the mentor will see'. Replace the TODO text with your own "
        "(or delete the line if it is not needed)."
    )


@pytest.mark.build
def test_a_week_video_and_mentor_plan_filled_in_validate_and_appear_in_the_site(tmp_path: Path) -> None:
    tree = make_tree(tmp_path)
    scaffold.new_video(str(tree), "b1").apply()
    scaffold.new_week(str(tree), "b1", ("mentor",)).apply()
    scaffold.new_session(str(tree), "b1", 5, "ect", "video", "b1-video-1").apply()
    assert codes(tree) == ["placeholder"]
    fill(tree)
    checked = load_and_check(str(tree))
    assert checked.ok and not list(checked.problems), checked.report()
    site = tmp_path / "site"
    result = mkdocs_build(tree, site)
    assert result.returncode == 0, result.stderr
    week = (site / "prog/year-1/b1/week-5/index.html").read_text(encoding="utf-8")
    assert "Written by the author" in week
    assert "b1-w5-video/" in week and "b1-w5-mentor/" in week
    video_step = (site / "prog/year-1/b1/b1-w5-video/index.html").read_text(encoding="utf-8")
    assert "youtube" in video_step.lower()


def test_a_session_joins_the_end_of_its_week_and_ids_are_not_reused(tree: Path) -> None:
    scaffold.new_session(str(tree), "b1", 3, "ect", "reading").apply()
    scaffold.new_session(str(tree), "b1", 2, "ect", "reading").apply()
    block = (tree / "prog/year-1/b1/block.yaml").read_text()
    assert "    ect: [b1-w2-practise, b1-w2-3-reading, b1-w2-3-reading-2]\n" in block
    assert (tree / "prog/year-1/b1/b1-w2-3-reading-2.md").is_file()
    assert codes(tree) == ["placeholder"]


def test_a_new_block_is_listed_last_in_its_year_with_a_first_week(tree: Path) -> None:
    scaffold.new_block(str(tree), "year-1").apply()
    programme = (tree / "prog/programme.yaml").read_text()
    assert "    blocks: [b1, year-1-block-2]\n" in programme
    assert (tree / "prog/year-1/year-1-block-2/block.yaml").is_file()
    assert codes(tree) == ["placeholder"]
    fill(tree)
    assert load_and_check(str(tree)).ok


def test_a_video_gets_a_transcript_and_an_entry_after_the_others(tree: Path) -> None:
    scaffold.new_video(str(tree), "b1").apply()
    assert (tree / "prog/year-1/b1/transcripts/b1-video-1.md").read_text().startswith("**Narrator:** TODO:")
    scaffold.new_video(str(tree), "b1").apply()
    videos = (tree / "prog/year-1/b1/videos.yaml").read_text()
    assert videos.count("  - id: b1-video-") == 2 and "transcript: transcripts/b1-video-2.md" in videos


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda t: scaffold.new_week(t, "b11"), "No block has the id 'b11'. Did you mean 'b1'?"),
        (
            lambda t: scaffold.new_session(t, "b1", 9, "ect"),
            "The block 'b1' has no week 9; add it with: new.py week --block b1",
        ),
        (
            lambda t: scaffold.new_session(t, "b1", 1, "ect", "plan"),
            "A session of role ect cannot be of kind plan. Expected one of: video, reading, task, practice, "
            "reflection, quiz, introduction.",
        ),
        (
            lambda t: scaffold.new_session(t, "b1", 1, "ect", "video", "intro2"),
            "No video has the id 'intro2'. Did you mean 'intro'?",
        ),
        (lambda t: scaffold.new_block(t, "year-3"), "No year has the id 'year-3'. Did you mean 'year-1'?"),
        (
            lambda t: scaffold.new_block(t, "year-1", block_id="b1"),
            "The block id 'b1' is already used by minimal/prog/year-1/b1/block.yaml.",
        ),
    ],
)
def test_requests_that_cannot_be_met_say_why(tree: Path, call, message: str) -> None:
    with pytest.raises(scaffold.ScaffoldError) as error:
        call(str(tree))
    assert str(error.value) == message


def test_the_command_line_writes_the_files_or_explains_without_a_traceback(tree: Path) -> None:
    import subprocess

    done = subprocess.run(
        NEW + ["session", "--content", str(tree), "--block", "b1", "--week", "4", "--role", "tutor"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "created minimal/prog/year-1/b1/b1-w4-material.md",
        "added 'b1-w4-material' (week 4) to minimal/prog/year-1/b1/block.yaml",
    ]
    failed = subprocess.run(NEW + ["week", "--content", str(tree), "--block", "nope"], capture_output=True, text=True)
    assert failed.returncode == 2
    assert failed.stderr == "new.py: No block has the id 'nope'. Blocks: b1.\n"


@pytest.mark.parametrize("block_id", ["../../../../x", "/tmp/x", "a/b", "..", "Block One", "a--b", "x\n"])
def test_an_id_that_is_not_an_id_is_refused_before_anything_is_written(tree: Path, block_id: str) -> None:
    before = sorted(str(p) for p in tree.parent.rglob("*"))
    with pytest.raises(scaffold.ScaffoldError) as raised:
        scaffold.new_block(str(tree), "year-1", block_id=block_id)
    assert str(raised.value) == (
        f"The block id '{block_id}' is not an id: use lower-case letters, digits and "
        "single hyphens, like 'routines-w1'."
    )
    assert sorted(str(p) for p in tree.parent.rglob("*")) == before
