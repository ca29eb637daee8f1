"""induction/publish/destinations.py and the commands that write folders (build.py, `make offline`, the
importer, export_docs.py, pdf.py): a folder that is, holds or sits inside the sources, or is or
holds the project, home or root folder, or holds files no command of ours made, is refused with
one message and status 2, and nothing is touched.

The commands run in a copy of the project (never in the real one: on a command without this rule,
`--site-dir .` deletes the project it runs in), with the minimal fixture as its content, a stand-in
.git and an uncommitted file that must survive."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FRAMEWORK, ROOT, make_tree
from test_importer_pipeline import source_tree

from induction.importer.destination import DestinationRefused
from induction.importer.pipeline import run_import
from induction.publish import destinations
from induction.publish.destinations import Guarded

COPIED = (
    "mkdocs.yml",
    "mkdocs.offline.yml",
    "Makefile",
    "induction",
    "induction_mkdocs",
    "macros",
    "overrides",
    "scripts",
    "docs",
)
FIX = "Nothing was changed; choose a new or empty folder."


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project: its code and docs, the minimal content, a .git and uncommitted work."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    shutil.move(make_tree(tmp_path), copy / "content")
    (copy / ".git").mkdir()
    (copy / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (copy / "uncommitted.md").write_text("work nobody has saved anywhere else\n")
    return copy


def run(project: Path, script: str, *args: str, home: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = dict(
        os.environ,
        PYTHONPATH=str(project),
        ECT_CONTENT=str(project / "content"),
        NO_MKDOCS_2_WARNING="true",
        CHROMIUM="/bin/sh",
        **env,
    )
    if home:
        environment["HOME"] = str(home)
    return subprocess.run(
        [sys.executable, str(project / "scripts" / script), *args],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert (result.returncode, result.stderr) == (2, message + "\n"), result.stderr


def real(path: Path) -> str:
    return os.path.realpath(path)


# build.py: the site folder


@pytest.mark.build
@pytest.mark.parametrize(
    ("site_dir", "what"),
    [
        (".", "is the project folder ({project}): building there would delete it. {fix}"),
        ("..", "holds the project folder ({project}): building there would delete it. {fix}"),
        ("content", "is the content folder ({project}/content): building there would delete it. {fix}"),
        (
            "content/site",
            "is inside the content folder ({project}/content): building there would mix the output "
            "into the sources. {fix}",
        ),
        ("docs", "is the docs folder ({project}/docs): building there would delete it. {fix}"),
        (
            "docs/site",
            "is inside the docs folder ({project}/docs): building there would mix the output into the sources. {fix}",
        ),
        ("link-to-content", "is the content folder ({project}/content): building there would delete it. {fix}"),
        (
            "notes",
            "holds files that no build wrote (a.txt, old/): building there would delete them. Nothing was "
            "changed; choose a new or empty folder, or move them out.",
        ),
        ("checkout", "is a git repository (it holds .git): building there would delete its files. {fix}"),
    ],
)
def test_the_build_refuses_a_folder_it_did_not_make_and_touches_nothing(project, site_dir, what):
    (project / "link-to-content").symlink_to(project / "content")
    (project / "notes" / "old").mkdir(parents=True)
    (project / "notes" / "a.txt").write_text("mine")
    (project / "checkout" / ".git").mkdir(parents=True)
    (project / "checkout" / destinations.MARKER).write_text("site\n")  # even a site of ours: a repository is kept
    before = tree_hash(project.parent)
    result = run(project, "build.py", "--site-dir", site_dir)
    refused(result, f"The site folder {site_dir} {what.format(project=real(project), fix=FIX)}")
    assert tree_hash(project.parent) == before


@pytest.mark.build
def test_mkdocs_own_site_dir_option_is_the_same_checked_option(project):
    before = tree_hash(project)
    refused(
        run(project, "build.py", "-d", "content"),
        f"The site folder content is the content folder "
        f"({real(project)}/content): building there would delete it. {FIX}",
    )
    assert tree_hash(project) == before


@pytest.mark.build
def test_the_home_and_root_folders_are_refused(project, tmp_path):
    home = tmp_path / "home"
    (home / "documents").mkdir(parents=True)
    refused(
        run(project, "build.py", "--site-dir", str(home), home=home),
        f"The site folder {home} is your home folder ({real(home)}): building there would delete it. {FIX}",
    )
    refused(
        run(project, "build.py", "--site-dir", "/", home=home),
        f"The site folder / is the root folder (/): building there would delete it. {FIX}",
    )
    assert (home / "documents").is_dir()


@pytest.mark.build
def test_make_offline_runs_the_build_under_the_same_rule(project):
    """The Makefile's own command line, run in the copy: site-offline/ holding someone's files is
    refused, and so is the docs folder that mkdocs.offline.yml inherits from mkdocs.yml."""
    [line] = [
        line.strip()
        for line in (project / "Makefile").read_text().splitlines()
        if "scripts/build.py" in line and "offline" in line
    ]
    args = line.split()[2:]
    assert args == ["--site-dir", "site-offline", "-f", "mkdocs.offline.yml"]
    (project / "site-offline").mkdir()
    (project / "site-offline" / "keep.txt").write_text("mine")
    before = tree_hash(project)
    refused(
        run(project, "build.py", *args),
        "The site folder site-offline holds files that no build wrote "
        "(keep.txt): building there would delete them. Nothing was changed; choose a new or empty folder, "
        "or move them out.",
    )
    refused(
        run(project, "build.py", "--site-dir", "docs/offline", "-f", "mkdocs.offline.yml"),
        f"The site folder docs/offline is inside the docs folder ({real(project)}/docs): building there "
        f"would mix the output into the sources. {FIX}",
    )
    assert tree_hash(project) == before


# The importer's destination


def test_an_import_into_its_own_source_is_refused_before_anything_is_read(tmp_path):
    source = source_tree(tmp_path / "source")
    before = tree_hash(source)
    with pytest.raises(DestinationRefused) as refusal:
        run_import(str(source), str(source / "imported"), str(FRAMEWORK))
    assert str(refusal.value) == (
        f"The destination {source}/imported is inside the source folder ({real(source)}): "
        f"importing there would mix the output into the sources. {FIX}"
    )
    assert tree_hash(source) == before


@pytest.mark.parametrize(
    ("dest", "what"),
    [
        (".", "is the project folder ({project}): importing there would delete it"),
        (
            "content/imported",
            "is inside the content folder ({project}/content): importing there would mix the output into the sources",
        ),
        ("docs", "is the docs folder ({project}/docs): importing there would delete it"),
    ],
)
def test_the_import_script_refuses_the_project_and_its_sources(project, tmp_path, dest, what):
    source = source_tree(tmp_path / "source")
    before = tree_hash(project)
    result = run(project, "import_dfe.py", str(source), dest, "--framework", str(FRAMEWORK))
    refused(result, f"error: The destination {dest} {what.format(project=real(project))}. {FIX}")
    assert tree_hash(project) == before


def test_an_import_writes_the_marker_and_a_second_import_replaces_the_first(tmp_path):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    run_import(str(source), str(dest), str(FRAMEWORK))
    assert (dest / destinations.MARKER).read_text().startswith("import\n")
    run_import(str(source), str(dest), str(FRAMEWORK))
    assert (dest / "import-report.json").is_file()


# export_docs.py and pdf.py


@pytest.mark.build
@pytest.mark.parametrize(
    ("out", "what"),
    [
        (".", "is the project folder ({project}): exporting there would delete it"),
        ("content", "is the content folder ({project}/content): exporting there would delete it"),
    ],
)
def test_the_export_refuses_the_project_and_its_sources(project, out, what):
    before = tree_hash(project)
    refused(
        run(project, "export_docs.py", "--content", "content", out),
        f"The export folder {out} {what.format(project=real(project))}. {FIX}",
    )
    assert tree_hash(project) == before


@pytest.mark.build
def test_pdf_printing_refuses_to_write_into_the_content(project):
    before = tree_hash(project)
    refused(
        run(project, "pdf.py", "--content", "content", "--out", "content/pdf", "--no-build"),
        f"The PDF folder content/pdf is inside the content folder ({real(project)}/content): printing there "
        f"would mix the output into the sources. {FIX}",
    )
    assert tree_hash(project) == before


# The rule itself


def guarded(root: Path) -> list[Guarded]:
    return [Guarded("the content folder", str(root / "content"), True), Guarded("the project folder", str(root), False)]


def test_what_the_rule_accepts(tmp_path):
    (tmp_path / "empty").mkdir()
    legacy = tmp_path / "legacy"  # a site built before the marker: MkDocs' two files and our curriculum.json
    legacy.mkdir()
    for name in ("index.html", "sitemap.xml", "curriculum.json", "old-page.html"):
        (legacy / name).write_text("x")
    marked = tmp_path / "marked"
    marked.mkdir()
    destinations.mark(str(marked), destinations.SITE, "a test")
    (marked / "anything.html").write_text("x")
    for ok in ("new", "empty", "legacy", "marked", "project-output/site"):
        assert destinations.refusal(str(tmp_path / ok), destinations.SITE, guarded(tmp_path)) is None, ok


def test_a_marker_of_another_kind_is_not_enough(tmp_path):
    export = tmp_path / "export"
    export.mkdir()
    destinations.mark(str(export), destinations.EXPORT, "a test")
    assert destinations.refusal(str(export), destinations.SITE, []) == (
        f"The site folder {export} holds files that no build wrote (.induction-output): building there would "
        "delete them. Nothing was changed; choose a new or empty folder, or move them out."
    )


def test_a_file_is_not_a_folder(tmp_path):
    (tmp_path / "site").write_text("x")
    assert destinations.refusal(str(tmp_path / "site"), destinations.SITE, []) == (
        f"The site folder {tmp_path}/site is a file, not a folder. {FIX}"
    )


def test_the_offline_configuration_names_its_docs_folder_through_inherit():
    folders = {g.label: g.path for g in destinations.project_folders(str(ROOT / "mkdocs.offline.yml"))}
    assert os.path.realpath(folders["the docs folder"]) == str(ROOT / "docs")
    assert re.fullmatch(r".+", folders["your home folder"])


@pytest.mark.build
def test_make_offline_builds_then_replaces_its_own_folder_even_one_built_before_the_marker(project):
    args = ["--site-dir", "site-offline", "-f", "mkdocs.offline.yml"]
    first = run(project, "build.py", *args)
    assert first.returncode == 0, first.stderr
    marker = project / "site-offline" / destinations.MARKER
    assert marker.read_text().startswith("site\n")
    marker.unlink()  # as every site built before the marker: recognised by what it holds, this once
    (project / "site-offline" / "stale.html").write_text("from an old build")
    second = run(project, "build.py", *args)
    assert second.returncode == 0, second.stderr
    assert marker.is_file() and not (project / "site-offline" / "stale.html").exists()
    assert (project / "uncommitted.md").is_file() and (project / ".git" / "HEAD").is_file()


@pytest.mark.build
def test_pdf_printing_builds_the_site_through_the_checked_build(tree, tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    import pdf  # noqa: PLC0415  (scripts/ is not a package here)

    before = tree_hash(tree)
    assert pdf.build_site(tree, tree) == 2  # --site naming the content, with --rebuild: refused, untouched
    assert capsys.readouterr().err == (
        f"The site folder {tree} is the content folder ({real(tree)}): building there would delete it. {FIX}\n"
    )
    assert tree_hash(tree) == before
    assert pdf.build_site(tmp_path / "site", tree) == 0
    assert (tmp_path / "site" / destinations.MARKER).is_file()
