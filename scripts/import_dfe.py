#!/usr/bin/env python3
"""Import a DfE "Support for early career teachers" content tree into content format v1.

    scripts/import_dfe.py SOURCE_CONTENT_DIR DEST_CONTENT_DIR [--provider SLUG ...] [--allow-problems] [--no-build]

Writes DEST (site.yaml, frameworks/, one programme per provider) and the import report
(DEST/import-report.md and .json), then prints the report's summary. The output is validated
before it replaces DEST: when it would not build, every problem is printed at its source file and
line, DEST is left as it was and the exit status is 1 (--allow-problems writes it anyway).
The output is then built (mkdocs build) and checked as a reader sees it (induction/reading/):
the report lists what the built pages show amiss, at its source; --no-build skips that.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from induction.core.problems import plural  # noqa: E402
from induction.importer.destination import DestinationRefused  # noqa: E402
from induction.importer.pipeline import run_import  # noqa: E402
from induction.publish.destinations import project_folders  # noqa: E402
from induction.publish.interrupts import Interrupted, disk_message, stop_on_signals  # noqa: E402

CONFIG = os.path.join(ROOT, "mkdocs.yml")  # the project's, beside the scripts in a clone


def build(content: str, site: str) -> str:
    """MkDocs' build of an imported content folder, as the README's build runs it; '' when built."""
    env = dict(os.environ, ECT_CONTENT=os.path.abspath(content), NO_MKDOCS_2_WARNING="true")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", CONFIG, "-d", site],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    return "" if result.returncode == 0 else (result.stderr.strip().splitlines() or ["mkdocs build failed"])[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the DfE site's content folder (holding <provider>.md files)")
    parser.add_argument(
        "dest",
        help="the content folder to write: new, empty, or an earlier import; not inside "
        "the source or the project's content or docs folder",
    )
    parser.add_argument("--provider", action="append", help="import only this provider (repeatable)")
    parser.add_argument(
        "--framework",
        default=os.path.join(ROOT, "content", "frameworks", "ecf-2019.yaml"),
        help="the framework file to copy and match against",
    )
    parser.add_argument("--allow-problems", action="store_true", help="write the output even when it would not build")
    parser.add_argument(
        "--no-build", action="store_true", help="skip building the output to check it as a reader sees it"
    )
    args = parser.parse_args(argv)
    if not os.path.isdir(args.source):
        print(f"error: the source folder {args.source} does not exist.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    builds = not args.no_build and os.path.isfile(CONFIG)
    if not args.no_build and not builds:  # installed without a clone: no site configuration to build with
        print(f"Not built (no {CONFIG}): build the import and run validate.py --site on it to see it as a reader does.")
    stop_on_signals()
    try:
        reports = run_import(
            args.source,
            args.dest,
            args.framework,
            args.provider,
            args.allow_problems,
            project_folders(os.path.join(ROOT, "mkdocs.yml")),
            build if builds else None,
        )
    except DestinationRefused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    except Interrupted as stop:  # run_import's own `finally` has removed the folder it was writing
        done = "was replaced by the new import" if stop.finished else "was left as it was"
        print(f"Stopped by {stop}; {args.dest} {done}.", file=sys.stderr)
        return 128 + stop.signum
    except OSError as error:  # a full disk, a read-only folder
        print(f"error: {disk_message(error, 'The import', args.dest, args.dest, 'import again')}", file=sys.stderr)
        return 1
    if not reports:
        print(
            f"error: no provider found in {args.source} (expected <slug>.md beside a <slug>/ folder).", file=sys.stderr
        )
        return 1
    for report in reports:
        counts = ", ".join(f"{key} {value}" for key, value in sorted(report.counts.items()))
        print(f"{report.slug}: {counts}; {len(set(report.defects))} defects")
        if report.reading is not None:
            seen = ", ".join(f"{code} {pages}" for code, pages in report.reading.items()) or "nothing amiss"
            print(f"{report.slug} as a reader sees it (pages per finding): {seen}")
    for problem in reports.problems:
        print(f"{problem.file}:{problem.line}: {problem.message}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if not reports.written:
        problems = plural(len(reports.problems), "problem")
        print(
            f"error: the import would not build ({problems} above); {args.dest} was left as it was. "
            "Fix the source, or write it anyway with --allow-problems.",
            file=sys.stderr,
        )
        return 1
    print(
        f"Imported {len(reports)} providers into {args.dest} in {elapsed:.1f} s; "
        f"report: {os.path.join(args.dest, 'import-report.md')}"
    )
    return 1 if reports.problems else 0


if __name__ == "__main__":
    sys.exit(main())
