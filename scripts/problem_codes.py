#!/usr/bin/env python3
"""Write documentation/problem-codes.md, generated from the catalogue in induction/core/problems.py.

    scripts/problem_codes.py [--check]

--check writes nothing and exits 1 if the committed page differs from a fresh one.
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from induction.render.problems_page import PROBLEM_CODES_FILE, render_problem_codes  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the page is out of date")
    args = parser.parse_args(argv)
    path = os.path.join(ROOT, PROBLEM_CODES_FILE)
    text = render_problem_codes()
    current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
    if current == text:
        print(f"{PROBLEM_CODES_FILE} is up to date.")
        return 0
    if args.check:
        print(f"{PROBLEM_CODES_FILE} is out of date: run scripts/problem_codes.py.")
        return 1
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"Wrote {PROBLEM_CODES_FILE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
