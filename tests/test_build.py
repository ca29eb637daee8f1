"""End to end: the sample programme builds strictly, with a page for every week and session."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE, mkdocs_build


@pytest.mark.build
def test_sample_builds_strictly_with_no_warning(tmp_path):
    result = mkdocs_build(SAMPLE, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_every_week_and_session_has_a_page(sample_site):
    data = json.loads((sample_site / "curriculum.json").read_text())
    urls = [s["url"] for s in data["sessions"]]
    for programme in data["programmes"]:
        for year in programme["years"]:
            for block in year["blocks"]:
                urls += [week["url"] for week in block["weeks"]]
    assert len(urls) > 100
    for url in urls:
        assert (sample_site / url / "index.html").is_file(), url
