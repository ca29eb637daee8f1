"""Golden HTML: a few fragments of the built minimal fixture, compared with tests/golden/*.html.

tests/fixtures/minimal is built once (strict) and each fragment (an element picked by tag and
class, or the stretch between two headings) is compared, whitespace normalised, with its file.
When a change to the rendering is intended, regenerate the files and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py -q
    git diff tests/golden/
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import make_tree, mkdocs_build
from edits import replace_once
from test_rich_text import png

from induction.importer.plans import coached_plan

GOLDEN = Path(__file__).parent / "golden"
B1 = "prog/year-1/b1"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = make_tree(tmp_path_factory.mktemp("golden"))
    # week 4's plan as an untimed one (a coaching structure): its phases give no minutes
    replace_once(
        tree / B1 / "b1-w4-mentor.md",
        "  - title: Review\n    minutes: 30\n",
        "  - title: Observe\n  - title: Praise and probe\n",
    )
    replace_once(
        tree / B1 / "b1-w4-mentor.md",
        "## Review\n\n1. Review the block together.\n",
        "## Observe\n\n1. Watch ten minutes of a lesson.\n\n## Praise and probe\n\n1. Name one strength.\n",
    )
    # a block summary written in Markdown (a heading, bold, a list, a link to a handout and to a page)
    replace_once(
        tree / B1 / "block.yaml",
        "  ect: What ECTs do.\n",
        "  ect: |\n    ## How the block works\n\n    **ECTs** in this block:\n\n    - watch the video\n"
        '    - read about memory\n\n    {{ asset("sheet") }} · [The reading](b1-w1-read.md)\n',
    )
    # a provider's raw <figure> holding an image shortcode (Markdown does not run inside it)
    (tree / "prog" / "assets" / "diagram.png").write_bytes(png())
    replace_once(
        tree / "prog" / "assets.yaml",
        "    file: assets/sheet.pdf\n",
        "    file: assets/sheet.pdf\n  - id: diagram\n    title: A diagram\n    file: assets/diagram.png\n",
    )
    replace_once(
        tree / B1 / "b1-w1-read.md",
        "Read the summary",
        '<figure class="wp-block-image">\n'
        '  {{ image("diagram", "A model of memory") }}\n  <figcaption>Figure 1</figcaption>\n</figure>\n\n'
        "Read the summary",
    )
    # week 2's plan as the importer writes a labelled coaching structure whose source gives no length:
    # its labels ("Interaction:", "Outcome") are fields of their phase, its empty part no phase, and it
    # lasts the year's usual meeting (settings.meeting_minutes)
    structure = coached_plan(LABELLED)
    assert structure is not None
    phases = "".join(f"  - title: {title}\n" for title in structure.phases)
    (tree / B1 / "b1-w2-mentor.md").write_text(
        f"---\nid: b1-w2-mentor\nrole: mentor\nkind: plan\ntitle: Retrieval practice\nphases:\n{phases}---\n\n"
        f"{structure.body}",
        encoding="utf-8",
    )
    replace_once(tree / "prog" / "programme.yaml", "settings:\n", "settings:\n  meeting_minutes: [40, 30]\n")
    site_dir = tree.parent / "site"
    result = mkdocs_build(tree, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def element(html: str, tag: str, css_class: str) -> str:
    """The first `<tag class="... css_class ...">` element of `html`, with everything inside it."""
    start = re.search(rf'<{tag}\b[^>]*\bclass="[^"]*\b{re.escape(css_class)}\b[^"]*"[^>]*>', html)
    assert start, f"no <{tag} class={css_class}>"
    depth, position = 0, start.start()
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[position:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[position : position + match.end()]
    raise AssertionError(f"<{tag} class={css_class}> is not closed")


def every(html: str, tag: str, css_class: str) -> str:
    """Every `<tag class="... css_class ...">` element of `html`, in order (none nested in another)."""
    out, rest = [], html
    while re.search(rf'<{tag}\b[^>]*\bclass="[^"]*\b{re.escape(css_class)}\b', rest):
        found = element(rest, tag, css_class)
        out.append(found)
        rest = rest[rest.index(found) + len(found) :]
    return "".join(out)


def role_sections(html: str) -> str:
    """A week page's sections per role: from the first ## heading to the learning intentions."""
    start = html.index("<h2", html.index("</h1>"))
    return html[start : html.index('<h2 id="learning-intentions-this-week"', start)]


def between(html: str, start: str, end: str) -> str:
    """The stretch of `html` from `start` up to `end`."""
    first = html.index(start)
    return html[first : html.index(end, first)]


def normalise(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


# A coaching page as a provider writes one: label headings at the parts' level, an empty part.
LABELLED = """### Observe

Watch ten minutes of the quiz routine.

### Interaction:

Sit where the teacher can see you.

### OUTCOME

A note of one strength.

### Feedback

Name the strength, then probe.

### Resources :

- The quiz.

### Next steps
"""

FRAGMENTS = {
    "mentor-plan-labelled": lambda s: (
        element(page(s, f"{B1}/b1-w2-mentor"), "div", "ect-timing")
        + every(page(s, f"{B1}/b1-w2-mentor"), "section", "ect-phase")
    ),
    "mentor-plan-phase": lambda s: element(page(s, f"{B1}/b1-w1-mentor"), "section", "ect-phase"),
    "mentor-plan-timing": lambda s: element(page(s, f"{B1}/b1-w1-mentor"), "div", "ect-timing"),
    "mentor-plan-untimed": lambda s: (
        element(page(s, f"{B1}/b1-w4-mentor"), "div", "ect-timing")
        + element(page(s, f"{B1}/b1-w4-mentor"), "section", "ect-phase")
    ),
    "session-intentions": lambda s: element(page(s, f"{B1}/b1-w1-watch"), "div", "ect-intentions"),
    "week-roles": lambda s: role_sections(page(s, f"{B1}/week-1")),
    "summary-markdown": lambda s: between(page(s, B1), '<h2 id="for-ects"', '<h2 id="for-mentors"'),
    "figure-image": lambda s: element(page(s, f"{B1}/b1-w1-read"), "figure", "wp-block-image"),
    "video": lambda s: (
        element(page(s, f"{B1}/b1-w1-watch"), "figure", "ect-video")
        + element(page(s, f"{B1}/b1-w1-watch"), "details", "ect-transcript")
    ),
}


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_fragment_matches_its_golden_file(site, name):
    actual = normalise(FRAGMENTS[name](site))
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual.replace("><", ">\n<") + "\n", encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with UPDATE_GOLDEN=1 to write it"
    assert actual == normalise(golden.read_text(encoding="utf-8"))


def test_normalise_ignores_layout_but_not_text():
    assert normalise("<p>\n  a  b\n</p>\n<p>c</p>") == "<p> a b </p><p>c</p>"
    assert normalise("<p>a b</p>") != normalise("<p>ab</p>")
