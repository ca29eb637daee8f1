"""How the preview learns of a save (induction_mkdocs/watching.py): from the kernel on a local Linux
file system, where reading a file is no save (the build reads them all); by polling elsewhere."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from induction_mkdocs import watching

MOUNTS = """\
/dev/vda / ext4 rw 0 0
proc /proc proc rw 0 0
drvfs /mnt/c 9p rw 0 0
/dev/vdb /mnt/c/Users/Me\\040Two ext4 rw 0 0
"""


def test_a_path_is_on_the_file_system_of_the_longest_mount_point_above_it(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS, encoding="utf-8")
    found = {path: watching.file_system(path, str(mounts)) for path in ("/srv/x", "/mnt/c/x", "/mnt/c/Users/Me Two/x")}
    assert found == {"/srv/x": "ext4", "/mnt/c/x": "9p", "/mnt/c/Users/Me Two/x": "ext4"}
    assert watching.file_system("/x", str(tmp_path / "none")) == ""


class Saves(FileSystemEventHandler):
    """The events reported, as (kind, file name), and a wait for one of a given file."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.changed = threading.Condition()

    def on_any_event(self, event) -> None:  # type: ignore[no-untyped-def]
        if not event.is_directory:
            with self.changed:
                self.events.append((event.event_type, Path(str(event.src_path)).name))
                self.changed.notify_all()

    def wait_for(self, name: str) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: any(n == name for _, n in self.events), timeout=10)


def test_a_folder_on_another_file_system_is_polled(tmp_path, monkeypatch):
    polling = PollingObserver(timeout=0.2)
    watcher = watching.Watcher(polling)
    monkeypatch.setattr(watching, "file_system", lambda path: "9p")
    watch = watcher.schedule(Saves(), str(tmp_path), recursive=True)
    assert watch in polling._handlers and watcher.by_watch == {watch: polling}
    watcher.unschedule(watch)
    assert watcher.by_watch == {}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's notifications are Linux's")
def test_on_a_local_file_system_a_save_is_reported_at_once_and_a_read_never(tmp_path):
    if watching.file_system(str(tmp_path)) not in watching.LOCAL:
        pytest.skip(f"{tmp_path} is on {watching.file_system(str(tmp_path))!r}, which is polled")
    page = tmp_path / "page.md"
    page.write_text("# Page\n", encoding="utf-8")
    watcher, saves = watching.Watcher(PollingObserver(timeout=60)), Saves()  # polling would take a minute
    watch = watcher.schedule(saves, str(tmp_path), recursive=True)
    assert watcher.by_watch[watch] is watcher.native
    watcher.start()
    try:
        # Events come in order: each step ends with a file of its own, whose event says the step's have come.
        (tmp_path / "ready").write_text("", encoding="utf-8")
        assert saves.wait_for("ready")
        saves.events.clear()
        for _ in range(3):  # what a build does to every content file
            page.read_text(encoding="utf-8")
        (tmp_path / "read").write_text("", encoding="utf-8")
        assert saves.wait_for("read")
        assert [name for _, name in saves.events if name == "page.md"] == []
        page.write_text("# Page, edited\n", encoding="utf-8")
        assert saves.wait_for("page.md")
        assert {kind for kind, name in saves.events if name == "page.md"} <= {"modified", "closed"}
        saves.events.clear()  # an editor that writes a new file and renames it over the old one
        (tmp_path / "page.md.new").write_text("# Page, saved whole\n", encoding="utf-8")
        (tmp_path / "page.md.new").replace(page)
        assert saves.wait_for("page.md.new")
        (tmp_path / "after").write_text("", encoding="utf-8")
        assert saves.wait_for("after")
        assert ("moved", "page.md.new") in saves.events
    finally:
        watcher.stop()
        watcher.join(10)
