"""Whatever SVG the served-file checker (induction/load/svg.py) accepts runs no script in Chromium.

Generated SVGs mix what a diagram needs with what runs code when a file is opened or clicked
(scripts, handlers, animated links, XHTML parts, encoded schemes); each is judged by the checker,
and each one it accepts is opened in Chromium from a local server (as image/svg+xml, as a host
serves it), every link in it clicked, and no script may run: every payload calls alert(), which
the browser reports as a dialog. The same harness first shows that each hostile part, unchecked,
does run, so that a quiet browser means something.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium, serve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from induction.load.svg import svg_problem

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

ROOT = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:h="http://www.w3.org/1999/xhtml" width="400" height="400">{}</svg>'
)
BOX = '<rect width="60" height="60" fill="teal"/>'
DIAGRAM = [  # what diagrams are made of: all accepted
    BOX,
    '<circle cx="30" cy="30" r="20" fill="orange"/>',
    '<text x="5" y="20">Step 1</text>',
    f'<a href="#r">{BOX}</a>',
    '<g transform="translate(5 5)"><path d="M0 0L20 20" stroke="black"/></g>',
    '<rect id="r" width="9" height="9"><animate attributeName="opacity" values="0;1" dur="1s"/></rect>',
    f'<a href="#r"><set attributeName="fill" to="red" begin="0s"/>{BOX}</a>',
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>',
    # inert however they look: script as text, a fragment named javascript, a style without addresses
    '<text y="40"><![CDATA[<script>alert(1)</script>]]> javascript-alert(1)</text>',
    "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>",
    f'<a href=" #javascript" target="_top">{BOX}</a>',
    "<style>rect { fill: red; stroke: url(#g); }</style>",
    f'<a href="#r"><animate attributeName="fill" values="red;blue" dur="1s" repeatCount="indefinite"/>{BOX}</a>',
]
HOSTILE = {  # each runs alert() when the file is opened or its link clicked (test_each_hostile_part_runs)
    "script": "<script>alert(1)</script>",
    "svg onload": '<svg onload="alert(1)"/>',
    "set href": f'<a><set attributeName="href" to="javascript:alert(1)" begin="0s"/>{BOX}</a>',
    "animate href values": f'<a href="#r"><animate attributeName="href" values="javascript:alert(1)" begin="0s" '
    f'dur="10s" fill="freeze"/>{BOX}</a>',
    "set xlink:href": f'<a><set attributeName="xlink:href" to="javascript:alert(1)" begin="0s"/>{BOX}</a>',
    "xlink:href": f'<a xlink:href="javascript:alert(1)">{BOX}</a>',
    "encoded href": f'<a href="&#106;avascript:alert(1)">{BOX}</a>',
    "spaced href": f'<a href=" java&#x09;script:alert(1)">{BOX}</a>',
    "xhtml script": "<h:script>alert(1)</h:script>",
    "foreignObject": '<foreignObject width="60" height="60"><h:iframe src="javascript:alert(1)"/></foreignObject>',
    "onclick": '<rect width="60" height="60" onclick="alert(1)"/>',
}
XHTML_FORM = (
    '<html xmlns="http://www.w3.org/1999/xhtml"><body><form action="javascript:alert(1)">'
    '<button style="width:60px;height:60px">Go</button></form></body></html>'
)
_names = itertools.count()


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("svgs")
    with serve(folder) as base:
        yield folder, base


def runs_script(browser, folder: Path, base: str, document: str, patience: float = 0.1) -> bool:  # type: ignore[no-untyped-def]
    """Whether opening `document` (served as an .svg) and clicking each of its links and buttons runs
    alert() within `patience` seconds of the last click. A javascript: address runs as a task of its
    own, later on a busy machine: a test that expects a script waits long (it returns as soon as one
    runs), one that expects none waits as long as a script that runs at all takes here."""
    name = f"{next(_names)}.svg"
    (folder / name).write_text(document, encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(base + name)
        page.wait_for_timeout(150)  # animations that begin at 0s have applied
        boxes = page.evaluate("""() => [...document.querySelectorAll('*')]
            .filter(e => ['a', 'button', 'rect'].includes(e.localName))
            .map(e => e.getBoundingClientRect()).filter(r => r.width > 0)
            .map(r => [r.x + r.width / 2, r.y + r.height / 2])""")
        for x, y in boxes:
            if page.url != base + name:
                page.goto(base + name)
                page.wait_for_timeout(150)
            page.mouse.click(x, y)
            page.wait_for_timeout(50)
        deadline = time.monotonic() + patience
        while not dialogs and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        return bool(dialogs)
    finally:
        page.close()


@pytest.mark.parametrize("name", [*HOSTILE, "xhtml form"])
def test_each_hostile_part_runs_unchecked_and_is_refused(browser, served, name):
    document = XHTML_FORM if name == "xhtml form" else ROOT.format(HOSTILE[name])
    assert runs_script(browser, *served, document, patience=10), name
    assert svg_problem(document.encode("utf-8")) is not None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.one_of(st.sampled_from(DIAGRAM), st.sampled_from(list(HOSTILE.values()))), min_size=1, max_size=4),
    st.booleans(),
)
def test_an_svg_the_checker_accepts_runs_no_script_in_chromium(browser, served, parts, grouped):
    body = "".join(parts)
    document = ROOT.format(f"<g>{body}</g>" if grouped else body)
    if svg_problem(document.encode("utf-8")) is None:
        assert not runs_script(browser, *served, document), document
