"""induction/publish/fragment_search.py: the hosted site's search by fragments (Pagefind) — the other
spellings table, Material's index emptied to its configuration, a failed indexing stopping the
build with Pagefind's own words and leaving the previous site as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree

from induction.publish import csp, fragment_search

INDEX = json.dumps(
    {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+"},
        "docs": [
            {"location": "a/", "title": "Modelling behaviour", "text": "<p>Behaviours and the centre of the room</p>"},
            {"location": "b/", "title": "Practice", "text": "<p>Practise daily; a program of study</p>"},
        ],
    }
)


def test_the_spellings_table_maps_each_other_spelling_to_the_sites_own():
    assert fragment_search.spellings(INDEX) == {
        "behavior": "behaviour",
        "behaviors": "behaviours",
        "center": "centre",
        "modeling": "modelling",
        "practice": "practise",
        "practise": "practice",
        "programme": "program",
    }


def test_the_emptied_index_keeps_materials_configuration_and_no_word_of_the_site():
    assert json.loads(fragment_search.emptied_index(INDEX)) == {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+"},
        "docs": [],
    }


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
        fragment_search.index_site(str(tmp_path))
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
