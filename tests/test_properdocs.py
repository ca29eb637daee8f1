"""ProperDocs (the maintained fork of MkDocs 1.6) builds the project's own mkdocs.yml, unchanged and
strict, into the same site: the same pages, the same article text and the same navigation."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT, SAMPLE
from engine_support import PROPERDOCS, export_builds, pages, run, text_of

pytestmark = [pytest.mark.build]  # what every test here needs (tests/marks_support.py)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    site = tmp_path_factory.mktemp("properdocs") / "site"
    env = dict(os.environ, ECT_CONTENT=str(SAMPLE), NO_MKDOCS_2_WARNING="true", SITE_URL="")
    result = run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)], cwd=ROOT, env=env)
    assert "WARNING" not in result.stderr
    return site


def test_properdocs_writes_the_same_pages_with_the_same_text(properdocs_site, sample_site):
    built, original = pages(properdocs_site), pages(sample_site)
    assert sorted(built) == sorted(original)
    assert [path for path in original if text_of(built[path]) != text_of(original[path])] == []


def test_properdocs_writes_the_same_navigation(properdocs_site, sample_site):
    built, original = pages(properdocs_site), pages(sample_site)
    for kind, tag, css_class in (
        ("nav", "nav", "md-nav--primary"),
        ("breadcrumbs", "nav", "md-path"),
        ("footer", "nav", "md-footer__inner"),
    ):
        different = [
            path for path in original if text_of(built[path], tag, css_class) != text_of(original[path], tag, css_class)
        ]
        assert different == [], kind
    assert text_of(original["index.html"], "nav", "md-nav--primary")  # the comparison compares something


def test_properdocs_writes_the_plugins_files(properdocs_site, sample_site):
    for name in ("curriculum.json", "_headers"):
        assert (properdocs_site / name).read_bytes() == (sample_site / name).read_bytes(), name


@pytest.mark.external  # export_builds builds the export with Zensical too, in its own environment
def test_properdocs_builds_the_export_strictly_into_the_same_pages(tmp_path_factory):
    builds = export_builds(tmp_path_factory.mktemp("engines"))
    site = tmp_path_factory.mktemp("properdocs-export") / "site"
    run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)], cwd=builds.export)
    built, original = pages(site), pages(builds.mkdocs)
    assert sorted(built) == sorted(original)
    assert [path for path in original if text_of(built[path]) != text_of(original[path])] == []
