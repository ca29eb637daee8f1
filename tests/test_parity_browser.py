"""The page cleaner against Chromium: hostile HTML goes through the cleaner (induction/publish/page_cleaner.py),
and what it publishes is loaded in Chromium inside the theme's content container, with the site's
Content Security Policy. The DOM Chromium builds must hold no script element, no event handler
attribute and no javascript: address, and the same elements as Lexbor's parse of the published
HTML (the parser the build reports with and the policy step reads pages with): so the tree the
site's checks decide on is the tree the browser runs.

Cases go in batches, one page load per batch, each case in its own container.
"""

from __future__ import annotations

import os
import re

import pytest
from browser_support import CHROMIUM, chromium
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from induction.publish import csp
from induction.publish.page_cleaner import clean

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

PAYLOADS = [
    # The issue's: each ran on the built site.
    "<div>\n`</article><!--><script>alert(1)</script>-->`\n</div>",
    "<p>`</article><!--><script>alert(1)</script>-->`</p>",
    "<div>\n`<![CDATA[><script>alert(1)</script>]]>`\n</div>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<p id="__config">{"base": "https://evil.example"}</p>',
    # mXSS classics and parser differentials
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=1 '
    'onerror=alert(1)&gt;">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template><template><img src=x onerror=alert(1)></template>",
    "<!--><script>alert(1)</script>-->",
    "<!---><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script>",
    "<![CDATA[><script>alert(1)</script>]]>",
    "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<form id=a><form id=b><button formaction=javascript:alert(1)>x</button></form></form>",
    '<select><template><style><!--</style><a rel="--></template></select><img src=x onerror=alert(1)>">',
    "<xmp></xmp><script>alert(1)</script></xmp>",
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    "<plaintext><script>alert(1)</script>",
    '<img src="x onerror=alert(1)',
    "<a href='javascript:alert(1)",
    "<img src=x onerror=alert(1)//",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<svg><animate attributeName=href to=javascript:alert(1) /><a><text>x</text></a></svg>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="java&#x09;script:alert(1)">t</a>',
    '<a href=" &#x01;javascript:alert(1)">c</a>',
    "<details open ontoggle=alert(1)><summary>s</summary></details>",
    "<table><td><script>alert(1)</script>",
    "<textarea></textarea><script>alert(1)</script></textarea>",
    "<title></title><script>alert(1)</script>",
    "<style></style><img src=x onerror=alert(1)></style>",
    "<div><article></article></div><script>alert(1)</script>",
    "</article></div></main><script>alert(1)</script>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="javascript:alert(1)//"><a href=x>b</a>',
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<svg><script>alert(1)</script></svg>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
]

# What counts as running content, read from the DOM (Chromium's) or the tree (Lexbor's).
RUNS_JS = r"""
cases => cases.map(id => {
  const root = document.querySelector(`[data-case="${id}"]`);
  const all = root ? [...root.querySelectorAll("*")] : [];
  const attributes = all.flatMap(e => [...e.attributes]);
  return {
    elements: all.map(e => e.localName).filter((_, i) => i > 0),
    scripts: all.filter(e => e.localName === "script").length,
    handlers: attributes.filter(a => /^on/i.test(a.name)).length,
    javascript: attributes.filter(a => /^\s*javascript:/i.test(a.value.replace(/[\u0000-\u0020]/g, ""))).length,
  };
})
"""
_HANDLER = re.compile(r"^on", re.I)
_JAVASCRIPT = re.compile(r"^javascript:", re.I)


def container(cases: list[str]) -> str:
    """One page with each published case in its own copy of the theme's content container."""
    parts = "".join(
        f'<div data-case="{index}"><article class="md-content__inner md-typeset">{html}</article></div>'
        for index, html in enumerate(cases)
    )
    policy = csp.policy([], csp.frame_sources())
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        f'content="{policy}"><title>parity</title></head><body>{parts}'
        '<p id="end">end</p></body></html>'
    )


def lexbor_reading(page: str, count: int) -> list[dict]:
    document = LexborHTMLParser(page)
    readings = []
    for index in range(count):
        root = document.css_first(f'[data-case="{index}"]')
        nodes = [n for n in root.traverse() if n.is_element_node][1:] if root else []
        attributes = [(name, value or "") for n in nodes for name, value in n.attributes.items()]
        readings.append(
            {
                "elements": [(n.tag or "").split(":")[-1] for n in nodes][1:],
                "scripts": sum(1 for n in nodes if n.tag == "script"),
                "handlers": sum(1 for name, _ in attributes if _HANDLER.match(name)),
                "javascript": sum(1 for _, v in attributes if _JAVASCRIPT.match(re.sub(r"[\x00-\x20]", "", v))),
            }
        )
    return readings


@pytest.fixture(scope="module")
def browser_page():
    with chromium() as browser:
        page = browser.new_page()
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.violations = violations
        yield page
        page.close()


def chromium_reading(browser_page, page: str, count: int) -> list[dict]:
    browser_page.route("http://parity.test/", lambda route: route.fulfill(body=page, content_type="text/html"))
    browser_page.goto("http://parity.test/")
    browser_page.unroute("http://parity.test/")
    assert browser_page.locator("#end").count() == 1  # no case swallowed the rest of the page
    return browser_page.evaluate(RUNS_JS, list(range(count)))


def agree(browser_page, fragments: list[str]) -> None:
    published = [clean(fragment).html for fragment in fragments]
    page = container(published)
    ours, chromes = lexbor_reading(page, len(published)), chromium_reading(browser_page, page, len(published))
    for fragment, html, lexbor, chrome in zip(fragments, published, ours, chromes, strict=True):
        nothing = {"scripts": 0, "handlers": 0, "javascript": 0}
        assert {k: chrome[k] for k in nothing} == nothing, (fragment, html, chrome)
        assert {k: lexbor[k] for k in nothing} == nothing, (fragment, html, lexbor)
        assert [e.lower() for e in chrome["elements"]] == [e.lower() for e in lexbor["elements"]], (fragment, html)
    assert browser_page.evaluate("document.querySelectorAll('script').length") == 0
    assert browser_page.violations == []  # nothing even tried to run


def test_the_reading_sees_what_runs_when_it_is_there(browser_page):
    # Without this, "none found" below could mean "not looking": the corpus unpublished, as written.
    raw = [
        "<p>`</article><!--><script>alert(1)</script>-->`</p>",
        '<img src=x onerror="alert(1)">',
        '<a href="&#106;avascript:alert(1)">x</a>',
    ]
    readings = chromium_reading(browser_page, container(raw), len(raw))
    assert [(r["scripts"], r["handlers"], r["javascript"]) for r in readings] == [(1, 0, 0), (0, 1, 0), (0, 0, 1)]
    # the first escaped the theme's container, as the browser reads it: its script is outside it
    assert browser_page.evaluate("document.querySelector('article script')") is None
    browser_page.violations.clear()


def test_the_hostile_corpus_publishes_nothing_chromium_would_run(browser_page):
    agree(browser_page, PAYLOADS)


# A hostile alphabet: the elements whose parsing rules differ (raw text, foreign content, templates),
# comments a second parser reads otherwise, and attributes that run code or load addresses.
_TAGS = [
    "script",
    "svg",
    "math",
    "style",
    "template",
    "noscript",
    "xmp",
    "textarea",
    "title",
    "mtext",
    "mglyph",
    "foreignObject",
    "desc",
    "select",
    "table",
    "td",
    "form",
    "p",
    "div",
    "a",
    "img",
    "iframe",
    "details",
    "article",
    "plaintext",
    "noembed",
    "annotation-xml",
]
_ATTRIBUTES = [
    " onerror=alert(1)",
    ' onload="alert(1)"',
    ' href="javascript:alert(1)"',
    ' href="&#106;avascript:alert(1)"',
    ' src="java&#x09;script:alert(1)"',
    ' xlink:href="javascript:x"',
    ' id="__config"',
    ' class="c"',
    ' title="</p><img src=x onerror=alert(1)>"',
    ' src="x',
    " src=x",
    ' formaction="javascript:alert(1)"',
    ' encoding="text/html"',
]
_LEAVES = [
    "x",
    "<!-->",
    "<!--->",
    "--!>",
    "<!-- c -->",
    "<![CDATA[",
    "]]>",
    "<script>alert(1)</script>",
    "</article>",
    "</div>",
    "</p>",
    "<img src=x onerror=alert(1)>",
    "`",
    "&lt;script&gt;",
    "-->",
    "</style>",
]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attributes, inner, closed: f"<{tag}{''.join(attributes)}>{inner}" + (f"</{tag}>" if closed else ""),
        st.sampled_from(_TAGS),
        st.lists(st.sampled_from(_ATTRIBUTES), max_size=3),
        children,
        st.booleans(),
    )


FRAGMENTS = st.recursive(
    st.sampled_from(_LEAVES),
    lambda inner: st.one_of(_element(inner), st.lists(inner, max_size=4).map("".join)),
    max_leaves=12,
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(FRAGMENTS, min_size=25, max_size=25))
def test_generated_fragments_publish_nothing_chromium_would_run_and_the_same_tree(browser_page, fragments):
    # 6 examples of 25 fragments: 150 cases in six page loads.
    agree(browser_page, fragments)
