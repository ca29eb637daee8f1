"""Meetings: the lengths a source states (anywhere, in any dress), the usual meeting for plans that
state none (settings.meeting_minutes), estimates that never make a meeting under 10 minutes, and
coaching structures whose label headings and empty parts are no phases."""

from __future__ import annotations

from pathlib import Path

import pytest
from edits import replace_once
from hypothesis import given, settings
from hypothesis import strategies as st

from induction.core.settings import Settings
from induction.importer.conversion import SessionPlan, _own_minutes
from induction.importer.corpus import Page
from induction.importer.durations import SHORTEST_MEETING, estimate, length_in, stated
from induction.importer.plans import adopt, coached_plan, label, timed_plan
from induction.importer.report import ProviderReport
from induction.importer.writer import _session_file
from induction.load.loader import load_site

# --- lengths stated anywhere -------------------------------------------------------------------

_LABELS = st.sampled_from(
    [
        "Duration",
        "duration",
        "DURATION",
        "Time needed",
        "Time",
        "Timing",
        "Meeting length",
        "Session length",
        "Total time",
        "Time required",
        "Length",
    ]
)
_SEPARATORS = st.sampled_from([": ", ":", " - ", " – ", " ", ":  approximately ", ": about ", ": approx. "])
_EMPHASIS = st.sampled_from(["{}", "**{}**", "_{}_", "{}.", "({})", "[{}]"])
_LENGTHS = st.one_of(
    st.integers(1, 300).flatmap(
        lambda n: st.tuples(
            st.just(n), st.sampled_from([f"{n} minutes", f"{n} mins", f"{n}min", f"{n} MINUTES", f"{n} minute"])
        )
    ),
    st.integers(1, 4).flatmap(
        lambda h: st.tuples(st.just(h * 60), st.sampled_from([f"{h} hour", f"{h} hours", f"{h} hr", f"{h}hrs"]))
    ),
    st.tuples(st.integers(1, 3), st.integers(1, 59)).map(
        lambda hm: (hm[0] * 60 + hm[1], f"{hm[0]} hour {hm[1]} minutes")
    ),
)


@settings(max_examples=300, deadline=None)
@given(_LABELS, _SEPARATORS, _EMPHASIS, _LENGTHS, st.sampled_from(["", "Some words first.\n\n", "- a list\n\n"]))
def test_a_labelled_length_in_any_dress_is_the_pages_length(name, separator, dress, length, before):
    minutes, words = length
    line = dress.format(f"{name}{separator}{words}")
    assert stated(f"{before}{line}\n\nThe rest of the page.\n") == minutes
    assert length_in(f"The week's work. {name}{separator}{words}.") == minutes


@given(_EMPHASIS, _LENGTHS)
def test_a_line_that_is_only_a_length_is_the_pages_length_when_it_is_the_only_one(dress, length):
    minutes, words = length
    assert stated(f"Meet your ECT.\n\n{dress.format(words)}\n") == minutes
    # several such lines are the lengths of the page's parts, not of the page
    assert stated(f"Review\n\n{dress.format(words)}\n\nPlan\n\n{dress.format(words)}\n") is None


@pytest.mark.parametrize(
    "text",
    [
        "The ECT has 60 minutes from the start of the lesson.",
        "Observe for about 15 minutes.",
        "Do this first (5 mins).",
        "It took 2 hours to mark a set of books.",
    ],
)
def test_a_length_inside_a_sentence_is_not_the_pages_length(text):
    assert stated(text + "\n") is None


# --- estimates and the usual meeting -------------------------------------------------------------


@given(st.integers(0, 3000), st.integers(0, 3))
def test_an_estimate_never_makes_a_meeting_shorter_than_ten_minutes(count, videos):
    body = "word " * count
    assert estimate(body, videos, meeting=True) >= SHORTEST_MEETING
    assert estimate(body, videos, meeting=True) == max(SHORTEST_MEETING, estimate(body, videos))


def _session(body: str, role: str, kind: str, year: int = 1) -> SessionPlan:
    page = Page(f"p/{role}.md", f"/p/{role}", {}, body, 5)
    return SessionPlan(role, page, role, kind, "Topic", 0, body, year=year)


def test_a_plan_whose_source_states_no_length_lasts_its_years_usual_meeting_and_the_report_says_so():
    report = ProviderReport("p")
    plan = _session("## Observe\n\nWatch.\n\n## Feedback\n\nTalk.\n", "mentor", "plan", year=2)
    plan.phases = [("Observe", None), ("Feedback", None)]
    assert _own_minutes(plan, report) is None
    assert [(d.file, d.line, d.kind, d.message, d.action) for d in report.defects] == [
        (
            "p/mentor.md",
            1,
            "minutes-estimated",
            "No duration is given for this mentor meeting.",
            "left its minutes out: it lasts year 2's usual meeting, 45 minutes (settings.meeting_minutes in "
            "programme.yaml)",
        )
    ]
    plan.minutes = None
    assert "minutes:" not in _session_file(plan).split("phases:")[0]
    stated_plan = _session("Duration: 50 minutes\n\n## Observe\n\nWatch.\n", "mentor", "plan")
    assert _own_minutes(stated_plan, report) == 50  # a stated length always wins


def test_a_mentor_page_to_read_is_estimated_but_never_under_a_meeting():
    report = ProviderReport("p")
    assert _own_minutes(_session("A few words.\n", "mentor", "material"), report) == SHORTEST_MEETING
    assert _own_minutes(_session("A few words.\n", "ect", "reading"), report) == 1
    assert report.defects[0].action == (
        "estimated 10 minutes from its 3 words (200 a minute) and 0 videos "
        "(5 minutes each), at least 10 for a mentor meeting"
    )


def test_the_usual_meeting_is_a_setting_per_year_a_later_year_taking_the_last():
    assert Settings().meeting(1) == Settings().meeting(2) == 45
    custom = Settings.of({"meeting_minutes": [40, 30]})
    assert [custom.meeting(year) for year in (1, 2, 3)] == [40, 30, 30]


def _untimed(tree: Path) -> Path:
    """The fixture's week 4 plan made an untimed plan that gives no minutes."""
    plan = tree / "prog" / "year-1" / "b1" / "b1-w4-mentor.md"
    replace_once(plan, "minutes: 30\nphases:\n  - title: Review\n    minutes: 30\n", "phases:\n  - title: Review\n")
    return plan


def test_the_loader_gives_an_untimed_plan_without_minutes_its_years_meeting(tree: Path):
    _untimed(tree)
    replace_once(tree / "prog" / "programme.yaml", "settings:", "settings:\n  meeting_minutes: [40, 30]")
    site, problems = load_site(str(tree))
    assert [p.format() for p in problems] == []
    assert site.programmes[0].sessions["b1-w4-mentor"].minutes == 40


def test_only_an_untimed_plan_may_leave_its_minutes_out(tree: Path):
    read = tree / "prog" / "year-1" / "b1" / "b1-w1-read.md"
    text = read.read_text(encoding="utf-8")
    minutes = next(line for line in text.split("\n") if line.startswith("minutes:"))
    replace_once(read, minutes + "\n", "")
    _, problems = load_site(str(tree))
    assert [(p.code, p.message, p.hint) for p in problems if p.code == "missing-key"] == [
        (
            "missing-key",
            "Missing key 'minutes' in the front matter.",
            "Add 'minutes:' (how long it takes; only an untimed mentor plan may leave it out, to last its year's "
            "settings.meeting_minutes).",
        )
    ]


@pytest.mark.parametrize(
    "value, message",
    [
        (
            "[45, 5]",
            "Expected a whole number of minutes, 10 or more for item 2 of 'meeting_minutes' in the settings "
            "but found the number 5.",
        ),
        ("45", "Expected a list for 'meeting_minutes' in the settings but found the number 45."),
        ("[]", "Expected at least 1 item(s) in 'meeting_minutes' in the settings but found 0."),
    ],
)
def test_a_meeting_length_that_cannot_be_true_is_refused_at_its_line(tree: Path, value, message):
    replace_once(tree / "prog" / "programme.yaml", "settings:", f"settings:\n  meeting_minutes: {value}")
    _, problems = load_site(str(tree))
    assert [(p.file, p.line, p.code, p.message) for p in problems] == [
        ("minimal/prog/programme.yaml", 6, "wrong-type", message)
    ]


# --- coaching structures: labels and empty parts -------------------------------------------------

_PARTS = st.sampled_from(
    ["Observe", "Feedback", "Praise and probe", "Set a precise target", "Practise", "Contracting meeting", "Review"]
)
_FIELDS = st.sampled_from(
    [
        "Interaction",
        "Outcome",
        "Outcomes",
        "Stimulus",
        "Resources",
        "Purpose",
        "Prompts",
        "Success criteria",
        "Why it matters",
        "What to look for",
        "Key question",
    ]
)


def _dress_field(name: str, case: str, colon: str, emphasis: str) -> str:
    name = {"lower": name.lower(), "upper": name.upper(), "as is": name}[case]
    return emphasis.format(name + colon)


_FIELD_DRESS = st.tuples(
    _FIELDS,
    st.sampled_from(["lower", "upper", "as is"]),
    st.sampled_from([":", " :", "：", ":"]),
    st.sampled_from(["{}", "**{}**", "__{}__"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(2, 4),
    st.lists(_PARTS, min_size=2, max_size=5, unique=True),
    st.lists(st.tuples(st.integers(0, 4), _FIELD_DRESS), max_size=6),
    st.booleans(),
)
def test_label_headings_are_fields_of_a_phase_never_phases(level, parts, fields, trailing_empty):
    """Parts of a meeting at one level, with field labels of any case, colon and emphasis among them
    (anywhere after the first part), and perhaps an empty heading at the end: the phases are the parts,
    in order, every label's words stay in the phase before it, and no phase is empty."""
    hashes = "#" * level
    blocks = [[f"{hashes} {part}", "", f"What to do in {part.lower()}.", ""] for part in parts]
    for position, (name, case, colon, emphasis) in fields:
        text = _dress_field(name, case, colon, emphasis)
        blocks[position % len(blocks)] += [f"{hashes} {text}", "", "Words of the field.", ""]
    body = "\n".join(line for block in blocks for line in block)
    body += f"\n{hashes} Next steps\n" if trailing_empty else ""
    structure = coached_plan(body)
    assert structure is not None and structure.phases == parts
    assert all(line.startswith("## ") is False or line[3:] in parts for line in structure.body.split("\n"))
    for _, (name, case, colon, emphasis) in fields:
        label_words = _dress_field(name, case, colon, emphasis).strip("*_")
        assert f"**{label_words}**" in structure.body
    if trailing_empty:
        assert structure.body.rstrip().endswith("**Next steps**")


@pytest.mark.parametrize(
    "title",
    ["Interaction:", "**Outcome:**", "Stimulus", "RESOURCES :", "Success criteria", "Why this matters:", "Notes"],
)
def test_labels(title):
    assert label(title)


@pytest.mark.parametrize(
    "title", ["Observe:", "Feedback", "Set a precise target:", "Development area 1: Entry", "Contracting meeting"]
)
def test_parts_of_a_meeting_are_never_labels(title):
    assert not label(title)


def test_a_heading_over_nothing_inside_a_timed_plan_is_a_bold_line():
    plan = timed_plan(
        "### Topic\n\n### Activities\n\n### Review (5 minutes)\n\nLook back.\n\n"
        "#### Notes for mentor:\n\n### Plan (10 minutes)\n\nPlan.\n\n### Activities\n\n"
        "### Practise (20 minutes)\n\nGo.\n"
    )
    assert plan is not None
    assert [line for line in plan.body.split("\n") if line.startswith(("#", "**"))] == [
        "### Topic",
        "### Activities",
        "## Review",
        "**Notes for mentor:**",
        "## Plan",
        "**Activities**",
        "## Practise",
    ]


def test_a_mentor_page_kept_as_material_is_a_report_line_saying_why():
    found = []
    body = "### Learning intentions\n\nText.\n\n### Topic introduction\n\nMore.\n\nNext Steps 5 mins\n\nAgree.\n"
    page = SessionPlan("m", Page("m.md", "/p/m", {}, body, 5), "mentor", "material", "Topic", 0, body)
    adopt(page, lambda *args: found.append(args))
    assert page.kind == "material"
    assert found == [
        (
            "mentor-material",
            1,
            "Kept as material: 1 line giving minutes ('Next Steps 5 mins'), fewer "
            "than the two a timed plan needs; and 0 of its 2 headings name a part of a meeting (none), "
            "fewer than two.",
            "imported it as kind: material, a page to read, not a session plan",
        )
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 4),
    st.integers(1, 4),
    st.sampled_from(["Notes", "Resources", "Next steps", "Further reading", "Appendix"]),
    st.booleans(),
)
def test_an_empty_heading_anywhere_never_demotes_a_coaching_page(level, empty_level, words, at_end):
    """An empty heading at the parts' level or above (shallower, like a trailing "## Notes"), at the
    end or first: the page is still the plan of its parts, and the heading's words stay, in bold."""
    parts = "\n".join(f"{'#' * level} {part}\n\nWhat to do.\n" for part in ("Observe", "Feedback", "Practise"))
    empty = f"{'#' * min(level, empty_level)} {words}\n"
    body = f"{parts}\n{empty}" if at_end else f"{empty}\n{parts}"
    structure = coached_plan(body)
    assert structure is not None and structure.phases == ["Observe", "Feedback", "Practise"]
    assert words in structure.body
    if at_end:
        assert f"**{words}**" in structure.body


@pytest.mark.parametrize("top", ["##", "###"])
def test_a_page_holding_two_meetings_is_reported_with_each_topic(top):
    body = (
        f"{top} Sequencing content\n\nIntro.\n\n#### Reflecting on learning (5 minutes)\n\nA.\n\n"
        f"#### Why sequence? (10 minutes)\n\nB.\n\n{top} Teaching complex ideas\n\n"
        f"#### Reflecting on learning (5 minutes)\n\nC.\n\n#### Smaller steps (20 minutes)\n\nD.\n"
    )
    found = []
    page = SessionPlan("m", Page("m.md", "/p/m", {}, body, 5), "mentor", "material", "Topic", 0, body)
    adopt(page, lambda *args: found.append(args))
    assert page.kind == "plan" and page.minutes == 40
    assert found == [
        (
            "plan-several-meetings",
            5,
            "The page holds 2 meetings, each topic timing its own phases: "
            "'Sequencing content' (2 phases); 'Teaching complex ideas' (2 phases).",
            "imported them as one plan of 4 phases lasting 40 minutes",
        )
    ]
    one = "## Topic\n\n### Review (5 minutes)\n\nA.\n\n### Plan (10 minutes)\n\nB.\n"
    single = SessionPlan("s", Page("s.md", "/p/s", {}, one, 5), "mentor", "material", "Topic", 0, one)
    adopt(single, lambda *args: pytest.fail(f"no defect expected: {args}"))
