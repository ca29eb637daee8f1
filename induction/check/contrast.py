"""Contrast: the provider's brand colours (site.yaml) against what they are drawn on (WCAG 2.2 AA).

Material for MkDocs uses the primary colour twice over: as the background of the header and tabs
(their text white or black, whichever contrasts more: `text_on`), and as the text colour of
buttons (`.md-button`: "Print this plan", "Make my calendar") and search highlights on the page's
white, where nothing adjusts it; and this project draws the mentor plan's phase bar in it. Links
and hovered controls use the colours as `induction/render/branding.py` writes them (darkened until they
read on white). Each use is checked with its own pairing here, and a colour that fails one is
reported at its line in site.yaml with the nearest colour of the same hue that passes every use.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable
from dataclasses import dataclass

from induction.core.model import Site
from induction.core.problems import Problems

WHITE, BLACK = "#ffffff", "#000000"
TEXT, GRAPHIC = 4.5, 3.0  # WCAG 1.4.3 (text of normal size) and 1.4.11 (a part of a control or graphic)


def luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(colour: str) -> str:
    """White or black, whichever reads better on `colour` (at least 4.58:1, whatever the colour)."""
    return WHITE if contrast(colour, WHITE) >= contrast(colour, BLACK) else BLACK


@dataclass(frozen=True)
class Use:
    """One place a brand colour is drawn: what it is, and the pair of colours it makes there."""

    what: str
    pair: Callable[[str], tuple[str, str]]  # the brand colour -> (foreground, background)
    minimum: float


# The uses of a colour as the site draws it unadjusted (branding.stylesheet adjusts the others).
USES = {
    "primary": (
        Use("the header's and tabs' background behind their title", lambda c: (text_on(c), c), TEXT),
        Use("the text of buttons and search highlights on the page's white", lambda c: (c, WHITE), TEXT),
        Use("the mentor plan's phase bar and the buttons' border on white", lambda c: (c, WHITE), GRAPHIC),
    ),
}


def passes(key: str, colour: str) -> bool:
    return all(contrast(*use.pair(colour)) >= use.minimum for use in USES.get(key, ()))


def nearest_passing(key: str, colour: str) -> str:
    """The colour of the same hue and saturation, with the lightness nearest to `colour`'s, that
    passes every use of `key`: lightness is stepped away from the colour's own, darker and lighter
    in turn, so a light brand colour finds its nearest darker shade and a dark one its lighter."""
    if passes(key, colour):
        return colour
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    for step in range(1, 1001):
        for lightness in (light - step / 1000, light + step / 1000):
            if 0 <= lightness <= 1:
                candidate = _hex(colorsys.hls_to_rgb(hue, lightness, saturation))
                if passes(key, candidate):
                    return candidate
    return BLACK  # not reached: black passes every use on white


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def ratio(value: float) -> str:
    """4.5:1, 1.4:1: one decimal, never rounded up past a minimum it does not reach."""
    return f"{int(value * 10) / 10:g}:1"


def colours_are_readable(site: Site, problems: Problems) -> None:
    """Each brand colour's failing uses, reported at its line with the nearest colour that passes."""
    provider = site.provider
    for key, uses in USES.items():
        colour = provider.colours.get(key)
        loc = provider.colour_locs.get(key)
        if not colour or loc is None:
            continue
        failing = [(use, contrast(*use.pair(colour))) for use in uses if contrast(*use.pair(colour)) < use.minimum]
        if not failing:
            continue
        said = "; ".join(f"{use.what} at {ratio(found)} (WCAG AA asks {ratio(use.minimum)})" for use, found in failing)
        better = nearest_passing(key, colour)
        word = "light" if luminance(colour) > luminance(better) else "dark"
        problems.add(
            "brand-contrast",
            loc.file,
            loc.line,
            f"The {key} colour '{colour}' is too {word} for {said}.",
            f"The nearest colour of the same hue that passes is '{better}' "
            f"({ratio(contrast(better, WHITE))} on white).",
        )
