"""Line numbers of offsets in a text, for problems that name a line.

Counting newlines again for every finding (`text.count("\\n", 0, offset)`) makes a text with many
findings quadratic: a 10 MB page with a repair on every line would take hours. The newline offsets
of the text being read are computed once and searched by bisection.

They are kept by the text's identity, not its value: a check often holds two equal texts that are
different objects (a text and its masked copy with nothing masked), and a cache keyed by value
compares the whole text on every lookup that meets the other object, once per finding, which is
quadratic again (a 512 KB body of HTML blocks took four times longer per finding than 128 KB did).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import OrderedDict

KEPT = 8  # the texts being read now
_kept: OrderedDict[int, tuple[str, list[int]]] = OrderedDict()  # id(text) -> (text, its newline offsets)
_lock = threading.Lock()


def _newlines(text: str) -> list[int]:
    with _lock:
        hit = _kept.get(id(text))
        if hit is not None and hit[0] is text:  # the text itself is kept, so its id is not reused meanwhile
            _kept.move_to_end(id(text))
            return hit[1]
    offsets = [m.start() for m in re.finditer("\n", text)]
    with _lock:
        _kept[id(text)] = (text, offsets)
        _kept.move_to_end(id(text))
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return offsets


def line_of(text: str, offset: int) -> int:
    """The line (from 1) of `offset` in `text`."""
    return bisect.bisect_left(_newlines(text), offset) + 1
