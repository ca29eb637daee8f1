"""The reader's-eye check (induction/reading/): each finding on a small built page, with its exact
message; where it is reported (content file and line) and as what (settings.reading_errors); the
sample clean; `validate.py --site` and the MkDocs build running it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import FRAMEWORK, ROOT, SAMPLE, mkdocs_build
from edits import replace_once
from engine_support import BIN, run
from test_importer_pipeline import PAGES, PROVIDER, source_tree

from induction.check.pipeline import load_and_check
from induction.core.settings import Settings
from induction.importer.pipeline import run_import
from induction.publish.export import export
from induction.reading import read_checked_site, read_site
from induction.reading.findings import page_findings
from induction.reading.marks import marks_in
from induction.reading.page import BuiltPage
from scripts import import_dfe, validate


def page(body: str, path: str = "prog/year-1/b1/step/index.html", title: str = "A page") -> BuiltPage:
    html = (
        f"<!doctype html><html><head><title>{title} - Site</title></head><body><main>"
        f'<article class="md-content__inner md-typeset">{body}</article></main></body></html>'
    )
    return BuiltPage.parse(path, html)


def messages(body: str, published: frozenset[str] = frozenset(), path: str = "prog/year-1/b1/step/index.html"):
    return [(f.code, f.message) for f in page_findings(page(body, path), set(published))]


@pytest.mark.parametrize(
    ("line", "kind", "shown"),
    [
        ("## How the programme works", "a Markdown heading", "## How the programme works"),
        ("Read this: **Mentors** first", "bold or emphasis written in Markdown", "**Mentors**"),
        ("the __key__ idea", "bold or emphasis written in Markdown", "__key__"),
        ("[View mentor materials](../x.md)", "a link written in Markdown", "[View mentor materials](../x.md)"),
        ("![A diagram](../assets/d.png)", "an image written in Markdown", "![A diagram](../assets/d.png)"),
        ("see [the guide][1] here", "a reference link written in Markdown", "[the guide][1]"),
        ('{{ video("intro") }}', "a template expression", '{{ video("intro") }}'),
        ("{% if x %}", "a template expression", "{% if x %}"),
        ("Title {: .wide }", "an attribute list", "{: .wide }"),
        ("{Details} The answer", "a disclosure marker", "{Details}"),
        ("{ /details }", "a disclosure marker", "{ /details }"),
        ('!!! note "Remember"', "an admonition marker", '!!! note "Remember"'),
        ("??? Answer", "an admonition marker", "??? Answer"),
        (
            "- complete the modules - explore the reading",
            "a list written in Markdown",
            "- complete the modules - explore the reading",
        ),
        ("1. Read the text 2. Answer", "a list written in Markdown", "1. Read the text 2. Answer"),
    ],
)
def test_syntax_in_visible_text_is_found_with_its_kind(line, kind, shown):
    assert messages(f"<p>{line}</p>") == [("syntax-as-text", f"The page shows {kind} as text: '{shown}'.")]


@pytest.mark.parametrize(
    "line",
    [
        "Pupils work in pairs - then alone - for ten minutes.",
        "5 * 3 * 2 = 30",
        "A snake_case_name and __init",
        "Choose one [or more] of (these)",
        "A set {a, b} and {: unclosed",
        "Why? Because!",
        "2020-21: 1.5 hours",
        "I think ___ because ___",
        "Fill in: ____ and ____",
        "x ** 2 + y ** 2",
        "-5 degrees",
        "- ",
        "Cost: £5 - £10 - £15",
        "[Pupils laugh] [Teacher smiles]",
        "Call 0800 123 456. 2) later",
    ],
)
def test_prose_is_not_taken_for_syntax(line):
    assert marks_in(line) == []
    assert messages(f"<p>{line}</p>") == []


def test_code_and_hidden_text_are_not_visible_prose_but_a_collapsed_block_is():
    body = (
        "<p>Type <code>**bold**</code></p><pre>## not a heading</pre><p><kbd>[a](b)</kbd></p>"
        "<div hidden><p>## hidden</p></div><script>var x = '{{ y }}'</script>"
        "<details><summary>Answer</summary><p>## Shown when opened</p></details>"
    )
    assert messages(body) == [("syntax-as-text", "The page shows a Markdown heading as text: '## Shown when opened'.")]


def test_a_heading_in_a_paragraph_is_found_at_its_own_line():
    assert messages("<p>Intro text\n## Next part</p>") == [
        ("syntax-as-text", "The page shows a Markdown heading as text: '## Next part'.")
    ]


def test_images_not_shown():
    published = frozenset({"prog/assets/a.png"})
    body = (
        '<p><img alt="ok" src="../../../assets/a.png"><img alt="data" src="data:image/png;base64,AAAA">'
        '<img alt="gone" src="../../../assets/missing.png"><img alt="far" src="https://example.org/x.png"></p>'
        "<figure><p>![A diagram](../../../assets/a.png)</p></figure>"
        '<figure><img alt="fine" src="../../../assets/a.png"></figure>'
        '<figure class="ect-video"><div data-embed="https://player.vimeo.com/video/1"></div></figure>'
    )
    assert messages(body, published) == [
        (
            "syntax-as-text",
            "The page shows an image written in Markdown as text: '![A diagram](../../../assets/a.png)'.",
        ),
        (
            "image-not-shown",
            "The image '../../../assets/missing.png' is not a file of the site, so the reader sees no picture.",
        ),
        (
            "image-not-shown",
            "The image 'https://example.org/x.png' is not a file of the site, so the reader sees no picture.",
        ),
        ("image-not-shown", "A figure holds no image: '![A diagram](../../../assets/a.png)'."),
    ]


def test_empty_headings_and_skipped_levels():
    body = (
        '<h1>Title</h1><h2 id="a"><a class="headerlink" href="#a">¶</a></h2><p>x</p><h2>Part</h2>'
        "<h4>Too deep</h4><p>y</p><h3>Fine</h3>"
    )
    assert messages(body) == [
        ("empty-heading", "An empty <h2> heading: a screen reader announces a heading with nothing to say."),
        (
            "heading-skip",
            "The heading 'Too deep' (h4) comes straight under 'Part' (h2): it is placed under the wrong parent.",
        ),
    ]


def test_empty_phases_of_a_plan():
    body = (
        "<h1>Plan</h1><p><strong>Time needed:</strong> 45 minutes</p>"
        '<section class="ect-phase"><h2>Review <span class="ect-phase__minutes">10 minutes</span></h2>'
        "<p>Talk.</p></section>"
        '<section class="ect-phase"><h2>Outcome: <span class="ect-phase__minutes">5 minutes</span></h2>'
        "</section>"
        '<section class="ect-phase"><h2>Practice</h2><h3>Stimulus</h3><h3>Rehearse</h3><p>Go.</p></section>'
    )
    assert messages(body) == [
        ("empty-phase", "The plan's phase 'Outcome:' is empty: nothing follows its heading."),
        ("empty-phase", "The plan's phase 'Stimulus' is empty: nothing follows its heading."),
    ]


def test_a_meeting_under_ten_minutes_on_its_plan_and_on_its_week():
    plan = "<h1>Plan</h1><p><strong>Time needed:</strong> 3 minutes</p>"
    week = "<h1>Week 2: routines</h1><h2>Mentor session · 1 hour 5 minutes</h2><h2>Mentor session · 4 minutes</h2>"
    short = "The mentor meeting is timed at {}, under 10 minutes: no meeting is that short."
    assert messages(plan) == [("meeting-too-short", short.format("3 minutes"))]
    assert messages(week) == [("meeting-too-short", short.format("4 minutes"))]
    # A pack shows many plans, each judged on its own page.
    assert messages(plan + plan) == []


def test_a_week_whose_steps_take_far_less_than_it_states():
    week = (
        "<h1>Week 3: impact</h1><h2>This week's focus</h2><p>Duration: {} minutes.</p><ol><li>Step</li></ol>"
        '<p class="ect-total"><strong>Total: 20 minutes</strong> (3 steps)</p>'
    )
    assert messages(week.format(90)) == [
        ("week-too-short", "The week's steps add up to 20 minutes, far less than the 90 minutes the week states.")
    ]
    assert messages(week.format(45)) == []  # within a factor of three: estimates are that rough


def test_a_transcript_holding_text_that_is_not_speech():
    body = (
        '<details class="ect-transcript"><summary>Transcript: Intro</summary><h3>Presenter main</h3>'
        "<p>Now complete the task below.</p><p>Teacher: now, who can tell me?</p><h3>Task</h3>"
        "<ol><li>Complete the table</li></ol></details>"
    )
    assert messages(body) == [
        (
            "transcript-not-speech",
            "The transcript holds an instruction to the reader, not speech: 'Now complete the task below.'.",
        ),
        ("transcript-not-speech", "The transcript holds a heading of an activity, not speech: 'Task'."),
    ]


def write_site(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    for path, (title, body) in pages.items():
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(
            f'<html><head><title>{title} - Site</title></head><body><article class="md-content__inner">'
            f"<h1>{title}</h1>{body}</article></body></html>",
            encoding="utf-8",
        )
    return root


def test_shared_titles_located_in_their_content_file_and_line_and_folded_across_pages(tmp_path):
    content = tmp_path / "content"
    (content / "prog").mkdir(parents=True)
    for n in (1, 2, 3):
        (content / "prog" / f"video-{n}.md").write_text(f"---\ntitle: Video\n---\n\nWatch {n}.\n", encoding="utf-8")
    (content / "prog" / "programme.yaml").write_text("id: prog\nsummary: >\n  ## How it works\n", encoding="utf-8")
    site = write_site(
        tmp_path / "site",
        {
            **{f"prog/video-{n}/index.html": ("Video", f"<p>Watch {n}.</p>") for n in (1, 2, 3)},
            "prog/index.html": ("Prog", "<p>## How it works</p>"),
            "prog/print/index.html": ("Prog (print)", "<p>## How it works</p>"),
            "other/video/index.html": ("Video", ""),
        },
    )
    origins = {f"prog/video-{n}.md": str(content / "prog" / f"video-{n}.md") for n in (1, 2, 3)}
    origins["prog/index.md"] = str(content / "prog" / "programme.yaml")
    reading = read_site(str(site), origins, str(content), lambda programme: ("shared-title",))
    assert [p.format() for p in reading.problems] == [
        "content/prog/programme.yaml:3: warning [syntax-as-text] The page shows a Markdown heading as text: "
        "'## How it works'. Seen on prog/ (and 1 more).",
        *[
            f"content/prog/video-{n}.md:2: error [shared-title] The title 'Video' is shared by 3 pages of prog: a "
            f"reader cannot tell them apart in the tab, the navigation or a search. Seen on prog/video-{n}/."
            for n in (1, 2, 3)
        ],
    ]
    assert reading.count("prog") == {"shared-title": 3, "syntax-as-text": 2}


def test_settings_reading_errors_default_to_none():
    assert Settings().reading_errors == ()
    assert Settings.of({"reading_errors": ["shared-title"]}).reading_errors == ("shared-title",)


def test_a_reading_code_that_does_not_exist_is_refused(tree):
    replace_once(tree / "prog" / "programme.yaml", "  coverage: off\n", "  coverage: off\n  reading_errors: [titles]\n")
    checked = load_and_check(str(tree))
    assert [p.code for p in checked.problems.errors] == ["wrong-type"]


def test_the_sample_reads_as_its_authors_meant(sample_site, capsys):
    reading = read_checked_site(str(sample_site), load_and_check(str(SAMPLE)))
    assert [p.format() for p in reading.problems] == []
    assert validate.main(["--content", str(SAMPLE), "--site", str(sample_site)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "The reader's-eye check found nothing on the built pages."


def test_validate_site_needs_a_built_site(tmp_path, capsys):
    assert validate.main(["--content", str(SAMPLE), "--site", str(tmp_path / "none")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"No built site at {tmp_path / 'none'}: build it first (scripts/build.py), or correct the path."
    )


@pytest.mark.build
def test_every_build_runs_the_check_and_settings_say_what_stops_it(tree, tmp_path):
    """Markdown inside a raw HTML block is not read: it is shown as it is. (A summary is Markdown:
    bold there is bold, and nothing is listed.)"""
    programme = tree / "prog" / "programme.yaml"
    replace_once(programme, "title: Test programme\n", 'title: Test programme\nsummary: "**Read** this first"\n')
    intro = tree / "prog" / "year-1" / "b1" / "b1-intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\n<div>**Read** this first</div>\n", encoding="utf-8")
    result = mkdocs_build(tree, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    # Listed, not stopping the build.
    assert (
        "INFO    -  minimal/prog/year-1/b1/b1-intro.md:11: warning [syntax-as-text] The page shows bold or "
        "emphasis written in Markdown as text: '**Read**'. Seen on prog/year-1/b1/b1-intro/."
    ) in result.stderr
    assert "The reader's-eye check: 0 errors and 1 warning on the built pages." in result.stderr
    replace_once(programme, "  coverage: off\n", "  coverage: off\n  reading_errors: [syntax-as-text]\n")
    result = mkdocs_build(tree, tmp_path / "site2")
    assert result.returncode == 1
    assert "minimal/prog/year-1/b1/b1-intro.md:11: error [syntax-as-text]" in result.stderr


@pytest.mark.build
def test_an_import_built_with_a_builder_reports_what_a_reader_sees_at_its_source(tmp_path):
    pages = dict(PAGES, **{"p.md": PROVIDER.replace("In this module", "**Mentors** in this module")})
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK), build=import_dfe.build)
    # The block's summary (from the provider index, line 9) and the week's role labels are Markdown,
    # rendered as such; the source's braces are shown as written (on the step and its week's print view).
    assert reports.written and reports[0].reading == {"syntax-as-text": 2}
    found = [(d.file, d.line, d.message) for d in reports[0].defects if d.kind == "syntax-as-text"]
    assert not [f for f in found if "**" in f[2]]
    assert (
        "p/year-1-a/autumn-week-1-ect-reading.md",
        5,
        "The page shows a template expression as text: "
        "'{{ braces }}'. Seen on p/year-1/a/a-autumn-week-1-ect-reading/.",
    ) in found
    assert {d.action for d in reports[0].defects if d.kind == "syntax-as-text"} == {
        "nothing changed: this is what the built page shows"
    }
    report = (dest / "import-report.md").read_text(encoding="utf-8")
    assert "| syntax-as-text | 2 | A built page shows Markdown" in report
    data = json.loads((dest / "import-report.json").read_text(encoding="utf-8"))
    assert data["providers"][0]["reading"] == {"syntax-as-text": 2}


def test_an_import_whose_build_fails_is_not_written(tmp_path):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK), build=lambda content, site: "Aborted with 1 warning")
    assert not reports.written and not dest.exists()
    assert [(d.file, d.message) for d in reports.problems] == [
        ("p.md", "The import did not build: Aborted with 1 warning")
    ]


def test_a_named_pipe_in_the_content_is_never_opened_to_find_a_line(tmp_path):
    content = tmp_path / "content"
    (content / "prog").mkdir(parents=True)
    os.mkfifo(content / "prog" / "a-pipe.md")  # opening it would wait for ever
    (content / "prog" / "step.md").write_text("---\ntitle: Step\n---\n\n## How\n", encoding="utf-8")
    site = write_site(tmp_path / "site", {"prog/week/print/index.html": ("Print", "<p>## How</p>")})
    reading = read_site(str(site), {}, str(content))
    assert [p.format() for p in reading.problems] == [
        "content/prog/step.md:5: warning [syntax-as-text] The page shows a Markdown heading as text: '## How'. "
        "Seen on prog/week/print/."
    ]


@pytest.mark.build
def test_the_check_holds_for_a_site_another_engine_built(tmp_path):
    """The sample exported as plain Markdown (induction/publish/export.py) and built by MkDocs with none of
    the project's code: the check reads that site as it reads the plugin's, and finds it clean."""
    export(load_and_check(str(SAMPLE)), str(ROOT / "mkdocs.yml"), str(tmp_path / "export"))
    run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site")], cwd=tmp_path / "export")
    reading = read_checked_site(str(tmp_path / "site"), load_and_check(str(SAMPLE)))
    assert [p.format() for p in reading.problems] == []
    assert len(list((tmp_path / "site").rglob("*.html"))) > 100  # the whole site was read
