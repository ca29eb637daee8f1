"""induction/publish/fragment_search.py: the hosted site's search by fragments (Pagefind) — the other
spellings table, the pages' search copies (and their index held to Pagefind's index of the pages),
a failed indexing stopping the build with Pagefind's own words and leaving the previous site as it
was."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree
from process_support import small_disk

from induction.publish import csp, fragment_search


def test_the_spellings_table_maps_each_other_spelling_to_the_sites_own():
    words = {"modelling", "behaviour", "behaviours", "centre", "room", "practice", "practise", "daily", "program"}
    assert fragment_search.spellings(words) == {
        "behavior": "behaviour",
        "behaviors": "behaviours",
        "center": "centre",
        "modeling": "modelling",
        "practice": "practise",
        "practise": "practice",
        "programme": "program",
    }


def test_the_spellings_table_does_not_hang_on_the_order_of_the_words():
    words = ["behaviour", "behavior", "colour", "modelling"]
    assert fragment_search.spellings(words) == fragment_search.spellings(reversed(words))


def test_a_search_copy_holds_the_facts_and_the_content_as_the_theme_writes_them():
    facts = fragment_search.Facts("Mentor", "Oak & Ash", "programme", 1.0)
    assert fragment_search.search_copy("<p>Read <em>this</em>.</p>", "Week 1 & more", facts) == (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="ect-role" content="Mentor" data-pagefind-meta="role[content]">'
        '<meta name="ect-programme" content="Oak &amp; Ash" data-pagefind-meta="programme[content]">'
        '<meta name="ect-tier" content="programme" data-pagefind-filter="tier[content]"></head><body>'
        '<div data-pagefind-body data-pagefind-weight="1.0"><h1>Week 1 &amp; more</h1>'
        "<p>Read <em>this</em>.</p></div></body></html>"
    )


def test_a_copy_of_content_with_its_own_heading_adds_none_and_a_page_of_no_role_names_none():
    copy = fragment_search.search_copy('<h1 id="a">Home</h1>', "Home", fragment_search.HAND_WRITTEN)
    assert copy.count("<h1") == 1 and "ect-role" not in copy and "ect-programme" not in copy


def fragments(bundle: Path) -> dict[str, dict]:
    """Pagefind's fragments (what a result shows of each page, its meta, filters and words), by URL."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[raw.index(b"{") :])
        found[fragment["url"]] = fragment
    return found


@pytest.mark.build
def test_the_index_of_the_search_copies_is_pagefinds_index_of_the_pages(sample_site, tmp_path):
    """The copies stand in for the pages only if Pagefind reads the same from both: the site's index
    (made from the copies) is held, fragment by fragment, to Pagefind's own index of the built pages."""
    pages = tmp_path / "pages"
    shutil.copytree(sample_site, pages, ignore=shutil.ignore_patterns("pagefind"))
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--force-language", "en", "--quiet"]
    subprocess.run(command, check=True, capture_output=True)
    from_pages, from_copies = fragments(pages / "pagefind"), fragments(sample_site / "pagefind")
    assert len(from_copies) > 100
    assert from_copies == from_pages
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(from_pages)


def test_the_policy_allows_webassembly_only_for_a_site_that_searches_with_it():
    assert "'wasm-unsafe-eval'" not in csp.policy([], [])
    assert csp.policy(["'sha256-A'"], [], wasm=True).startswith(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A'; "
    )
    assert "'unsafe-eval'" not in csp.policy([], [], wasm=True).replace("'wasm-unsafe-eval'", "")


def failing_pagefind(folder: Path) -> dict[str, str]:
    """An environment whose `python -m pagefind` is a stand-in that fails as Pagefind does."""
    package = folder / "fake" / "pagefind"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text("import sys\nsys.stderr.write('Error: no pages to index\\n')\nsys.exit(1)\n")
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(folder / "fake"), str(ROOT)]))


def test_a_failed_indexing_says_what_pagefind_said_and_what_to_do(tmp_path, monkeypatch):
    env = failing_pagefind(tmp_path)
    monkeypatch.setenv("PYTHONPATH", env["PYTHONPATH"])
    with pytest.raises(fragment_search.IndexFailed) as failed:
        fragment_search.Indexing(str(tmp_path), str(tmp_path)).finish([])
    assert str(failed.value) == (
        "Pagefind could not index the site (status 1): Error: no pages to index\n"
        "Install the pinned version (pip install -r requirements.txt) and build again."
    )


@pytest.mark.build
def test_a_build_whose_indexing_fails_leaves_the_previous_site_as_it_was(tmp_path):
    content, site = make_tree(tmp_path), tmp_path / "out" / "site"
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)]
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true", PYTHONPATH=str(ROOT))
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert (site / "pagefind" / "pagefind.js").is_file()
    before = sorted(str(p.relative_to(site)) for p in site.rglob("*"))
    (content / "prog" / "programme.yaml").write_text(
        (content / "prog" / "programme.yaml").read_text(encoding="utf-8").replace("title: ", "title: New ", 1),
        encoding="utf-8",
    )
    failed = subprocess.run(
        command,
        env=dict(env, **failing_pagefind(tmp_path / "env")) | {"ECT_CONTENT": str(content)},
        capture_output=True,
        text=True,
    )
    assert failed.returncode == 1
    assert "Pagefind could not index the site (status 1): Error: no pages to index" in failed.stderr
    assert "The build failed; " in failed.stderr
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*")) == before
    assert "New " not in (site / "index.html").read_text(encoding="utf-8")


def test_a_copy_that_cannot_be_written_names_its_file(tmp_path):
    (tmp_path / "a").write_text("a file where the page's folder would be", encoding="utf-8")
    with pytest.raises(OSError) as failed:
        fragment_search.write_copy(str(tmp_path), "a/index.html", "<p>x</p>")
    assert failed.value.filename == str(tmp_path / "a")  # the open's own name, kept
    # A full disk fails in write(), which names no file: a process allowed 20,000 bytes a file.
    script = (
        "from induction.publish import fragment_search\n"
        "try:\n"
        f"    fragment_search.write_copy({str(tmp_path / 'full')!r}, 'b/index.html', 'x' * 50_000)\n"
        "except OSError as error:\n"
        "    print(error.strerror, error.filename)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, preexec_fn=small_disk, cwd=ROOT, check=True
    )
    assert ran.stdout == f"File too large {tmp_path / 'full' / 'b' / 'index.html'}\n"


def test_the_search_copies_go_to_memory_where_there_is_room_else_where_temporary_files_go(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    roomy = tmp_path / "memory"  # this test's disk has far more than ROOM free
    roomy.mkdir()
    made = fragment_search.copies_folder(str(roomy))
    assert Path(made).parent == roomy and Path(made).name.startswith("induction-search-")
    monkeypatch.setattr(fragment_search, "ROOM", 1 << 62)  # a memory folder too small for the copies
    assert Path(fragment_search.copies_folder(str(roomy))).parent != roomy
    assert Path(fragment_search.copies_folder(str(tmp_path / "none"))).parent != roomy
    monkeypatch.setattr(fragment_search, "ROOM", 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the user's own choice, whatever memory there is
    monkeypatch.setattr(fragment_search.tempfile, "tempdir", None)  # tempfile reads TMPDIR once, then keeps it
    assert Path(fragment_search.copies_folder(str(roomy))).parent == tmp_path
