"""scripts/check_links.py: internal links resolved against their page, at the root or a sub-path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "check_links.py"
sys.path.insert(0, str(ROOT / "scripts"))
from check_links import broken_links  # noqa: E402  (a script, not a package)


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        path = tmp_path / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return tmp_path / "site"


def test_relative_links_to_files_and_folders_that_exist_are_fine(tmp_path):
    root = site(
        tmp_path,
        {
            "index.html": '<a href="a/">A</a><link href="style.css"><script src="a/x.js"></script>',
            "style.css": "",
            "a/x.js": "",
            "a/index.html": '<a href="../">Home</a> <a href="#top">Top</a> <a href="../index.html?q=1#s">Home</a>',
        },
    )
    assert broken_links(root) == []


def test_a_missing_file_or_folder_page_is_reported_with_its_page(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="b/">B</a>', "a/index.html": '<img src="../pic.png" alt="">'})
    assert broken_links(root) == ["a/index.html: ../pic.png", "index.html: b/"]


def test_other_hosts_and_other_schemes_are_not_checked(tmp_path):
    root = site(
        tmp_path,
        {"index.html": '<a href="https://example.org/x">X</a> <a href="mailto:a@b.c">M</a> <a href="data:,x">D</a>'},
    )
    assert broken_links(root) == []


def test_under_a_sub_path_root_absolute_links_must_carry_the_prefix(tmp_path):
    root = site(tmp_path, {"404.html": '<link href="/ect/style.css"><a href="/style.css">S</a>', "style.css": ""})
    assert broken_links(root, "/ect/") == ["404.html: /style.css"]
    assert broken_links(root, "/") == ["404.html: /ect/style.css"]


def test_the_command_prints_the_broken_links_and_fails(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="gone/">Gone</a>'})
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(root), "--prefix", "/ect/"], capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (1, "index.html: gone/\n1 broken link.\n")


def test_from_disk_a_link_to_a_folder_is_broken_because_no_server_adds_index_html(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="a/">A</a> <a href="a/index.html">A</a>', "a/index.html": ""})
    assert broken_links(root, folders=False) == ["index.html: a/"]
