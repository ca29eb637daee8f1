"""Search in the built sample: print views, packs and transcript pages out of the index, and both
spellings of a word find its page."""
from __future__ import annotations

import json


def test_the_index_leaves_out_print_views_packs_and_transcripts_and_knows_both_spellings(sample_site):
    docs = json.loads((sample_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert not [loc for loc in locations if loc.endswith(("/print/", "/mentor-pack/")) or "/videos/" in loc]
    assert "oakfield/year-1/routines/week-1/" in locations
    words = " ".join(doc["text"] for doc in docs).lower()
    assert "modeling" in words and "behavior" in words  # the American forms of the sample's British words
