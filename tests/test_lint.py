"""Lint: the code stays ruff-clean (pyflakes, pycodestyle, import order, pyupgrade, bugbear;
the rules are in pyproject.toml), so a slip such as an unused import or an undefined name fails CI."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_code_is_ruff_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise",
                             "induction", "induction_mkdocs", "scripts", "macros", "tests"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
