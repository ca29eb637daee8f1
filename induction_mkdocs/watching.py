"""Watching: how the live preview learns that a file was saved.

MkDocs' server polls every watched folder (its native observers missed or repeated events on some
systems), a tenth of a second of every edit on average at the preview's interval, and each look
walks the whole content folder on the thread beside the build. On Linux, a folder on a local file
system is watched by the kernel instead (inotify): a save is known at once, and nothing walks the
folder. Where the kernel may not see a save (a network drive, Windows' drives under WSL, a
virtual machine's shared folder), and on other systems, the folder is polled as before.

The kernel also reports every file opened and closed unwritten, and the build reads every content
file: only events that change a file are asked for, or each build would start the next.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers.api import BaseObserver, ObservedWatch

# A save, in the kernel's words: written, closed after writing, made, removed or renamed (an editor
# that writes a new file and renames it over the old one).
SAVES: list[type[FileSystemEvent]] = [
    FileModifiedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
]

# File systems whose changes the kernel itself makes, so inotify sees every save.
LOCAL = {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs", "jfs", "reiserfs", "bcachefs"}


def file_system(path: str, mounts: str = "/proc/mounts") -> str:
    """The type of the file system `path` is on (the longest mount point above it), or "" if unknown."""
    try:
        with open(mounts, encoding="utf-8") as handle:
            table = [line.split() for line in handle]
    except OSError:
        return ""
    path = os.path.realpath(path)
    found, depth = "", -1
    for fields in table:
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) > depth:
            found, depth = fields[2], len(point)
    return found


class Watcher:
    """Stands in for MkDocs' server's observer: each watched path goes to the kernel's notifications
    where they see every save (`native`, on Linux), else to MkDocs' own polling observer."""

    def __init__(self, polling: BaseObserver, native: BaseObserver | None = None) -> None:
        self.polling = polling
        self.native = native if native is not None else _inotify()
        self.observers = [o for o in (self.native, self.polling) if o is not None]
        self.by_watch: dict[ObservedWatch, BaseObserver] = {}

    def schedule(self, handler: Any, path: str, *, recursive: bool = False) -> ObservedWatch:
        observer = self.polling
        if self.native is not None and file_system(path) in LOCAL:
            try:
                watch = self.native.schedule(handler, path, recursive=recursive, event_filter=SAVES)
                self.by_watch[watch] = self.native
                return watch
            except OSError:  # the system's limit on watches (fs.inotify.max_user_watches) reached
                pass
        watch = observer.schedule(handler, path, recursive=recursive)
        self.by_watch[watch] = observer
        return watch

    def unschedule(self, watch: ObservedWatch) -> None:
        self.by_watch.pop(watch).unschedule(watch)

    def start(self) -> None:
        for observer in self.observers:
            observer.start()

    def stop(self) -> None:
        for observer in self.observers:
            observer.stop()

    def join(self, timeout: float | None = None) -> None:
        for observer in self.observers:
            if observer.is_alive():
                observer.join(timeout)


def _inotify() -> BaseObserver | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        from watchdog.observers.inotify import InotifyObserver  # noqa: PLC0415 (Linux only)

        return InotifyObserver()
    except (ImportError, OSError):
        return None
