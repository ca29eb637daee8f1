"""Structure: years, blocks, weeks and roles, read from the provider and block index pages' prose.

Import stage two (corpus -> **structure** -> markup -> links -> intentions -> writer). The DfE
format keeps structure in headings: `## Year 1: Autumn term` / `### [Block](/p/year-1-block)` in a
provider index; `## Week 4: title` (or `## Weeks 4, 5 and 6`, or an untitled `## Week 3`),
`### ECTs` / `### Mentors` / `### Induction tutor` and `Duration:` lines in a block index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from induction.body.headings import atx
from induction.core.formats import ECT, MENTOR, TUTOR

from .corpus import Page
from .durations import length_in
from .slugs import canonical

TERMS = ("autumn", "spring", "summer")
_WEEK = re.compile(r"^Weeks?\s+(\d+)((?:\s*(?:,|and|to|-|–|&)\s*\d+)*)\s*(?:[:.\-–]\s*(.*))?$", re.I)
_ROLES = [
    (ECT, re.compile(r"^(ECTs?|Early career teachers?)$", re.I)),
    (MENTOR, re.compile(r"^Mentors?( materials)?$", re.I)),
    (TUTOR, re.compile(r"^Induction tutors?( materials)?$", re.I)),
]
_LINK_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])?\s*\[([^\]]+)\]\(\s*(\S+?)(?:\s+[\"'][^\"']*[\"'])?\s*\)\s*[.;]?\s*$")
_YEAR = re.compile(r"^Year\s+(\d+)\b(?:\s*:\s*(Autumn|Spring|Summer)\b)?", re.I)
_HALF = re.compile(r"\b(first|second|1st|2nd)\s+half[- ]term", re.I)


@dataclass
class Link:
    url: str
    text: str
    line: int  # file line


@dataclass
class Part:
    """What one role is told in one section: prose lines, the pages it lists, and how long."""

    role: str
    heading: str = ""  # the source's role heading ("ECTs"), kept so that its words are kept
    prose: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    minutes: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.prose).strip()


@dataclass
class Section:
    kind: str  # "week", "intro", "end", "role" (a block-level role part) or "other"
    heading: str
    line: int
    first: int = 0
    last: int = 0
    title: str = ""
    parts: list[Part] = field(default_factory=list)
    problem: str = ""  # a week heading whose numbers are not a run, said in words


@dataclass
class BlockIndex:
    page: Page
    intro: list[str]
    sections: list[Section]
    half_term: int | None


@dataclass
class BlockEntry:
    url: str
    title: str
    description: list[str]
    line: int


@dataclass
class YearEntry:
    number: int
    terms: dict[str, str] = field(default_factory=dict)  # block url -> term named by its section
    blocks: list[BlockEntry] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)  # year-level prose and pages


@dataclass
class ProviderIndex:
    intro: list[str]
    years: dict[int, YearEntry]


def internal(url: str, site: str = "https://support-for-early-career-teachers.education.gov.uk") -> str:
    """The canonical site-absolute address (`slugs.canonical`) `url` names on this site, or ''
    when it points elsewhere."""
    if url.startswith(site):
        url = url[len(site) :] or "/"
    if url.startswith("/") and not url.startswith("//"):
        return canonical(url.split("#", 1)[0].split("?", 1)[0].rstrip("/")) or "/"
    return ""


def role_of(heading: str) -> str:
    return next((role for role, pattern in _ROLES if pattern.match(heading.strip())), "")


def minutes_in(text: str) -> int | None:
    return length_in(text)


def week_numbers(heading: str) -> tuple[int, int, str, str] | None:
    """(first, last, title, problem) of a week heading, or None when it is not one."""
    match = _WEEK.match(heading.strip())
    if not match:
        return None
    numbers = [int(match.group(1))] + [int(n) for n in re.findall(r"\d+", match.group(2) or "")]
    first, last = min(numbers), max(numbers)
    problem = ""
    if re.search(r"\bto\b|-|–", match.group(2) or ""):
        pass  # a range written as a range
    elif sorted(numbers) != list(range(first, last + 1)):
        problem = f"the weeks {', '.join(map(str, numbers))} are not a run"
    return first, last, (match.group(3) or "").strip(), problem


def _split(page: Page, level: int) -> tuple[list[tuple[str, int]], list[tuple[str, int, list[tuple[str, int]]]]]:
    """(lines before the first heading of `level`, [(heading, line, lines)]), lines with file numbers."""
    head: list[tuple[str, int]] = []
    sections: list[tuple[str, int, list[tuple[str, int]]]] = []
    for number, line in enumerate(page.body.split("\n"), page.body_line):
        heading = atx(line)
        if heading and heading.text and heading.level == level:
            sections.append((heading.text, number, []))
        elif sections:
            sections[-1][2].append((line, number))
        else:
            head.append((line, number))
    return head, sections


def _parts(lines: list[tuple[str, int]], default_role: str) -> list[Part]:
    """Role parts of a section: `### ECTs` etc.; lines before any role heading go to `default_role`."""
    parts = [Part(default_role)]
    for line, number in lines:
        heading = atx(line)
        role = role_of(heading.text) if heading and heading.level == 3 else ""
        if heading and role:
            parts.append(Part(role, heading.text))
            continue
        link = _LINK_LINE.match(line)
        part = parts[-1]
        if link and internal(link.group(2)) and not link.group(1).lower().startswith("view "):
            part.links.append(Link(internal(link.group(2)), link.group(1).strip(), number))
            continue
        if link and internal(link.group(2)):
            part.links.append(Link(internal(link.group(2)), "", number))  # "View ..." stays in the prose
        part.prose.append(line)
        if part.minutes is None:
            part.minutes = minutes_in(line)
    return [p for p in parts if p.text or p.links or p is not parts[0]]


def parse_block_index(page: Page) -> BlockIndex:
    head, raw = _split(page, 2)
    sections = []
    for heading, line, lines in raw:
        week = week_numbers(heading)
        role = role_of(heading)
        if week:
            section = Section("week", heading, line, week[0], week[1], week[2], _parts(lines, ECT), week[3])
        elif role:
            section = Section("role", heading, line, parts=_parts(lines, role))
        elif re.search(r"\bintroduction\b", heading, re.I):
            section = Section("intro", heading, line, parts=_parts(lines, ECT))
        elif re.search(r"\bend of\b|\breflection", heading, re.I):
            section = Section("end", heading, line, parts=_parts(lines, ECT))
        else:
            section = Section("other", heading, line, parts=_parts(lines, ECT))
        sections.append(section)
    where = f"{page.meta.get('heading', '')} {page.meta.get('title', '')}"
    half = _HALF.search(where)
    half_term = (1 if half.group(1).lower() in ("first", "1st") else 2) if half else None
    return BlockIndex(page, [line for line, _ in head], sections, half_term)


def parse_provider_index(page: Page) -> ProviderIndex:
    head, raw = _split(page, 2)
    intro = [line for line, _ in head]
    years: dict[int, YearEntry] = {}
    for heading, _line, lines in raw:
        match = _YEAR.match(heading)
        if not match:
            intro += ["", f"## {heading}", *[text for text, _ in lines]]
            continue
        year = years.setdefault(int(match.group(1)), YearEntry(int(match.group(1))))
        term = (match.group(2) or "").lower()
        rest: list[tuple[str, int]] = []
        current: BlockEntry | None = None
        for text, number in lines:
            sub = atx(text)
            link = _LINK_LINE.match(sub.text) if sub and sub.level == 3 else None
            if link and internal(link.group(2)):
                current = BlockEntry(internal(link.group(2)), link.group(1).strip(), [], number)
                year.blocks.append(current)
                if term:
                    year.terms[current.url] = term
                continue
            if sub and sub.level <= 3:
                current = None
            if current is not None:
                current.description.append(text)
            else:
                rest.append((text, number))
        year.parts += _parts(rest, ECT) if rest else []
    return ProviderIndex(intro, years)


def term_of(slug: str) -> str:
    return next((term for term in TERMS if slug.startswith(term + "-")), "")
