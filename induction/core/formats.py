"""Formats: the shape of every kind of content file (content format v1), declared once.

`loader` checks files against these; `schemas` turns them into JSON Schemas for editors;
`documentation/format.md` describes them for authors.
"""

from __future__ import annotations

from dataclasses import dataclass

from induction.core.problems import READING_CODES
from induction.core.shapes import (
    COLOUR,
    EMAIL,
    PHONE,
    URL,
    Choice,
    Date,
    Duration,
    Either,
    Id,
    Int,
    Key,
    ListOf,
    Record,
    StatementId,
    Text,
    Time,
    Title,
    WeekNumber,
)


@dataclass(frozen=True)
class Role:
    """How the site, its calendars and its documents speak of one role: the one table of role words."""

    id: str
    name: str  # as a label: "Mentor"
    person: str  # one of them, within a sentence: "mentor"
    people: str  # all of them, within a sentence: "mentors"
    learner: str  # who learns what a session of the role teaches: "Your ECT" (a mentor's session)
    section: str  # the part of a week page with the role's work: "Mentor session"
    work: str  # the role's sessions, counted: "3 of 7 mentor session plans done"
    page: str  # the role's starting page in each programme, its file and its title
    page_title: str
    offer: str  # what the starting page offers, on the home page
    calendar: str  # the title of the role's calendar (.ics) of a cohort
    default_kind: str  # the kind a new session of the role gets (scaffold)


ROLE = {
    role.id: role
    for role in (
        Role(
            "ect",
            "ECT",
            "ECT",
            "ECTs",
            "You",
            "ECT self-study",
            "ECT steps",
            "for-ects.md",
            "For ECTs",
            "every week's steps in order, block by block, with how long each takes",
            "ECT study, mentor meetings and training",
            "task",
        ),
        Role(
            "mentor",
            "Mentor",
            "mentor",
            "mentors",
            "Your ECT",
            "Mentor session",
            "mentor session plans",
            "for-mentors.md",
            "For mentors",
            "every mentor session plan in order, and each block's pack to print",
            "Mentor meetings and training",
            "plan",
        ),
        Role(
            "tutor",
            "Induction tutor",
            "induction tutor",
            "induction tutors",
            "ECTs",
            "Induction tutor",
            "induction tutor checks and training sessions",
            "for-tutors.md",
            "For induction tutors",
            "what to check when, and every training session",
            "Induction tutor sessions and training",
            "material",
        ),
    )
}
ROLES = tuple(ROLE)
ECT, MENTOR, TUTOR = ROLES  # by name, for code that means one role (the importer)
ROLE_NAMES = {role.id: role.name for role in ROLE.values()}

# Which kinds each role's sessions may have; introduction and reflection pages suit every role.
KINDS = {
    "ect": ("video", "reading", "task", "practice", "reflection", "quiz", "introduction"),
    # training: a session of the mentors' own training (instructional coaching, ...), listed in a
    # year's mentor_training in programme.yaml, never in a week: the strand has its own sequence.
    "mentor": ("plan", "material", "introduction", "reflection", "training"),
    "tutor": ("material", "training", "introduction", "reflection"),
}
ALL_KINDS = tuple(dict.fromkeys(k for kinds in KINDS.values() for k in kinds))
# The kinds that code decides on by name (the importer's mentor plans, tutor materials and training
# sessions, and the ECT step it cannot tell): each one of KINDS.
PLAN, MATERIAL, TRAINING, READING = "plan", "material", "training", "reading"
# How each kind is named on pages (a session's caption and meta line, lists of sessions).
KIND_NAMES = {
    "video": "Video",
    "reading": "Reading",
    "task": "Task",
    "practice": "Practice",
    "reflection": "Reflection",
    "quiz": "Quiz",
    "introduction": "Introduction",
    "plan": "Mentor session plan",
    "material": "Materials",
    "training": "Training session",
}
TERMS = ("autumn", "spring", "summer")
COVERAGE = ("off", "warn", "error")

# Who publishes the site: the generated home, accessibility and cookies pages, the header and
# the footer all say it from here, so a site names only its own provider.
PROVIDER = Record(
    "the provider",
    {
        "name": Key(Text(), True, "the provider's name, as readers know it"),
        "logo": Key(
            Text(), doc="an image file (.svg, .png, .jpg, .gif, .webp, .ico) for the header, relative to site.yaml"
        ),
        "favicon": Key(Text(), doc="an image file for the browser tab, relative to site.yaml"),
        "colours": Key(
            Record(
                "the colours",
                {
                    "primary": Key(COLOUR, doc="the header's colour, like '#1d70b8'"),
                    "accent": Key(COLOUR, doc="links and controls on hover, like '#912b88'"),
                },
            )
        ),
        "contact": Key(
            Record(
                "the contact details",
                {
                    "email": Key(EMAIL),
                    "phone": Key(PHONE),
                    "address": Key(Text(), doc="the postal address, on one line or several"),
                    "website": Key(URL, doc="the provider's own website"),
                },
            )
        ),
        "links": Key(
            ListOf(
                Record(
                    "a footer link",
                    {
                        "title": Key(Title(), True),
                        "url": Key(URL, True),
                    },
                )
            ),
            doc="the provider's own links for the footer (its privacy notice, complaints, ...)",
        ),
        "accessibility_reviewed": Key(
            Text(), doc="when the accessibility statement was last reviewed, like '22 November 2026'"
        ),
    },
)

SITE = Record(
    "the site file",
    {
        "title": Key(Title(), True, "the site's title"),
        "programmes": Key(ListOf(Id(), 1), True, "programme ids, in order"),
        "description": Key(Text(), doc="one sentence for search engines"),
        "provider": Key(PROVIDER, doc="who publishes the site: name, logo, colours, contact, footer links"),
    },
    doc="site.yaml: the site's title, its provider and its programmes in order",
)

# A programme's lenses: the phases or settings and the subjects its sessions give examples for
# (induction/check/lenses.py). One list of ids across both, so an example names one without saying which.
LENS = Record(
    "a phase or subject",
    {
        "id": Key(Id(), True, "stable id, like early-years; an example heading names it: {: .example-early-years }"),
        "label": Key(Title(), True, "how readers see it, like 'Early years'"),
    },
)

YEAR = Record(
    "a year",
    {
        "id": Key(Id(), True, "stable id, like year-1"),
        "title": Key(Title(), True, "like Year 1"),
        "summary": Key(Text()),
        "pages": Key(ListOf(Id()), doc="year-level page ids, in order"),
        "blocks": Key(ListOf(Id()), doc="block ids, in order"),
        "mentor_meetings": Key(
            Choice(values=("weekly", "fortnightly")),
            doc="how often the mentor meets the ECT in this year (default: weekly)",
        ),
        "mentor_training": Key(
            ListOf(Id()),
            doc="the mentors' own training sessions this year (role: mentor, "
            "kind: training), in order: a sequence of its own under For mentors",
        ),
    },
)

# An event's end is its start plus its minutes: bounded, so that no date runs past what Python keeps
# (10^14 minutes did). Session minutes and week numbers are bounded in refusals.py.
MAX_EVENT_MINUTES = 7 * 24 * 60

# The programme in time (induction/timing/schedule.py places weeks on school weeks) -------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")  # school days: a calendar event falls on one

# When the week happens in the calendars, for the programme (every cohort) or one cohort.
RHYTHM_KEYS = {
    "study_day": Key(Choice(values=WEEKDAYS), doc="the ECT's study day each week, in the calendars (default: monday)"),
    "study_time": Key(Time(), doc="its start time, HH:MM in quotes (default: an all-day event)"),
    "meeting_day": Key(
        Choice(values=WEEKDAYS), doc="the usual day of the mentor meeting, in the calendars (default: thursday)"
    ),
    "meeting_time": Key(Time(), doc="its start time, HH:MM in quotes (default: an all-day event)"),
}

COHORT = Record(
    "a cohort",
    {
        "id": Key(Id(), True, "stable id, like september-2025"),
        "title": Key(Title(), True, "like 'September 2025 start'"),
        "start": Key(Date(), True, "a day in the cohort's first school week (YYYY-MM-DD)"),
        "calendar": Key(Id(), doc="the id of a school calendar in calendars/ (default: the programme's)"),
        **RHYTHM_KEYS,
    },
)

EVENT = Record(
    "an event",
    {
        "id": Key(Id(), True, "stable id (it keeps the calendar entry the same across rebuilds)"),
        "title": Key(Title(), doc="default: the title of its session"),
        "session": Key(Id(), doc="the id of the training page the event is for"),
        "block": Key(Id(), doc="the block it belongs to, when it has no session (its date must fall in the block)"),
        "cohorts": Key(ListOf(Id(), 1), doc="the cohorts attending (default: every cohort)"),
        "date": Key(Date(), True, "YYYY-MM-DD"),
        "time": Key(Time(), doc="start time, HH:MM in quotes; leave out for an all-day event"),
        "minutes": Key(
            Int(minimum=1, maximum=MAX_EVENT_MINUTES, hint="An event lasts at most a week (10,080 minutes)."),
            doc="how long it lasts (with time)",
        ),
        "place": Key(Text(), True, "where it happens, or 'online'"),
        "attendees": Key(ListOf(Choice(values=ROLES), 1), True, "who attends: ect, mentor, tutor"),
        "prepare": Key(Text(), doc="what to prepare or bring"),
    },
)

# The induction tutor's statutory year: each kind of milestone and how pages and calendars name it.
MILESTONE_KINDS = {
    "progress-review": "Progress review",
    "formal-assessment": "Formal assessment",
    "appropriate-body": "Appropriate body deadline",
}

MILESTONE = Record(
    "a milestone",
    {
        "id": Key(Id(), True, "stable id (it keeps the calendar entry the same across rebuilds)"),
        "kind": Key(
            Choice(values=tuple(MILESTONE_KINDS)), True, "progress-review, formal-assessment or appropriate-body"
        ),
        "title": Key(Title(), True, "like 'Autumn term progress review'"),
        "cohorts": Key(ListOf(Id(), 1), doc="the cohorts it is for (default: every cohort)"),
        "date": Key(Date(), doc="YYYY-MM-DD, within the cohort's two years; or give week: instead"),
        "week": Key(
            Int(minimum=1, maximum=60, expected="a school week number from 1 to 60"),
            doc="the cohort's Nth school week of its induction year (week 1: the week it starts; "
            "holidays are not counted), instead of a date",
        ),
        "year": Key(Choice(values=(1, 2)), doc="with week: the year of induction it counts in, 1 or 2 (default: 1)"),
        "time": Key(Time(), doc="start time, HH:MM in quotes; leave out for an all-day entry"),
        "minutes": Key(Int(minimum=1, maximum=MAX_EVENT_MINUTES), doc="how long it lasts, with time (default: 60)"),
        "place": Key(Text(), doc="where it happens, or 'online'"),
        "notes": Key(Text(), doc="what to prepare, who takes part, what is sent where"),
    },
)

PERIOD_KEYS = {
    "start": Key(Date(), True, "first day (YYYY-MM-DD)"),
    "end": Key(Date(), True, "last day (YYYY-MM-DD)"),
}

CALENDAR_TERM = Record(
    "a term",
    {
        "term": Key(Choice(values=TERMS), True),
        "half_term": Key(Choice(values=(1, 2)), True, "1 or 2"),
        **PERIOD_KEYS,
    },
)

HOLIDAY = Record("a holiday", {"name": Key(Text(), True, "like 'October half-term'"), **PERIOD_KEYS})

CALENDAR = Record(
    "the calendar",
    {
        "id": Key(Id(), True, "stable id, the file's name without .yaml"),
        "title": Key(Title(), True, "like 'Oakshire County Council term dates 2025-27'"),
        "terms": Key(ListOf(CALENDAR_TERM, 1), True, "the half-terms, in order"),
        "holidays": Key(ListOf(HOLIDAY), doc="the holidays between them, in order"),
    },
    doc="calendars/<id>.yaml: a school calendar's half-terms and holidays",
)

PROGRAMME = Record(
    "the programme",
    {
        "id": Key(Id(), True, "stable id, used in addresses"),
        "title": Key(Title(), True),
        "provider": Key(Text()),
        "framework": Key(Id(), True, "the id of a framework file in frameworks/"),
        "summary": Key(Text()),
        "settings": Key(
            Record(
                "the settings",
                {
                    "coverage": Key(Choice(values=COVERAGE), doc="off, warn or error: statements no session cites"),
                    "unsafe_html": Key(
                        Choice(values=("error", "strip")),
                        doc="error (the default) or strip: raw HTML the allow-list does not permit",
                    ),
                    "video_hosts": Key(
                        ListOf(Text()),
                        doc="hosts an <iframe> may load from (default: the privacy-enhanced YouTube and Vimeo players)",
                    ),
                    "forbidden_hosts": Key(
                        ListOf(Text()),
                        doc="parts of host names no link may point at (default: staging, localhost, 127.0.0.1, ...)",
                    ),
                    "reading_errors": Key(
                        ListOf(Choice(values=READING_CODES)),
                        doc="the findings of the reader's-eye check over the built pages that are errors "
                        "(default: none; the others are warnings)",
                    ),
                    "meeting_minutes": Key(
                        ListOf(Int(minimum=10, expected="a whole number of minutes, 10 or more"), 1),
                        doc="the usual length of a mentor meeting in minutes, year by year ([45, 30]: "
                        "year 1's, year 2's; a later year takes the last): what an untimed mentor "
                        "plan that gives no minutes lasts (default: 45 in every year)",
                    ),
                },
            )
        ),
        "years": Key(ListOf(YEAR, 1), True, "the years, in order"),
        "phases": Key(
            ListOf(LENS),
            doc="the phases and settings sessions give examples for (early years, primary, "
            "...), in the order readers choose from",
        ),
        "subjects": Key(ListOf(LENS), doc="the subjects sessions give examples for, in order"),
        "calendar": Key(Id(), doc="the id of a school calendar in calendars/, for cohorts that name none"),
        "cohorts": Key(ListOf(COHORT), doc="groups of ECTs starting together, each placed on a school calendar"),
        **RHYTHM_KEYS,
        "events": Key(ListOf(EVENT), doc="dated training events (clinics, conferences, induction tutor sessions)"),
        "milestones": Key(
            ListOf(MILESTONE),
            doc="the induction tutor's statutory year per cohort: progress reviews, "
            "formal assessments, appropriate body deadlines",
        ),
    },
    doc="programme.yaml: a programme, its years and its blocks in order",
)

SUMMARIES = Record("the summaries", {role: Key(Text(), doc=f"for the {ROLE_NAMES[role]}") for role in ROLES})

SESSION_REF = Either(
    Id(),
    Record(
        "a reference",
        {
            "see": Key(Id(), True, "the id of a session listed elsewhere"),
            "label": Key(
                Title(),
                doc="the link's words on this list, where they are not the session's title "
                "(like 'Revisit the routines video')",
            ),
        },
    ),
)

WEEK = Record(
    "a week",
    {
        "week": Key(WeekNumber(), True, "a number, or a range such as 4-6"),
        "title": Key(Title(), True),
        "summary": Key(SUMMARIES),
        **{role: Key(ListOf(SESSION_REF), doc=f"{ROLE_NAMES[role]} sessions, in order") for role in ROLES},
    },
)

# Routes through a block (core, stretch, secure) and the diagnostic that points each ECT to one
# (induction/check/routes.py checks them; documentation/format.md, "Routes and diagnostics").
ROUTE = Record(
    "a route",
    {
        "id": Key(Id(), True, "stable id, like core or stretch (steps name it in their routes:)"),
        "label": Key(Title(), True, "how readers see it, like 'Core'"),
        "description": Key(Text(), True, "one line: who the route is for"),
    },
)

ANSWER = Record(
    "an answer",
    {
        "answer": Key(Text(), True, "the answer as the ECT reads it"),
        "route": Key(Id(), True, "the id of the route this answer points to"),
    },
)

QUESTION = Record(
    "a question",
    {
        "question": Key(Text(), True, "the question the ECT answers about their own practice"),
        "answers": Key(ListOf(ANSWER, 2), True, "two or more answers, each pointing to a route"),
    },
)

CHECK = Record(
    "a checklist item",
    {
        "item": Key(Text(), True, "what the mentor looks for when observing"),
        "route": Key(Id(), True, "the route a tick points to (an item left unticked counts for the first route)"),
    },
)

DIAGNOSTIC = Record(
    "the diagnostic",
    {
        "title": Key(Title(), doc="the diagnostic page's title (default: 'Where to start: <block title>')"),
        "intro": Key(Text(), doc="what the ECT (or the pair) is told before the questions (Markdown)"),
        "questions": Key(ListOf(QUESTION, 1), doc="a self-check the ECT answers: each answer points to a route"),
        "checklist": Key(ListOf(CHECK, 1), doc="or: what the mentor ticks after observing a lesson"),
    },
)

BLOCK = Record(
    "the block",
    {
        "id": Key(Id(), True, "stable id, used in addresses"),
        "title": Key(Title(), True),
        "term": Key(Choice(values=TERMS), True),
        "half_term": Key(Choice(values=(1, 2)), doc="1 or 2; leave out for a whole-term block"),
        "summary": Key(SUMMARIES),
        "pages": Key(ListOf(SESSION_REF), doc="block-level pages (introduction, reflection, training), in order"),
        "weeks": Key(ListOf(WEEK), True, "the weeks, in order"),
        "routes": Key(ListOf(ROUTE, 2), doc="the routes an ECT may take through the block (the first is the default)"),
        "diagnostic": Key(DIAGNOSTIC, doc="questions or a checklist whose answers point each ECT to a route"),
        "framework": Key(Id(), doc="the framework edition its sessions' intentions cite, when not the programme's"),
    },
    doc="block.yaml: a block (module), its pages and its weeks in order",
)

INTENTION = Either(
    StatementId(),
    Record(
        "a learning intention",
        {
            "id": Key(StatementId(), True, "the statement id"),
            "wording": Key(Text(), doc="the session's own wording of the statement"),
        },
    ),
)

PHASE = Record(
    "a phase",
    {
        "title": Key(Title(), True, "the phase's ## heading in the body"),
        "minutes": Key(
            Int(minimum=1),
            doc="how long it takes; left out on every phase of an untimed plan "
            "(a coaching structure whose parts share the meeting's time)",
        ),
    },
)

SESSION = Record(
    "the front matter",
    {
        "id": Key(Id(), True, "stable id, unique in the programme"),
        "role": Key(Choice(values=ROLES), True),
        "kind": Key(Choice(values=ALL_KINDS), True),
        "title": Key(Title(), True),
        "minutes": Key(
            Int(minimum=1),
            doc="how long it takes; required, except on an untimed mentor plan, which "
            "lasts its year's settings.meeting_minutes when it gives none",
        ),
        "intentions": Key(ListOf(INTENTION), doc="statement ids, or {id, wording}"),
        "assets": Key(ListOf(Id()), doc="handout ids"),
        "phases": Key(ListOf(PHASE), doc="a mentor plan's phases, in order, timed or untimed"),
        "routes": Key(ListOf(Id(), 1), doc="the ids of the block's routes this session belongs to (default: all)"),
    },
    doc="a session's front matter",
)

VIDEO = Record(
    "a video",
    {
        "id": Key(Id(), True),
        "title": Key(Title(), True),
        "url": Key(URL, True, "the video's address"),
        "duration": Key(Duration(), doc="minutes:seconds; leave out when not known (an imported embed)"),
        "transcript": Key(Text(), doc="path of the transcript's Markdown file, relative to this file"),
        "no_transcript": Key(
            Text(),
            doc="instead of transcript, for a video published without one (an import): "
            "what readers are told, such as 'No transcript was published with this video.'",
        ),
        "audio_described": Key(URL, doc="address of the audio-described version"),
    },
)

VIDEOS = Record("the videos file", {"videos": Key(ListOf(VIDEO), True)}, doc="videos.yaml")

ASSET = Record(
    "a handout",
    {
        "id": Key(Id(), True),
        "title": Key(Title(), True),
        "file": Key(Text(), True, "path of the file, relative to this file"),
    },
)

ASSETS = Record("the handouts file", {"assets": Key(ListOf(ASSET), True)}, doc="assets.yaml")
