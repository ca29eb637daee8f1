"""Shared test helpers: fixture content trees copied to a temporary folder, and the sample built once."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "content"
FRAMEWORK = SAMPLE / "frameworks" / "ecf-2019.yaml"
SHARED = ROOT.parent / "shared"


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


def mkdocs_build(content: Path, site_dir: Path, *extra: str, site_url: str = "") -> subprocess.CompletedProcess:
    """`mkdocs build` of `content` with the project's mkdocs.yml, as the README's command runs it
    (`site_url`: where it will be published, as the SITE_URL variable sets it; none by default).
    Never with -q: MkDocs' quiet mode drops warnings before --strict can count them."""
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true", SITE_URL=site_url)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True)


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
    """The sample programme built once per test run (strict); tests read its HTML."""
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    result = mkdocs_build(SAMPLE, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir
