"""Types: every package and script (the core, the MkDocs adapter, the macros, the scripts) passes
mypy with the settings in pyproject.toml, so a None that is not checked for, or a value of the
wrong type passed along, fails CI."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys

import pytest
from conftest import ROOT

from induction.check.pipeline import load_and_check
from induction.core import model


def test_every_package_and_script_type_checks():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_model_is_frozen_as_it_claims(tree):
    """Nothing after loading changes the model: every class of induction/core/model.py is a frozen
    dataclass, so setting a field again raises instead of changing what later stages read."""
    classes = [c for _, c in inspect.getmembers(model, inspect.isclass) if c.__module__ == model.__name__]
    assert classes and all(c.__dataclass_params__.frozen for c in classes)  # type: ignore[attr-defined]
    session = next(iter(load_and_check(str(tree)).site.programmes[0].sessions.values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        session.body = "changed"  # type: ignore[misc]
