"""Types: every package and script (the core, the MkDocs adapter, the macros, the scripts) passes
mypy with the settings in pyproject.toml, so a None that is not checked for, or a value of the
wrong type passed along, fails CI."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_every_package_and_script_type_checks():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
