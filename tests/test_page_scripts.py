"""Which of the site's scripts a page loads (induction/publish/page_scripts.py): a week page lists no
script it does not run, and loads no schedule and no programme order on its first visit; the pages
that need them (this week, a pair's calendar, the progress record, the pairs) still list them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from browser_support import CHROMIUM
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from induction.publish import page_scripts
from induction.publish.page_cleaner import clean
from induction.publish.published import published_files

ROOT = Path(__file__).resolve().parent.parent
WEEK = "oakfield/year-1/routines/week-1/"
ON_DEMAND = set(page_scripts.ON_DEMAND)


def test_a_page_without_marks_needs_none_of_the_scripts_on_demand():
    assert (
        page_scripts.needed('<h1>Week 1</h1><p class="ect-progress-count" data-ect-progress-count="a"></p>')
        == frozenset()
    )


def test_each_mark_brings_its_scripts():
    assert page_scripts.needed('<div data-ect-thisweek data-ect-programme="p"></div>') == {
        "javascripts/thisweek.js",
        "javascripts/routes.js",
        "stylesheets/routes.css",
    }
    assert page_scripts.needed('<div data-ect-mycalendar=""></div>') == {
        "javascripts/mycalendar.js",
        "stylesheets/mycalendar.css",
    }
    assert page_scripts.needed('<div class="ect-examples" data-ect-examples=""></div>') == {
        "javascripts/lens.js",
        "stylesheets/examples.css",
    }


# Pieces of content: each mark of ON_DEMAND, with what the page cleaner removes around them.
_MARKS = [
    '<div data-ect-thisweek data-ect-programme="p"></div>',
    '<div data-ect-mycalendar=""></div>',
    "<section data-ect-pairs></section>",
    '<p data-ect-route-keys="a b">k</p>',
    '<div class="ect-examples" data-ect-examples=""></div>',
    '<div data-ect-progress-record=""></div>',
    "<div data-ect-coaching></div>",
    '<table class="ect-coverage"><tr><td>x</td></tr></table>',
    '<section class="ect-phase ect-timing"><h2>Model</h2></section>',
    '<figure class="ect-video"></figure>',
    '<div class="ect-stack"></div>',
    "<script>document.body.dataset.ectThisweek = 1</script>",  # removed: brings nothing
    '<div onclick="x()" data-ect-diagnostic="d"></div>',
    "<form data-ect-mycalendar><p>kept</p></form>",  # the form is removed, its mark with it
    "<object data-ect-thisweek></object>",
    "<!-- <div data-ect-mycalendar></div> -->",  # a comment: no element
    "<p>Plain text, <em>no</em> mark.</p>",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_MARKS), max_size=6))
def test_the_cleaner_finds_the_scripts_the_published_content_needs(pieces):
    # The cleaner asks its own parse of what it kept; a page's scripts are those of what is published.
    cleaned = clean("\n".join(pieces))
    assert cleaned.scripts == page_scripts.needed(cleaned.html)


def test_a_table_brings_its_stylesheet():
    assert page_scripts.needed('<table class="ect-coverage"></table>') == {"stylesheets/coverage.css"}
    assert page_scripts.needed('<table class="ect-glance"></table>') == {"stylesheets/glance.css"}


def test_a_plans_marks_bring_the_plans_stylesheet():
    for content in (
        '<section class="ect-phase"><h2>Model</h2></section>',
        '<div class="ect-notes" aria-hidden="true"><p>Notes</p></div>',
        '<section class="ect-pack-cover"></section>',
        '<article class="ect-week-step"></article>',
    ):
        assert page_scripts.needed(content) == {"stylesheets/plan.css"}


def test_a_stacked_table_brings_its_stylesheet():
    assert page_scripts.needed('<div class="ect-stack ect-stack--weeks"><table></table></div>') == {
        "stylesheets/stack.css"
    }


def test_a_video_or_a_transcript_brings_the_videos_stylesheet():
    for content in ('<figure class="ect-video"></figure>', '<details class="ect-transcript"></details>'):
        assert page_scripts.needed(content) == {"stylesheets/video.css"}


def test_where_a_progress_file_is_saved_every_store_owner_is_loaded():
    # "Save my progress" and "Clear my progress" take every registered store: its owners must be there.
    assert page_scripts.needed("<div data-ect-progress-record></div>") == {
        "javascripts/progress-file.js",
        "javascripts/routes.js",
        "javascripts/lens.js",
        "stylesheets/record.css",
    }
    assert page_scripts.needed("<div data-ect-pairs></div>") == {
        "javascripts/pairs.js",
        "javascripts/progress-file.js",
        "javascripts/routes.js",
        "javascripts/lens.js",
        "stylesheets/record.css",
    }


def test_a_mentor_plans_coaching_log_brings_its_script():
    assert page_scripts.needed('<div class="ect-coaching" data-ect-coaching="p/plan-1"></div>') == {
        "javascripts/coaching.js",
        "stylesheets/record.css",
    }


def test_a_mark_in_text_or_an_attribute_value_is_not_a_mark():
    assert page_scripts.needed('<p>data-ect-thisweek</p><a title="[data-ect-pairs]" href="x">x</a>') == frozenset()


def test_a_page_of_unknown_content_gets_every_script():
    assert page_scripts.needed(None) == frozenset(ON_DEMAND)
    assert page_scripts.wanted("javascripts/me.js", frozenset())
    assert not page_scripts.wanted("javascripts/thisweek.js", frozenset())


def test_every_script_on_demand_is_one_the_site_lists():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(f"  - {script}" in text for script in ON_DEMAND)


def test_the_my_programme_line_gets_the_cohorts_without_the_schedule():
    from induction.check.pipeline import load_and_check

    checked = load_and_check(str(ROOT / "content"))
    script = published_files(checked)["cohorts.js"]
    assert script.startswith("/* Generated by induction/publish/published.py: each programme's cohorts")
    assert '"cohorts":[{"id":"september-2025","title":"September 2025 start"}' in script
    assert len(script) < 1000


def scripts_of(site: Path, page: str) -> set[str]:
    tree = LexborHTMLParser((site / page / "index.html").read_text(encoding="utf-8"))
    return {os.path.basename(node.attributes["src"] or "") for node in tree.css("script[src]")}


def test_a_week_page_lists_only_the_scripts_it_runs(sample_site):
    listed = scripts_of(sample_site, WEEK)
    assert {"me.js", "progress.js", "print.js", "induction.js", "search-on-demand.js"} <= listed
    assert not listed & {
        "thisweek.js",
        "mycalendar.js",
        "pairs.js",
        "routes.js",
        "lens.js",
        "progress-file.js",
        "coaching.js",
    }


def stylesheets_of(site: Path, page: str) -> set[str]:
    tree = LexborHTMLParser((site / page).read_text(encoding="utf-8"))
    return {os.path.basename(node.attributes["href"] or "") for node in tree.css('link[rel="stylesheet"]')}


def test_a_page_links_only_the_stylesheets_it_uses(sample_site):
    on_demand = {os.path.basename(name) for name in ON_DEMAND if name.endswith(".css")}
    assert on_demand == {
        "routes.css",
        "record.css",
        "mycalendar.css",
        "coverage.css",
        "glance.css",
        "examples.css",
        "plan.css",
        "video.css",
        "stack.css",
    }
    assert not stylesheets_of(sample_site, WEEK + "index.html") & on_demand
    assert stylesheets_of(sample_site, "oakfield/coverage/index.html") & on_demand == {"coverage.css"}
    assert {"record.css"} <= stylesheets_of(sample_site, "about/progress/index.html")
    plan = "oakfield/year-1/routines/routines-w1-mentor/index.html"
    assert stylesheets_of(sample_site, plan) & on_demand == {"plan.css", "record.css"}
    assert {"plan.css"} <= stylesheets_of(sample_site, "oakfield/year-1/routines/mentor-pack/index.html")
    video = "oakfield/year-1/routines/routines-w1-watch/index.html"
    assert stylesheets_of(sample_site, video) & on_demand == {"video.css"}
    assert {"stack.css"} <= stylesheets_of(sample_site, "oakfield/year-1/routines/index.html")
    assert on_demand <= stylesheets_of(sample_site, "404.html")  # content not known: every one


def test_the_pages_that_need_a_script_still_list_it(sample_site):
    assert {"thisweek.js", "routes.js"} <= scripts_of(sample_site, "oakfield")
    assert {"routes.js", "lens.js", "progress.js", "progress-file.js", "me.js"} <= scripts_of(
        sample_site, "about/progress"
    )
    assert {"progress.js", "coaching.js"} <= scripts_of(sample_site, "oakfield/year-1/routines/routines-w1-mentor")


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")
def test_a_week_pages_first_visit_fetches_no_schedule_and_no_programme_order(sample_site):
    sys.path.insert(0, str(ROOT / "scripts"))
    import transfer  # noqa: PLC0415

    files: dict[str, dict[str, int]] = {}
    transfer.first_visit(str(sample_site), [WEEK, ""], files)
    week = set(files[WEEK])
    assert "/cohorts.js" in week  # the "My programme" line names the chosen cohort
    assert not week & {
        "/schedule.js",
        "/programme-order.js",
        "/javascripts/thisweek.js",
        "/javascripts/routes.js",
        "/javascripts/lens.js",
    }
    assert "/schedule.js" in files[""]  # the home page's "this week" panel still gets it


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")
def test_a_page_of_a_site_without_cohorts_asks_for_nothing_the_site_lacks(tmp_path):
    """me.js asks every page's cohorts.js for the "My programme" line: a site without cohorts
    answers with none, not with a 404 and an error in the console on every visit."""
    from browser_support import chromium, serve  # noqa: PLC0415
    from conftest import make_tree, mkdocs_build  # noqa: PLC0415

    site = tmp_path / "site"
    result = mkdocs_build(make_tree(tmp_path), site)
    assert result.returncode == 0, result.stderr[-2000:]
    with serve(site, site / "404.html") as base, chromium() as browser:
        page = browser.new_page()
        failed: list[str] = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        for address in ("", "prog/year-1/b1/", "prog/year-1/b1/b1-intro/"):
            page.goto(base + address)
            page.wait_for_load_state("networkidle")
        assert failed == []
        assert page.evaluate("() => window.ectCohorts.programmes") == []
