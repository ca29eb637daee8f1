"""Disclosure markers in any case and spacing: `{Details}`, `{ details }`, `{ / DETAILS }` collapse
the answer of an activity (or a transcript) as `{details}` does; never shown openly, never read as an
attribute list by the check, and their words counted as collapsed by the conservation check."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from induction.check import sanitiser
from induction.importer import conservation
from induction.importer.repairs import repair

SPACE = st.sampled_from(["", " ", "  ", "\t"])
WORD = st.sampled_from(["details", "Details", "DETAILS", "dEtAiLs"])


@st.composite
def markers(draw) -> tuple[str, str]:
    s = [draw(SPACE) for _ in range(7)]
    return (f"{s[0]}{{{s[1]}{draw(WORD)}{s[2]}}}{s[0]}", f"{s[3]}{{{s[4]}/{s[5]}{draw(WORD)}{s[6]}}}")


@settings(max_examples=60, deadline=None)
@given(markers(), st.booleans())
@example(("{Details}", "{/Details}"), False)
@example(("{ details }", "{ / DETAILS }"), True)
def test_a_marker_in_any_case_and_spacing_collapses_its_block(pair, close_after_text):
    opening, closing = pair
    end = f"The answer is five. {closing}" if close_after_text else f"The answer is five.\n{closing}"
    body = f"Try the task first.\n\n{opening}\nShow the answer\n\n{end}\n\nThen reflect.\n"
    result = repair(body, lambda n: f"v{n}")
    assert result.body.count('<details markdown="1">') == 1
    assert "<summary>Show the answer</summary>" in result.body
    collapsed = result.body.split("<details", 1)[1].split("</details>", 1)[0]
    assert "The answer is five." in collapsed and "Then reflect." not in collapsed
    assert "{" not in result.body  # no marker left to show as text or be read as {: attributes }
    assert not [f for f in sanitiser.scan(result.body) if f.code == "unsafe-html"]
    if not close_after_text:  # the conservation check reads markers on lines of their own
        side = conservation.source_side(body)
        assert "five" in side.collapsed[0] and "five" not in side.shown[0] and "reflect" in side.shown[0]
