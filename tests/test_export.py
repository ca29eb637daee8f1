"""Export: the whole site as a standalone site source that builds with no project code."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, SAMPLE
from edits import replace_once
from engine_support import BIN, pages, run, text_of
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from induction.body.page_meta import split
from induction.check.pipeline import load_and_check
from induction.load import site_config
from induction.publish.export import ExportError, export
from induction.render import render_site
from induction.render.curriculum import curriculum_json
from induction.render.figures import figures
from induction.render.nav import build_nav

HAND_WRITTEN = sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*") if p.is_file())


def test_export_writes_every_page_and_file_of_the_site(tree, tmp_path):
    checked = load_and_check(str(tree))
    out = tmp_path / "export"
    count = export(checked, str(ROOT / "mkdocs.yml"), str(out))
    generated = render_site(checked)
    for page in generated:
        assert (out / "docs" / page.src).read_text(encoding="utf-8") == page.markdown
    for path in HAND_WRITTEN:  # stylesheets, scripts and hand-written pages
        assert (out / "docs" / path).is_file(), path
    markdown = [p for p in HAND_WRITTEN if p.suffix == ".md"]
    assert count == len(generated) + len(markdown)
    assert (out / "docs" / "prog" / "assets" / "sheet.pdf").is_file()
    assert (out / "docs" / "curriculum.json").read_text(encoding="utf-8") == curriculum_json(checked)
    assert (out / "overrides" / "404.html").read_text(encoding="utf-8") == (ROOT / "overrides" / "404.html").read_text(
        encoding="utf-8"
    )
    policy = ROOT / "induction" / "publish" / "csp.py"
    assert (out / "csp.py").read_text(encoding="utf-8") == policy.read_text(encoding="utf-8")
    assert "python3 csp.py site\n" in (out / "README.md").read_text(encoding="utf-8")
    # csp.py reads pages with an HTML5 parser: the export says which, pinned as the project pins it
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = next(line for line in pins if line.startswith("selectolax"))
    assert (out / "requirements.txt").read_text(encoding="utf-8").split("  #")[0] == pinned
    assert "pip install -r requirements.txt" in (out / "README.md").read_text(encoding="utf-8")


def test_the_exported_config_needs_no_project_code(tree, tmp_path):
    out = tmp_path / "export"
    export(load_and_check(str(tree)), str(ROOT / "mkdocs.yml"), str(out))
    text = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL, '']\n" in text  # SITE_URL still says where it is published
    config = yaml.safe_load(text.replace("!ENV ", ""))
    assert config["plugins"] == ["search"] and "hooks" not in config
    assert config["strict"] is True
    assert config["site_name"] == "Test site"
    assert config["theme"]["name"] == "material" and config["theme"]["variant"] == "classic"
    assert config["theme"]["custom_dir"] == "overrides"
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV ", ""))
    checked = load_and_check(str(tree))  # Home, then the generated sections, then the rest, as the plugin does
    assert config["nav"] == site_config.merged_nav(project["nav"], build_nav(checked.site, checked.places))


def small_project(tmp_path, render_by_default="false"):  # type: ignore[no-untyped-def]
    """A project folder: mkdocs.yml with the macros plugin, a page that runs macros, one that does not."""
    project = tmp_path / "project"
    (project / "docs" / "about").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        "site_name: X\nplugins:\n  - induction\n  - macros:\n      module_name: macros/main\n"
        f"      render_by_default: {render_by_default}\n",
        encoding="utf-8",
    )
    (project / "docs" / "figures.md").write_text(  # not index.md: the home page is generated
        "---\ntitle: Home\nrender_macros: true\n---\n\n{% set f = figures() %}\n{{ f.weeks }} weeks.\n\n"
        "{{ programmes() }}\n",
        encoding="utf-8",
    )
    (project / "docs" / "about" / "code.md").write_text('# Code\n\nWrite `{{ video("id") }}`.\n', encoding="utf-8")
    return project


def test_hand_written_pages_have_their_macros_run(tree, tmp_path):
    project, out = small_project(tmp_path), tmp_path / "export"
    checked = load_and_check(str(tree))
    export(checked, str(project / "mkdocs.yml"), str(out))
    home = (out / "docs" / "figures.md").read_text(encoding="utf-8")
    assert home == (
        f"---\ntitle: Home\n---\n\n\n{figures(checked)['weeks']} weeks.\n\n"
        "- [Test programme](prog/index.md): [Year 1](prog/year-1/index.md)\n"
    )
    # A page that does not ask for macros is copied as it is, double braces and all.
    code = (out / "docs" / "about" / "code.md").read_text(encoding="utf-8")
    assert code == '# Code\n\nWrite `{{ video("id") }}`.\n'


def test_pages_run_macros_when_the_macros_plugin_renders_by_default(tree, tmp_path):
    project, out = small_project(tmp_path, render_by_default="true"), tmp_path / "export"
    (project / "docs" / "about" / "code.md").write_text("{{ programmes() }}\n", encoding="utf-8")
    export(load_and_check(str(tree)), str(project / "mkdocs.yml"), str(out))
    assert (out / "docs" / "about" / "code.md").read_text(encoding="utf-8") == (
        "- [Test programme](../prog/index.md): [Year 1](../prog/year-1/index.md)\n"
    )


def test_a_generated_page_may_not_replace_a_hand_written_one(tree, tmp_path):
    project = tmp_path / "project"
    (project / "docs" / "prog").mkdir(parents=True)
    (project / "docs" / "prog" / "index.md").write_text("# Mine\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: X\nplugins:\n  - induction\n", encoding="utf-8")
    with pytest.raises(ExportError) as error:
        export(load_and_check(str(tree)), str(project / "mkdocs.yml"), str(tmp_path / "export"))
    assert str(error.value) == "The generated page prog/index.md would replace a file of the docs folder."


@pytest.mark.build
def test_the_export_script_reports_bad_content(tree, tmp_path):
    replace_once(tree / "site.yaml", "programmes: [prog]", "programmes: [missing]")
    result = run_script(tree, tmp_path / "export", expect=1)
    assert result.stdout.splitlines()[0] == (
        "minimal/site.yaml:2: error [unknown-reference] No programme has the id 'missing'."
    )
    assert not (tmp_path / "export").exists()


def run_script(tree, out, expect=0):  # type: ignore[no-untyped-def]
    script = str(ROOT / "scripts" / "export_docs.py")
    result = subprocess.run(
        [sys.executable, script, "--content", str(tree), str(out)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == expect, result.stderr
    return result


@pytest.mark.parametrize(
    "text", [(ROOT / "docs" / p).read_text(encoding="utf-8") for p in HAND_WRITTEN if p.suffix == ".md"]
)
def test_front_matter_is_split_as_mkdocs_splits_it(text):
    head, meta, body = split(text)
    assert (body, meta) == get_data(text)
    assert head + body == text


@given(
    st.lists(
        st.sampled_from(
            [
                "---",
                "...",
                "title: A",
                "render_macros: true",
                "- x",
                ": bad",
                "# H",
                "",
                "---  ",
                "text {{ x }}",
                "a: [1",
                "  - b",
                "    more",
                "\tmore",
                "Key-2: v",
                "   k: v",
                "x\r",
                "[a]: b",
            ]
        ),
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_front_matter_split_matches_mkdocs_on_varied_pages(lines, newline):
    text = newline.join(lines) + newline
    head, meta, body = split(text)
    assert (body, meta) == get_data(text)
    assert head + body in (text, text.replace("\r\n", "\n").replace("\r", "\n"))


@pytest.mark.build
def test_the_export_builds_strictly_with_the_same_article_text_as_the_site(sample_site, tmp_path):
    """Every page of the project's own build, at the same address in the export's plain MkDocs
    build, with the same article text: nothing of the site is lost in the export."""
    out = tmp_path / "export"
    export(load_and_check(str(SAMPLE)), str(ROOT / "mkdocs.yml"), str(out))
    run([str(BIN / "mkdocs"), "build", "--strict"], cwd=out)
    run([sys.executable, "-I", "csp.py", "site"], cwd=out)  # -I: no project folder on the path
    built, original = pages(out / "site"), pages(sample_site)
    assert sorted(built) == sorted(original)
    different = [path for path in original if text_of(built[path]) != text_of(original[path])]
    assert different == []
    assert (out / "site" / "_headers").read_text(encoding="utf-8").startswith("/*\n  Content-Security-Policy: ")
    assert json.loads((out / "site" / "curriculum.json").read_text(encoding="utf-8")) == json.loads(
        (sample_site / "curriculum.json").read_text(encoding="utf-8")
    )
    # the provider's identity too: logo, favicon, colours and footer, as on the site
    for page in ("index.html", "oakfield/year-1/index.html"):
        assert identity(out / "site" / page) == identity(sample_site / page)
    assert (out / "site" / "stylesheets" / "provider.css").read_bytes() == (
        sample_site / "stylesheets" / "provider.css"
    ).read_bytes()


def identity(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What of a page says whose site it is: its logo, favicon, stylesheets, palette and footer."""
    html = page.read_text(encoding="utf-8")
    return {
        "logo": re.findall(r'<img src="([^"]*)" alt="logo">', html),
        "favicon": re.findall(r'<link rel="icon" href="([^"]*)"', html),
        "stylesheets": re.findall(r'<link rel="stylesheet" href="([^"]*provider[^"]*)"', html),
        "palette": re.findall(r'data-md-color-(?:primary|accent)="([^"]*)"', html),
        # Whitespace aside: the site's templates drop their block tags' blank lines, the export's keep them.
        "footer": [" ".join(part.split()) for part in re.findall(r'<div class="md-copyright">(.*?)</div>', html, re.S)],
    }
