"""Titles: a page's own topic where its source gives only a generic label ("Mentor materials").

Providers head every mentor page "Mentor materials" and list it so in their indexes; in navigation,
search and pack contents that says nothing. The page's own first heading names its topic
("## Understanding teachers as role models"), so a generic title gives way to it; a week the index
leaves untitled takes the topic of its first session that has one.
"""

from __future__ import annotations

import re

from induction.body.headings import atx

from ..body import read

_GENERIC = re.compile(
    r"^(?:view\s+|the\s+|open\s+)?(?:(?:induction\s+)?tutors?|mentors?|ects?|early career teachers?)(?:’s|'s)?\s+"
    r"(?:materials?|resources?|session|notes|pack)(?:\s+(?:for\s+)?week\s+\d+)?$|^session overview$|^week\s+\d+$",
    re.I,
)


def generic(title: str) -> bool:
    """Whether `title` only names the kind of page ("Mentor materials", "Week 3"), not its topic."""
    return bool(_GENERIC.match(" ".join(title.split()).strip(" .:")))


def topic(body: str) -> str:
    """The text of the body's first heading when it is not generic itself, else ''."""
    fenced = read(body).fenced_lines
    for number, line in enumerate(body.split("\n")):
        heading = None if number < len(fenced) and fenced[number] else atx(line)
        if heading and heading.text:
            text = re.sub(r"[*_`]+", "", heading.text).strip()
            return "" if generic(text) else text
    return ""


def without_topic(body: str, title: str) -> str:
    """`body` without its first heading when that heading is `title`: the page's h1 says it already."""
    lines = body.split("\n")
    for number, line in enumerate(lines):
        heading = atx(line)
        if heading and heading.text:
            if re.sub(r"[*_`]+", "", heading.text).strip() != title:
                return body
            rest = lines[number + 1 :]
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


# Step names providers are known to give many pages of a programme; they seed the count, which
# decides: any title three pages of a provider share is a step name too, these at two.
STEP_NAMES = frozenset(
    {
        "video",
        "video introduction",
        "theory",
        "instructions",
        "research and practice summary",
        "reflect",
        "reflection",
        "teaching challenge",
        "self-study activities",
        "learning intentions and introduction",
        "learning outcomes",
        "intended outcomes",
        "classroom practice",
        "evidence",
        "ideas for observation",
        "introduction",
        "overview",
        "summary",
        "quiz",
        "task",
        "activity",
        "discussion",
        "further reading",
    }
)
SHARED = 3  # the reader's-eye check's own threshold: a title three pages share tells no page apart


def key(title: str) -> str:
    """A title as a reader compares it: its words and numbers, without case, spacing or punctuation."""
    return " ".join(re.sub(r"[^\w]+", " ", title.casefold()).split())


def shared(titles: list[str], seeds: frozenset[str] = STEP_NAMES) -> set[str]:
    """The keys of the titles that are step names here: given to three or more of `titles`, or to two
    when a known step name."""
    counts: dict[str, int] = {}
    for title in titles:
        counts[key(title)] = counts.get(key(title), 0) + 1
    known = {key(seed) for seed in seeds}
    return {k for k, n in counts.items() if k and (n >= SHARED or (n >= 2 and k in known))}


def named(titles: dict[str, str], places: dict[str, list[str]]) -> dict[str, str]:
    """A title for each page whose title is a step name: the step name and the first of its place's
    names (`places`: its week's title, then its block and week, ...) that tells it from the others;
    numbered when none does. Pages keyed by id; those left out keep their titles."""
    steps = shared(list(titles.values()))
    taken = {key(t) for sid, t in titles.items() if key(t) not in steps}
    chosen: dict[str, str] = {}
    pending = sorted(sid for sid, t in titles.items() if key(t) in steps)
    depth = max((len(places.get(sid, [])) for sid in pending), default=0)
    for level in range(depth):
        proposal = {}
        for sid in pending:
            names = [n for n in places.get(sid, []) if _names_topic(n, titles[sid], steps)]
            if names:
                proposal[sid] = joined(titles[sid], names[min(level, len(names) - 1)])
        counts: dict[str, int] = {}
        for title in proposal.values():
            counts[key(title)] = counts.get(key(title), 0) + 1
        for sid, title in proposal.items():
            if counts[key(title)] == 1 and key(title) not in taken:
                chosen[sid] = title
                taken.add(key(title))
        pending = [sid for sid in pending if sid not in chosen]
    return _numbered(titles, chosen, pending, places, taken, steps)


def _numbered(
    titles: dict[str, str],
    chosen: dict[str, str],
    pending: list[str],
    places: dict[str, list[str]],
    taken: set[str],
    steps: set[str],
) -> dict[str, str]:
    """The pages no place tells apart, numbered in their order after their most precise place."""
    for sid in pending:
        names = [n for n in places.get(sid, []) if _names_topic(n, titles[sid], steps)]
        base = joined(titles[sid], names[-1]) if names else " ".join(titles[sid].split())
        number = 1
        while key(f"{base} ({number})" if number > 1 else base) in taken:
            number += 1
        chosen[sid] = f"{base} ({number})" if number > 1 else base
        taken.add(key(chosen[sid]))
    return chosen


def _names_topic(name: str, title: str, steps: set[str]) -> bool:
    """Whether a place's name can follow a step name: not empty, not the step name itself, not
    another step name (an untitled week may have been titled by one)."""
    return bool(key(name)) and key(name) != key(title) and key(name) not in steps


def joined(step: str, topic: str) -> str:
    """'Video: working memory': the step name as the source writes it, then its topic; a topic that
    starts with the step name ('module audit (Reading)') is said once: 'Module audit (Reading)'."""
    step, topic = " ".join(step.split()).rstrip(" .:;,"), " ".join(topic.split())
    if topic.casefold().startswith(step.casefold()):
        return step + topic[len(step) :]
    return f"{' '.join(step.split()).rstrip(' .:;,')}: {' '.join(topic.split())}"


def week_label(first: int, last: int) -> str:
    """'week 3', or 'weeks 4 to 6': a range names every number."""
    return f"week {first}" if first == last else f"weeks {first} to {last}"


def told_apart(items: dict[str, tuple[str, list[str]]]) -> dict[str, str]:
    """For items (id -> (title, its places' names)) whose titles two or more share, the words to add
    to the title ('Module audit' + ' (Teaching reading)'): the first place name that tells it apart,
    numbered when none does. Items whose title is their own are left out."""
    counts: dict[str, int] = {}
    for title, _ in items.values():
        counts[key(title)] = counts.get(key(title), 0) + 1
    taken = {key(t) for t, _ in items.values() if counts[key(t)] == 1}
    chosen: dict[str, str] = {}
    for sid, (title, names) in sorted(items.items()):
        if counts[key(title)] < 2 or not key(title):
            continue
        options = [f" ({' '.join(n.split())})" for n in names if key(n)] or [""]
        pick = next((o for o in options if key(title + o) not in taken), options[-1])
        number = 1
        while key(title + pick + (f" ({number})" if number > 1 else "")) in taken:
            number += 1
        chosen[sid] = pick + (f" ({number})" if number > 1 else "")
        taken.add(key(title + chosen[sid]))
    return chosen
