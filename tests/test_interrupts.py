"""Faults in our commands (induction/publish/interrupts.py): a signal to the importer removes the folder it
was writing and leaves the destination as it was; a full disk is a message, never a traceback,
for the import and for the build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from conftest import CORPUS, FRAMEWORK, ROOT, make_tree
from process_support import small_disk, wait_for
from test_importer_pipeline import source_tree

from induction.importer import destination
from induction.importer.pipeline import run_import
from induction.publish.interrupts import Interrupted, stop_on_signals

needs_corpus = pytest.mark.corpus  # skipped where the corpus is absent (conftest.py)
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
    assert result.stderr == (
        f"error: The import could not write {dest}: File too large. {dest} was left as it "
        "was; free some space or fix the folder's permissions and import again.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.build
def test_a_full_disk_is_a_message_for_the_build(tmp_path):
    content, out = make_tree(tmp_path), tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(out / "site")],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("The build could not write the site: File too large (")
    assert result.stderr.endswith(
        "site/ was left as it was; free some space or fix the folder's permissions and build again.\n"
    )
    assert list(out.iterdir()) == []  # no .site-new-*, no half-written site/


def test_a_signal_between_the_renames_of_an_import_finishes_the_swap_and_says_so(tmp_path, monkeypatch):
    """The import's swap, with a SIGTERM sent exactly between its two renames (in this process)."""
    source, dest = source_tree(tmp_path / "source"), tmp_path / "out" / "dest"
    run_import(str(source), str(dest), str(FRAMEWORK))
    (source / "p" / "year-1-a" / "autumn-week-2-ect-task.md").write_text('---\ntitle: "Task"\n---\n\nNew text.\n')
    rename, renames = os.replace, []

    def replace_then_signal(source: str, target: str) -> None:
        rename(source, target)
        renames.append(target)
        if len(renames) == 1:  # the earlier import is aside, the new one not yet in place
            os.kill(os.getpid(), signal.SIGTERM)

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    monkeypatch.setattr(destination.os, "replace", replace_then_signal)
    try:
        stop_on_signals()
        with pytest.raises(Interrupted) as stop:
            run_import(str(source), str(dest), str(FRAMEWORK))
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    assert stop.value.finished  # import_dfe.py says "... was replaced by the new import."
    assert "New text." in (dest / "p" / "year-1" / "a" / "a-autumn-week-2-ect-task.md").read_text()
    assert [p.name for p in dest.parent.iterdir()] == ["dest"]  # no .import-old-*, no .import-new-*


@pytest.mark.parametrize(
    ("finished", "said"), [(True, "was replaced by the new import"), (False, "was left as it was")]
)
def test_the_import_script_says_whether_the_destination_was_replaced(tmp_path, monkeypatch, capsys, finished, said):
    sys.path.insert(0, str(ROOT / "scripts"))
    import import_dfe  # noqa: PLC0415  (scripts/ is run as files)

    def stopped(*args: object) -> None:
        raise Interrupted(signal.SIGTERM, finished=finished)

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    monkeypatch.setattr(import_dfe, "run_import", stopped)
    try:
        assert import_dfe.main([str(tmp_path), str(tmp_path / "dest")]) == 128 + signal.SIGTERM
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    assert capsys.readouterr().err == f"Stopped by SIGTERM; {tmp_path / 'dest'} {said}.\n"
