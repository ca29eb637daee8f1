"""Slugs: one rule from any name to an id of the content format, unique and stable."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from induction.importer.slugs import Slugs, canonical, is_id, slug, suffix


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("autumn-week-2-ect-what-you'll-learn-this-week", "autumn-week-2-ect-what-youll-learn-this-week"),
        ("autumn-week-2-ect-what-you’ll-learn-this-week", "autumn-week-2-ect-what-youll-learn-this-week"),
        ("Café Crème", "cafe-creme"),
        ("Straße_Ørsted Æon", "strasse-orsted-aeon"),
        ("  Week 1: Why   routines matter?! ", "week-1-why-routines-matter"),
        ("edt-Block-2-mentor-handout-2.3", "edt-block-2-mentor-handout-2-3"),
        ("中文", "u4e2d-u6587"),
        ("ﬁle Ⅸ", "file-ix"),  # compatibility forms decomposed
        ("...", ""),
        ("-", ""),
    ],
)
def test_one_rule_makes_an_id_of_any_name(name, expected):
    assert slug(name) == expected


@given(st.text())
def test_every_slug_is_an_id_or_empty(name):
    made = slug(name)
    assert made == "" or is_id(made)
    assert slug(made) == made  # a slug is its own slug: re-importing an import changes nothing


def test_names_that_slug_alike_get_suffixes_from_their_own_names_whatever_the_order():
    names = ["Week 1", "week-1", "WEEK 1"]
    first, second = Slugs(), Slugs()
    first.claim(names)
    second.claim(list(reversed(names)))
    assert (
        first.given
        == second.given
        == {"week-1": "week-1", "WEEK 1": f"week-1-{suffix('WEEK 1')}", "Week 1": f"week-1-{suffix('Week 1')}"}
    )
    assert len(set(first.given.values())) == 3


def test_a_name_without_letters_gets_a_stem_and_its_suffix():
    assert Slugs(empty="asset").of("...") == f"asset-{suffix('...')}"


def test_addresses_meet_whatever_their_spelling():
    assert (
        canonical("/ucl/Year-1-A/what-you'll-learn")
        == canonical("/ucl/year-1-a/what-you’ll-learn")
        == canonical("/ucl/year-1-a/what-you%27ll-learn")
        == "/ucl/year-1-a/what-youll-learn"
    )
