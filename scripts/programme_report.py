"""What the per-programme report commands share (scripts/coverage.py, scripts/lenses.py): their
options, and the programmes a `--programme` option chooses."""

from __future__ import annotations

import argparse
import os

from induction.check.pipeline import Checked
from induction.core.model import Programme


def parser(description: str) -> argparse.ArgumentParser:
    """--content, --programme and --format, as every report takes them."""
    options = argparse.ArgumentParser(description=description)
    options.add_argument(
        "--content",
        default=os.environ.get("ECT_CONTENT", "content"),
        help="the content folder (default: content, or $ECT_CONTENT)",
    )
    options.add_argument("--programme", help="the id of one programme (default: every programme)")
    options.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    return options


def chosen(options: argparse.ArgumentParser, checked: Checked, wanted: str | None) -> list[Programme]:
    """Every programme, or the one `wanted` names; an unknown id exits 2 naming the ids there are."""
    programmes = checked.site.programmes
    if wanted:
        programmes = [p for p in programmes if p.id == wanted]
        if not programmes:
            known = ", ".join(p.id for p in checked.site.programmes)
            options.error(f"no programme has the id '{wanted}'. Expected one of: {known}.")
    return programmes
