"""Brand colours against what they are drawn on (induction/check/contrast.py): a colour that fails a use
is reported at its line in site.yaml with the nearest colour of the same hue that passes."""

from __future__ import annotations

import colorsys

import pytest
from test_provider import with_provider

from induction.check.contrast import USES, WHITE, contrast, nearest_passing, passes, ratio
from induction.check.pipeline import load_and_check
from induction.render import branding

SKY = """provider:
  name: Northgate Teaching Hub
  colours:
    primary: "{primary}"
    accent: "{accent}"
"""


def formatted(tree):
    return [p.format() for p in load_and_check(str(tree)).problems]


def test_a_light_primary_colour_is_reported_at_its_line_with_the_nearest_passing_colour(tree):
    with_provider(tree, SKY.format(primary="#8ecae6", accent="#b2422b"))
    assert formatted(tree) == [
        "minimal/site.yaml:6: error [brand-contrast] The primary colour '#8ecae6' is too light for the text of "
        "buttons and search highlights on the page's white at 1.7:1 (WCAG AA asks 4.5:1); the mentor plan's phase "
        "bar and the buttons' border on white at 1.7:1 (WCAG AA asks 3:1). The nearest colour of the same hue that "
        "passes is '#257ea8' (4.5:1 on white)."
    ]


def test_a_mid_grey_fails_text_alone_and_the_nearest_is_one_step_darker(tree):
    with_provider(tree, SKY.format(primary="#777777", accent="#b2422b"))
    assert formatted(tree) == [
        "minimal/site.yaml:6: error [brand-contrast] The primary colour '#777777' is too light for the text of "
        "buttons and search highlights on the page's white at 4.4:1 (WCAG AA asks 4.5:1). The nearest colour of "
        "the same hue that passes is '#767676' (4.5:1 on white)."
    ]


def test_the_samples_colours_and_a_light_accent_pass(tree):
    # The accent is drawn only as branding.stylesheet adjusts it: darkened for links, its text chosen on that.
    with_provider(tree, SKY.format(primary="#2b4c7e", accent="#ffdd00"))
    assert formatted(tree) == []


@pytest.mark.parametrize("colour", ["#ffdd00", "#8ecae6", "#00ff00", "#ffffff", "#777777", "#b2422b"])
def test_the_nearest_passing_colour_keeps_the_hue_and_passes_every_use(colour):
    better = nearest_passing("primary", colour)
    if passes("primary", colour):
        assert better == colour
        return
    assert passes("primary", better)
    assert all(contrast(*use.pair(better)) >= use.minimum for use in USES["primary"])
    hue = colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
    found = colorsys.rgb_to_hls(*(int(better[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
    assert abs(hue - found) < 0.01 or colour in ("#ffffff", "#777777")  # a grey has no hue to keep
    assert contrast(better, WHITE) < 4.75  # the nearest: just past the line, not black


def test_a_ratio_is_never_rounded_up_past_a_minimum_it_misses():
    assert ratio(4.499) == "4.4:1" and ratio(4.5) == "4.5:1" and ratio(21.0) == "21:1"


def test_a_hovered_button_s_text_is_chosen_against_the_colour_it_is_drawn_on():
    css = branding.stylesheet(type("S", (), {"provider": type("P", (), {"colours": {"accent": "#ffdd00"}})()})())
    fg = css.split("--md-accent-fg-color: ", 1)[1].split(";", 1)[0]
    text = css.split("--md-accent-bg-color: ", 1)[1].split(";", 1)[0]
    assert contrast(fg, text) >= 4.5, (fg, text)
