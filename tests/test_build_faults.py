"""scripts/build.py under faults: a signal ends MkDocs and removes the temporary folder; an error the
user can cause (permissions) is a message, not a traceback; the previous site is kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree
from process_support import children, wait_for


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_mkdocs_and_removes_the_temporary_folder(tmp_path, signum):
    content, out = make_tree(tmp_path), tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
    build = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out / "site")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(lambda: children(build.pid) and list(out.glob(".site-new-*")), "mkdocs to start")
    mkdocs = children(build.pid)
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 128 + signum
    assert f"Stopped by {signal.Signals(signum).name}; " in stderr and stderr.endswith("/ was left as it was.\n")
    assert "Traceback" not in stderr
    assert list(out.iterdir()) == []  # no .site-new-*, no site/
    assert all(not Path(f"/proc/{pid}").exists() for pid in mkdocs)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_that_cannot_be_written_is_a_message(tmp_path):
    content, out = make_tree(tmp_path), tmp_path / "locked"
    out.mkdir()
    out.chmod(0o555)
    try:
        env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out / "site")],
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        out.chmod(0o755)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("The build could not write the site: Permission denied")


def test_a_site_folder_under_a_file_is_a_message(tmp_path):
    content, blocker = make_tree(tmp_path), tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be\n")
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(blocker / "site")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("The build could not write the site: ")
    assert "free some space or fix the folder's permissions and build again." in result.stderr


# A signal during the swap: scripts/build.py run in this process, with `mkdocs build` replaced by a
# stand-in that writes a one-page site, and a SIGTERM sent exactly between the swap's two renames.

sys.path.insert(0, str(ROOT / "scripts"))
import build as build_script  # noqa: E402  (scripts/ is run as files, not imported as a package, here)

from induction.publish import destinations  # noqa: E402

pytestmark = [pytest.mark.build]  # what every test here needs (tests/marks_support.py)


class FakeMkDocs:
    """Stands for `mkdocs build`: writes a one-page site into its -d folder and succeeds."""

    def __init__(self, args: list[str], **options: object) -> None:
        Path(args[args.index("-d") + 1], "index.html").write_text("new site")
        self.returncode, self.pid = 0, -1

    def communicate(self) -> tuple[str, str]:
        return "", ""

    def poll(self) -> int:
        return 0


@pytest.fixture
def own_handlers():
    """build.py's main installs its signal handlers in this process: put pytest's back after."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def old_site(tmp_path: Path) -> Path:
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    destinations.mark(str(site), destinations.SITE, "an earlier build")
    (site / "index.html").write_text("old site")
    return site


def test_a_signal_between_the_renames_finishes_the_swap_and_says_so(tmp_path, monkeypatch, capsys, own_handlers):
    site, rename = old_site(tmp_path), os.replace
    renames: list[str] = []

    def replace_then_signal(source: str, target: str) -> None:
        rename(source, target)
        renames.append(target)
        if len(renames) == 1:  # the old site is aside, the new one not yet in place
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(build_script.subprocess, "Popen", FakeMkDocs)
    monkeypatch.setattr(build_script.os, "replace", replace_then_signal)
    assert build_script.main(["--site-dir", str(site)]) == 128 + signal.SIGTERM
    assert capsys.readouterr().err == f"Stopped by SIGTERM; {os.path.relpath(site)}/ was replaced by the new build.\n"
    assert (site / "index.html").read_text() == "new site"
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # no .site-old-*, no .site-new-*


def test_a_signal_before_the_swap_leaves_the_site_and_nothing_else(tmp_path, monkeypatch, capsys, own_handlers):
    site = old_site(tmp_path)

    class Signalled(FakeMkDocs):
        def communicate(self) -> tuple[str, str]:
            os.kill(os.getpid(), signal.SIGINT)  # as the build ends, before anything is swapped
            return "", ""

    monkeypatch.setattr(build_script.subprocess, "Popen", Signalled)
    assert build_script.main(["--site-dir", str(site)]) == 128 + signal.SIGINT
    assert capsys.readouterr().err == f"Stopped by SIGINT; {os.path.relpath(site)}/ was left as it was.\n"
    assert (site / "index.html").read_text() == "old site"
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for whoever adopted it to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # gone meanwhile
        return b""


def in_session(sid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[4]) == sid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_mkdocs_dies_with_a_build_killed_by_sigkill_and_writes_nothing_more(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, ECT_CONTENT=str(ROOT / "content"), NO_MKDOCS_2_WARNING="true")  # the sample: ~10 s
    build = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out / "site")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def mkdocs() -> list[int]:  # the child once it runs mkdocs (not while it is still a copy of build.py)
        return [pid for pid in children(build.pid) if b"mkdocs" in cmdline(pid)]

    wait_for(mkdocs, "mkdocs to start")
    [child] = mkdocs()
    build.kill()
    build.wait()
    wait_for(lambda: not alive(child), "mkdocs to end with the build", limit=3)
    assert in_session(child) == []  # nothing it started lives on either: nothing can write any more


def test_the_next_build_removes_what_a_killed_build_left_and_nothing_a_running_one_writes(
    tmp_path, monkeypatch, own_handlers
):
    site = old_site(tmp_path)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = [site.parent / f".site-new-{gone.stdout.strip()}-abc", site.parent / f".site-old-{gone.stdout.strip()}-de"]
    live = site.parent / f".site-new-{os.getpid()}-xyz"  # a build still running (this process) is left alone
    for folder in (*left, live):
        (folder / "page").mkdir(parents=True)
    monkeypatch.setattr(build_script.subprocess, "Popen", FakeMkDocs)
    assert build_script.main(["--site-dir", str(site)]) == 0
    assert sorted(p.name for p in site.parent.iterdir()) == [live.name, "site"]
