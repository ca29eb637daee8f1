"""scripts/build.py: site/ is replaced only by a build that succeeds; a failed build leaves it byte-identical."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_tree
from edits import replace_once

from induction.publish import destinations

pytestmark = [pytest.mark.build]  # what every test here needs (tests/marks_support.py)


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build(content: Path, site: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true")
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
        env=env,
        capture_output=True,
        text=True,
    )


def test_a_failed_build_leaves_the_previous_site_unchanged(tmp_path):
    content, site = make_tree(tmp_path), tmp_path / "out" / "site"
    first = build(content, site)
    assert first.returncode == 0, first.stderr
    assert (site / "index.html").is_file()
    before = tree_hash(site)
    read = content / "prog/year-1/b1/b1-w1-read.md"
    read.write_text(read.read_text() + "\n<script>alert(1)</script>\n")
    second = build(content, site)
    assert second.returncode == 1
    assert (
        "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <script> is not allowed: "
        "content may not run scripts."
    ) in second.stderr
    assert "site/ was left as it was." in second.stderr
    assert "Traceback" not in second.stderr
    assert tree_hash(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # no temporary folder left behind


def test_a_good_build_replaces_the_site_whole(tmp_path):
    content, site = make_tree(tmp_path), tmp_path / "site"
    site.mkdir()
    destinations.mark(str(site), destinations.SITE, "an earlier build")
    (site / "stale.html").write_text("from an old build")
    replace_once(content / "site.yaml", "title: Test site", "title: Renamed site")
    result = build(content, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert "Renamed site" in (site / "index.html").read_text()
    assert oct(site.stat().st_mode & 0o777) == "0o755"


def test_a_site_with_cohorts_built_without_its_address_says_what_to_set(tmp_path):
    """Strict (the sample's `make site` has no address and must pass), yet not silent: the one INFO
    line the build shows. With SITE_URL, no notice, and the programme page offers subscriptions."""
    from test_dates import on_calendar

    from induction.publish.published import ADDRESS_NOTICE

    content = on_calendar(tmp_path)
    site = tmp_path / "out" / "site"
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
        env=dict(env, ECT_CONTENT=str(content)),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    notice = [line for line in done.stderr.splitlines() if ADDRESS_NOTICE in line]
    assert notice == [
        "INFO    -  Calendars without the site's address: SITE_URL is not set, so the .ics calendars' "
        "events carry no link to their pages and the programme page offers them to download only, not "
        "to subscribe to (webcal: needs an absolute address). Set SITE_URL to the address the site is "
        "published at, like SITE_URL=https://www.example.org/ect/ make site."
    ]
    assert "webcal:" not in (site / "prog" / "index.html").read_text()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
        env=dict(env, ECT_CONTENT=str(content), SITE_URL="https://www.example.org/ect/"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and ADDRESS_NOTICE not in done.stderr, done.stderr
    page = (site / "prog" / "index.html").read_text()
    assert 'href="webcal://www.example.org/ect/prog/calendars/sep-mentor.ics"' in page  # kept by the page cleaner
    assert (
        "URL:https://www.example.org/ect/prog/year-1/b1/b1-w1-mentor/"
        in (site / "prog" / "calendars" / "sep-mentor.ics").read_text()
    )


def test_without_strict_the_missing_address_is_a_warning(tmp_path):
    """mkdocs.yml makes every build strict; with --no-strict, nothing is failed by a warning, so it is one."""
    from test_dates import on_calendar

    from induction.publish.published import ADDRESS_NOTICE

    content = on_calendar(tmp_path)
    env = dict(
        {k: v for k, v in os.environ.items() if k != "SITE_URL"}, ECT_CONTENT=str(content), NO_MKDOCS_2_WARNING="true"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert [line[:60] for line in done.stderr.splitlines() if ADDRESS_NOTICE in line] == [
        "WARNING -  Calendars without the site's address: SITE_URL is"
    ]
