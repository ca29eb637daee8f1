"""Packaging: the wheel `pip install .` builds holds every package, and installed from it (no clone
on the path) the commands validate, import and publish's policy work, and MkDocs finds the plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, make_tree

pytestmark = [pytest.mark.build]  # what every test here needs (tests/marks_support.py)

SOURCES = ("pyproject.toml", "induction", "induction_mkdocs", "scripts")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (so the build leaves nothing in the worktree)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, source / name)  # type: ignore[operator]
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return next(out.glob("induction-*.whl"))


def packages_in_the_clone() -> set[str]:
    found = set()
    for top in ("induction", "induction_mkdocs"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found | {"induction_scripts"}


def test_the_wheel_holds_every_package_of_the_clone(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packages = {name.rsplit("/", 1)[0].replace("/", ".") for name in names if name.endswith("/__init__.py")}
    assert packages == packages_in_the_clone()
    assert "induction.importer" in packages


def test_the_wheel_declares_the_plugin_and_the_commands(wheel: Path) -> None:
    entry_points = next(
        zipfile.ZipFile(wheel).read(name).decode()
        for name in zipfile.ZipFile(wheel).namelist()
        if name.endswith("entry_points.txt")
    )
    assert "[mkdocs.plugins]\ninduction = induction_mkdocs.plugin:InductionPlugin" in entry_points
    for command in (
        "induction-validate = induction_scripts.validate:main",
        "induction-import = induction_scripts.import_dfe:main",
        "induction-csp = induction.publish.csp:main",
    ):
        assert command in entry_points


def test_installed_from_the_wheel_the_commands_work_without_the_clone(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target), NO_MKDOCS_2_WARNING="true")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), cwd=work, env=env, capture_output=True, text=True)

    where = run(
        sys.executable,
        "-c",
        "import induction.importer.pipeline, induction_mkdocs.plugin, induction;print(induction.__file__)",
    )
    assert where.returncode == 0, where.stderr
    assert where.stdout.startswith(str(target)), where.stdout  # not the clone's (editable) copy
    validate = run(str(target / "bin" / "induction-validate"), "--content", str(make_tree(tmp_path)))
    assert validate.returncode == 0 and "No problems" in validate.stdout, validate.stdout + validate.stderr
    imported = run(str(target / "bin" / "induction-import"), "--help")
    assert imported.returncode == 0 and "SOURCE" in imported.stdout.upper(), imported.stderr
    (work / "site").mkdir()
    (work / "site" / "index.html").write_text("<head></head>", encoding="utf-8")
    policy = run(str(target / "bin" / "induction-csp"), "site")
    assert policy.returncode == 0 and (work / "site" / "_headers").is_file(), policy.stderr
    tree = make_tree(tmp_path / "content")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(work / "built"),
        ],
        cwd=work,
        env=dict(env, ECT_CONTENT=str(tree)),
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    assert (work / "built" / "prog" / "year-1" / "b1" / "index.html").is_file()
    assert (work / "built" / "_headers").is_file()
