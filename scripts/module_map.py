"""The module map: induction's packages in stage order, each module with the first line of its
docstring, as the README's "Module map" section shows it.

    python scripts/module_map.py            # print the map
    python scripts/module_map.py --write    # replace the map in README.md

tests/test_module_map.py fails when the README's map is not what this prints, so a new module, a
moved one or a changed docstring shows in the README in the same commit.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The stages in the order data flows through them (tests/test_layering.py holds the imports to it).
STAGES = ("core", "body", "load", "timing", "check", "render", "publish", "authoring", "reading", "importer")
BEGIN, END = "<!-- module map: scripts/module_map.py -->", "<!-- end of module map -->"


def _summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    return first.replace("|", "\\|")


def module_map(root: Path = ROOT) -> str:
    """The map as Markdown: one table, a row per module, grouped by stage."""
    rows = ["| stage | module | what it is |", "| --- | --- | --- |"]
    for stage in STAGES:
        package = root / "induction" / stage
        rows.append(f"| **`{stage}/`** | | {_summary(package / '__init__.py')} |")
        for path in sorted(package.glob("*.py")):
            if path.name != "__init__.py":
                rows.append(f"| | `{path.stem}` | {_summary(path)} |")
    return "\n".join(rows) + "\n"


def with_map(readme: str, table: str) -> str:
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(readme):
        raise SystemExit(f"README.md has no '{BEGIN}' ... '{END}' section to replace")
    return pattern.sub(lambda _: f"{BEGIN}\n{table}{END}", readme)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="replace the map in README.md")
    args = parser.parse_args(argv)
    table = module_map()
    if args.write:
        readme = ROOT / "README.md"
        readme.write_text(with_map(readme.read_text(encoding="utf-8"), table), encoding="utf-8")
    else:
        sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
