"""Support for comparing one site as built by different engines (MkDocs, ProperDocs, Zensical):
each page's article text and navigation, whitespace-normalised, and the engines' commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, SAMPLE

BIN = Path(sys.executable).parent
PROPERDOCS = BIN / "properdocs"
# Zensical lives in its own environment (`make zensical`): its pins differ from MkDocs'.
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def bare_env(**extra: str) -> dict[str, str]:
    """The environment of a build that may use no project code: no ECT_CONTENT, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("ECT_CONTENT", "PYTHONPATH", "SITE_URL")}
    env.update(NO_MKDOCS_2_WARNING="true", **extra)
    return env


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env or bare_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


class _Text(HTMLParser):
    """The text inside the first element whose class list has `css_class`, and its <a> links."""

    def __init__(self, tag: str, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.css_class = tag, css_class
        self.depth = 0  # >0 while inside the element
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if self.depth:
            self.depth += tag == self.tag
        elif tag == self.tag and self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == self.tag:
            self.depth -= 1
            self.done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def text_of(html: str, tag: str = "article", css_class: str = "md-content__inner") -> str:
    parser = _Text(tag, css_class)
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site, by its path in the site, with its HTML."""
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


class Builds:
    """The sample's export, built by MkDocs and by Zensical, each with the policy step after it."""

    def __init__(self, root: Path) -> None:
        from induction.check.pipeline import load_and_check  # noqa: PLC0415
        from induction.publish.export import export  # noqa: PLC0415

        self.export = root / "export"
        export(load_and_check(str(SAMPLE)), str(ROOT / "mkdocs.yml"), str(self.export))
        self.mkdocs = root / "mkdocs-site"
        run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(self.mkdocs)], cwd=self.export)
        run([sys.executable, "-I", "csp.py", str(self.mkdocs)], cwd=self.export)
        if not ZENSICAL.exists():
            raise AssertionError(f"{ZENSICAL} is missing: run `make zensical` (make test does)")
        self.zensical_output = run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=self.export)
        self.zensical = self.export / "site"  # Zensical writes only inside the project: site_dir
        run([sys.executable, "-I", "csp.py", "site"], cwd=self.export)


_builds: dict[str, Builds] = {}


def export_builds(root: Path) -> Builds:
    """The builds, made once per test run (the browser tests and the text comparison share them)."""
    if "sample" not in _builds:
        _builds["sample"] = Builds(root)
    return _builds["sample"]
