#!/usr/bin/env python3
"""Validate a content folder: print every problem with file and line, exit 1 on any error.

    scripts/validate.py [--content DIR] [--site SITE_DIR]

--site also checks the site built from it as a reader sees it (induction/reading/): Markdown shown
as text, images not shown, shared titles, impossible times... at their content file and line.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from induction.check.pipeline import load_and_check  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402
from induction.reading import read_checked_site, summary  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--content",
        default=os.environ.get("ECT_CONTENT", "content"),
        help="the content folder (default: content, or $ECT_CONTENT)",
    )
    parser.add_argument("--site", help="a site built from the content: check its pages as a reader sees them")
    args = parser.parse_args(argv)
    checked = load_and_check(args.content)
    print(checked.report())
    if not args.site:
        return 0 if checked.ok else 1
    if not os.path.isdir(args.site):
        print(f"No built site at {args.site}: build it first (scripts/build.py), or correct the path.")
        return 1
    reading = read_checked_site(args.site, checked)
    for problem in reading.problems:
        print(problem.format())
    print(summary(reading))
    return 0 if checked.ok and not reading.problems.errors else 1


if __name__ == "__main__":
    sys.exit(command(main, "validate.py"))
