#!/usr/bin/env python3
"""PDF: every block's mentor pack as an A4 PDF, for providers who hand out files.

    scripts/pdf.py [--content DIR] [--site DIR] [--out DIR] [--rebuild | --no-build]

The last stage of the flow: content/ -> site/ (mkdocs build, run here when the site is missing or
older than its sources) -> pdf/<programme>-<block>-mentor-pack.pdf, each printed by headless
Chromium (Debian's, driven by Playwright) from the pack page with the site's own print
stylesheet, so the PDF is exactly what a mentor's browser prints. `make pdf` runs it.
The site is built as scripts/build.py builds it (atomically, into a folder the site may replace),
and the PDF folder must be new, empty or one this command wrote (induction/publish/destinations.py).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from induction.check.pipeline import load_and_check  # noqa: E402
from induction.publish import destinations  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402
from induction.render.context import Context  # noqa: E402
from induction.render.packs import mentor_plans, pack_pdf_name, pack_src  # noqa: E402
from scripts.build import build  # noqa: E402

# Where Chromium lives on Debian/Ubuntu and on machines with Google's build; CHROMIUM overrides.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# What the site is built from: a change to any of these makes the built site stale.
SOURCES = ("docs", "mkdocs.yml", "induction", "induction_mkdocs", "macros")
NO_BROWSER = (
    "Chromium was not found. Install it (sudo apt-get install chromium, or `make browser`), "
    "or set CHROMIUM to the path of a Chromium or Chrome executable."
)


@dataclass(frozen=True)
class Pack:
    """A block's mentor pack: the built page to print and the PDF's file name."""

    title: str
    page: str  # path of the built page, relative to the site folder
    filename: str


def find_chromium() -> str | None:
    named = os.environ.get("CHROMIUM")
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def mentor_packs(content: Path) -> tuple[list[Pack], str]:
    """Every block's mentor pack in programme order, or no packs and the content's problems."""
    checked = load_and_check(str(content))
    if not checked.ok:
        return [], checked.report()
    ctx = Context(checked.site, checked.places)
    packs = []
    for programme in checked.site.programmes:
        for year in programme.years:
            for block in year.blocks:
                if mentor_plans(block, ctx, programme):
                    page = pack_src(programme, year, block).removesuffix(".md") + "/index.html"
                    packs.append(Pack(f"Mentor pack: {block.title}", page, pack_pdf_name(programme, block)))
    return packs, ""


def newest(paths: list[Path]) -> float:
    """The latest modification time of any file under `paths` (0 when there is none)."""
    times = [0.0]
    for path in paths:
        if path.is_file():
            times.append(path.stat().st_mtime)
        elif path.is_dir():
            times += [f.stat().st_mtime for f in path.rglob("*") if f.is_file()]
    return max(times)


def is_stale(site: Path, content: Path) -> bool:
    index = site / "index.html"
    return not index.is_file() or newest([content, *(ROOT / s for s in SOURCES)]) > index.stat().st_mtime


def build_site(site: Path, content: Path) -> int:
    """scripts/build.py's build: atomic, and only into a folder the site may replace."""
    return build(str(site), [], content=str(content))


# Pass one marks where each plan starts with a word no text contains, to find it with pdftotext.
_MARK = """() => document.querySelectorAll('.ect-pack-plan').forEach((plan, i) => {
  const mark = document.createElement('span'); mark.textContent = 'ectplanstarts' + (i + 1) + ' ';
  mark.style.fontSize = '4pt'; mark.style.position = 'absolute'; mark.style.top = '0';
  plan.style.position = 'relative'; plan.prepend(mark); })"""  # out of the flow: the layout stays pass two's
# Pass two: a blank page before each plan that would start on a left-hand (even) page, since
# Chromium prints `break-before: right` as a plain page break; and each plan's page in the contents.
_NUMBER = """(starts) => { const plans = document.querySelectorAll('.ect-pack-plan');
  plans.forEach((plan, i) => {
    if (starts[i].blank) { const blank = document.createElement('div'); blank.className = 'ect-blank-page';
      blank.style.breakBefore = 'page'; blank.style.height = '1px'; plan.before(blank); }
    const link = document.querySelector('a[href="#' + plan.id + '"]');
    if (link) link.after(document.createTextNode(' · page ' + starts[i].page)); }); }"""


def plan_start_pages(pdf: Path) -> list[int]:
    """The page each plan starts on in a pack printed with pass one's marks (pdftotext, page by page)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    starts: dict[int, int] = {}
    for number, page_text in enumerate(text.split("\f"), 1):
        for found in re.findall(r"ectplanstarts(\d+)", page_text):
            starts.setdefault(int(found), number)
    return [starts[i] for i in sorted(starts)]


def odd_starts(first_pass: list[int]) -> list[dict]:
    """Where each plan will start once a blank page is put before every plan that would start on an
    even page (each blank moves every later plan on by one)."""
    shift, out = 0, []
    for page in first_pass:
        blank = (page + shift) % 2 == 0
        shift += blank
        out.append({"page": page + shift, "blank": blank})
    return out


@contextmanager
def printer(chromium: str) -> Iterator:
    """A function that prints a built pack to a PDF file, in two passes, with one browser for every page:
    the first finds the page each plan starts on, the second prints with those numbers in the
    contents and each plan on a right-hand page. Returns the pages the plans start on."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (only printing needs it)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()

        def to_pdf(pdf: Path) -> None:
            # The page's own @page rule sets A4 and margins; backgrounds print as on screen; tagged
            # (accessible) PDF with an outline of the headings for readers that navigate by it.
            page.pdf(
                path=str(pdf),
                prefer_css_page_size=True,
                print_background=True,
                display_header_footer=False,
                tagged=True,
                outline=True,
            )

        def print_page(html: Path, pdf: Path) -> list[int]:
            page.goto(html.resolve().as_uri(), wait_until="load")
            if not page.evaluate("document.querySelectorAll('.ect-pack-plan').length"):
                to_pdf(pdf)
                return []
            page.evaluate(_MARK)
            to_pdf(pdf)
            starts = odd_starts(plan_start_pages(pdf))
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.evaluate(_NUMBER, starts)
            to_pdf(pdf)
            return [start["page"] for start in starts]

        try:
            yield print_page
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--content",
        type=Path,
        default=Path(os.environ.get("ECT_CONTENT", ROOT / "content")),
        help="the content folder (default: content, or $ECT_CONTENT)",
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    parser.add_argument("--out", type=Path, default=ROOT / "pdf", help="where the PDFs go (default: pdf)")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--rebuild", action="store_true", help="build the site even if it looks up to date")
    when.add_argument("--no-build", action="store_true", help="print the site as it is")
    args = parser.parse_args(argv)

    refusal = destinations.refusal(
        str(args.out), destinations.PDFS, destinations.project_folders(str(ROOT / "mkdocs.yml"), str(args.content))
    )
    if refusal:  # before anything is built or printed
        print(refusal, file=sys.stderr)
        return 2
    chromium = find_chromium()
    if chromium is None:
        print(NO_BROWSER, file=sys.stderr)
        return 2
    packs, problems = mentor_packs(args.content)
    if problems:
        print(problems, file=sys.stderr)
        return 1
    if args.rebuild or (not args.no_build and is_stale(args.site, args.content)):
        print(f"Building the site into {args.site} ...")
        status = build_site(args.site, args.content)
        if status != 0:  # build.py has said why: problems, a refused folder, a signal
            return status
    missing = [pack.page for pack in packs if not (args.site / pack.page).is_file()]
    if missing:
        print(
            f"The site in {args.site} has no page {missing[0]}: it was built from other content. "
            "Run again with --rebuild.",
            file=sys.stderr,
        )
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    destinations.mark(str(args.out), destinations.PDFS, "scripts/pdf.py")
    with printer(chromium) as print_page:
        for pack in packs:
            target = args.out / pack.filename
            starts = print_page(args.site / pack.page, target)
            pages = f", plans from pages {', '.join(map(str, starts))}" if starts else ""
            print(f"Wrote {target} ({pack.title}, {round(target.stat().st_size / 1024)} KB{pages})")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "pdf.py"))
