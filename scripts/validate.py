#!/usr/bin/env python3
"""Validate a content folder: print every problem with file and line, exit 1 on any error.

    scripts/validate.py [--content DIR]
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from induction.interrupts import command  # noqa: E402
from induction.pipeline import load_and_check  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=os.environ.get("ECT_CONTENT", "content"),
                        help="the content folder (default: content, or $ECT_CONTENT)")
    args = parser.parse_args(argv)
    checked = load_and_check(args.content)
    print(checked.report())
    return 0 if checked.ok else 1


if __name__ == "__main__":
    sys.exit(command(main, "validate.py"))
