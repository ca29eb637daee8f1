"""What a test needs beyond Python, as pytest marks (registered in pyproject.toml), so that
`make test-unit` runs only the tests that need nothing else:

- build: builds a site, a wheel or an export (mkdocs, properdocs, scripts/build.py, pip wheel);
- browser: starts Chromium (through Playwright, or a script that prints with it);
- external: Java and the Nu HTML Checker, poppler's pdftotext, or a second environment
  (.venv-zensical);
- corpus: reads the shared DfE corpus (skipped where it is absent).

A test without any of them is a unit test. Marks come from three places: the fixtures a test uses
(FIXTURE_MARKS, applied in conftest.py), `pytestmark` in a module, or a decorator on a test. They are
kept true while the tests run: every subprocess a test (or a fixture it uses) starts is classified
by its command line (`needs_of`), and a test that starts what its marks do not declare fails,
saying which mark to add. tests/test_marks.py checks the same statically, by the names a module uses.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

NEEDS = ("build", "browser", "external", "corpus")

# Shared fixtures that build or start something, and the marks a test using them needs.
FIXTURE_MARKS: dict[str, tuple[str, ...]] = {
    "sample_site": ("build",),
}

# Command-line words that say what a subprocess is, by need. A word matches an argument that is the
# word, ends with "/word", or names a script of scripts/ by it.
_BUILDERS = {"mkdocs", "properdocs", "zensical", "build.py", "export_docs.py", "pdf.py", "wheel"}
_BROWSERS = {"chromium", "chrome", "run-driver"}  # run-driver: Playwright's driver starting
# (scripts/pdf.py starts Chromium from its own process, unseen here: its tests say `browser` themselves)
_EXTERNAL = {"java", "zensical", "pdftotext", "pdfinfo"}


def _named(argument: str, words: set[str]) -> bool:
    base = os.path.basename(argument)
    return base in words or argument in words


def needs_of(command: str | bytes | Sequence[object]) -> set[str]:
    """The needs a subprocess's command line shows: {'build'} for `python -m mkdocs build ...`."""
    if isinstance(command, (str, bytes)):
        arguments = os.fsdecode(command).split()
    else:
        arguments = [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in command]
    needs = set()
    if any(_named(a, _BUILDERS) for a in arguments):
        needs.add("build")
    if any(_named(a, _BROWSERS) for a in arguments):
        needs.add("browser")
    if any(_named(a, _EXTERNAL) or ".venv-zensical" in a for a in arguments):
        needs.add("external")
    return needs


def missing(marks: Iterable[str], needs: set[str]) -> list[str]:
    """The needs not declared by `marks`, in NEEDS order."""
    have = set(marks)
    return [need for need in NEEDS if need in needs and need not in have]


def refusal(test: str, marks: Iterable[str], command: str | bytes | Sequence[object]) -> str | None:
    """Why `test`, marked `marks`, may not start `command`; None when its marks declare all it needs."""
    absent = missing(marks, needs_of(command))
    if not absent:
        return None
    shown = command if isinstance(command, (str, bytes)) else " ".join(str(part) for part in command)
    if len(shown) > 160:
        shown = shown[:157] + "..."
    marks_needed = ", ".join(f"pytest.mark.{need}" for need in absent)
    return (
        f"{test} starts `{shown}` but is not marked {marks_needed}: mark the test, its module "
        "(pytestmark) or its fixture (FIXTURE_MARKS in tests/marks_support.py)"
    )
