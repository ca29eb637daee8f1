"""scripts/pdf.py without a browser: which packs it prints and what it calls them, when the site
needs building, and the messages for a missing browser and bad content. Printing itself is
tested in test_print_browser.py."""

from __future__ import annotations

import os
import sys
import time

from conftest import ROOT, SAMPLE
from edits import replace_once

sys.path.insert(0, str(ROOT / "scripts"))
import pdf  # noqa: E402  (scripts/ is not a package)


def test_one_pack_per_block_with_mentor_plans_named_by_programme_and_block():
    packs, problems = pdf.mentor_packs(SAMPLE)
    assert problems == ""
    assert [pack.filename for pack in packs] == [
        "oakfield-routines-mentor-pack.pdf",
        "oakfield-how-pupils-learn-mentor-pack.pdf",
        "oakfield-classroom-practice-mentor-pack.pdf",
        "oakfield-assessment-mentor-pack.pdf",
        "oakfield-adaptive-teaching-mentor-pack.pdf",
        "oakfield-professional-behaviours-mentor-pack.pdf",
    ]
    assert packs[0].page == "oakfield/year-1/routines/mentor-pack/index.html"
    assert packs[0].title == "Mentor pack: Creating a positive learning environment"


def test_content_with_problems_gives_the_report_and_no_pdf(tree, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/bin/sh")  # any file: the content is checked before printing
    replace_once(tree / "prog" / "year-1" / "b1" / "block.yaml", "mentor: [b1-w1-mentor]", "mentor: [b1-w1-mentr]")
    assert pdf.main(["--content", str(tree), "--site", str(tmp_path / "site"), "--out", str(tmp_path / "pdf")]) == 1
    assert "b1-w1-mentr" in capsys.readouterr().err
    assert not (tmp_path / "pdf").exists()


def test_without_chromium_it_says_how_to_get_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-browser"))
    assert pdf.main(["--site", str(tmp_path / "site"), "--out", str(tmp_path / "pdf")]) == 2
    assert capsys.readouterr().err == (
        "Chromium was not found. Install it (sudo apt-get install chromium, or `make browser`), "
        "or set CHROMIUM to the path of a Chromium or Chrome executable.\n"
    )


def test_a_site_is_stale_when_missing_or_older_than_its_content(tree, tmp_path):
    site = tmp_path / "site"
    assert pdf.is_stale(site, tree)
    site.mkdir()
    index = site / "index.html"
    index.write_text("<html></html>")
    later = time.time() + 3600
    os.utime(index, (later, later))
    assert not pdf.is_stale(site, tree)
    newer = tree / "prog" / "year-1" / "welcome.md"
    os.utime(newer, (later + 60, later + 60))
    assert pdf.is_stale(site, tree)


def test_a_site_built_from_other_content_is_not_printed(tree, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHROMIUM", "/bin/sh")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>")
    assert pdf.main(["--content", str(tree), "--site", str(site), "--no-build"]) == 1
    assert capsys.readouterr().err == (
        f"The site in {site} has no page prog/year-1/b1/mentor-pack/index.html: it was built from other "
        "content. Run again with --rebuild.\n"
    )


def test_a_blank_page_goes_before_each_plan_that_would_start_on_a_left_hand_page():
    # First pass: cover on 1, plans on 2, 4 (two pages each) and 5.
    assert pdf.odd_starts([2, 4, 5]) == [
        {"page": 3, "blank": True},
        {"page": 5, "blank": False},
        {"page": 7, "blank": True},
    ]
    assert pdf.odd_starts([3, 5]) == [{"page": 3, "blank": False}, {"page": 5, "blank": False}]
