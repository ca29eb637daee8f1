"""induction_mkdocs/search_index.py: on a hosted build, Material's search index takes no page and
Material writes it with its configuration only (the site's search is by fragments)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex

from induction_mkdocs import search_index

CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def test_the_index_takes_no_page_and_is_written_with_its_configuration_only():
    plugin = SimpleNamespace(search_index=SearchIndex(**CONFIG))
    config = SimpleNamespace(plugins={"material/search": plugin})
    search_index.configuration_only(config)  # type: ignore[arg-type]
    index = plugin.search_index
    assert isinstance(index, search_index.ConfigurationOnly)
    page = SimpleNamespace(meta={}, content="<h1 id='a'>Words</h1><p>More words</p>", toc=[], url="a/")
    index.add_entry_from_context(page)
    assert json.loads(index.generate_search_index(None)) == {"config": CONFIG, "docs": []}
    search_index.configuration_only(config)  # type: ignore[arg-type]
    assert plugin.search_index is index  # made once


def test_a_site_without_materials_search_is_left_as_it_is():
    config = SimpleNamespace(plugins={})
    search_index.configuration_only(config)  # type: ignore[arg-type]
    assert config.plugins == {}
