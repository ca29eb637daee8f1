"""The shared corpus imported, and its import built, once per test run for every test file and
worker that reads them (test_importer_corpus.py, test_html_validity.py): an import and a strict
build of the corpus are the two longest steps of the suite, and each file made its own.

Under pytest-xdist the workers of one run share the parent of their temporary folders; a file lock
there makes the first worker to ask do the work while any other waits for it. Without workers the
run's own temporary folder is used. Nothing here is ever changed by a test: a test that needs to
change the import copies it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CORPUS, FRAMEWORK, mkdocs_build

from induction.importer.pipeline import run_import


def _shared(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """`name` under the run's shared folder, made once by `make` (given the path to make)."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared-corpus"
    folder.mkdir(exist_ok=True)
    made, done = folder / name, folder / f"{name}.done"
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the worker dies
        if not done.exists():
            make(made)
            done.touch()
    return made


def imported_corpus(factory: pytest.TempPathFactory) -> Path:
    """The shared corpus as the importer writes it (every provider)."""
    return _shared(factory, "content", lambda dest: run_import(str(CORPUS), str(dest), str(FRAMEWORK)))


def built_corpus(factory: pytest.TempPathFactory) -> Path:
    """The imported corpus built strictly, as the README's command builds a site."""
    content = imported_corpus(factory)

    def build(site: Path) -> None:
        result = mkdocs_build(content, site)
        assert result.returncode == 0, result.stderr[-3000:]

    return _shared(factory, "site", build)
