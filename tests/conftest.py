"""Shared test helpers: fixture content trees copied to a temporary folder, the sample built once,
and the marks that say what a test needs (tests/marks_support.py), applied and kept true."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from marks_support import FIXTURE_MARKS, NEEDS, refusal

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "content"
FRAMEWORK = SAMPLE / "frameworks" / "ecf-2019.yaml"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "dfe-support-for-ects" / "content"


def make_tree(tmp_path: Path, name: str = "minimal") -> Path:
    """A copy of fixture tree `name` (with the ECF framework) that a test may edit freely."""
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    frameworks = target / "frameworks"
    frameworks.mkdir(exist_ok=True)
    if not any(frameworks.iterdir()):
        shutil.copy(FRAMEWORK, frameworks / FRAMEWORK.name)
    return target


def make_other_tree(tmp_path: Path) -> Path:
    """A copy of the fixture programme on the second framework, tests/fixtures/frameworks/tsf-2024.yaml
    (7 statements numbered S1.1, S1.a, ... in 3 standards), and no other framework."""
    target = tmp_path / "other-framework"
    shutil.copytree(FIXTURES / "other-framework", target)
    (target / "frameworks").mkdir()
    shutil.copy(FIXTURES / "frameworks" / "tsf-2024.yaml", target / "frameworks")
    return target


def make_editions_tree(tmp_path: Path) -> Path:
    """A site with programmes on two editions of one fixture framework: `alt` on tsf-2024 (the
    other-framework fixture's programme) and `next` on tsf-2025, edition B, which inserts statements
    so codes shift; with the crosswalk crosswalks/tsf-2024-to-2025.yaml between them."""
    target = tmp_path / "editions"
    shutil.copytree(FIXTURES / "editions", target)
    shutil.copytree(FIXTURES / "other-framework" / "alt", target / "alt")
    (target / "frameworks").mkdir()
    for name in ("tsf-2024.yaml", "tsf-2025.yaml"):
        shutil.copy(FIXTURES / "frameworks" / name, target / "frameworks")
    return target


def mkdocs_build(content: Path, site_dir: Path, *extra: str, site_url: str = "") -> subprocess.CompletedProcess:
    """`mkdocs build` of `content` with the project's mkdocs.yml, as the README's command runs it
    (`site_url`: where it will be published, as the SITE_URL variable sets it; none by default).
    Never with -q: MkDocs' quiet mode drops warnings before --strict can count them."""
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true", SITE_URL=site_url)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the same output on a laptop and in CI: with CI set, reports also carry GitHub
    annotations (tests that check those set CI themselves)."""
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample programme built once per test run (strict); tests read its HTML, and its log
    (`build.log` beside the site folder)."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    result = mkdocs_build(SAMPLE, site_dir)
    assert result.returncode == 0, result.stderr
    (site_dir.parent / "build.log").write_text(result.stderr, encoding="utf-8")  # what MkDocs said, beside it
    return site_dir


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks from the fixtures a test uses; `unit` on every test that needs nothing else; tests
    marked `corpus` skipped where the shared corpus is absent."""
    for item in items:
        for fixture in item.fixturenames:  # type: ignore[attr-defined]
            for need in FIXTURE_MARKS.get(fixture, ()):
                item.add_marker(need)
        names = {mark.name for mark in item.iter_markers()}
        if not names.intersection(NEEDS):
            item.add_marker("unit")
        if "corpus" in names and not CORPUS.is_dir():
            item.add_marker(pytest.mark.skip(reason=f"the shared DfE corpus is not at {CORPUS}"))
    longest_first(items)


# What a test needs, from the longest to the shortest to run: a file's longest need places it.
_LENGTH = ("corpus", "external", "browser", "build")


def longest_first(items: list[pytest.Item]) -> None:
    """Files in the order of what they need, longest first, each file's tests in their own order:
    `make test` gives each worker a file at a time (--dist loadfile) in this order, so the files of
    a minute or more start first rather than last, when one worker would run them alone."""

    def length(item: pytest.Item) -> int:
        names = {mark.name for mark in item.iter_markers()}
        return next((rank for rank, need in enumerate(_LENGTH) if need in names), len(_LENGTH))

    rank: dict[str, int] = {}
    for item in items:
        rank[item.nodeid.split("::")[0]] = min(rank.get(item.nodeid.split("::")[0], len(_LENGTH)), length(item))
    order = {id(item): index for index, item in enumerate(items)}
    items.sort(key=lambda item: (rank[item.nodeid.split("::")[0]], order[id(item)]))


@pytest.hookimpl(optionalhook=True)  # xdist's hook: unknown to a run without it (-p no:xdist)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: a worker more than there are cores. A third of a worker's time here is spent
    waiting on what its tests start (Chromium, Java, a build in a subprocess, a server): with two
    workers `make test` used 1.3 of this machine's 2 cores; a third worker fills the wait."""
    return (os.cpu_count() or 1) + 1


_running: list[pytest.Item | None] = [None]  # the test being set up, run or torn down


def pytest_configure(config: pytest.Config) -> None:
    """Every subprocess started for a test is checked against the test's marks (marks_support.py):
    one that builds, starts a browser or runs an external checker fails an unmarked test at once."""
    start = subprocess.Popen.__init__

    @functools.wraps(start)
    def checked(self: subprocess.Popen, *args: object, **options: object) -> None:
        item = _running[0]
        command = args[0] if args else options.get("args")
        why = refusal(item.nodeid, (m.name for m in item.iter_markers()), command) if item else None  # type: ignore[arg-type]
        if why:
            self._child_created = False  # type: ignore[attr-defined]  # nothing started: Popen's __del__ checks it
            pytest.fail(why, pytrace=False)
        start(self, *args, **options)  # type: ignore[arg-type]

    subprocess.Popen.__init__ = checked  # type: ignore[method-assign]


def _watch(item: pytest.Item):  # type: ignore[no-untyped-def]
    _running[0] = item
    try:
        return (yield)
    finally:
        _running[0] = None


pytest_runtest_setup = pytest.hookimpl(wrapper=True)(_watch)
pytest_runtest_call = pytest.hookimpl(wrapper=True)(_watch)
pytest_runtest_teardown = pytest.hookimpl(wrapper=True)(_watch)
