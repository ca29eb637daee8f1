"""Line numbers of offsets in a text, for problems that name a line.

Counting newlines again for every finding (`text.count("\\n", 0, offset)`) makes a text with many
findings quadratic: a 10 MB page with a repair on every line would take hours. The newline offsets
of the text being read are computed once and searched by bisection.
"""

from __future__ import annotations

import bisect
import functools
import re


@functools.lru_cache(maxsize=8)  # the texts being read now: a str caches its hash, so a lookup is cheap
def _newlines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def line_of(text: str, offset: int) -> int:
    """The line (from 1) of `offset` in `text`."""
    return bisect.bisect_left(_newlines(text), offset) + 1
