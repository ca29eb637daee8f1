#!/usr/bin/env python3
"""Rewrite a programme's learning intentions to another framework edition, through a crosswalk.

    scripts/crosswalk.py PROGRAMME --to FRAMEWORK [--block ID] [--content DIR] [--in-place | --out DEST]

The crosswalk is the content folder's crosswalks/*.yaml whose 'from:' is the programme's framework
and whose 'to:' is FRAMEWORK (format: documentation/format.md, "Crosswalks"). Every intention and
every {{ statement("...") }} in a session's text is rewritten (not those of a block that names an
edition of its own), and the programme's 'framework:' is set to FRAMEWORK. With --block, only that
block's sessions are rewritten and its block.yaml names FRAMEWORK: a programme can move to a new
edition one block at a time. Printed, with file:line, is every intention it could not map (taken
out of the list and left beside it as a comment) or mapped to several (all written), and every
citation it left as it was. Without --in-place or --out nothing is written: the report says what
would change.

--in-place rewrites the content folder's files, each replaced whole (written beside it, then moved
over it), so a file is never left half-written. --out copies the content folder to DEST, which must
be new or empty or an earlier --out (induction/publish/destinations.py), and rewrites the copy there.

Exits 0 when every intention mapped to one statement, 3 when there are notes to look at (the files
are still written), 1 when the content has errors (printed; nothing written), 2 on a bad option or
a refused destination.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from induction.authoring.retarget import retarget  # noqa: E402
from induction.check.pipeline import load_and_check  # noqa: E402
from induction.load.crosswalk import find  # noqa: E402
from induction.publish import destinations  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402

NOTES = 3


def write_in_place(texts: dict[str, str]) -> None:
    """Each file replaced whole: the new text written beside it, then renamed over it (atomic)."""
    for path, text in texts.items():
        handle, temporary = tempfile.mkstemp(prefix=".crosswalk-", dir=os.path.dirname(path))
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            shutil.copymode(path, temporary)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise


def write_copy(content: str, dest: str, texts: dict[str, str]) -> None:
    """The content folder copied to a folder beside `dest`, rewritten there, then moved to `dest`."""
    fresh = destinations.temporary(dest, "crosswalk-new")
    try:
        copy = os.path.join(fresh, "content")
        shutil.copytree(content, copy, symlinks=True)
        for path, text in texts.items():
            with open(os.path.join(copy, os.path.relpath(path, content)), "w", encoding="utf-8", newline="") as out:
                out.write(text)
        destinations.mark(copy, destinations.CROSSWALK, "scripts/crosswalk.py")
        old = None
        if os.path.lexists(dest):  # empty, or an earlier --out (the refusal said which may go)
            old = destinations.temporary(dest, "crosswalk-old")
            os.replace(dest, os.path.join(old, "previous"))
        os.replace(copy, dest)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programme", help="the id of the programme whose intentions to rewrite")
    parser.add_argument("--to", required=True, help="the id of the framework edition to rewrite them to")
    parser.add_argument("--block", help="rewrite only this block's sessions, and name the edition in its block.yaml")
    parser.add_argument(
        "--content",
        default=os.environ.get("ECT_CONTENT", "content"),
        help="the content folder (default: content, or $ECT_CONTENT)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--in-place", action="store_true", help="rewrite the content folder's files")
    where.add_argument("--out", help="write a rewritten copy of the content folder to this new or empty folder")
    args = parser.parse_args(argv)
    checked = load_and_check(args.content)
    if checked.problems.errors:
        print(checked.report(annotations=False), file=sys.stderr)
        print("Nothing was written: fix the errors first.", file=sys.stderr)
        return 1
    site = checked.site
    programme = next((p for p in site.programmes if p.id == args.programme), None)
    if programme is None:
        parser.error(
            f"no programme has the id '{args.programme}'. Expected one of: {', '.join(p.id for p in site.programmes)}."
        )
    block = programme.blocks.get(args.block) if args.block else None
    if args.block and block is None:
        parser.error(
            f"the programme {programme.id} has no block '{args.block}'. Expected one of: {', '.join(programme.blocks)}."
        )
    source = programme.framework_for(block)
    crosswalk = find(site.crosswalks, source, args.to)
    if crosswalk is None:
        known = [c.target for c in site.crosswalks if c.source == source]
        parser.error(
            f"no crosswalk in {os.path.join(args.content, 'crosswalks')} maps {source} "
            f"to {args.to}." + (f" It has crosswalks to: {', '.join(known)}." if known else "")
        )
    if args.out:
        refusal = destinations.refusal(
            args.out,
            destinations.CROSSWALK,
            destinations.project_folders(os.path.join(ROOT, "mkdocs.yml"), args.content),
        )
        if refusal:
            print(f"error: {refusal}", file=sys.stderr)
            return 2
    result = retarget(site, programme, checked.places[programme.id], crosswalk, block)
    for line in result.report(site.root):
        print(line)
    if args.in_place:
        write_in_place(result.texts)
    elif args.out:
        write_copy(site.root, args.out, result.texts)
    done = "rewrote" if args.in_place or args.out else "would rewrite (run with --in-place or --out to write)"
    which = f"{programme.id} (block {block.id})" if block else programme.id
    print(
        f"{which}: {crosswalk.source} -> {crosswalk.target}: {done} {len(result.texts)} file(s); "
        f"{len(result.notes)} note(s)."
    )
    return NOTES if result.notes else 0


if __name__ == "__main__":
    sys.exit(command(main, "crosswalk.py"))
