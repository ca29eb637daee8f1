"""Printing in a real browser: Debian's Chromium, driven by Playwright, prints the built sample (a
mentor plan, every block's mentor pack through scripts/pdf.py, a week's print view) and poppler
reads the PDFs back: A4 pages, nothing of the site around the page, no heading left at the foot
of a page, each plan of a pack on a new page, page counts within a budget, the print button.

Budgets, from the sample when this was written: the longest plan prints on 3 pages (most on 2),
a pack on 2 pages per plan plus its cover, a week's print view on 5 pages (4 before its reading
carried an example for each of three phases). Each page ends with the
page's title and "Page N of M".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, make_tree, mkdocs_build
from edits import replace_once

sys.path.insert(0, str(ROOT / "scripts"))
import pdf  # noqa: E402  (scripts/ is not a package)

pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.external]  # pdf.py, Chromium, pdftotext

CHROMIUM = pdf.find_chromium()
if CHROMIUM is None or shutil.which("pdftotext") is None:
    pytest.skip(
        "Chromium and poppler-utils are needed to print (apt-get install chromium poppler-utils; "
        "`make browser` does it)",
        allow_module_level=True,
    )

PLAN = "oakfield/year-1/classroom-practice/classroom-practice-w1-mentor"
WEEK = "oakfield/year-1/routines/week-1/print"
A4 = "594.96 x 841.92 pts (A4)"
# What only the site around the page says: navigation, table of contents, footer, buttons.
CHROME = [
    "Table of contents",
    "Using this site",
    "Content format",
    "Cookies",
    "Skip to content",
    "Back to top",
    "Made with",
    "Mentor pack (print)",
    "Print this plan",
    "Print this pack",
    "Print this week",
    "Back to the week page",
    "Back to Week",
]
RUNNING_PAGE_NUMBER = re.compile(r"^Page ?\d+ ?of ?\d+$")  # pdftotext may drop spaces here


class _Page(HTMLParser):
    """The built page's <title> and its headings' texts."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.headings, self._in = "", [], ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("title", "h1", "h2", "h3", "h4", "h5", "h6"):
            self._in = tag
            if tag != "title":
                self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in:
            self.headings[-1] += data


def read_page(html: Path) -> _Page:
    parser = _Page()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser


def squash(text: str) -> str:
    return " ".join(text.split())


def page_texts(pdf_file: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf_file), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]  # pdftotext ends every page with a form feed


def body_lines(page_text: str, title: str) -> list[str]:
    """A page's lines without the running line (title, address, page number) at its foot."""
    lines = [squash(line) for line in page_text.splitlines() if line.strip()]
    return [line for line in lines if not RUNNING_PAGE_NUMBER.match(line) and not line.startswith(title)]


def page_sizes(pdf_file: Path, pages: int) -> list[str]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), str(pdf_file)], capture_output=True, text=True, check=True
    ).stdout
    return [squash(size) for size in re.findall(r"^Page +\d+ size: +(.*)$", info, re.MULTILINE)]


@pytest.fixture(scope="module")
def printed(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """name -> (built page, its PDF): every pack through `scripts/pdf.py`, a plan and a week's view."""
    out = tmp_path_factory.mktemp("pdf")
    assert pdf.main(["--content", str(SAMPLE), "--site", str(sample_site), "--out", str(out), "--no-build"]) == 0
    packs, _ = pdf.mentor_packs(SAMPLE)
    result = {pack.filename: (sample_site / pack.page, out / pack.filename) for pack in packs}
    with pdf.printer(CHROMIUM) as print_page:
        for name in (PLAN, WEEK):
            html = sample_site / name / "index.html"
            print_page(html, out / (name.replace("/", "-") + ".pdf"))
            result[name] = (html, out / (name.replace("/", "-") + ".pdf"))
    return result


def test_every_page_is_a4_portrait_and_has_its_title_and_number_at_the_foot(printed):
    for name, (html, pdf_file) in printed.items():
        texts = page_texts(pdf_file)
        assert page_sizes(pdf_file, len(texts)) == [A4] * len(texts), name
        title = squash(read_page(html).title)
        for number, text in enumerate(texts, 1):
            lines = [squash(line) for line in text.splitlines() if line.strip()]
            assert f"Page{number}of{len(texts)}" in [line.replace(" ", "") for line in lines], (name, number)
            assert title in lines, (name, number)


def test_nothing_of_the_site_around_the_page_is_printed(printed):
    for name, (_, pdf_file) in printed.items():
        text = squash(" ".join(page_texts(pdf_file)))
        assert [label for label in CHROME if label in text] == [], name


def test_no_heading_is_left_at_the_foot_of_a_page(printed):
    for name, (html, pdf_file) in printed.items():
        page = read_page(html)
        headings = {squash(h) for h in page.headings if squash(h)}
        texts = page_texts(pdf_file)
        for number, text in enumerate(texts[:-1], 1):
            lines = body_lines(text, squash(page.title))
            if not lines:  # the blank back page before a pack's next plan
                continue
            last = lines[-1]
            assert last not in headings, f"{name}: '{last}' is the last line of page {number}"


def test_a_mentor_plan_prints_whole_on_at_most_three_pages(printed):
    html, pdf_file = printed[PLAN]
    texts = page_texts(pdf_file)
    assert len(texts) <= 3
    text = squash(" ".join(texts))
    first = body_lines(texts[0], squash(read_page(html).title))
    assert first[:2] == [
        "Year 1 · Spring 1 · Classroom practice: modelling, questioning and practice · Week 1 · Mentor session",
        "Narrating expert thinking when modelling",
    ]
    for part in [
        "Time needed: 45 minutes",
        "Total 45",
        "Learning intentions",
        "4.3",
        "4i",
        "Resources and handouts",
        "Planning a model (one-page script) (PDF, 4 KB)",
        "Review 10 minutes",
        "Plan 10 minutes",
        "Theory to practice 20 minutes",
        "Next steps 5 minutes",
        "Notes",
    ]:
        assert part in text, part


def test_every_pack_has_a_cover_then_each_plan_on_a_new_page_within_budget(printed):
    packs, _ = pdf.mentor_packs(SAMPLE)
    for pack in packs:
        html, pdf_file = printed[pack.filename]
        titles = [
            squash(t)
            for t in re.findall(
                r'<article class="ect-pack-plan"[^>]*>\s*<p class="ect-caption">'
                r"[^<]*</p>\s*<h2[^>]*>([^<]*)</h2>",
                html.read_text(),
            )
        ]
        assert len(titles) >= 2, pack.filename
        texts = page_texts(pdf_file)
        firsts = [body_lines(text, squash(read_page(html).title))[:4] for text in texts]
        assert " ".join(firsts[0][1:3]).startswith(pack.title)  # the cover: caption, then the title
        assert "Contents" in texts[0] and all(title in squash(texts[0]) for title in titles)
        # A page that starts a plan has its caption first, then its title (on one line or two).
        starts = [
            next((n for n, lines in enumerate(firsts) if title in " ".join(lines[1:3])), None) for title in titles
        ]
        assert None not in starts, (pack.filename, titles, starts)
        assert starts == sorted(set(starts)) and starts[0] == 2, (pack.filename, starts)
        # Printed double-sided, each plan begins on a right-hand page: page 3, 5, ... (index 2, 4, ...).
        assert all(start % 2 == 0 for start in starts), (pack.filename, starts)
        # The contents give each plan's page, as the PDF has it (scripts/pdf.py prints twice).
        numbers = [int(n) for n in re.findall(r"· page (\d+) ·", squash(texts[0]))]
        assert numbers == [start + 1 for start in starts], (pack.filename, numbers, starts)
        # Three pages a plan at most, and a blank back page where one is needed.
        assert len(texts) <= 4 * len(titles) + 1, (pack.filename, len(texts))


def test_the_week_print_view_has_every_step_and_transcripts_as_text(printed):
    html, pdf_file = printed[WEEK]
    texts = page_texts(pdf_file)
    # Five: the reading's three examples (early years, primary, secondary) all print when no phase is
    # chosen, as here; a reader who chose one prints only theirs (tests/test_lens_browser.py).
    assert len(texts) <= 5
    text = squash(" ".join(texts))
    assert "Early years: the same shape to every session" in text and "Secondary: practicals without" in text
    for title in [
        "Why routines give time back to learning",
        "Predictable classrooms and the pupils who need them most",
        "Map the transitions in your lessons",
    ]:
        assert title in text
    assert "Step 1 of 3 · Video · 15 minutes" in text
    assert "Transcript: Why routines give time back to learning" in text
    assert "It is 9.05 on a Tuesday in October" in text  # from the transcript
    # External links are followed by their address; internal ones are not.
    assert "on YouTube (https://www.youtube.com/watch?v=Rk7tQm2Lw9a)" in text
    assert "on its own page (" not in text and ".md)" not in text and "../" not in text


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=pdf.CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.mark.parametrize(
    "page_name,label", [(PLAN, "Print this plan"), ("oakfield/year-1/routines/mentor-pack", "Print this pack")]
)
def test_the_print_button_opens_the_browsers_print(printed, sample_site, browser, page_name, label):
    # Training sessions and tutor notes have one too (test_print_packs.py checks the page).
    page = browser.new_page()
    page.goto((sample_site / page_name / "index.html").as_uri())
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    page.get_by_role("button", name=label).click()
    assert page.evaluate("window.printed") == 1
    page.close()


def test_a_transcript_prints_on_a_mentor_plan_only_when_the_reader_opened_it(tmp_path, browser):
    tree = make_tree(tmp_path)
    replace_once(
        tree / "prog" / "year-1" / "b1" / "b1-w1-mentor.md",
        "1. Ask your ECT what they noticed.",
        '1. Ask your ECT what they noticed.\n\n{{ video("intro") }}',
    )
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto((tmp_path / "site" / "prog" / "year-1" / "b1" / "b1-w1-mentor" / "index.html").as_uri())

    def printed_text() -> str:
        target = tmp_path / "plan.pdf"
        page.pdf(path=str(target), prefer_css_page_size=True)
        return squash(" ".join(page_texts(target)))

    assert "Routines matter." not in printed_text()
    assert "Watch “An introduction” on YouTube" in printed_text()  # the video's links stay
    page.get_by_text("Transcript: An introduction").click()
    assert "Routines matter." in printed_text()
    page.get_by_text("Transcript: An introduction").click()  # closed again: off the paper again
    assert "Routines matter." not in printed_text()
    page.close()
