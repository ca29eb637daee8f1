"""Text: small helpers every page renderer shares (escaping, captions, minutes, front matter)."""
from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..fences import fenced_lines
from ..formats import ROLE_NAMES
from ..model import Block, Week, Year


@dataclass
class Page:
    """A generated page: where it goes, its title, its Markdown, and what it is (for tests/JSON)."""

    src: str
    title: str
    markdown: str
    kind: str
    meta: dict = field(default_factory=dict)


_INLINE = re.compile(r"([\\`*_\[\]<>|#])")


def esc(text: str) -> str:
    """Text safe to put inline in Markdown (titles from YAML, statement texts)."""
    return _INLINE.sub(r"\\\1", " ".join(str(text).split()))


def attr(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


# Front matter that keeps a page out of the search index (Material honours `search: exclude:`): print
# views, packs and transcript pages repeat text whose own page is the one a search should find.
NOT_SEARCHED = {"exclude": True}


def front_matter(title: str, **extra: object) -> str:
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])


def minutes(n: int) -> str:
    if n < 60:
        return "1 minute" if n == 1 else f"{n} minutes"
    hours, rest = divmod(n, 60)
    text = "1 hour" if hours == 1 else f"{hours} hours"
    return f"{text} {rest} minutes" if rest else text


def caption(*parts: str) -> str:
    """The GOV.UK-style caption above a page's heading: where the page sits."""
    text = " · ".join(attr(p) for p in parts if p)
    return f'<p class="ect-caption">{text}</p>\n'


def block_caption(year: Year, block: Block | None = None, week: Week | None = None) -> list[str]:
    parts = [year.title]
    if block is not None:
        parts.append(block.term_label)
        if week is not None:
            parts.append(week.label)
    return parts


def role_name(role: str) -> str:
    return ROLE_NAMES.get(role, role)


KIND_NAMES = {
    "video": "Video", "reading": "Reading", "task": "Task", "practice": "Practice", "reflection": "Reflection",
    "quiz": "Quiz", "introduction": "Introduction", "plan": "Mentor session plan", "material": "Materials",
    "training": "Training session",
}


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind.capitalize())


_HEADING = re.compile(r"(#{1,6})\s")


def _relevel(markdown: str, level: Callable[[int], int]) -> str:
    """`markdown` with each ATX heading (outside code fences) moved to `level(its level)`."""
    if "#" not in markdown:  # most bodies and transcripts: nothing to do (this runs for every page)
        return markdown
    out = []
    for line, fenced in zip(markdown.splitlines(), fenced_lines(markdown), strict=True):
        if line[:1] == "#" and not fenced:
            match = _HEADING.match(line)
            if match:
                hashes = len(match.group(1))
                line = "#" * level(hashes) + line[hashes:]
        out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=4096)  # pure; packs and print views demote the same bodies again
def demote_headings(markdown: str, by: int) -> str:
    """Shift ATX headings down `by` levels (for a transcript inside a page), outside code fences."""
    return _relevel(markdown, lambda hashes: min(6, hashes + by))


@lru_cache(maxsize=4096)
def sequential_headings(markdown: str, top: int = 2) -> str:
    """A body's ATX headings re-levelled so none skips a level below the page's h1 (WCAG 1.3.1:
    screen reader users move by heading level). Each heading goes at most one level deeper than
    the one before it, starting from `top`: a body written with ### under the title, or a
    transcript demoted inside a section, keeps its shape without the gap."""
    previous = top - 1

    def level(hashes: int) -> int:
        nonlocal previous
        previous = max(top, min(hashes, previous + 1))
        return previous

    return _relevel(markdown, level)
