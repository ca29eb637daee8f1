"""Titles: a page's own topic where its source gives only a generic label ("Mentor materials").

Providers head every mentor page "Mentor materials" and list it so in their indexes; in navigation,
search and pack contents that says nothing. The page's own first heading names its topic
("## Understanding teachers as role models"), so a generic title gives way to it; a week the index
leaves untitled takes the topic of its first session that has one.
"""
from __future__ import annotations

import re

_GENERIC = re.compile(
    r"^(?:view\s+|the\s+|open\s+)?(?:(?:induction\s+)?tutors?|mentors?|ects?|early career teachers?)(?:’s|'s)?\s+"
    r"(?:materials?|resources?|session|notes|pack)(?:\s+(?:for\s+)?week\s+\d+)?$|^session overview$|^week\s+\d+$",
    re.I)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def generic(title: str) -> bool:
    """Whether `title` only names the kind of page ("Mentor materials", "Week 3"), not its topic."""
    return bool(_GENERIC.match(" ".join(title.split()).strip(" .:")))


def topic(body: str) -> str:
    """The text of the body's first heading when it is not generic itself, else ''."""
    fenced = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            text = re.sub(r"[*_`]+", "", match.group(1)).strip()
            return "" if generic(text) else text
    return ""


def without_topic(body: str, title: str) -> str:
    """`body` without its first heading when that heading is `title`: the page's h1 says it already."""
    lines = body.split("\n")
    for number, line in enumerate(lines):
        match = _HEADING.match(line)
        if match:
            if re.sub(r"[*_`]+", "", match.group(1)).strip() != title:
                return body
            rest = lines[number + 1:]
            return "\n".join(lines[:number] + (rest[1:] if rest and not rest[0].strip() else rest))
        if line.strip():
            return body
    return body


SENTENCE_WORDS = 12  # longer, and the week's first sentence is prose, not a name for it


def first_sentence(paragraphs: list[str]) -> str:
    """The first short sentence of a week's own text ("There are no activities this week"), else ''."""
    for paragraph in paragraphs:
        text = " ".join(paragraph.split())
        if not text or text.startswith(("**", "#", "[", "<", "-", "|")):
            continue  # a role's bold heading, a link or a list says nothing about the week's topic
        sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".!? ")
        return sentence if 0 < len(sentence.split()) <= SENTENCE_WORDS else ""
    return ""
