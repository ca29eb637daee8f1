"""Addresses by MkDocs: generated pages link to .md files and asset paths and MkDocs writes the
addresses, so the root, a sub-path and the offline copy (no directory URLs, opened from disk)
all work. The fixture here uses every shortcode, `image` included."""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree, mkdocs_build
from edits import replace_once

from induction.body import read, shortcodes

sys.path.insert(0, str(ROOT / "scripts"))
from check_links import broken_links  # noqa: E402  (a script, not a package)

# The smallest PNG: one transparent pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
EVERY_SHORTCODE = (
    'Read the summary and fill in {{ asset("sheet") }}.\n\n'
    '{{ image("diagram", "A diagram of the lesson") }}\n\n'
    'Before it, {{ session("b1-w1-mentor", "plan with your mentor") }}; it meets '
    '{{ statement("2a") }} and {{ ecf("2.2") }}.\n\n{{ video("intro") }}\n'
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("every-shortcode"))
    (tree / "prog" / "assets" / "diagram.png").write_bytes(PNG)
    with open(tree / "prog" / "assets.yaml", "a", encoding="utf-8") as handle:
        handle.write("  - id: diagram\n    title: Lesson diagram\n    file: assets/diagram.png\n")
    read = tree / "prog" / "year-1" / "b1" / "b1-w1-read.md"
    replace_once(read, "assets: [sheet]", "assets: [sheet, diagram]")
    replace_once(read, 'Read the summary and fill in {{ asset("sheet") }}.\n', EVERY_SHORTCODE)
    return tree


def test_the_fixture_uses_every_shortcode():
    assert {code.name for code in read(EVERY_SHORTCODE).shortcodes} == set(shortcodes.NAMES)


@pytest.mark.build
def test_online_every_link_and_image_resolves_at_the_root_and_under_a_sub_path(tree: Path, tmp_path: Path):
    result = mkdocs_build(tree, tmp_path / "ect", site_url="https://example.org/ect/")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "ect" / "prog" / "year-1" / "b1" / "b1-w1-read" / "index.html").read_text(encoding="utf-8")
    assert '<img alt="A diagram of the lesson" src="../../../assets/diagram.png">' in page
    assert broken_links(tmp_path / "ect", "/ect/") == []  # served as https://example.org/ect/


@pytest.mark.build
def test_offline_every_link_and_image_names_a_file_that_exists(tree: Path, tmp_path: Path):
    result = mkdocs_build(tree, tmp_path / "offline", "-f", "mkdocs.offline.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "offline" / "prog" / "year-1" / "b1" / "b1-w1-read.html").read_text(encoding="utf-8")
    assert '<img alt="A diagram of the lesson" src="../../assets/diagram.png">' in page
    assert broken_links(tmp_path / "offline", folders=False) == []
