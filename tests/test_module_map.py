"""The README's module map is the one scripts/module_map.py makes from the packages' docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import module_map  # noqa: E402


def test_the_readme_shows_the_module_map_of_the_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module_map.with_map(readme, module_map.module_map()) == readme, (
        "the README's module map is stale: run `python scripts/module_map.py --write`"
    )


def test_every_stage_package_says_what_it_is() -> None:
    for stage in module_map.STAGES:
        assert module_map._summary(ROOT / "induction" / stage / "__init__.py"), stage


def test_the_map_lists_stages_in_the_order_of_the_layering_test() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import test_layering

    assert module_map.STAGES == test_layering.STAGES
