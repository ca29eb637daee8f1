#!/usr/bin/env python3
"""Print the coverage report: how many statements of its framework each programme's sessions cite.

    scripts/coverage.py [--content DIR] [--programme ID] [--format text|json]

Per programme and framework edition (its own, then any a block of it names), per standard,
covered n of m; the total; every statement no session cites, with its text. The same computation
as the coverage page and curriculum.json (induction/check/coverage.py). Exits 0 with the report, 1 when
the content has other errors (they are printed instead), 2 on a bad option.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import programme_report  # noqa: E402  (beside this script)

from induction.check import coverage  # noqa: E402
from induction.check.pipeline import load_and_check  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = programme_report.parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    checked = load_and_check(args.content)
    # Uncovered statements are what this command reports, so settings.coverage: error must not stop it.
    blocking = [p for p in checked.problems.errors if p.code != "uncovered-statements"]
    if blocking:
        print(checked.report(annotations=False), file=sys.stderr)
        return 1
    programmes = programme_report.chosen(parser, checked, args.programme)
    reports = []
    for programme in programmes:
        for framework_id in programme.framework_ids:  # its own edition, then any a block of it names
            framework = checked.site.frameworks[framework_id]  # known: the checks passed
            reports.append(coverage.compute(programme, framework, checked.places[programme.id]))
    if args.format == "json":
        data = []
        for report in reports:
            item = coverage.report_data(report)
            item["uncovered"] = [{"id": s.id, "text": s.text} for s in report.uncovered]
            data.append(item)
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print("\n".join(coverage.report_text(report) for report in reports), end="")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "coverage.py"))
