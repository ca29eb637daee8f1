"""The theme's template environment (induction_mkdocs/theme.py): what the templates' own layout
leaves in a page."""

from __future__ import annotations

import jinja2

from induction_mkdocs import theme


def rendered(source: str, **values: object) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}))
    theme.compact(env)
    return env.get_template("page.html").render(**values)


def test_a_templates_indentation_and_block_tag_lines_leave_one_line_break():
    source = "<ul>\n  {% for item in items %}\n    <li>\n      {{ item }}\n    </li>\n  {% endfor %}\n</ul>\n"
    assert rendered(source, items=["a", "b"]) == "<ul>\n<li>\na\n</li>\n<li>\nb\n</li>\n</ul>"


def test_what_a_variable_writes_keeps_its_own_white_space():
    assert rendered("<div>\n    {{ text }}\n</div>", text="one\n    two") == "<div>\none\n    two\n</div>"


def test_compacting_twice_adds_the_extension_once():
    env = jinja2.Environment()
    theme.compact(env)
    theme.compact(env)
    assert sum(isinstance(extension, theme.Unindented) for extension in env.extensions.values()) == 1
