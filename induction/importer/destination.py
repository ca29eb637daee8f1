"""Destination: the folder an import writes, written fresh beside it and swapped in whole.

The import never writes into the destination itself and never deletes anything but an earlier
import's output: it writes a fresh folder beside the destination (same file system, so the swap is
two renames, as `scripts/build.py` does for site/), validates it, and only then puts it in place.
The destination is checked by the project's one rule for output folders (`induction/publish/destinations.py`)
before anything is read or written: it may not be, hold or sit inside the source or the project's
content or docs folder, nor be or hold the project, home or root folder; and when it exists it must
be empty or an earlier import: every file in it one its `import-report.json` lists (imports made
before the marker have only that report; the marker is listed as the import's own too).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass

from induction.publish import destinations
from induction.publish.destinations import Guarded, Kind

MARKER = "import-report.json"  # what every import writes: an earlier import's output has it


class DestinationRefused(destinations.Refused):
    """The destination cannot be replaced without losing something the import did not make."""


@dataclass(frozen=True)
class _Imports(Kind):
    def foreign(self, folder: str) -> list[str]:
        return _foreign(folder)


IMPORT = _Imports("import", "The destination", "importing there", "no import", "delete", lambda folder: False)


def check(source: str, dest: str, guarded: list[Guarded]) -> None:
    """DestinationRefused if an import may not be written at `dest` (nothing is touched)."""
    message = destinations.refusal(dest, IMPORT, [Guarded("the source folder", source, True), *guarded])
    if message:
        raise DestinationRefused(message)


def prepare(dest: str) -> str:
    """A new empty folder beside `dest` (already checked) to write the import into."""
    return destinations.temporary(dest, "import-new")


def written(root: str) -> list[str]:
    """Every file below `root` (relative, with /), sorted, symbolic links included as files."""
    out = []
    for current, dirs, files in os.walk(root):
        dirs.sort()
        out += [os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/") for name in files]
        out += [
            os.path.relpath(os.path.join(current, name), root).replace(os.sep, "/") + "/"
            for name in dirs
            if os.path.islink(os.path.join(current, name))
        ]
    return sorted(out)


def _foreign(dest: str) -> list[str]:
    """Up to three files of `dest` that the import recorded in it did not write (all, if none did)."""
    present = written(dest)
    try:
        with open(os.path.join(dest, MARKER), encoding="utf-8") as handle:
            listed = set(json.load(handle).get("files", []))
    except (OSError, ValueError, AttributeError):
        listed = set()
    listed |= {MARKER, "import-report.md", destinations.MARKER} if listed else set()
    return [path for path in present if path not in listed][:3]


def swap(fresh: str, dest: str) -> None:
    """Put `fresh` in place of `dest`: the old import is moved aside, then removed (the caller
    holds signals, so the two renames happen both or, on an error, neither)."""
    os.chmod(fresh, 0o755)  # mkdtemp makes it private
    old = None
    if os.path.lexists(dest):
        old = destinations.temporary(dest, "import-old")
        os.rmdir(old)
        os.replace(dest, old)
    try:
        os.replace(fresh, dest)
    except OSError:
        if old:
            os.replace(old, dest)  # put the earlier import back before reporting
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)
