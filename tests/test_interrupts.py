"""Faults in our commands (induction/interrupts.py): a signal to the importer removes the folder it
was writing and leaves the destination as it was; a full disk is a message, never a traceback,
for the import and for the build."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED, make_tree
from process_support import small_disk, wait_for

CORPUS = SHARED / "corpus" / "dfe-support-for-ects" / "content"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared DfE corpus is not at {CORPUS}")
IMPORT = [sys.executable, str(ROOT / "scripts" / "import_dfe.py"), str(CORPUS)]


@needs_corpus
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_import_and_removes_what_it_was_writing(tmp_path, signum):
    dest = tmp_path / "dest"
    importer = subprocess.Popen([*IMPORT, str(dest)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: list(tmp_path.glob(".import-new-*/*")), "the import to start writing")
    importer.send_signal(signum)
    _, stderr = importer.communicate(timeout=60)
    assert importer.returncode == 128 + signum
    assert stderr == f"Stopped by {signal.Signals(signum).name}; {dest} was left as it was.\n"
    assert list(tmp_path.iterdir()) == []  # no .import-new-*, no dest


@needs_corpus
def test_a_full_disk_is_a_message_for_the_import(tmp_path):
    dest = tmp_path / "dest"
    result = subprocess.run([*IMPORT, str(dest)], capture_output=True, text=True, preexec_fn=small_disk)
    assert result.returncode == 1
    assert result.stderr == (f"error: The import could not write {dest}: File too large. {dest} was left as it "
                             "was; free some space or fix the folder's permissions and import again.\n")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_message_for_the_build(tmp_path):
    content, out = make_tree(tmp_path), tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out / "site")],
                            env=env, capture_output=True, text=True, preexec_fn=small_disk, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("The build could not write the site: File too large (")
    assert result.stderr.endswith("site/ was left as it was; free some space or fix the folder's permissions and "
                                  "build again.\n")
    assert list(out.iterdir()) == []  # no .site-new-*, no half-written site/
