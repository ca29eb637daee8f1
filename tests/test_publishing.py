"""Publishing anywhere: the sample at a domain root and under a sub-path (/ect/) has no broken
link, a sitemap and a 404 page that works; the offline copy (mkdocs.offline.yml, zipped as
`make offline` zips it) navigates and searches opened from disk; the Pages workflow builds it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from browser_support import CHROMIUM, PAGE_TYPES, axe_violations, chromium, open_search, serve
from conftest import ROOT, SAMPLE, mkdocs_build

sys.path.insert(0, str(ROOT / "scripts"))
from check_links import broken_links  # noqa: E402  (a script, not a package)

browser_needed = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)")
SITE_URL = "https://example.org/ect/"


def plugin_names(config: Path) -> list[str]:
    from mkdocs.utils.yaml import get_yaml_loader  # noqa: PLC0415 (reads !ENV like MkDocs does)

    with open(config, "rb") as handle:
        data = yaml.load(handle, Loader=get_yaml_loader())
    return [next(iter(p)) if isinstance(p, dict) else p for p in data.get("plugins", [])]


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built for https://example.org/ect/, in a folder served as /ect/."""
    root = tmp_path_factory.mktemp("host")
    result = mkdocs_build(SAMPLE, root / "ect", site_url=SITE_URL)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return root


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site-offline.zip made as `make offline` makes it, then unpacked somewhere else."""
    work = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(SAMPLE, work / "site-offline", "-f", "mkdocs.offline.yml")
    assert result.returncode == 0, result.stderr
    subprocess.run([sys.executable, "-m", "zipfile", "-c", "site-offline.zip", "site-offline/"], cwd=work, check=True)
    unpacked = work / "unpacked"
    with zipfile.ZipFile(work / "site-offline.zip") as archive:
        archive.extractall(unpacked)
    return unpacked / "site-offline"


def test_the_offline_config_has_the_sites_plugins_plus_offline():
    # MkDocs replaces inherited lists, so mkdocs.offline.yml repeats them: they must not drift apart.
    assert plugin_names(ROOT / "mkdocs.offline.yml") == plugin_names(ROOT / "mkdocs.yml") + ["offline"]


def test_make_offline_builds_the_offline_config_and_zips_it():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\noffline:") :].split("\n\n")[0]
    assert "-f mkdocs.offline.yml" in recipe and "zipfile -c site-offline.zip site-offline/" in recipe


def test_at_the_domain_root_no_internal_link_is_broken(sample_site):
    assert broken_links(sample_site) == []


@pytest.mark.build
def test_under_a_sub_path_the_build_is_strict_clean_and_no_internal_link_is_broken(sub_path_site):
    assert broken_links(sub_path_site / "ect", "/ect/") == []


@pytest.mark.build
def test_the_sitemap_lists_every_page_under_the_site_url(sub_path_site):
    sitemap = (sub_path_site / "ect" / "sitemap.xml").read_text(encoding="utf-8")
    pages = [p for p in (sub_path_site / "ect").rglob("index.html")]
    assert sitemap.count("<loc>") == len(pages)
    assert sitemap.count(f"<loc>{SITE_URL}") == len(pages)


def test_without_a_site_url_nothing_names_a_host_that_is_not_ours(sample_site):
    assert "example.org" not in (sample_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_the_offline_copy_links_only_to_files_that_exist(offline_copy):
    assert broken_links(offline_copy, folders=False) == []


@pytest.mark.build
@pytest.mark.browser
@browser_needed
def test_under_a_sub_path_pages_work_and_a_missing_address_gets_a_useful_accessible_404(sub_path_site):
    with serve(sub_path_site, not_found=sub_path_site / "ect" / "404.html") as base, chromium() as browser:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base + "ect/" + PAGE_TYPES["week"])
        page.click(".ect-pagination__next a")
        page.wait_for_url(base + "ect/oakfield/year-1/classroom-practice/week-2/")
        open_search(page, "hinge")
        response = page.goto(base + "ect/no/such/page/")
        assert response is not None and response.status == 404
        assert "Page not found" in page.inner_text("h1")
        assert page.title().startswith("Page not found - ")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert axe_violations(page) == []
        page.click("article a:has-text('home page')")  # the way back
        page.wait_for_url(base + "ect/")
        assert [url for url in requests if not url.startswith(base + "ect/")] == []


@pytest.mark.build
@pytest.mark.browser
@browser_needed
def test_the_unpacked_zip_navigates_and_searches_from_disk(offline_copy):
    with chromium() as browser:
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(offline_copy.joinpath("index.html").as_uri())
        page.click("article a:has-text('Year 1')")
        page.wait_for_url("**/oakfield/year-1/index.html")
        page.click("article a:has-text('Classroom practice')")
        page.wait_for_url("**/classroom-practice/index.html")
        page.click("article a:has-text('Checking for understanding')")
        page.wait_for_url("**/classroom-practice/week-3/index.html")
        assert page.locator("h1").inner_text().startswith("Week 3")
        page.wait_for_timeout(1000)  # a search frame made at start-up would have loaded by now
        searching = ("/search/search_index.js", "/workers/search.")
        assert [url for url in requests if any(part in url for part in searching)] == []  # not before searching
        open_search(page, "hinge")
        assert sorted(
            any(part in url for part in searching[1:]) for url in requests if any(part in url for part in searching)
        ) == [False, True]  # the index, the worker
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state()
        assert page.url.startswith("file://") and "hinge" in page.inner_text("article").lower()
        assert [url for url in requests if not url.startswith("file://")] == []


def on_disk(copy: Path, address: str) -> Path:
    """The offline copy's file for a page's directory-style address (`week-1/` is `week-1/index.html`
    where the page is an index, else `x/` is `x.html`)."""
    if address.endswith(".html"):
        return copy / address
    index = copy / address / "index.html"
    return index if index.is_file() else copy / (address.rstrip("/") + ".html")


@pytest.mark.build
@pytest.mark.browser
@browser_needed
def test_every_page_type_of_the_offline_copy_keeps_the_sites_policy_and_asks_no_other_host(offline_copy):
    with chromium() as browser:
        page = browser.new_page()
        requests: list[str] = []
        violations: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on(
            "console",
            lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
        )
        # not the 404 page: opened from disk no server ever shows it
        for kind, address in [(kind, address) for kind, address in PAGE_TYPES.items() if kind != "404"]:
            file = on_disk(offline_copy, address)
            assert 'http-equiv="Content-Security-Policy"' in file.read_text(encoding="utf-8"), kind
            page.goto(file.as_uri())
            page.wait_for_load_state("load")
        page.goto(on_disk(offline_copy, PAGE_TYPES["week"]).as_uri())
        open_search(page, "hinge")  # the search frame's script is a file of the copy: allowed
        assert violations == []
        # and the policy holds: a script that content might have smuggled in does not run
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
            " document.body.append(s); }"
        )
        page.wait_for_function("() => document.querySelectorAll('script').length > 0")
        assert page.evaluate("window.ran") is None
        assert any("violates the following Content Security Policy" in text for text in violations)
        assert [url for url in requests if not url.startswith("file://")] == []


def test_the_pages_workflow_builds_strictly_for_its_address_checks_links_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    build = next(step for step in steps if step.get("run") == "make site")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert any("scripts/check_links.py site/" in step.get("run", "") for step in steps)
    assert any(
        step.get("uses", "").startswith("actions/upload-pages-artifact") and step["with"]["path"] == "site"
        for step in steps
    )
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_the_workflow_runs_every_test_before_it_builds_and_publishes_only_main():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert [step.get("run") for step in jobs["test"]["steps"]][-1] == ".ci/run"  # which runs `make test`
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert "refs/heads/main" in jobs["build"]["if"] and "pull_request" in jobs["build"]["if"]
    assert workflow["permissions"] == {"contents": "read"}  # a pull request's run may not publish
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
