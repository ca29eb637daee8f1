"""Line numbers of offsets (induction/core/lines.py): right for every offset, and found in constant
time per finding whichever of two equal texts a check asks about."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from induction.core.lines import line_of


@given(st.text(alphabet="ab\n", max_size=200), st.data())
def test_the_line_of_an_offset_counts_the_newlines_before_it(text, data):
    offset = data.draw(st.integers(0, len(text)))
    assert line_of(text, offset) == text.count("\n", 0, offset) + 1


def test_equal_texts_that_are_different_objects_each_give_their_lines():
    text = "a\nb\nc"
    other = "".join(["a\nb\n", "c"])
    assert text == other and text is not other
    assert [line_of(text, 4), line_of(other, 2), line_of(text, 0)] == [3, 2, 1]


def test_asking_alternately_about_two_equal_large_texts_costs_no_comparison_of_them():
    # A cache keyed by value compares the whole text whenever the other object asks: 2 MB per
    # finding. Kept by identity, 2,000 findings cost about what 2,000 bisections do.
    text = "line\n" * 400_000
    other = "".join(["line\n"] * 400_000)
    line_of(text, 0), line_of(other, 0)  # each text's newlines found once
    start = time.process_time()
    for offset in range(0, 2_000_000, 1_000):
        line_of(text, offset)
        line_of(other, offset)
    per_call = (time.process_time() - start) / 4_000
    assert per_call < 20e-6, f"{per_call * 1e6:.0f} µs per finding"
