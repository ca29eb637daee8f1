"""Broken and hostile sources (tests/hostile/cases.py): each yields its exact problems and exit 1.

Every case runs in process through `scripts/validate.py`'s main (fast); a handful also run as
the command authors type, to prove the exit code and that no traceback reaches the terminal.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree
from edits import Fifo, Link, replace_once
from hostile.cases import CASES, Case

from induction.check.pipeline import load_and_check

sys.path.insert(0, str(ROOT / "scripts"))
import validate  # noqa: E402

BY_NAME = {case.name: case for case in CASES}
AS_COMMAND = [
    "script-in-session",
    "yaml-alias-bomb",
    "yaml-deep-nesting",
    "very-large-file",
    "not-utf8-yaml",
    "symlink-out-of-tree",
    "event-minutes-10-to-the-14",
    "term-in-december-9999",
    "socket-as-session",
    "list-nested-900-deep",
    "details-nested-3000-deep",
]


def broken(tmp_path: Path, case: Case) -> Path:
    root = make_tree(tmp_path)
    for change in case.edits:
        change.apply(root)
    return root


def test_the_catalogue_holds_at_least_40_distinct_cases():
    assert len(BY_NAME) == len(CASES) >= 40
    # Some cases reach one problem by different roads (a BOM or CRLF file, markup or Markdown): still 40+ apart.
    assert len({tuple(case.expected) for case in CASES}) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_reports_its_exact_problems_and_exits_1(tmp_path, capsys, case):
    root = broken(tmp_path, case)
    assert validate.main(["--content", str(root)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed[:-1] == case.expected
    assert printed[-1].startswith(f"{len(case.expected)} error")


@pytest.mark.parametrize("name", AS_COMMAND)
def test_case_as_a_command_exits_1_without_a_traceback(tmp_path, name):
    root = broken(tmp_path, BY_NAME[name])
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--content", str(root)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[:-1] == BY_NAME[name].expected


NOT_A_FILE = (
    "error [not-a-file] The path is {}, not a regular file, so it was not read. Content files must be "
    "ordinary files: delete it, or put the file itself in its place."
)


@pytest.mark.parametrize(
    "edit, expected",
    [
        (
            Fifo("prog/year-1/b1/b1-w1-extra.md"),
            ["minimal/prog/year-1/b1/b1-w1-extra.md:1: " + NOT_A_FILE.format("a named pipe (FIFO)")],
        ),
        (
            Link("prog/year-1/b1/b1-w1-zero.md", "/dev/zero"),
            [
                "minimal/prog/year-1/b1/b1-w1-zero.md:1: "
                + NOT_A_FILE.format("a symbolic link to a character device (/dev/zero)"),
                "minimal/prog/year-1/b1/b1-w1-zero.md:1: error [symlink-outside] 'b1-w1-zero.md' is a link to a place "
                "outside the content folder. Copy the file into the content folder instead of linking to it.",
            ],
        ),
        (
            Fifo("frameworks/extra.yaml"),
            ["minimal/frameworks/extra.yaml:1: " + NOT_A_FILE.format("a named pipe (FIFO)")],
        ),
    ],
    ids=["fifo-session", "dev-zero-session", "fifo-framework"],
)
def test_what_is_not_a_regular_file_is_reported_never_opened(tmp_path, edit, expected):
    """A pipe hung validation (and the build) with no message; /dev/zero was read to a MemoryError.
    Run as a command under a timeout and a memory limit, so that a regression fails, never hangs."""
    root = make_tree(tmp_path)
    edit.apply(root)
    command = [sys.executable, str(ROOT / "scripts" / "validate.py"), "--content", str(root)]
    limit = "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                limit + "import runpy; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                *command[1:],
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin"},
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("Validation did not finish in 60 s.")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == expected


def test_a_byte_order_mark_is_accepted_silently(tree):
    for path in [tree / "prog/year-1/b1/block.yaml", tree / "prog/year-1/b1/b1-w1-read.md"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_and_check(str(tree)).report() == "No problems in 16 files."


def test_crlf_line_ends_are_accepted_and_keep_lines(tree):
    for path in tree.rglob("*"):
        if path.suffix in (".md", ".yaml"):
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_and_check(str(tree)).report() == "No problems in 16 files."


def test_strip_mode_removes_unsafe_html_with_a_warning(tree):
    replace_once(tree / "prog/programme.yaml", "coverage: off", "coverage: off\n  unsafe_html: strip")
    read = tree / "prog/year-1/b1/b1-w1-read.md"
    read.write_text(read.read_text() + '\n<script>steal()</script><span class="x" onclick="steal()">Hi</span>\n')
    checked = load_and_check(str(tree))
    assert checked.ok
    assert [p.format() for p in checked.problems] == [
        "minimal/prog/year-1/b1/b1-w1-read.md:12: warning [unsafe-html] The attribute 'onclick' on <span> is not "
        "allowed: content may not run scripts. It was removed (settings.unsafe_html: strip).",
        "minimal/prog/year-1/b1/b1-w1-read.md:12: warning [unsafe-html] The element <script> is not allowed: "
        "content may not run scripts. It was removed (settings.unsafe_html: strip).",
    ]
    body = checked.site.programmes[0].sessions["b1-w1-read"].body
    assert body.endswith('\n<span class="x">Hi</span>\n')


def test_the_check_stage_only_reports_and_strip_mode_publishes_a_copy(tree):
    from induction.check.checks import check_site
    from induction.check.pipeline import Checked, cleaned
    from induction.load.loader import load_site

    replace_once(tree / "prog/programme.yaml", "coverage: off", "coverage: off\n  unsafe_html: strip")
    read = tree / "prog/year-1/b1/b1-w1-read.md"
    read.write_text(read.read_text() + '\n<span onclick="steal()">Hi</span>\n')
    site, problems = load_site(str(tree))
    before = site.programmes[0].sessions["b1-w1-read"].body
    places = check_site(site, problems)
    assert site.programmes[0].sessions["b1-w1-read"].body == before  # checked, not changed
    published = cleaned(Checked(site, places, problems))
    assert site.programmes[0].sessions["b1-w1-read"].body == before
    session = published.site.programmes[0].sessions["b1-w1-read"]
    assert session.body.endswith("\n<span>Hi</span>\n")
    # the copy's places lead to the copy's sessions, so render reads the cleaned bodies
    assert any(p.session is session for p in published.places["prog"].in_order())


def test_strip_mode_keeps_address_problems_errors(tree):
    replace_once(tree / "prog/programme.yaml", "coverage: off", "coverage: off\n  unsafe_html: strip")
    read = tree / "prog/year-1/b1/b1-w1-read.md"
    read.write_text(read.read_text() + "\n[Click](javascript:alert(1))\n")
    assert [p.code for p in load_and_check(str(tree)).problems.errors] == ["unsafe-url"]


def test_settings_replace_the_forbidden_hosts_and_video_hosts(tree):
    replace_once(
        tree / "prog/programme.yaml",
        "coverage: off",
        "coverage: off\n  forbidden_hosts: [draft.example]\n  video_hosts: [videos.example.org]",
    )
    read = tree / "prog/year-1/b1/b1-w1-read.md"
    read.write_text(
        read.read_text() + "\n[a](https://staging.example.org/) [b](https://draft.example/x)\n\n"
        '<iframe src="https://videos.example.org/e/1" title="x"></iframe>\n'
    )
    assert [p.format() for p in load_and_check(str(tree)).problems] == [
        "minimal/prog/year-1/b1/b1-w1-read.md:12: error [forbidden-host] The address 'https://draft.example/x' "
        "points at a host that is never published ('draft.example' in its name). Link to the published address."
    ]
