"""Spelling: British and American forms, so that search finds "modeling" and "behavior" in a British text."""

from __future__ import annotations

import json

import pytest

from induction.core.spelling import add_variants, other_spelling, variants


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("behaviour", "behavior"),
        ("Behaviours", "behaviors"),
        ("behavioural", "behavioral"),
        ("behavior", "behaviour"),
        ("modelling", "modeling"),
        ("modeling", "modelling"),
        ("modelled", "modeled"),
        ("organisation", "organization"),
        ("organizing", "organising"),
        ("emphasise", "emphasize"),
        ("programme", "program"),
        ("centre", "center"),
        ("analyse", "analyze"),
        ("levelling", "leveling"),
    ],
)
def test_a_word_has_its_other_spelling(word, other):
    assert other_spelling(word) == other


@pytest.mark.parametrize("word", ["model", "laboratory", "emphasis", "honorary", "level", "pupils", "the"])
def test_words_without_another_spelling_are_left_alone(word):
    assert other_spelling(word) == ""


def test_each_variant_is_listed_once():
    assert variants("Modelling behaviour: modelling good behaviour and behaviours.") == [
        "modeling",
        "behavior",
        "behaviors",
    ]


def test_the_other_spellings_are_indexed_in_a_field_that_no_result_shows():
    index = {
        "config": {"lang": ["en"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "a/", "title": "Modelling", "text": "Good behaviour."},
            {"location": "b/", "title": "Other", "text": "Nothing to add."},
        ],
    }
    out = json.loads(add_variants(json.dumps(index)))
    # The text a result shows is the page's own; the variants sit beside it, weighted as text.
    assert [d["text"] for d in out["docs"]] == ["Good behaviour.", "Nothing to add."]
    assert [d.get("variants") for d in out["docs"]] == ["modeling behavior", None]
    assert out["config"]["fields"] == {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "variants": {"boost": 1.0}}


def test_variants_kept_for_a_text_are_a_new_list_each_time():
    """The variants are kept by the text (the preview adds them to the whole index on every save):
    a caller that changes the list it got changes nothing kept."""
    first = variants("Modelling behaviour")
    first.append("changed")
    assert variants("Modelling behaviour") == ["modeling", "behavior"]
