"""Nav: roles first in each programme, and a long block's weeks in groups so every page stays small."""

from __future__ import annotations

from induction.check.pipeline import load_and_check
from induction.render.nav import GROUP_ABOVE, build_nav


def block_nav(tree):
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    programme = build_nav(checked.site, checked.places)[0]["Test programme"]
    year = next(item for item in programme if isinstance(item, dict) and "Year 1" in item)["Year 1"]
    return next(item for item in year if isinstance(item, dict) and "Block one" in item)["Block one"]


def test_a_short_blocks_weeks_stand_side_by_side(tree):
    titles = [next(iter(item)) for item in block_nav(tree) if isinstance(item, dict)]
    assert titles[1:4] == ["Week 1: First week", "Weeks 2 to 3: Practice fortnight", "Week 4: Mentor-only week"]


def test_a_long_blocks_weeks_come_in_groups_of_about_the_square_root(tree):
    weeks = "".join(f"  - week: {n}\n    title: Extra {n}\n    ect: [{{see: b1-w1-read}}]\n" for n in range(5, 105))
    block = tree / "prog/year-1/b1/block.yaml"
    block.write_text(block.read_text(encoding="utf-8") + weeks, encoding="utf-8")
    groups = [item for item in block_nav(tree) if isinstance(item, dict) and next(iter(item)).startswith("Weeks ")]
    assert 104 > GROUP_ABOVE and len(groups) == 10  # 103 entries (weeks 2 to 3 is one) in groups of 11
    assert next(iter(groups[0])) == "Weeks 1 to 12" and next(iter(groups[-1])) == "Weeks 101 to 104"
    assert len(groups[0]["Weeks 1 to 12"]) == 11
