"""Durations: how long a page takes, as its source states it or as estimated from its words and videos.

A page states its length as a timed plan (its phases' sum) or a "Duration: 45 minutes" line; a
bare "(5 mins)" is a phase's length, not the page's. Otherwise its length is estimated: its words
at `WORDS_A_MINUTE` (a careful study pace, slower than the 230-250 of fluent adult reading, since
these pages are read to be acted on) plus `VIDEO_MINUTES` for each embedded video (the embeds
carry no running time). A week whose index states a length has it shared among its pages in
proportion to these estimates, pages that state their own keeping theirs.
"""

from __future__ import annotations

import math
import re

from . import disclosure
from .plans import timed_plan

WORDS_A_MINUTE = 200
VIDEO_MINUTES = 5
SHORTEST_MEETING = 10  # minutes: an estimate never makes a mentor meeting shorter (a reading time is not a meeting)
# A length as providers write it: "45 minutes", "10 mins", "1 hour", "1 hr 30 mins", "1.5 hours".
LENGTH = (
    r"(?P<hours>\d{1,2}(?:\.\d)?)\s*(?:hours?|hrs?)\.?"
    r"(?:\s*(?:and\s*)?(?P<more>\d{1,2})\s*(?:minutes?|mins?)(?![^\W_]))?"
    r"|(?P<minutes>\d{1,3})\s*(?:minutes?|mins?)(?![^\W_])"
)
# A line that states the page's length: a label ("Duration:", "Time needed", "Timing -", "Meeting
# length:") and a length, or a line that is only a length ("(1 hour)", "**60 minutes**").
_LABEL = r"(?:total\s+)?(?:duration|time(?:\s+(?:needed|required|allowed))?|timing|(?:session|meeting)\s+length|length)"
_ABOUT = r"(?:approx(?:imately|\.)?\s*|about\s*|around\s*|up\s+to\s*)?"
_STATED = re.compile(rf"^[\W_]*{_LABEL}(?![^\W_])[\W_]*{_ABOUT}(?:{LENGTH})[\W_]*$", re.I | re.M)
_BARE = re.compile(rf"^[\W_]*(?:{LENGTH})[\W_]*$", re.I | re.M)
# Within a line of an index's prose: "Duration: 40 minutes." or "(1 hour)".
_IN_LINE = re.compile(rf"(?:\b{_LABEL}\b[\W_]*{_ABOUT}|\()(?:{LENGTH})", re.I)
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_NOISE = re.compile(r"<[^<>]*>|\]\([^()]*\)|https?://\S+|" + disclosure.ANY.pattern, re.I)


def stated(body: str) -> int | None:
    """The minutes the page gives for itself, or None."""
    plan = timed_plan(body)
    if plan is not None:
        return plan.stated or plan.total
    match = _STATED.search(body)
    if match:
        return length(match)
    bare = list(_BARE.finditer(body))  # one line that is only a length; several are its parts' lengths
    return length(bare[0]) if len(bare) == 1 else None


def length(match: re.Match) -> int:
    """The minutes a match of LENGTH gives."""
    if match["minutes"]:
        return int(match["minutes"])
    return round(float(match["hours"]) * 60) + int(match["more"] or 0)


def length_in(line: str) -> int | None:
    """The length a line of prose states ("... Duration: 40 minutes.", "Mentors (1 hour)"), or None."""
    match = _IN_LINE.search(line)
    return length(match) if match else None


def words(body: str) -> int:
    return len(_WORD.findall(_NOISE.sub(" ", body)))


def estimate(body: str, videos: int, meeting: bool = False) -> int:
    """Minutes for `body`: its words at WORDS_A_MINUTE plus VIDEO_MINUTES a video, at least 1, and at
    least SHORTEST_MEETING for a `meeting` (a mentor's page: what it prepares is a meeting)."""
    least = SHORTEST_MEETING if meeting else 1
    return max(least, math.ceil(words(body) / WORDS_A_MINUTE + VIDEO_MINUTES * videos))


def share(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainders), each at least 1, summing to
    `total` whenever `total` >= the number of weights."""
    if not weights:
        return []
    if total < len(weights):
        return [1] * len(weights)
    base = [1] * len(weights)  # every page takes a minute at least
    sizes = [max(1, w) for w in weights]
    spare, whole = total - len(weights), sum(sizes)
    exact = [spare * w / whole for w in sizes]
    parts = [b + math.floor(e) for b, e in zip(base, exact, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: -(exact[i] - math.floor(exact[i])))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts
