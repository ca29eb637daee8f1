#!/usr/bin/env python3
"""Conservation check: the share of every source page's words found in the built site.

    scripts/conservation.py DEST_SITE_DIR SOURCE_CONTENT_DIR [--show N]

Prints the total, the pages below 100% with their missing words, the text that moved into a
collapsed block (a transcript, a {details}) though the source showed it, and the text that appears
more often in the site than in the source; exits 1 unless 100% arrived, none moved and none doubled.
SITE and SOURCE may be any paths, relative or absolute.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from induction.core.problems import visible  # noqa: E402
from induction.importer.conservation import measure  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", help="the built site (mkdocs build -d DIR)")
    parser.add_argument("source", help="the DfE content folder the site was imported from")
    parser.add_argument("--show", type=int, default=20, help="how many incomplete pages to list")
    args = parser.parse_args(argv)
    results = measure(args.site, args.source)
    total = sum(r.total for r in results)
    found = sum(r.found for r in results)
    short = [r for r in results if r.found < r.total]
    for r in sorted(short, key=lambda r: r.share)[: args.show]:
        missing = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in r.missing.most_common(12))
        built = ", ".join(r.built) or "no page"
        print(visible(f"{r.source}: {r.share:.1%} ({r.found}/{r.total}) -> {built}; missing: {missing}"))
    for kind, count, runs in (
        ("moved into a collapsed block", "moved_words", "moved"),
        ("doubled", "doubled_words", "doubled"),
    ):
        pages = [r for r in results if getattr(r.placement, count)]
        for r in pages[: args.show]:
            print(
                visible(
                    f"{r.source}: {getattr(r.placement, count)} words {kind}, from: "  # source text
                    + "; ".join(f"“{run}…”" for run in getattr(r.placement, runs)[:3])
                )
            )
    share = found / total if total else 1.0
    moved = sum(r.placement.moved_words for r in results)
    doubled = sum(r.placement.doubled_words for r in results)
    print(
        f"{found} of {total} words conserved ({share:.2%}) over {len(results)} pages; "
        f"{len(short)} pages below 100%; {moved} words moved into a collapsed block; {doubled} words doubled."
    )
    return 0 if found == total and not moved and not doubled else 1


if __name__ == "__main__":
    sys.exit(command(main, "conservation.py"))
