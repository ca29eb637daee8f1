"""Plans: real mentor materials written as timed session plans, recognised and rewritten as `kind: plan`.

Providers time their meetings in many ways: "Review: 5 mins", "Review 5 mins", "(5 mins)",
"### Theory to Practice 35 mins", "**Next Steps** – 5 minutes", "Review and Plan 10 mins" (two
phases merged into one). What they share: a line that is only a short phase name (a capital, at
most `NAME_WORDS` words, no sentence inside) and a number of minutes, in whatever dress (heading,
emphasis, list marker, brackets, colon or dash or nothing). A page with at least two such lines is
a timed plan: each phase line becomes the phase's `##` heading (its minutes go to the front
matter), and the body's own headings are shifted down together, never re-nested, so that only
phases are `##`. A "Duration: 45 minutes" line states the plan's total; one that disagrees with
the phases is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from induction.body.headings import AtxLine, atx
from induction.core.formats import MENTOR, PLAN, TRAINING

from ..body import read

if TYPE_CHECKING:
    from .conversion import SessionPlan

NAME_WORDS = 6  # "Plan and Theory to Practice" is five; a sentence that mentions minutes is longer
HEADING_WORDS = 30  # a heading is a name whatever it says ("Who else can help to support pupil wellbeing?")
_EMPH = r"(?:\*\*|__|\*|_)?"
_MINUTES = r"\(?(?:\d{1,3}\s*(?:to|-|–)\s*)?(?P<minutes>\d{1,3})\s*(?:mins?|minutes?)\.?\)?"  # "5 to 10": 10
_PHASE = re.compile(
    r"^\s*(?P<hashes>#{1,6}\s+)?(?:[-*+]\s+|\d+[.)]\s+)?"
    + _EMPH
    + r"(?P<name>[A-Z‘“\"'][\w’'‘“”\"&/,+?!:.()–—-]*(?:\s+[\w’'‘“”\"&/,+?!:.()–—-]+)*?)"
    + _EMPH
    + r"\s*(?:[:–—-]\s*)?"
    + _EMPH
    + r"\s*"
    + _MINUTES
    + _EMPH
    + r"[:.]?(?:\s+(?P<rest>\S.*?))?\s*$"
)
# The parts of a coaching meeting, as mentor materials name them: instructional coaching's steps
# (observe, praise, probe, set a target, model, plan, practise, follow up), contracting, review and
# reflection. A heading is a part when its first word is one of these, its last word names a meeting,
# or it says when ("Before the meeting", "After the observation").
STAGE_WORDS = frozenset(
    """
    select observe observation praise probe feedback set agree model plan planning practise practice rehearse
    rehearsal review reflect reflection discuss discussion contract contracting check-in debrief follow-up
    prepare next action recap
""".split()
)
MEETING_WORDS = frozenset("meeting meetings conversation conversations session check-in debrief".split())
WHEN_WORDS = frozenset("before during after".split())
_STATED = re.compile(r"^(?:duration|total(?: time)?|time(?: needed)?|session length|length)$", re.I)


@dataclass(frozen=True)
class PhaseLine:
    title: str
    minutes: int
    line: int  # body line, from 1
    level: int = 0  # the heading level of the line, 0 when it is not a heading
    rest: str = ""  # text after the minutes on the same line: it stays, as the phase's first paragraph
    words: str = ""  # the line as written, without heading marks (a training session's heading keeps it)


@dataclass
class TimedPlan:
    phases: list[PhaseLine]
    body: str
    stated: int | None = None  # a total the page states itself
    stated_line: int = 0
    shift: int = 0  # levels every other heading went down
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(phase.minutes for phase in self.phases)


def phase_line(line: str, number: int = 0) -> PhaseLine | None:
    """The phase a line announces, or None; a line stating a total is not a phase (see `stated`)."""
    match = _PHASE.match(line)
    if not match:
        return None
    name = " ".join(match["name"].split()).strip(" ,-_:")
    words = name.split()
    if not words or len(words) > (HEADING_WORDS if match["hashes"] else NAME_WORDS) or int(match["minutes"]) == 0:
        return None
    if words[-1].lower() in {"for", "about", "of", "to", "in", "and", "the", "a", "take", "lasting", "around"}:
        return None  # "... for 20 minutes": a sentence, not a phase name
    rest = (match["rest"] or "").strip()
    if rest[:1].islower():
        return None  # "The ECT has 60 minutes from ...": the sentence goes on
    written = re.sub(r"^\s*#{1,6}\s+", "", line[: match.start("rest")] if rest else line).strip()
    level = len(match["hashes"].strip()) if match["hashes"] else 0
    return PhaseLine(name, int(match["minutes"]), number, level, rest, written)


def _lines(body: str) -> list[tuple[int, str, bool]]:
    """(number, line, in fenced code) of each body line: timings inside code are not phases."""
    fenced = read(body).fenced_lines
    return [
        (number, line, number <= len(fenced) and fenced[number - 1]) for number, line in enumerate(body.split("\n"), 1)
    ]


def timed_plan(body: str, keep_words: bool = False) -> TimedPlan | None:
    """The plan `body` is written as, or None when it names fewer than two timed phases; with
    `keep_words`, each phase heading keeps the line's own words (an agenda item: "Welcome (10 minutes)")."""
    phases: list[PhaseLine] = []
    stated, stated_line = None, 0
    for number, line, fenced in _lines(body):
        found = None if fenced else phase_line(line, number)
        if found is None:
            continue
        if _STATED.match(found.title):
            stated, stated_line = found.minutes, number
        else:
            phases.append(found)
    # Timed parts under a timed heading are inside its minutes: the shallowest level with two or more
    # timed headings holds the phases (with a stray shallower one); deeper timed headings ("#### Part
    # B (10 minutes)", a lesson's own timings) and timed lines among them are parts.
    timed = Counter(p.level for p in phases if p.level)
    level = min((n for n in timed if timed[n] >= 2), default=0)
    if level:
        phases = [p for p in phases if p.level and p.level <= level]
    if len(phases) < 2:
        return None
    starts = {phase.line: phase for phase in phases}
    levels = [
        m.level for number, line, fenced in _lines(body) if not fenced and number not in starts and (m := atx(line))
    ]
    shift = max(0, 3 - min(levels)) if levels else 0
    end = agenda_end(body, phases) if keep_words else 0
    out = []
    for number, line, fenced in _lines(body):
        phase = starts.get(number)
        if phase is not None:
            out += [f"## {phase.words if keep_words else phase.title}", ""] + ([phase.rest, ""] if phase.rest else [])
            continue
        heading = None if fenced else atx(line)
        moved = 0 if end and number >= end else shift  # after the agenda, the page's own outline again
        out.append(f"{'#' * max(2, min(6, heading.level + moved))}{heading.rest}" if heading else line)
    return TimedPlan(phases, "\n".join(unheaded(out)), stated, stated_line, shift)


def unheaded(lines: list[str]) -> list[str]:
    """A plan's lines with each heading inside a phase that heads nothing (a heading of its level or
    above, or the end, comes next: "### Activities" before the next timed phase) made a bold line,
    its words kept: a reader sees a label, not an empty part. Phases (`##`) stay: they carry the
    plan's minutes; headings before the first phase (the page's topic) stay headings."""
    out = list(lines)
    fenced = [inside for _, _, inside in _lines("\n".join(lines))]
    first = next((n for n, line in enumerate(lines) if not fenced[n] and (h := atx(line)) and h.level == 2), len(lines))
    for number, line in enumerate(lines[first:], first):
        heading = None if fenced[number] else atx(line)
        if heading is None or heading.level <= 2:
            continue
        after = next((n for n in range(number + 1, len(lines)) if lines[n].strip()), None)
        following = None if after is None or fenced[after] else atx(lines[after])
        if after is None or (following and following.level <= heading.level):
            words = _title(heading)
            out[number] = f"**{words}**" if words else ""
    return out


def agenda_end(body: str, phases: list[PhaseLine]) -> int:
    """The line of the first heading after an agenda's last item that is not inside the agenda (as
    deep as the heading that holds the agenda, or above its items' own level), or 0. From there the
    page's sections ("## Related ECF strands") keep their level rather than fall into the last item."""
    headings = [(number, m.level) for number, line, fenced in _lines(body) if not fenced and (m := atx(line))]
    first, last = phases[0], phases[-1]
    above = [level for number, level in headings if number < first.line and (not first.level or level < first.level)]
    holder = above[-1] if above else (first.level - 1 if first.level else 0)
    return next((number for number, level in headings if number > last.line and level <= holder), 0)


@dataclass
class Structure:
    """An untimed plan: a coaching structure's parts, in order, and the body with each part a `##` phase."""

    phases: list[str]
    body: str


def stage(title: str) -> bool:
    """Whether a heading names a part of a coaching meeting ("Observe", "Set a precise target",
    "Contracting meeting", "Step 2: Practise", "Before the meeting") rather than a topic."""
    words = re.findall(r"[a-z’'-]+", re.sub(r"^\W*(?:step|stage|part|phase)\s+\d+\W*", "", title.lower()))
    if not words or len(words) > NAME_WORDS:
        return False
    return words[0] in STAGE_WORDS or words[-1] in MEETING_WORDS or (words[0] in WHEN_WORDS and len(words) > 1)


# Headings that label a field of a phase rather than name one ("Interaction:", "Outcome", "Stimulus",
# "Resources:"): a heading whose words end in a colon, or one of these words alone.
LABEL_WORDS = frozenset(
    """
    interaction interactions outcome outcomes stimulus stimuli resource resources material materials purpose aim aims
    prompt prompts question questions note notes focus success criteria example examples timing time who what
""".split()
)


def label(title: str) -> bool:
    """Whether a heading labels a field of a phase ("Interaction:", "**Outcome**", "Success criteria"),
    not names a part of the meeting ("Observe:" does)."""
    text = title.strip().strip("*_").strip()
    if text.endswith((":", "：")):  # "Interaction:"; but "Observe:" still names a part of the meeting
        return not stage(text.rstrip(":："))
    words = re.findall(r"[a-z’']+", text.lower())
    return bool(words) and len(words) <= 2 and all(word in LABEL_WORDS for word in words)


def coached_plan(body: str) -> Structure | None:
    """The untimed plan a mentor page is when it is written as a coaching structure, or None.
    Its parts are the headings of the shallowest level with two or more (a lone shallower heading
    is the page's topic) that are neither labels of a field (`label`: kept as a bold label inside
    the phase before) nor empty (nothing under them before the next such heading: kept as a bold
    line, so its words stay); it is a coaching structure when at least two of them name a part of a
    meeting (`stage`). The other headings move by the same shift, never above ###, so that only
    phases are `##`."""
    lines = _lines(body)
    headings = [(number, m.level, _title(m)) for number, line, fenced in lines if not fenced and (m := atx(line))]
    # A heading over nothing (a trailing "## Notes") is never a part, nor counts in choosing the level.
    named = [
        (number, n, title)
        for number, n, title in headings
        if title and not label(title) and _holds(lines, number, [m for m, k, t in headings if k <= n and not label(t)])
    ]
    counts = Counter(level for _, level, _ in named)
    level = min((n for n in counts if counts[n] >= 2), default=0)
    parts = {number: title for number, n, title in named if n == level}
    if not level or sum(stage(title) for title in parts.values()) < 2:
        return None
    out = []
    for number, line, fenced in lines:
        heading = None if fenced else atx(line)
        if number in parts:
            out.append(f"## {parts[number]}")
        elif heading and heading.level == level:  # a label or an empty part: its words, in bold
            words = _title(heading)
            out.append(f"**{words}**" if words else "")
        elif heading:
            out.append(f"{'#' * min(6, max(3, heading.level - level + 2))}{heading.rest}")
        else:
            out.append(line)
    return Structure(list(parts.values()), "\n".join(unheaded(out)))


def _holds(lines: list[tuple[int, str, bool]], number: int, stops: list[int]) -> bool:
    """Whether anything but blank lines and labels follows heading `number` before the next heading
    of its level or above that is no label (`stops`), or the end."""
    end = min((n for n in stops if n > number), default=len(lines) + 1)
    for _, line, fenced in lines[number : end - 1]:
        heading = None if fenced else atx(line)
        if line.strip() and not (heading and label(_title(heading))):
            return True
    return False


def meetings(body: str, phases: list[PhaseLine]) -> list[tuple[str, int]]:
    """The topics of a page that each time two or more phases of their own: its shallowest headings,
    each with the phases after it (a page holding two weeks' meetings, or two topics' sessions)."""
    headings = [
        (number, m.level, _title(m))
        for number, line, fenced in _lines(body)
        if not fenced and (m := atx(line)) and number not in {p.line for p in phases}
    ]
    if not headings:
        return []
    top = min(level for _, level, _ in headings)
    tops = [(number, title) for number, level, title in headings if level == top]
    counts: Counter = Counter()
    for phase in phases:
        owner = next((t for t in reversed(tops) if t[0] < phase.line), None)
        if owner is not None:
            counts[owner] += 1
    return [(title, counts[(number, title)]) for number, title in tops if counts[(number, title)] >= 2]


def why_material(body: str) -> str:
    """Why a mentor page is not a plan, in words: its timed lines and the headings it was read by."""
    timed = [found.words for _, line, fenced in _lines(body) if not fenced and (found := phase_line(line))]
    headings = [_title(m) for _, line, fenced in _lines(body) if not fenced and (m := atx(line))]
    said = (
        f"{len(timed)} line giving minutes ({timed[0]!r})" if len(timed) == 1 else f"{len(timed)} lines giving minutes"
    )
    parts = [h for h in headings if stage(h)]
    return (
        f"{said}, fewer than the two a timed plan needs; and {len(parts)} of its {len(headings)} headings "
        f"name a part of a meeting ({', '.join(repr(h) for h in parts) or 'none'}), fewer than two"
    )


def _title(heading: AtxLine) -> str:
    """A heading's words as the validator and the page read them: closing #s and emphasis marks gone."""
    return heading.text.strip("*_").strip()


def adopt(session: SessionPlan, defect: Callable[[str, int, str, str], None]) -> None:
    """Make a mentor page written as a timed plan `kind: plan` (a tutor page: `training`, its agenda as
    phases); a total the page states that disagrees with its phases is reported. A mentor page
    written as a coaching structure becomes an untimed plan (its minutes are found as any page's)."""
    original = session.body
    plan = timed_plan(original, keep_words=session.role != MENTOR)
    structure = coached_plan(session.body) if plan is None and session.role == MENTOR else None
    if structure is not None:
        session.kind, session.body = PLAN, structure.body
        session.phases = [(title, None) for title in structure.phases]
    elif plan is None and session.role == MENTOR:
        defect(
            "mentor-material",
            1,
            f"Kept as material: {why_material(session.body)}.",
            "imported it as kind: material, a page to read, not a session plan",
        )
    if plan is None:
        return
    session.kind = PLAN if session.role == MENTOR else TRAINING
    session.body = plan.body
    session.phases = [(phase.title, phase.minutes) for phase in plan.phases]
    # a plan lasts its phases' sum; a training session what it says, its agenda timing only some items
    session.minutes = plan.stated if plan.stated and session.kind == TRAINING else plan.total
    detail = " + ".join(str(phase.minutes) for phase in plan.phases)
    topics = meetings(original, plan.phases)
    if session.kind == PLAN and len(topics) >= 2:
        named = "; ".join(f"'{title}' ({count} phases)" for title, count in topics)
        defect(
            "plan-several-meetings",
            plan.phases[0].line,
            f"The page holds {len(topics)} meetings, each topic timing its own phases: {named}.",
            f"imported them as one plan of {len(plan.phases)} phases lasting {plan.total} minutes",
        )
    if plan.stated is not None and plan.stated != plan.total and session.kind == PLAN:
        defect(
            "plan-total-mismatch",
            plan.stated_line,
            f"The page gives {plan.stated} minutes but the phases add up to {plan.total} ({detail}).",
            f"used {plan.total} minutes, the sum of the phases",
        )
