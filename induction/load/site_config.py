"""Site configuration: what the core needs from the project's mkdocs.yml, read without MkDocs.

The plugin, the macros (under any engine, with or without our plugin) and the export all find the
content folder and place the generated navigation by these rules, so they cannot disagree.
"""

from __future__ import annotations

import os
from typing import Any

import yaml

PLUGIN = "induction"
DEFAULT_CONTENT = "content"
DEFAULT_NAV_POSITION = 1


def read(config_path: str) -> dict[str, Any]:
    """The mkdocs.yml at `config_path` as plain data; tags such as !ENV or !!python/name are kept
    as their text (a list for !ENV), since only MkDocs knows what they mean."""
    with open(config_path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_Lenient)
    return data if isinstance(data, dict) else {}


def plugin_options(config: dict[str, Any], name: str = PLUGIN) -> dict[str, Any] | None:
    """A plugin's options in a config's `plugins` (a list of names or one-key maps, or a map):
    {} when it is there without options, None when it is not there."""
    plugins = config.get("plugins") or []
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(item.items())) if isinstance(item, dict) else (item, None) for item in plugins)
    )
    for entry, options in entries:
        if entry == name:
            return options if isinstance(options, dict) else {}
    return None


def content_root(config_path: str, configured: str | None = None) -> str:
    """The content folder: ECT_CONTENT (so `make site CONTENT=...` builds any tree with the same
    mkdocs.yml), else the plugin's `content` option, relative to the folder of mkdocs.yml."""
    if configured is None:
        options = plugin_options(read(config_path)) if os.path.isfile(config_path) else None
        configured = (options or {}).get("content", DEFAULT_CONTENT)
    root = os.environ.get("ECT_CONTENT") or str(configured)
    return os.path.normpath(os.path.join(os.path.dirname(config_path or "."), root))


def merged_nav(nav: list[Any], generated: list[Any], position: int = DEFAULT_NAV_POSITION) -> list[Any]:
    """The hand-written `nav` with the generated sections inserted at `position` (the plugin's
    `nav_position`): after Home by default."""
    position = min(position, len(nav))
    return nav[:position] + generated + nav[position:]


def resolved_env_tag(value: Any) -> Any:
    """A value written `!ENV [NAME, ..., default]` (read by `read` as that list) as MkDocs resolves
    it: the first variable that is set, else the last item."""
    if not isinstance(value, list) or not value:
        return value
    for name in value[:-1]:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return value[-1] if len(value) > 1 else None


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping unknown tags (such as !!python/name:...) as plain values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Lenient.add_multi_constructor("", _construct_tagged)
