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
    build = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out / "site")],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
        result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir",
                                 str(out / "site")], env=env, capture_output=True, text=True)
    finally:
        out.chmod(0o755)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("The build could not write the site: Permission denied")


def test_a_site_folder_under_a_file_is_a_message(tmp_path):
    content, blocker = make_tree(tmp_path), tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be\n")
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(blocker / "site")],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("The build could not write the site: ")
    assert "free some space or fix the folder's permissions and build again." in result.stderr
