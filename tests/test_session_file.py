"""The load stage's session-file cache (induction/load/session_file.py), and the caches of the
check and render stages kept by a body's or a title's text, as the live preview uses them: each
load of an edited content folder reuses what was read before, and yields what a fresh reading of
the folder yields (the same problems, the same rendered pages) whatever the edit: front matter,
body, a problem in a file, block.yaml, programme.yaml, site.yaml, a new file, a deleted file, and
a changed text whose modification time was put back."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_tree
from edits import replace_once

from induction import body
from induction.check import body_refusals, nesting
from induction.check.pipeline import load_and_check
from induction.load.session_file import read_session
from induction.render import render_site, text

READ = Path("prog/year-1/b1/b1-w1-read.md")
BLOCK = Path("prog/year-1/b1/block.yaml")
NEW = """---
id: b1-w1-extra
role: ect
kind: reading
title: A further reading
minutes: 10
---

Read one more page.
"""


def outcome(root: Path) -> tuple[list[str], dict[str, str]]:
    """What a build makes of the folder: every problem, and each generated page's Markdown."""
    checked = load_and_check(str(root))
    pages = {page.src: page.markdown for page in render_site(checked, {}, "")} if checked.ok else {}
    return [problem.format() for problem in checked.problems], pages


def fresh(root: Path) -> tuple[list[str], dict[str, str]]:
    """The same, with nothing kept from any load before (every cache the preview relies on)."""
    for cache in (read_session, body.read, body_refusals._titles, nesting.list_depth_problem):
        cache.cache_clear()
    for cache in (nesting.html_depth_problem, text._escaped, text._attribute):
        cache.cache_clear()
    return outcome(root)


def kept_mtime(path: Path, old: str, new: str) -> None:
    """A changed text whose modification time is put back: only the text tells."""
    stamp = os.stat(path)
    replace_once(path, old, new)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))


def add_file(root: Path) -> None:
    (root / "prog/year-1/b1/b1-w1-extra.md").write_text(NEW, encoding="utf-8")
    replace_once(root / BLOCK, "ect: [b1-w1-watch, b1-w1-read]", "ect: [b1-w1-watch, b1-w1-read, b1-w1-extra]")


EDITS: dict[str, Callable[[Path], None]] = {
    "front matter": lambda root: replace_once(root / READ, "title: Read about memory", "title: Read about recall"),
    "body": lambda root: replace_once(root / READ, "Read the summary", "Read the abstract"),
    "a problem in front matter": lambda root: replace_once(root / READ, "minutes: 20", "minutes: twenty"),
    "block.yaml": lambda root: replace_once(root / BLOCK, "title: First week", "title: Opening week"),
    "programme.yaml": lambda root: replace_once(
        root / "prog/programme.yaml", "title: Test programme", "title: Renamed programme"
    ),
    "site.yaml": lambda root: replace_once(root / "site.yaml", "title: Test site", "title: Renamed site"),
    "a new file": add_file,
    "a deleted file": lambda root: (root / "prog/year-1/b1/b1-w1-watch.md").unlink(),
    "the same modification time": lambda root: kept_mtime(root / READ, "Read the summary", "Read the abstract"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_a_load_after_an_edit_is_what_a_fresh_load_makes_of_the_folder(tmp_path: Path, edit) -> None:
    tree = make_tree(tmp_path)
    before = fresh(tree)
    assert outcome(tree) == before  # read again from what was kept
    edit(tree)
    after = outcome(tree)
    assert after != before  # the edit shows
    assert after == fresh(tree)
    assert outcome(tree) == after  # and a file kept with its problems reports them again


def test_a_session_file_is_read_once_per_text_and_its_problems_come_with_it(tmp_path: Path) -> None:
    path = str(tmp_path / "x.md")
    text = "---\nid: x\nrole: ect\nkind: reading\ntitle: X\nminutes: many\n---\n\nBody.\n"
    session, problems = read_session(str(tmp_path), path, text)
    assert read_session(str(tmp_path), path, text)[0] is session
    assert [p.format() for p in problems] == [
        "x.md:6: error [wrong-type] Expected a whole number for 'minutes' in the front matter but found 'many'."
    ]
    assert session is not None and not session.complete
    other, found = read_session(str(tmp_path), path, text.replace("minutes: many", "minutes: 5"))
    assert other is not None and other.minutes == 5 and other.complete and found == ()
