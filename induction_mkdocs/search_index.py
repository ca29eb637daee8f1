"""Material's search index on a hosted site: its configuration only (part of the MkDocs adapter).

A hosted site searches by fragments (induction/publish/fragment_search.py); Material's script still
reads its index file to start the search box and to highlight a result's words on the page it
opens, and needs only the configuration there. Indexing every page's words into it as well costs a
build of the corpus about two seconds, for a file nobody downloads. So, on a hosted build, the
search plugin keeps its index object but that object takes no page: Material itself still writes
the file, with its configuration and no words. The offline copy keeps the whole index (it searches
with it, from disk).
"""

from __future__ import annotations

from typing import Any

from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig


class ConfigurationOnly(SearchIndex):
    """Material's search index, writing its configuration and no page."""

    def add_entry_from_context(self, page: Any) -> None:
        return None


def configuration_only(config: MkDocsConfig) -> None:
    """Keep every page out of Material's index for this build (after the search plugin's on_config,
    which makes the index from the plugin's configuration)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if isinstance(index, SearchIndex) and not isinstance(index, ConfigurationOnly):
        search.search_index = ConfigurationOnly(**index.config)  # type: ignore[union-attr]
