"""Macros without the plugin: macros/main.py works under any engine that runs mkdocs-macros."""

from __future__ import annotations

import importlib.util
import os
import types

import jinja2
import pytest
from conftest import ROOT
from edits import replace_once

from induction.check.pipeline import load_and_check
from induction.load import site_config
from induction.render import page_macros
from induction.render.figures import figures


class FakeEnv:
    """What mkdocs-macros (or Zensical's copy of it) hands define_env: conf, page and `macro`."""

    def __init__(self, conf: dict, page: object) -> None:
        self.conf, self.page, self.macros = conf, page, {}

    def macro(self, fn, name=None):  # type: ignore[no-untyped-def]
        self.macros[name or fn.__name__] = fn
        return fn


def define_env(conf: dict, page: object) -> FakeEnv:
    spec = importlib.util.spec_from_file_location("macros_main_under_test", ROOT / "macros" / "main.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    env = FakeEnv(conf, page)
    module.define_env(env)
    return env


def zensical_page(path: str) -> object:
    return types.SimpleNamespace(path=path, url="", meta={})


@pytest.mark.external
def test_macros_load_the_content_themselves_when_the_plugin_was_dropped(tree, tmp_path, monkeypatch):
    # Zensical: no plugins of ours, no config_file_path, only the folder of the configuration file.
    monkeypatch.delenv("ECT_CONTENT", raising=False)
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [SITE_URL, '']\nplugins:\n  - search\n  - induction:\n      content: minimal\n",
        encoding="utf-8",
    )
    conf = {"root_dir": str(tmp_path), "plugins": {"search": {}}}
    env = define_env(conf, zensical_page("about/index.md"))
    assert set(env.macros) == {"figures", "programmes", "statement", "ecf"}
    assert env.macros["figures"]() == figures(load_and_check(str(tree)))
    assert env.macros["programmes"]() == "- [Test programme](../prog/index.md): [Year 1](../prog/year-1/index.md)"


@pytest.mark.external
def test_macros_read_ect_content_first(tree, tmp_path, monkeypatch):
    monkeypatch.setenv("ECT_CONTENT", str(tree))
    env = define_env({"root_dir": str(tmp_path / "nowhere")}, zensical_page("index.md"))
    assert env.macros["figures"]()["programmes"] == 1


def test_macros_reuse_the_plugins_model_under_mkdocs(tree):
    checked = load_and_check(str(tree))
    plugin = types.SimpleNamespace(checked=checked)
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri="index.md"))
    env = define_env({"plugins": {"induction": plugin}, "config_file_path": "/nonexistent/mkdocs.yml"}, page)
    assert env.macros["programmes"]() == "- [Test programme](prog/index.md): [Year 1](prog/year-1/index.md)"


def test_content_is_loaded_once_until_a_file_changes(tree):
    first = page_macros.checked_content(str(tree))
    assert page_macros.checked_content(str(tree)) is first
    replace_once(tree / "site.yaml", "title: Test site", "title: Renamed site")
    assert page_macros.checked_content(str(tree)).site.title == "Renamed site"


def test_content_with_problems_stops_the_macros_with_the_report(tree):
    replace_once(tree / "site.yaml", "programmes: [prog]", "programmes: [missing]")
    with pytest.raises(ValueError, match="^The content has problems; nothing was built.\n"):
        page_macros.checked_content(str(tree))


def test_render_runs_macros_strictly(tree):
    checked = load_and_check(str(tree))
    body = "{% set f = figures() %}{{ f.programmes }} programme\n{{ programmes() }}\n"
    assert page_macros.render(body, checked, "index.md") == (
        "1 programme\n- [Test programme](prog/index.md): [Year 1](prog/year-1/index.md)\n"
    )
    with pytest.raises(jinja2.UndefinedError):
        page_macros.render("{{ nonsense }}", checked, "index.md")
    with pytest.raises(ValueError, match="unknown statement 'zz'"):
        page_macros.render("{{ ecf('zz') }}", checked, "index.md")


def test_site_config_reads_the_projects_mkdocs_yml(monkeypatch):
    monkeypatch.delenv("ECT_CONTENT", raising=False)
    config = site_config.read(str(ROOT / "mkdocs.yml"))
    assert site_config.plugin_options(config)["content"] == "content"
    assert site_config.content_root(str(ROOT / "mkdocs.yml")) == os.path.normpath(ROOT / "content")
    assert site_config.plugin_options({"plugins": {"induction": {"content": "x"}}}) == {"content": "x"}
    assert site_config.merged_nav([{"Home": "index.md"}, {"About": []}], [{"P": "p/"}]) == [
        {"Home": "index.md"},
        {"P": "p/"},
        {"About": []},
    ]
    assert site_config.merged_nav([], [{"P": "p/"}], 5) == [{"P": "p/"}]


def test_env_tags_resolve_as_mkdocs_resolves_them(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_config.resolved_env_tag(["SITE_URL", ""]) == ""
    monkeypatch.setenv("SITE_URL", "https://example.org/ect/")
    assert site_config.resolved_env_tag(["SITE_URL", ""]) == "https://example.org/ect/"
    assert site_config.resolved_env_tag("plain") == "plain"
