"""Destinations: the one rule for every folder a command replaces or writes into (the site, the
offline copy, the PDFs, the export, an import's content folder), applied before anything is written.

A command writes a folder that is new, empty, or one this project made: a marker file in it
(`MARKER`, holding the kind of output) says so, and every command writes one. It never writes a
folder that is, holds or sits inside a folder of sources (the content folder, the docs folder,
an import's source), nor one that is or holds the project folder (the folder of mkdocs.yml), the
user's home folder or `/`. Outputs inside the project folder are fine: site/, pdf/ and export/
live there. Paths are compared after resolving symbolic links, so a link cannot make one folder
pass for another. MkDocs has a guard of its own, but the build only ever shows it a temporary
folder, so this rule is the only one that sees the folder the user named.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from induction.load import site_config

MARKER = ".induction-output"  # in every folder a command made; its first line is the Kind's name


class Refused(ValueError):
    """The folder cannot be written without losing or mixing up something no command made."""


@dataclass(frozen=True)
class Kind:
    """One kind of output folder: its words in messages and how to recognise one made before the marker."""

    name: str  # the marker's first line
    noun: str  # "The site folder"
    doing: str  # "building there"
    maker: str  # "no build"
    harm: str  # what writing there does to files it did not make
    made_before_marker: Callable[[str], bool]  # a folder an earlier version made, with no marker yet

    def foreign(self, folder: str) -> list[str]:
        """Up to three entries of `folder` this kind did not make (none when it made the folder)."""
        entries = sorted(os.listdir(folder))
        if not entries or _marked(folder, self.name) or self.made_before_marker(folder):
            return []
        return [entry + ("/" if os.path.isdir(os.path.join(folder, entry)) else "") for entry in entries][:3]


@dataclass(frozen=True)
class Guarded:
    """A folder a destination may not be or hold; with `sources`, not sit inside either."""

    label: str  # "the content folder"
    path: str
    sources: bool


def _marked(folder: str, name: str) -> bool:
    path = os.path.join(folder, MARKER)
    if not os.path.isfile(path):  # a FIFO of that name would hang the read: only a regular file counts
        return False
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.readline(64).strip() == name
    except (OSError, UnicodeDecodeError):
        return False


def _holds_all(*names: str) -> Callable[[str], bool]:
    return lambda folder: all(os.path.exists(os.path.join(folder, name)) for name in names)


def _only_packs(folder: str) -> bool:
    return all(name.endswith("-mentor-pack.pdf") for name in os.listdir(folder))


# Sites built before the marker existed have none; refusing them would stop every `make site`
# after an upgrade. A folder holding MkDocs' index.html and sitemap.xml and our curriculum.json
# is such a site (no other tool writes that trio), and it is accepted this once: the build
# writes the marker, so the next build recognises it by that. Likewise pdf/ holding only packs,
# and export/ holding what every export writes (its csp.py is not found in other projects).
SITE = Kind(
    "site",
    "The site folder",
    "building there",
    "no build",
    "delete",
    _holds_all("index.html", "sitemap.xml", "curriculum.json"),
)
PDFS = Kind("pdf", "The PDF folder", "printing there", "no PDF printing", "overwrite", _only_packs)
# A crosswalk's rewritten copy of a content folder (scripts/crosswalk.py --out): a content folder
# itself, so it is never taken for anything else without its marker.
CROSSWALK = Kind(
    "crosswalk",
    "The destination folder",
    "writing the rewritten content there",
    "no crosswalk run",
    "overwrite",
    lambda folder: False,
)
EXPORT = Kind(
    "export",
    "The export folder",
    "exporting there",
    "no export",
    "delete",
    _holds_all("mkdocs.yml", "csp.py", "README.md", "docs"),
)


def mark(folder: str, kind: Kind, by: str) -> None:
    """Write the marker that makes `folder` one this project made (and may replace next time)."""
    with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as handle:
        handle.write(f"{kind.name}\nWritten by {by}; the next run may replace this folder whole.\n")


def project_folders(config_file: str, content: str | None = None, home: str | None = None) -> list[Guarded]:
    """What no output may be or hold, for the project whose mkdocs.yml is `config_file`: its
    content folder (`content`, else the one the build reads) and docs folder (nor sit inside
    them), the project folder, the home folder and `/`."""
    root = os.path.dirname(os.path.abspath(config_file))
    return [
        Guarded("the project folder", root, False),  # first: what `..` holds is said as the project
        Guarded("the content folder", content or site_config.content_root(config_file), True),
        Guarded("the docs folder", _docs_root(config_file), True),
        *common_folders(home),
    ]


def common_folders(home: str | None = None) -> list[Guarded]:
    """What no output may be or hold, whatever the project: the home folder and `/`."""
    home = os.path.expanduser("~") if home is None else home
    return [Guarded("your home folder", home, False), Guarded("the root folder", os.path.abspath(os.sep), False)]


def _docs_root(config_file: str) -> str:
    """mkdocs.yml's `docs_dir` (through INHERIT, as MkDocs reads it), relative to its folder."""
    path, seen = os.path.abspath(config_file), set()
    while os.path.isfile(path) and path not in seen:
        seen.add(path)
        config = site_config.read(path)
        if isinstance(config.get("docs_dir"), str):
            return os.path.join(os.path.dirname(path), config["docs_dir"])
        if not isinstance(config.get("INHERIT"), str):
            break
        path = os.path.join(os.path.dirname(path), config["INHERIT"])
    return os.path.join(os.path.dirname(os.path.abspath(config_file)), "docs")


def _same(one: str, other: str) -> bool:
    """The same folder: by identity where both exist (a case-insensitive disk, a bind mount), else by path."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one == other


def _lineage(path: str) -> list[str]:
    """`path` and every folder above it, up to `/`."""
    out = [path]
    while os.path.dirname(out[-1]) != out[-1]:
        out.append(os.path.dirname(out[-1]))
    return out


RELATIONS = ("is", "holds", "is inside")


def _relation(dest: str, guarded: Guarded) -> str | None:
    """How the resolved `dest` stands to a guarded folder, in words, when the rule forbids it."""
    other = os.path.realpath(guarded.path)
    if _same(dest, other):
        return "is"
    if any(_same(dest, above) for above in _lineage(other)[1:]):
        return "holds"
    if guarded.sources and any(_same(above, other) for above in _lineage(dest)[1:]):
        return "is inside"
    return None


def refusal(dest: str, kind: Kind, guarded: list[Guarded]) -> str | None:
    """Why `kind` may not be written at `dest` (a message saying what, why and what to do), or None."""
    real = os.path.realpath(dest)
    fix = "Nothing was changed; choose a new or empty folder"
    found = [(relation, folder) for folder in guarded if (relation := _relation(real, folder))]
    if found:  # the closest relation: `.` is the project folder first, though it holds the content too
        relation, folder = min(found, key=lambda item: RELATIONS.index(item[0]))
        what = "mix the output into the sources" if relation == "is inside" else f"{kind.harm} it"
        return (
            f"{kind.noun} {dest} {relation} {folder.label} ({os.path.realpath(folder.path)}): "
            f"{kind.doing} would {what}. {fix}."
        )
    if not os.path.lexists(real):
        return None
    if not os.path.isdir(real):
        return f"{kind.noun} {dest} is a file, not a folder. {fix}."
    if os.path.lexists(os.path.join(real, ".git")):
        return (
            f"{kind.noun} {dest} is a git repository (it holds .git): {kind.doing} would {kind.harm} its files. {fix}."
        )
    foreign = kind.foreign(real)
    if foreign:
        return (
            f"{kind.noun} {dest} holds files that {kind.maker} wrote ({', '.join(foreign)}): {kind.doing} "
            f"would {kind.harm} them. {fix}, or move them out."
        )
    return None


def check(dest: str, kind: Kind, guarded: list[Guarded]) -> None:
    """Raise `Refused` when `kind` may not be written at `dest`."""
    message = refusal(dest, kind, guarded)
    if message:
        raise Refused(message)


# The temporary folders beside a destination: `.site-new-<pid>-…` while a build writes, `.site-old-<pid>-…`
# while the site it replaces is removed (likewise `.import-`). The pid says whose: one whose command
# is gone (killed by SIGKILL, which no handler sees, or by a power cut) is removed by the next run.
_TEMPORARY = re.compile(r"\.(?:site|import|crosswalk)-(?:new|old)-(\d+)-")


def temporary(dest: str, stage: str) -> str:
    """A new empty folder beside `dest` (the same file system, so the swap is a rename) for `stage`
    ("site-new", "import-old", ...), after removing those that commands now gone left there."""
    parent = os.path.dirname(os.path.abspath(dest))
    os.makedirs(parent, exist_ok=True)
    for name in os.listdir(parent):
        match = _TEMPORARY.match(name)
        if match and not _running(int(match.group(1))):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
    return tempfile.mkdtemp(prefix=f".{stage}-{os.getpid()}-", dir=parent)


def _running(pid: int) -> bool:
    if os.name != "posix":  # no harmless way to ask elsewhere (os.kill ends the process): keep its folder
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
