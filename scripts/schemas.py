#!/usr/bin/env python3
"""Write the editor JSON Schemas, generated from induction/core/formats.py, to schemas/*.json.

    scripts/schemas.py [--check]

--check writes nothing and exits 1 if a committed schema differs from a fresh one.
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from induction.authoring.schemas import render_schemas  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    parser.add_argument("--out", default=os.path.join(ROOT, "schemas"), help="the folder to write to")
    args = parser.parse_args(argv)
    stale = []
    for name, text in render_schemas().items():
        path = os.path.join(args.out, name)
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            os.makedirs(args.out, exist_ok=True)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
    verb = "out of date" if args.check else "written"
    print(f"{len(stale)} schema(s) {verb}" + (f": {', '.join(stale)}" if stale else "."))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
