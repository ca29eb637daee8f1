"""Model: the typed curriculum that loading produces and every later stage reads.

Frozen dataclasses, no behaviour beyond small derived properties: one-way data flow means
nothing downstream changes these once `loader.load_site` has returned, and frozen makes a field
that is set again an error (the loader fills their lists and dicts while it reads, and builds each
object with its fields known; strip mode's cleaned copy is made of new objects, pipeline.cleaned).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from induction.core.settings import Settings


@dataclass(frozen=True)
class Loc:
    file: str
    line: int


# Framework -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    id: str
    kind: str  # "learn_that" | "learn_how_to"
    text: str
    standard: Standard
    heading: str = ""  # the "..., by:" heading of a learn-how-to statement
    variants: list[str] = field(default_factory=list)
    order: int = 0  # position in the framework, for sorting

    @property
    def kind_label(self) -> str:
        return "Learn that" if self.kind == "learn_that" else "Learn how to"


@dataclass(frozen=True)
class Standard:
    number: int
    title: str
    teachers_standard: str
    statements: list[Statement] = field(default_factory=list)


@dataclass(eq=False, frozen=True)  # compared and hashed by identity: one object per loaded framework
class Framework:
    id: str
    title: str
    attribution: str
    standards: list[Standard]
    statements: dict[str, Statement]
    loc: Loc
    # Which edition of its framework this file is ("January 2019"): a statement's page says so, since
    # a later edition may reuse a code for another statement. Empty when the file does not say.
    edition: str = ""
    published: str = ""

    @property
    def edition_label(self) -> str:
        """The edition as a reader sees it: the file's own words, else when it was published."""
        return self.edition or (f"published {self.published}" if self.published else "")


@dataclass(frozen=True)
class Crosswalk:
    """A provider's map from the statements of one framework edition to those of another
    (crosswalks/<name>.yaml): each listed statement maps to one, several or none."""

    source: str  # the framework id the intentions are written in
    target: str  # the framework id they are rewritten to
    mapping: dict[str, list[str]]  # source statement id -> target statement ids (empty: no counterpart)
    lines: dict[str, int]  # source statement id -> its line in the file
    loc: Loc
    title: str = ""


# Programme -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Intention:
    statement_id: str
    wording: str
    loc: Loc


@dataclass(frozen=True)
class Phase:
    title: str
    minutes: int | None  # None: a part of an untimed plan (a coaching structure that shares the meeting's time)
    loc: Loc


@dataclass(frozen=True)
class Session:
    id: str
    role: str
    kind: str
    title: str
    minutes: int
    intentions: list[Intention]
    asset_ids: list[str]
    phases: list[Phase]
    body: str
    body_line: int
    loc: Loc
    asset_lines: list[int] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # front matter key -> its line
    complete: bool = True  # False when its front matter had problems: checks skip its follow-ons
    routes: list[str] = field(default_factory=list)  # the block's routes it belongs to; empty: every route

    @property
    def is_mentor_plan(self) -> bool:
        """A mentor's session plan: phases printed for the meeting, checked to add up when timed."""
        return self.role == "mentor" and self.kind == "plan"

    @property
    def timed(self) -> bool:
        """Whether its phases (a plan's or a training session's agenda) give their minutes."""
        return any(phase.minutes is not None for phase in self.phases)


@dataclass(frozen=True)
class SessionRef:
    """An entry of a week or page list: a session's home, or (`see`) a pointer to it."""

    session_id: str
    see: bool
    loc: Loc
    label: str = ""  # a reference's own words on its list, in place of the session's title


@dataclass(frozen=True)
class Week:
    first: int
    last: int
    title: str
    summary: dict[str, str]
    roles: dict[str, list[SessionRef]]  # role -> sessions in order
    loc: Loc
    summary_lines: dict[str, int] = field(default_factory=dict)  # role -> line of its summary's text

    @property
    def slug(self) -> str:
        return f"week-{self.first}" if self.first == self.last else f"week-{self.first}-{self.last}"

    @property
    def label(self) -> str:
        return f"Week {self.first}" if self.first == self.last else f"Weeks {self.first} to {self.last}"

    @property
    def heading(self) -> str:
        """'Week 3: Routines'; the label alone when the title only repeats it ('Week 3', or 'Week 4' for
        weeks 4 to 6, whose label names every number)."""
        numbers = [int(n) for n in re.findall(r"\d+", self.title)]
        words = re.sub(r"[\d\s,.:;&\u2013\u2014-]+|\b(?:and|to)\b", " ", self.title.casefold()).split()
        own = set(range(self.first, self.last + 1))
        if set(words) <= {"week", "weeks"} and set(numbers) <= own:
            return self.label
        return f"{self.label}: {self.title}"


@dataclass(frozen=True)
class Route:
    """One way through a block (core, stretch, secure): steps name it in their `routes:`."""

    id: str
    label: str
    description: str
    loc: Loc


@dataclass(frozen=True)
class Answer:
    text: str
    route: str  # the id of the route it points to
    loc: Loc


@dataclass(frozen=True)
class Question:
    text: str
    answers: list[Answer]
    loc: Loc


@dataclass(frozen=True)
class Diagnostic:
    """What points an ECT to a route: questions the ECT answers (each answer naming a route), or a
    checklist the mentor ticks after observing (a tick counts for its item's route, an item left
    unticked for the block's first route). The route most answers point to wins; a tie goes to the
    route declared first. Items of a checklist are Questions with one Answer each."""

    title: str
    intro: str
    questions: list[Question]
    checklist: bool  # True: `questions` are checklist items, ticked or not
    loc: Loc
    intro_line: int = 0


@dataclass(frozen=True)
class Block:
    id: str
    title: str
    term: str
    half_term: int | None
    summary: dict[str, str]
    pages: list[SessionRef]
    weeks: list[Week]
    loc: Loc
    summary_lines: dict[str, int] = field(default_factory=dict)  # role -> line of its summary's text
    routes: list[Route] = field(default_factory=list)  # the ways through it; empty: one path for everyone
    diagnostic: Diagnostic | None = None
    # The framework edition its sessions' intentions cite, when not the programme's: a block rewritten
    # to a new edition while the rest of the programme keeps the old one (scripts/crosswalk.py --block).
    framework_id: str = ""
    framework_line: int = 0

    @property
    def term_label(self) -> str:
        term = self.term.capitalize()
        return f"{term} {self.half_term}" if self.half_term else f"{term} term"

    @property
    def week_count(self) -> int:
        """Weeks the block runs, counted as weeks: 'weeks 4 to 6' is three, a gap still passes in time."""
        if not self.weeks:
            return 0
        return max(w.last for w in self.weeks) - min(w.first for w in self.weeks) + 1


@dataclass(frozen=True)
class Lens:
    """A phase or setting (early years, primary, ...) or a subject that sessions give examples for."""

    id: str
    label: str
    group: str  # "phase" | "subject": which of programme.yaml's lists declares it
    loc: Loc


@dataclass(frozen=True)
class Year:
    id: str
    title: str
    summary: str
    pages: list[SessionRef]
    block_ids: list[str]
    blocks: list[Block]
    loc: Loc
    meetings: str = "weekly"  # weekly | fortnightly: how often the mentor meets the ECT this year
    summary_line: int = 0  # the line of its summary's text
    mentor_training: list[SessionRef] = field(default_factory=list)  # the mentors' own training, in order


@dataclass(frozen=True)
class Video:
    id: str
    title: str
    url: str
    seconds: int
    transcript: str  # Markdown
    transcript_file: str
    audio_described: str
    loc: Loc
    no_transcript: str = ""  # what readers are told when the video was published without a transcript

    @property
    def duration(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@dataclass(frozen=True)
class Asset:
    id: str
    title: str
    path: str  # absolute path of the file
    file: str  # path relative to the programme folder (its published place)
    size: int
    loc: Loc


# The programme in time -----------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A half-term of a school calendar: Autumn 1 runs from `start` to `end`, both school days."""

    term: str
    half_term: int
    start: datetime.date
    end: datetime.date
    loc: Loc

    @property
    def label(self) -> str:
        return f"{self.term.capitalize()} {self.half_term}"


@dataclass(frozen=True)
class Holiday:
    name: str
    start: datetime.date
    end: datetime.date
    loc: Loc


@dataclass(frozen=True)
class Calendar:
    id: str
    title: str
    terms: list[Term]
    holidays: list[Holiday]
    loc: Loc
    incomplete: bool = False  # a term or holiday was left out (reported): no dates are counted on it


@dataclass(frozen=True)
class Rhythm:
    """When a cohort's week happens in its calendars: the weekday of the ECT's study and of the
    mentor meeting (0 Monday to 4 Friday), each at a time (HH:MM) or all day ("")."""

    study_day: int = 0
    study_time: str = ""
    meeting_day: int = 3
    meeting_time: str = ""


@dataclass(frozen=True)
class Cohort:
    id: str
    title: str
    start: datetime.date
    calendar_id: str  # its own, or the programme's default
    loc: Loc
    calendar_line: int = 0  # where the calendar is named: the cohort's key or the programme's
    rhythm: Rhythm = field(default_factory=Rhythm)


@dataclass(frozen=True)
class Event:
    """A dated training event; `session` and `block` tie it to the page and block it belongs to."""

    id: str
    title: str
    session_id: str
    block_id: str
    cohort_ids: list[str]  # empty: every cohort
    date: datetime.date
    time: str  # HH:MM, or "" for an all-day event
    minutes: int
    place: str
    attendees: list[str]
    prepare: str
    loc: Loc
    lines: dict[str, int] = field(default_factory=dict)  # key -> its line

    @property
    def online(self) -> bool:
        return self.place.strip().lower() == "online"


@dataclass(frozen=True)
class Milestone:
    """A point of the induction tutor's statutory year (a progress review, a formal assessment, an
    appropriate body deadline): on a date, or in the cohort's Nth school week of a year of induction."""

    id: str
    kind: str
    title: str
    cohort_ids: list[str]  # empty: every cohort
    date: datetime.date | None
    week: int  # 0 when dated
    year: int
    time: str
    minutes: int
    place: str
    notes: str
    loc: Loc
    lines: dict[str, int] = field(default_factory=dict)  # key -> its line


@dataclass(frozen=True)
class Programme:
    id: str
    title: str
    provider: str
    framework_id: str
    summary: str
    years: list[Year]
    sessions: dict[str, Session]
    videos: dict[str, Video]
    assets: dict[str, Asset]
    folder: str
    loc: Loc
    blocks: dict[str, Block] = field(default_factory=dict)  # every block found, listed or not
    # Set when programme.yaml or a block.yaml had problems: a session or block missing from the
    # lists is then most likely a follow-on, so 'not-listed' is not reported until they are fixed.
    incomplete: bool = False
    # Names of files that failed to load (session file names, block folder names), whose ids are unknown.
    unread: set[str] = field(default_factory=set)
    settings: Settings = field(default_factory=Settings)  # programme.yaml's settings:, as checked
    cohorts: list[Cohort] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    summary_line: int = 0  # the line of its summary's text
    lenses: list[Lens] = field(default_factory=list)  # declared phases, then subjects, in order

    def framework_for(self, block: Block | None) -> str:
        """The framework edition a session at home in `block` (None: a year-level page) cites."""
        return block.framework_id if block is not None and block.framework_id else self.framework_id

    @property
    def framework_ids(self) -> list[str]:
        """Every framework edition the programme cites: its own, then its blocks' own, in order."""
        return list(
            dict.fromkeys(
                [self.framework_id] + [b.framework_id for y in self.years for b in y.blocks if b.framework_id]
            )
        )

    def bodies(self) -> Iterator[tuple[str, str, int]]:
        """Every Markdown body the programme publishes as written: each session's body and each
        video's transcript, as (text, its file, the file's line of its first line). The checks that
        read a body as the renderer will walk these, so none forgets the transcripts."""
        for session in self.sessions.values():
            yield session.body, session.loc.file, session.body_line
        for video in self.videos.values():
            if video.transcript:
                yield video.transcript, video.transcript_file, 1


@dataclass(frozen=True)
class Provider:
    """Who publishes the site (site.yaml's provider:); file paths are absolute, checked to exist."""

    name: str = ""
    logo: str = ""
    favicon: str = ""
    colours: dict[str, str] = field(default_factory=dict)  # primary, accent: '#rrggbb'
    colour_locs: dict[str, Loc] = field(default_factory=dict)  # where site.yaml gives each (check/contrast.py)
    contact: dict[str, str] = field(default_factory=dict)  # email, phone, address, website
    links: list[tuple[str, str]] = field(default_factory=list)  # (title, url) for the footer
    accessibility_reviewed: str = ""


@dataclass(frozen=True)
class Site:
    title: str
    description: str
    programmes: list[Programme]
    frameworks: dict[str, Framework]
    root: str
    files: int = 0  # how many files were read, for the summary line
    provider: Provider = field(default_factory=Provider)
    calendars: dict[str, Calendar] = field(default_factory=dict)  # calendars/<id>.yaml, by id
    crosswalks: list[Crosswalk] = field(default_factory=list)  # crosswalks/*.yaml, checked against the frameworks
    # What the loader read, so that checks need not read the disk again: the text of every content
    # file (by path), and every symbolic link below the root with the real place it leads to.
    texts: dict[str, str] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)

    @property
    def provider_name(self) -> str:
        """The provider as readers should see it: site.yaml's, else the programmes' own, else the title."""
        named = list(dict.fromkeys(p.provider for p in self.programmes if p.provider))
        return self.provider.name or " and ".join(named) or self.title

    @property
    def frame_hosts(self) -> list[str]:
        """Every programme's video hosts beyond the players, which the Content Security Policy frames."""
        return list(dict.fromkeys(host for p in self.programmes for host in p.settings.frame_hosts))
