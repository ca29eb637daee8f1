"""Framework pages and citations: statement pages with "Taught in", the coverage matrix's markup,
inline citations, and a second framework (tests/fixtures/frameworks) that works with no code change."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, make_other_tree, make_tree, mkdocs_build
from edits import replace_once
from html_support import links, matrix_rows, target

from induction.check.coverage import compute
from induction.check.pipeline import load_and_check
from induction.render import render_site
from induction.render.matrix import href, render_matrix


def pages(root):
    return {page.src: page for page in render_site(load_and_check(str(root)))}


def test_a_statement_page_lists_the_sessions_that_teach_it_as_a_table_in_programme_order(tmp_path):
    page = pages(make_tree(tmp_path))["frameworks/ecf-2019/2-2.md"]
    assert page.meta["taught"] == ["b1-w1-mentor"]
    taught = page.markdown[page.markdown.index("## Taught in") :]
    assert taught == (
        "## Taught in\n\n"
        "1 session of Test programme cites this statement, in programme order.\n\n"
        '<div class="ect-stack ect-stack--taught" markdown="1">\n\n'
        "| Session | Role | Year | Block | Week |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| [Planning for prior knowledge](../../prog/year-1/b1/b1-w1-mentor.md) | Mentor | Year 1 | "
        "Block one (Autumn 1) | Week 1 |\n\n</div>\n"
    )


def test_a_statement_page_names_its_standard_and_group(tmp_path):
    markdown = pages(make_tree(tmp_path))["frameworks/ecf-2019/2b.md"].markdown
    assert "- **Standard:** [2. How Pupils Learn](standard-2.md)" in markdown
    assert "- **Group:** Avoid overloading working memory, by:" in markdown
    assert "No session" not in markdown


def test_a_year_page_citing_a_statement_says_whole_year(tmp_path):
    tree = make_tree(tmp_path)
    replace_once(tree / "prog/year-1/welcome.md", "minutes: 10", "minutes: 10\nintentions: ['1.1']")
    markdown = pages(tree)["frameworks/ecf-2019/1-1.md"].markdown
    assert "| [Welcome to year 1](../../prog/year-1/welcome.md) | ECT | Year 1 | Whole year | Whole year |" in markdown


def test_the_matrix_is_an_accessible_table(tmp_path):
    checked = load_and_check(str(make_tree(tmp_path)))
    programme = checked.site.programmes[0]
    framework = checked.site.frameworks["ecf-2019"]
    markdown = render_matrix(compute(programme, framework, checked.places["prog"])).markdown
    assert (
        '<caption id="ect-coverage-caption"><span>Sessions citing each statement of the Early Career '
        "Framework, by block, in Test programme</span></caption>"
    ) in markdown
    # Every heading has an id and every cell names its column, standard and row (HTML_CodeSniffer H43).
    assert (
        '<thead><tr><th scope="col" id="ect-cov-statement">Statement</th><th scope="col" id="ect-cov-c-b1" '
        'title="Block one (Autumn 1)"><span aria-hidden="true">Y1 B1</span><span class="ect-visually-hidden">'
        'Year 1 block 1</span></th><th scope="col" id="ect-cov-all">All blocks</th></tr></thead>'
    ) in markdown
    assert (
        '<tr class="ect-coverage__standard"><th scope="rowgroup" colspan="3" id="ect-cov-s-2"><a href="../../'
        'frameworks/ecf-2019/standard-2/">Standard 2: How Pupils Learn</a></th></tr>'
    ) in markdown
    assert (
        '<tr><th scope="row" id="ect-cov-r-2.1" headers="ect-cov-statement ect-cov-s-2"><a '
        'class="ect-coverage__id" href="../../frameworks/ecf-2019/2-1/"><span class="ect-visually-hidden">'
        "Statement </span>2.1</a> <span "
        'class="ect-coverage__text">Learning involves a lasting change in pupils’ capabilities or understanding.'
        '</span></th><td class="ect-coverage__hit" headers="ect-cov-c-b1 ect-cov-s-2 ect-cov-r-2.1">1</td>'
        '<td headers="ect-cov-all ect-cov-s-2 ect-cov-r-2.1">1</td></tr>'
    ) in markdown
    assert (
        '<tr class="ect-coverage__subtotal"><th scope="row" id="ect-cov-s-2-total" headers="ect-cov-s-2">'
        'Standard 2: covered 5 of 20</th><td headers="ect-cov-c-b1 ect-cov-s-2 ect-cov-s-2-total">5</td>'
        '<td headers="ect-cov-all ect-cov-s-2 ect-cov-s-2-total">5</td></tr>'
    ) in markdown
    assert "**Covered 5 of 181** statements" in markdown
    assert "## Not covered (176) { #not-covered }" in markdown


@pytest.mark.parametrize(
    "source, page, expected",
    [
        ("prog/coverage.md", "frameworks/ecf-2019/2-1.md", "../../frameworks/ecf-2019/2-1/"),
        ("prog/coverage.md", "frameworks/ecf-2019/index.md", "../../frameworks/ecf-2019/"),
        ("frameworks/ecf-2019/index.md", "frameworks/ecf-2019/2-1.md", "2-1/"),
        ("prog/coverage.md", "index.md", "../../"),
    ],
)
def test_matrix_links_are_between_published_addresses(source, page, expected):
    assert href(source, page) == expected


def test_an_inline_citation_links_with_the_statement_text_as_its_title(tmp_path):
    markdown = pages(make_tree(tmp_path))["prog/year-1/b1/b1-w1-watch.md"].markdown
    assert (
        'Then read [<span class="ect-visually-hidden">Statement </span>2.2](../../../frameworks/ecf-2019/2-2.md '
        '"Prior knowledge plays an important role in how pupils learn; committing some key facts to their '
        'long-term memory is likely to help pupils learn more complex ideas."){ .ect-statement-ref }.'
    ) in markdown


UNKNOWN = (
    "other-framework/alt/year-1/b1/b1-w1-read.md:13: error [unknown-statement] The framework tsf-2024 "
    "has no statement 'S1.z'. Did you mean 'S1.b'?"
)


def test_citing_an_unknown_statement_fails_validation_with_file_and_line(tmp_path):
    tree = make_other_tree(tmp_path)
    replace_once(tree / "alt/year-1/b1/b1-w1-read.md", '{{ statement("S1.b") }}', '{{ statement("S1.z") }}')
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--content", str(tree)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [UNKNOWN, "1 error in 1 file (6 files checked)."]


@pytest.mark.build
def test_citing_an_unknown_statement_fails_the_build_with_file_and_line(tmp_path):
    tree = make_other_tree(tmp_path)
    replace_once(tree / "alt/year-1/b1/b1-w1-read.md", '{{ statement("S1.b") }}', '{{ ecf("S1.z") }}')
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 1
    assert UNKNOWN in result.stderr.splitlines()
    assert not (tmp_path / "site" / "curriculum.json").exists()


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    """The fixture programme on the second framework, built strictly once for this module."""
    tmp = tmp_path_factory.mktemp("other")
    result = mkdocs_build(make_other_tree(tmp), tmp / "site")
    assert (result.returncode, "WARNING" in result.stderr) == (0, False), result.stderr
    return tmp / "site"


@pytest.mark.build
def test_a_second_framework_builds_with_its_own_ids_in_its_urls(other_site):
    data = json.loads((other_site / "curriculum.json").read_text())
    assert [(s["id"], s["url"]) for s in data["statements"]] == [
        ("S1.1", "frameworks/tsf-2024/s1-1/"),
        ("S1.2", "frameworks/tsf-2024/s1-2/"),
        ("S1.a", "frameworks/tsf-2024/s1-a/"),
        ("S1.b", "frameworks/tsf-2024/s1-b/"),
        ("S2.1", "frameworks/tsf-2024/s2-1/"),
        ("S2.a", "frameworks/tsf-2024/s2-a/"),
        ("S3.1", "frameworks/tsf-2024/s3-1/"),
    ]
    assert data["frameworks"] == [
        {
            "id": "tsf-2024",
            "title": "Teaching Standards Fixture",
            "edition": None,
            "attribution": "Written for the tests of this project.",
            "url": "frameworks/tsf-2024/",
        }
    ]
    for statement in data["statements"]:
        assert (other_site / statement["url"] / "index.html").is_file()
    assert not (other_site / "frameworks" / "ecf-2019").exists()


@pytest.mark.build
def test_a_second_framework_session_links_to_its_statements_and_back(other_site):
    page = other_site / "alt/year-1/b1/b1-w1-mentor/index.html"
    cited = [target(other_site, page, link.href) for link in links(page) if "ect-statement-id" in link.classes]
    assert cited == [
        other_site / "frameworks/tsf-2024/s1-1/index.html",
        other_site / "frameworks/tsf-2024/s2-a/index.html",
    ]
    back = [target(other_site, cited[1], link.href) for link in links(cited[1])]
    assert page in back


@pytest.mark.build
def test_a_second_framework_inline_citation_reads_as_statement_with_a_tooltip(other_site):
    page = other_site / "alt/year-1/b1/b1-w1-read/index.html"
    [ref] = [link for link in links(page) if "ect-statement-ref" in link.classes]
    assert (ref.text, ref.attrs["title"]) == ("Statement S1.b", "Showing an example of finished work.")
    assert target(other_site, page, ref.href) == other_site / "frameworks/tsf-2024/s1-b/index.html"


@pytest.mark.build
def test_a_second_framework_has_its_own_coverage_matrix(other_site):
    rows = matrix_rows(other_site / "alt/coverage/index.html")
    assert rows[0] == ["Statement", "Y1 B1Year 1 block 1", "All blocks"]
    assert rows[-1] == ["All standards: covered 3 of 7", "4", "4"]
