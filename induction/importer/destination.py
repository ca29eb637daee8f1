"""Destination: the folder an import writes, written fresh beside it and swapped in whole.

The import never writes into the destination itself and never deletes anything but an earlier
import's output: it writes a fresh folder beside the destination (same file system, so the swap is
two renames, as `scripts/build.py` does for site/), validates it, and only then puts it in place.
A destination that holds anything but an earlier import's files (those its `import-report.json`
lists), or that holds the source itself, is refused before anything is written.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile

MARKER = "import-report.json"  # what every import writes: an earlier import's output has it


class DestinationRefused(ValueError):
    """The destination cannot be replaced without losing something the import did not make."""


def _contains(folder: str, path: str) -> bool:
    folder, path = os.path.realpath(folder), os.path.realpath(path)
    return os.path.commonpath([folder, path]) == folder


def prepare(source: str, dest: str) -> str:
    """A new empty folder beside `dest` to write the import into (DestinationRefused if `dest`
    must not be replaced)."""
    if _contains(dest, source):
        raise DestinationRefused(f"The destination {dest} holds the source folder {source}; "
                                 "choose a destination outside it.")
    if os.path.lexists(dest):
        if not os.path.isdir(dest):
            raise DestinationRefused(f"The destination {dest} is a file, not a folder.")
        foreign = _foreign(dest)
        if foreign:
            raise DestinationRefused(f"The destination {dest} holds files that no import wrote ({', '.join(foreign)}); "
                                     "choose a new or empty folder, or move them out.")
    parent = os.path.dirname(os.path.abspath(dest))
    os.makedirs(parent, exist_ok=True)
    return tempfile.mkdtemp(prefix=".import-new-", dir=parent)


def written(root: str) -> list[str]:
    """Every file below `root` (relative, with /), sorted, symbolic links included as files."""
    out = []
    for current, dirs, files in os.walk(root):
        dirs.sort()
        out += [os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/") for name in files]
        out += [os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/") + "/"
                for name in dirs if os.path.islink(os.path.join(current, name))]
    return sorted(out)


def _foreign(dest: str) -> list[str]:
    """Up to three files of `dest` that the import recorded in it did not write (all, if none did)."""
    present = written(dest)
    try:
        with open(os.path.join(dest, MARKER), encoding="utf-8") as handle:
            listed = set(json.load(handle).get("files", []))
    except (OSError, ValueError, AttributeError):
        listed = set()
    listed |= {MARKER, "import-report.md"} if listed else set()
    return [path for path in present if path not in listed][:3]


def swap(fresh: str, dest: str) -> None:
    """Put `fresh` in place of `dest`: the old import is moved aside, then removed."""
    os.chmod(fresh, 0o755)  # mkdtemp makes it private
    old = None
    if os.path.lexists(dest):
        old = tempfile.mkdtemp(prefix=".import-old-", dir=os.path.dirname(os.path.abspath(dest)))
        os.rmdir(old)
        os.replace(dest, old)
    os.replace(fresh, dest)
    if old:
        shutil.rmtree(old, ignore_errors=True)
