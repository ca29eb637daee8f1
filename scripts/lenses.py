#!/usr/bin/env python3
"""Print which sessions have no example for which phase: the examples report.

    scripts/lenses.py [--content DIR] [--programme ID] [--format text|json]

For each programme that declares phases or subjects (programme.yaml's phases: and subjects:): every
session that carries examples, with the lenses it has and the phases it lacks, each at its file;
then how many ECT steps and mentor plans carry none. The same computation as the programme's
"Examples by phase and subject" page (induction/check/lenses.py). Exits 0 with the report, 1 when the
content has errors (they are printed instead), 2 on a bad option.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import programme_report  # noqa: E402  (beside this script)

from induction.check.lenses import example_gaps  # noqa: E402
from induction.check.pipeline import load_and_check  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = programme_report.parser(__doc__.splitlines()[0])
    args = parser.parse_args(argv)
    checked = load_and_check(args.content)
    if checked.problems.errors:
        print(checked.report(annotations=False), file=sys.stderr)
        return 1
    programmes = programme_report.chosen(parser, checked, args.programme)
    data, lines = [], []
    for programme in programmes:
        gaps, without = example_gaps(programme, checked.places[programme.id])
        data.append(
            {
                "programme": programme.id,
                "lenses": [lens.id for lens in programme.lenses],
                "sessions": [
                    {
                        "id": g.place.session.id,
                        "file": checked.problems.display(g.place.session.loc.file),
                        "have": g.have,
                        "missing": g.missing,
                    }
                    for g in gaps
                ],
                "without_examples": [p.session.id for p in without],
            }
        )
        if not programme.lenses:
            lines.append(f"{programme.id}: declares no phases or subjects.")
            continue
        lines.append(
            f"{programme.id}: {len(gaps)} sessions carry examples ({', '.join(lens.id for lens in programme.lenses)})."
        )
        for gap in gaps:
            where = f"{checked.problems.display(gap.place.session.loc.file)}:{gap.place.session.loc.line}"
            lacks = f"no example for {', '.join(gap.missing)}" if gap.missing else "every phase"
            lines.append(f"  {where}: {gap.place.session.id}: {lacks}")
        lines.append(f"  {len(without)} ECT steps and mentor plans carry no example.")
    print(json.dumps(data, ensure_ascii=False, indent=1) if args.format == "json" else "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "lenses.py"))
