"""Where a page's parts end: a transcript where the speech ends, an agenda where the page's own
sections start again; where a link leads (a heading of a block page, a copy of the site on another
host); and a code in another numbering, matched by its words. Each rule is tested over variations
of case, spacing, punctuation, nesting, numbering and order."""

from __future__ import annotations

import pytest
from conftest import FRAMEWORK
from test_importer_pipeline import source_tree

from induction.core.problems import Problems
from induction.importer import plans
from induction.importer.intentions import intentions, other_numbering
from induction.importer.links import Targets, rewrite
from induction.importer.markup import extract_videos, speech_end
from induction.importer.pipeline import run_import
from induction.load.framework import load_framework
from scripts import import_dfe

IFRAME = '<iframe width="560" src="https://www.youtube.com/embed/gebOYHdS8ZI" title="Routines - YouTube"></iframe>'
SPEECH = "Hello, and welcome. Routines free up time for learning.\n\nSo let us look at three of them."
AFTERS = [
    "### Task\n\n1. Read the handout.\n2. Discuss it with your mentor.",
    "#### your TASK:\n\nNote two routines.",
    "### Activity 2 – planning\n\nPlan a routine.",
    "**Reflection**\n\nWhat did you notice?",
    "__Next steps:__\n\nTry one routine this week.",
    "Now complete the table below with your mentor.\n\n1. Routine\n2. When",
    "Download the  worksheet and fill it in before your next session.",
    "### Before your next session\n\nRead the summary.",
]


def transcript_page(form: str, after: str) -> str:
    if form == "details":
        return f"{IFRAME}\n\n{{details}}\nVideo transcript.\n\n{SPEECH}\n\n{after}\n{{/details}}\n\n## Next\n\nEnd.\n"
    return f"{IFRAME}\n\n## Video transcript\n\n{SPEECH}\n\n{after}\n\n## Next\n\nEnd.\n"


@pytest.mark.parametrize("after", AFTERS)
@pytest.mark.parametrize("form", ["details", "heading"])
def test_a_transcript_ends_where_the_speech_ends_and_the_page_text_after_it_stays_in_place(form, after):
    out = extract_videos(transcript_page(form, after), lambda n: f"v{n}")
    (video,) = out.videos
    assert video.transcript.split("\n\n", 1)[1].strip() == SPEECH
    body = out.body
    assert body.index('{{ video("v0") }}') < body.index(after) < body.index("## Next")  # shown, in place
    assert [d[0] for d in out.defects] == ["transcript-end"]
    line = out.defects[0][1]
    assert transcript_page(form, after).split("\n")[line - 1] == after.split("\n")[0]


@pytest.mark.parametrize(
    "spoken",
    [
        "_Write down your answers. Three, two, one, show me._",
        "“Now complete the table below with your partner,” she says.",
        "Teacher: Read the question on your sheet.",
        "1. How do you prepare for parents’ evening?\n  * **Year 6:** I make a pile for each pupil.",
        "Use your hands to show me.",
    ],
)
@pytest.mark.parametrize("form", ["details", "heading"])
def test_speech_that_sounds_like_an_instruction_stays_in_the_transcript(form, spoken):
    out = extract_videos(transcript_page(form, spoken), lambda n: f"v{n}")
    assert spoken.split("\n")[0] in out.videos[0].transcript
    assert out.defects == []


def test_a_transcript_that_opens_with_a_heading_of_an_activity_is_still_speech():
    lines = ["### Task one of the lesson\n", "\n", "Pupils, look at the board.\n"]
    assert speech_end(lines) == len(lines)  # no speech before it: nothing to end


@pytest.mark.build
def test_an_imported_page_whose_transcript_is_followed_by_its_instructions_reads_clean(tmp_path):
    pages = {
        "p.md": "---\ntitle: P\n---\n\n## Year 1: Autumn term\n\n### [Routines](/p/year-1-a)\n\nRoutines.\n",
        "p/year-1-a.md": "---\ntitle: Routines\n---\n\n## Week 1: why routines matter\n\n### ECTs\n\n"
        "1. [Video](/p/year-1-a/autumn-week-1-ect-video)\n"
        "2. [Notes](/p/year-1-a/autumn-week-1-ect-notes)\n",
        "p/year-1-a/autumn-week-1-ect-video.md": "---\ntitle: Video\n---\n\n" + transcript_page("heading", AFTERS[0]),
        "p/year-1-a/autumn-week-1-ect-notes.md": "---\ntitle: Notes\n---\n\n" + transcript_page("details", AFTERS[5]),
    }
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK), build=import_dfe.build)
    assert reports.written, [p.format() for p in reports.problems]
    assert "transcript-not-speech" not in reports[0].reading
    assert sorted((d.file, d.line) for d in reports[0].defects if d.kind == "transcript-end") == [
        ("p/year-1-a/autumn-week-1-ect-notes.md", 14),
        ("p/year-1-a/autumn-week-1-ect-video.md", 13),
    ]


AGENDA = "## Session structure:\n\n{items}\n\n{after}\n\nWords.\n\n### Part of it\n\nMore.\n"


@pytest.mark.parametrize(
    "items, level",
    [
        ("### Welcome (10 minutes)\n\nHi.\n\n### Practice (20 mins)\n\nDo.", 2),
        ("### Welcome – 10 minutes\n\nHi.\n\n### PRACTICE: 20 mins\n\nDo.", 2),
        ("- Welcome (10 minutes)\n- Practice (20 minutes)", 2),
        ("1. Welcome: 10 mins\n2. Practice: 20 mins", 2),
        ("#### **Welcome** (10 minutes)\n\nHi.\n\n#### **Practice** (20 minutes)\n\nDo.", 3),
    ],
)
@pytest.mark.parametrize("after", ["## Related ECF strands", "##   Related ECF strands ##", "# Related ECF strands"])
def test_the_sections_after_a_timed_agenda_keep_their_level(items, level, after):
    body = AGENDA.format(items=items, after=after).replace("## Session structure:", "#" * level + " Session structure:")
    plan = plans.timed_plan(body, keep_words=True)
    assert plan is not None
    headings = [line for line in plan.body.split("\n") if line.startswith("#")]
    related = next(h for h in headings if "Related" in h)
    assert related.startswith("## ") and not related.startswith("### ")  # beside the agenda items, not in one
    part = headings[headings.index(related) + 1]
    assert part.startswith("###") and len(part.split()[0]) > len(related.split()[0])  # still inside it


def test_a_heading_among_the_agenda_items_stays_inside_them_and_a_mentor_plan_is_unchanged():
    body = AGENDA.format(items="### Welcome (10 minutes)\n\nHi.\n\n### Practice (20 minutes)\n\nDo.", after="### Notes")
    assert "#### Notes" in plans.timed_plan(body, keep_words=True).body  # as deep as the items: one of them
    mentor = plans.timed_plan(
        AGENDA.format(
            items="### Review (10 minutes)\n\nA.\n\n### Plan (20 minutes)\n\nB.", after="## Related ECF strands"
        )
    )
    assert "### Related ECF strands" in mentor.body  # a plan's only ## headings are its phases


def targets() -> Targets:
    return Targets(
        {"/p/year-1-b/autumn-week-1-ect-video": "b-video"},
        {"/p/year-1-b": "p/year-1/b/index.md"},
        {"/assets/materials/h-pdf": "p/assets/h.pdf"},
        {"/assets/materials/h-pdf": "h"},
        weeks={
            "/p/year-1-b": [
                (1, 1, "Why routines matter", "p/year-1/b/week-1/index.md"),
                (3, 3, "", "p/year-1/b/week-3/index.md"),
                (4, 6, "Practice", "p/year-1/b/week-4-6/index.md"),
            ]
        },
    )


def run(body: str) -> tuple[str, list]:
    found: list = []
    return rewrite(body, targets(), "p/year-1/b/b-x", lambda *d: found.append(d)), found


@pytest.mark.parametrize(
    "fragment, week",
    [
        ("week-1-why-routines-matter", "week-1"),
        ("Week-1", "week-1"),
        ("week%203", "week-3"),
        ("WEEK_3", "week-3"),
        ("weeks-4-5-and-6-practice", "week-4-6"),
        ("week-5", "week-4-6"),
        ("why-routines-matter", "week-1"),
        ("Practice", "week-4-6"),
    ],
)
@pytest.mark.parametrize("host", ["", "https://support-for-early-career-teachers.education.gov.uk"])
def test_a_link_to_a_week_heading_of_a_block_page_goes_to_the_week_page(fragment, week, host):
    out, found = run(f"See [that week]({host}/p/year-1-b/#{fragment}).")
    assert out == f'See <a href="../{week}/">that week</a>.'
    assert found == [
        (
            "index-link",
            1,
            f"A link to a heading of the index page '{host}/p/year-1-b/#{fragment}'.",
            "linked the week page that now holds it",
        )
    ]


@pytest.mark.parametrize("fragment", ["intro", "week-9", "how-this-block-works"])
def test_a_link_to_another_heading_of_a_block_page_goes_to_the_block_page(fragment):
    out, _ = run(f"[intro](/p/year-1-b#{fragment})")
    assert out == '<a href="../">intro</a>'


@pytest.mark.parametrize(
    "url, out",
    [
        ("https://staging.example.org/p/year-1-b/autumn-week-1-ect-video", '{{ session("b-video", "the video") }}'),
        (
            "http://PREVIEW-42.Example.NET/p/year-1-b/Autumn-Week-1-ECT-Video/?x=1#t",
            '{{ session("b-video", "the video") }}',
        ),
        ("https://copy.example.com/assets/materials/h.pdf", '{{ asset("h") }}'),
        ("https://staging.example.org/p/year-1-b", '<a href="../">the video</a>'),
    ],
)
def test_a_link_to_a_copy_of_the_site_on_another_host_goes_to_the_page_it_names(url, out):
    text, found = run(f"[the video]({url})")
    assert text == out
    assert found[0] == (
        "staging-link",
        1,
        f"A link points at a copy of the site on another host: '{url}'.",
        "linked the page it names",
    )


@pytest.mark.parametrize("url", ["https://example.org/p/other-page", "https://www.example.org/", "mailto:a@b.c"])
def test_a_link_to_another_site_is_left_as_it_is(url):
    assert run(f"[x]({url})") == (f"[x]({url})", [])


@pytest.fixture(scope="module")
def framework():
    return load_framework(str(FRAMEWORK), Problems())


@pytest.mark.parametrize(
    "code, other", [("2.3", "2c"), ("2c", "2.3"), ("S2.3", "2c"), ("12.1", "12a"), ("2.27", ""), ("9z", "9.26")]
)
def test_the_other_numbering_of_a_code(code, other):
    assert other_numbering(code) == other


@pytest.mark.parametrize(
    "dress",
    [
        "- {code} {text}",
        "- **{code}.** {text}",
        "{code}: {text}",
        "- {text} ({code})",
        "| {code} {text} |",
        "- ({code}) {text}",
        "- {code} – {text}",
    ],
)
@pytest.mark.parametrize(
    "code, statement", [("2.3", "2c"), ("S2.3", "2c"), ("ecf2.3", "2c"), ("2c", "2.3"), ("LT2.3", "2.3"), ("s2c", "2c")]
)
def test_a_code_in_another_numbering_is_matched_by_its_words_and_reported(framework, dress, code, statement):
    text = framework.statements[statement].text
    found, defects = intentions(dress.format(code=code, text=text) + "\n", framework)
    assert [(f.statement, f.method) for f in found] == [(statement, "text")]
    assert defects == [
        (
            "code-numbering",
            1,
            f"'{code}' is not ecf-2019's code for these words; they are those of {statement}.",
            f"recorded {statement}, found by its words",
        )
    ]


def test_a_prefixed_code_is_never_trusted_without_its_words(framework):
    assert intentions("- Q1.2 What Do You Think About This Lesson Today?\n", framework) == ([], [])
