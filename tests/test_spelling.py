"""Spelling: British and American forms, so that search finds "modeling" and "behavior" in a British text."""
from __future__ import annotations

import json

import pytest

from induction.spelling import add_variants, other_spelling, variants


@pytest.mark.parametrize(("word", "other"), [
    ("behaviour", "behavior"), ("Behaviours", "behaviors"), ("behavioural", "behavioral"), ("behavior", "behaviour"),
    ("modelling", "modeling"), ("modeling", "modelling"), ("modelled", "modeled"), ("organisation", "organization"),
    ("organizing", "organising"), ("emphasise", "emphasize"), ("programme", "program"), ("centre", "center"),
    ("analyse", "analyze"), ("levelling", "leveling"),
])
def test_a_word_has_its_other_spelling(word, other):
    assert other_spelling(word) == other


@pytest.mark.parametrize("word", ["model", "laboratory", "emphasis", "honorary", "level", "pupils", "the"])
def test_words_without_another_spelling_are_left_alone(word):
    assert other_spelling(word) == ""


def test_each_variant_is_listed_once():
    assert variants("Modelling behaviour: modelling good behaviour and behaviours.") == \
        ["modeling", "behavior", "behaviors"]


def test_the_search_index_gains_the_other_spellings_at_the_end_of_each_entry():
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Modelling", "text": "Good behaviour."},
        {"location": "b/", "title": "Other", "text": "Nothing to add."}]}
    docs = json.loads(add_variants(json.dumps(index)))["docs"]
    assert [d["text"] for d in docs] == ["Good behaviour. modeling behavior", "Nothing to add."]
