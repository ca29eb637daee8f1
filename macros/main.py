"""Macros for hand-written pages (mkdocs-macros): one-line wrappers over the core (induction/render/page_macros.py).

Pages opt in with `render_macros: true` in their front matter. Content files never go through
Jinja; they use the core's shortcodes instead.

They need no plugin of ours: under MkDocs with the `induction` plugin they reuse the model it
checked; under an engine that runs mkdocs-macros but drops our plugin (Zensical), they load and
check the content folder themselves (ECT_CONTENT, else the plugin's `content` option).
"""

from __future__ import annotations

import os
import sys

# An engine in its own environment may not have the project installed: import it from beside us.
ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # realpath: also from a symlinked copy
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from induction.check.pipeline import Checked  # noqa: E402
from induction.load import site_config  # noqa: E402
from induction.render import page_macros  # noqa: E402


def define_env(env) -> None:  # type: ignore[no-untyped-def]
    def checked() -> Checked:
        plugin = env.conf["plugins"].get(site_config.PLUGIN) if "plugins" in env.conf else None
        reused = getattr(plugin, "checked", None)  # the model the plugin checked, when it ran
        if reused is not None:
            return reused
        # Zensical's env.conf has no config_file_path, only the folder of the configuration file.
        config_file = env.conf.get("config_file_path") or os.path.join(env.conf.get("root_dir") or ".", "mkdocs.yml")
        return page_macros.checked_content(site_config.content_root(config_file))

    def page_src() -> str:
        page = env.page  # MkDocs: a Page with its File; Zensical: a page with the path in the docs folder
        return page.file.src_uri if hasattr(page, "file") else str(page.path).replace(os.sep, "/")

    def call(name: str):  # type: ignore[no-untyped-def]
        def macro(*args, **kwargs):  # type: ignore[no-untyped-def]
            return page_macros.macros(checked(), page_src())[name](*args, **kwargs)

        macro.__name__ = name
        return macro

    for name in ("figures", "programmes", "statement", "ecf"):
        env.macro(call(name), name)
