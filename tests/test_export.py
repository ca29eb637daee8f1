"""Export: the generated pages as plain Markdown build with the theme alone, no project code."""
from __future__ import annotations

import os
import subprocess
import sys

import yaml
from conftest import ROOT

from induction.export import export
from induction.pipeline import load_and_check
from induction.render import render_site


def test_export_writes_every_generated_page_and_a_plain_config(tree, tmp_path):
    checked = load_and_check(str(tree))
    out = tmp_path / "export"
    count = export(checked, str(ROOT / "mkdocs.yml"), str(out))
    pages = render_site(checked)
    assert count == len(pages)
    for page in pages:
        assert (out / "docs" / page.src).read_text(encoding="utf-8") == page.markdown
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    assert config["theme"]["name"] == "material"
    assert config["site_name"] == "Test site"
    assert (out / "docs" / "prog" / "assets" / "sheet.pdf").is_file()


def test_exported_pages_build_strictly_without_project_code(tree, tmp_path):
    out = tmp_path / "export"
    export(load_and_check(str(tree)), str(ROOT / "mkdocs.yml"), str(out))
    # A bare environment: the project folder is not on the path and ECT_CONTENT is unset.
    env = {k: v for k, v in os.environ.items() if k not in ("ECT_CONTENT", "PYTHONPATH")}
    env["NO_MKDOCS_2_WARNING"] = "true"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=out, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "prog" / "year-1" / "b1" / "b1-w1-mentor" / "index.html").is_file()
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["plugins"] == ["search"]
