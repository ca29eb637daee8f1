"""Fixture edits: the one way a test changes a copy of a content tree.

Each edit is a small frozen value naming a file relative to the tree, and `apply(root)` makes the
change in the tree at `root`. `replace_once` is the replacement at their heart, for tests that
edit a file by its full path. Files are read and written as bytes (UTF-8), so line ends stay as
they are: a CRLF file keeps its CRLF.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there, once) with `new` in the file at `path`."""
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_bytes(text.replace(old, new).encode("utf-8"))


class FixtureEdit(Protocol):
    """A change to one file of a content tree."""

    def apply(self, root: Path) -> None: ...


@dataclass(frozen=True)
class Edit:
    """Replace `old` (there exactly once) with `new` in `file`."""

    file: str
    old: str
    new: str

    def apply(self, root: Path) -> None:
        replace_once(root / self.file, self.old, self.new)


@dataclass(frozen=True)
class Write:
    """Write `content` (text, as UTF-8, or bytes) to `file`, creating it and its folders or replacing it."""

    file: str
    content: str | bytes

    def apply(self, root: Path) -> None:
        path = root / self.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.content.encode("utf-8") if isinstance(self.content, str) else self.content)


@dataclass(frozen=True)
class Append:
    """Add `text` (as UTF-8) to the end of `file`."""

    file: str
    text: str

    def apply(self, root: Path) -> None:
        with open(root / self.file, "ab") as handle:
            handle.write(self.text.encode("utf-8"))


@dataclass(frozen=True)
class Remove:
    """Delete `file`."""

    file: str

    def apply(self, root: Path) -> None:
        (root / self.file).unlink()


@dataclass(frozen=True)
class Link:
    """Make `file` a symbolic link to `target` (as written: absolute, or relative to the link's folder)."""

    file: str
    target: str

    def apply(self, root: Path) -> None:
        os.symlink(self.target, root / self.file)


@dataclass(frozen=True)
class SymlinkOut:
    """Replace `file` with a link to a file beside (outside) the content folder."""

    file: str

    def apply(self, root: Path) -> None:
        outside = root.parent / "outside.txt"
        outside.write_text("not content\n", encoding="utf-8")
        (root / self.file).unlink(missing_ok=True)
        os.symlink(outside, root / self.file)


@dataclass(frozen=True)
class Transform:
    """Replace the bytes of `file` with `change` of them."""

    file: str
    change: Callable[[bytes], bytes]

    def apply(self, root: Path) -> None:
        path = root / self.file
        path.write_bytes(self.change(path.read_bytes()))


@dataclass(frozen=True)
class Fifo:
    """Make `file` a named pipe: opening it to read waits for a writer, for ever."""

    file: str

    def apply(self, root: Path) -> None:
        os.mkfifo(root / self.file)


@dataclass(frozen=True)
class Socket:
    """Make `file` a Unix socket (opening one fails at once: a regression reports, never hangs)."""

    file: str

    def apply(self, root: Path) -> None:
        path = root / self.file
        here = os.getcwd()
        os.chdir(path.parent)  # a socket's path is limited to about 100 bytes: bind by its name alone
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind(path.name)
        finally:
            os.chdir(here)
