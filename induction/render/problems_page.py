"""Problems pages: the content's problems as a page for the live preview, and the problem-codes
reference generated from the catalogue for the project's documentation (stage four: render).

The preview page stands in for every page while the content has problems (see the MkDocs
adapter), so the author sees what to fix, with file and line, wherever they were reading.
The reference lists every code of `problems.CATALOGUE`, so it cannot fall behind the code.
"""

from __future__ import annotations

import html
import itertools

from induction.core.problems import CATALOGUE, ERROR, Problem, Problems, plural, visible

from .text import Page, esc, front_matter

PROBLEM_CODES_FILE = "documentation/problem-codes.md"  # the project's documentation, not a provider's site


def _inline(text: str) -> str:
    """Author text (messages quote YAML and Markdown) shown literally: no Markdown, no HTML, and
    control characters as their escapes (\\x1b), as the terminal shows them."""
    return (
        html.escape(visible(text), quote=False)
        .replace("\\", "&#92;")
        .replace("`", "&#96;")
        .replace("*", "&#42;")
        .replace("_", "&#95;")
        .replace("[", "&#91;")
        .replace("{", "&#123;")
        .replace("|", "&#124;")
    )


def _item(problem: Problem) -> str:
    where = visible(f"{problem.file}:{problem.line}")
    label = "Error" if problem.severity == ERROR else "Warning"
    text = f"- **{label}** at `{where}` ({problem.code}): {_inline(problem.message)}"
    return text + (f"<br>*Fix:* {_inline(problem.hint)}" if problem.hint else "")


def render_problems_page(problems: Problems, files: int, src: str = "index.md") -> Page:
    """The preview's stand-in page: every problem, grouped by file, each with file:line and fix."""
    listed = problems.sorted()
    lines = [
        front_matter("The content has problems"),
        "# The content has problems",
        "",
        "The preview shows this page instead of the site until these are fixed. "
        "Save a fixed file and this page reloads by itself.",
        "",
        f"**{esc(problems.summary(files))}**",
        "",
    ]
    for file, group in itertools.groupby(listed, key=lambda p: p.file):
        items = list(group)
        lines += [f"## `{visible(file)}` ({plural(len(items), 'problem')})", ""]
        lines += [_item(problem) for problem in items] + [""]
    lines += [f"Each code is explained, with its fix, in the project's `{PROBLEM_CODES_FILE}`.", ""]
    return Page(src, "The content has problems", "\n".join(lines), "problems")


def render_problem_codes() -> str:
    """The reference (documentation/problem-codes.md, written by scripts/problem_codes.py): every
    problem code the checks can report, its meaning and its fix."""
    lines = [
        "# Problem codes",
        "",
        "`scripts/validate.py`, `mkdocs build` and the live preview report each problem with its "
        "file, its line and one of these codes. The message says what was expected and what was "
        "found; this page says what the code means and how to fix it.",
        "",
    ]
    # One heading per code: GitHub and MkDocs both give it the anchor #code-name.
    for code in sorted(CATALOGUE.values(), key=lambda c: c.name):
        lines += [
            f"## {code.name}",
            "",
            f"**What it means:** {_inline(code.meaning)}",
            "",
            f"**How to fix it:** {_inline(code.fix)}",
            "",
        ]
    lines += [
        f"{len(CATALOGUE)} codes. This page is generated from `induction/core/problems.py` by "
        "`scripts/problem_codes.py` (a test fails when it falls behind), so it lists exactly the codes "
        "the checks use.",
        "",
    ]
    return "\n".join(lines)
