#!/usr/bin/env python3
"""Export the whole site as a standalone site source: pages, assets, an mkdocs.yml that needs no project code.

    scripts/export_docs.py [--content DIR] [--config mkdocs.yml] OUT

OUT is replaced whole: it must be new, empty or an earlier export, and not the project folder or
inside its content or docs folder (induction/publish/destinations.py); anything else is refused, untouched.

OUT builds with MkDocs, ProperDocs or Zensical; then `python3 OUT/csp.py OUT/site` adds the
Content Security Policy (it needs selectolax: OUT/requirements.txt; OUT/README.md has the commands).
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from induction.check.pipeline import load_and_check  # noqa: E402
from induction.publish import destinations  # noqa: E402
from induction.publish.export import ExportError, export  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=os.environ.get("ECT_CONTENT", "content"))
    parser.add_argument("--config", default=os.path.join(ROOT, "mkdocs.yml"), help="the project's mkdocs.yml")
    parser.add_argument("out")
    args = parser.parse_args(argv)
    guarded = destinations.project_folders(args.config, args.content)
    refusal = destinations.refusal(args.out, destinations.EXPORT, guarded)
    if refusal:  # before the content is even read: nothing to wait for, nothing touched
        print(refusal, file=sys.stderr)
        return 2
    checked = load_and_check(args.content)
    if not checked.ok:
        print(checked.report())
        return 1
    try:
        count = export(checked, args.config, args.out)
    except ExportError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote {count} pages to {args.out}; build them as {os.path.join(args.out, 'README.md')} says.")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "export_docs.py"))
