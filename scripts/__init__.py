"""The command-line scripts, installed as the package induction_scripts (see pyproject.toml)."""
