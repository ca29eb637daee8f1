"""The whole import on a small synthetic corpus that shows the conventions these providers vary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import FRAMEWORK

from induction.check.pipeline import load_and_check
from induction.importer.pipeline import run_import

PAGES = {
    "p.md": """---
title: "Provider P"
---

## How the programme works

Read the handbook.

## Year 1: Autumn term

### [Routines](/p/year-1-a)

In this module you'll set up routines.

### [Revisiting](/p/year-1-b)

In this module you'll look back.
""",
    "p/year-1-a.md": """---
title: "Year 1: First half-term: routines"
heading: "First half-term: routines"
---

In this module you'll set up routines.

## Week 1: why routines matter

### ECTs

Duration: 30 minutes.

1. [Video](/p/year-1-a/autumn-week-1-ect-video)
2. [Reflect](/p/year-1-a/autumn-week-1-ect-reflect)

### Mentors

[View mentor materials](/p/year-1-a/autumn-week-1-mentor-materials)

## Weeks 2, 3 and 4: practice

### Induction tutor

Run a training session (90 minutes).

- [Induction tutor materials](/p/year-1-a/autumn-week-2-induction-tutor-materials)

## Week 5

### ECTs

There are no self-study materials this week.
""",
    "p/year-1-a/autumn-week-1-ect-video.md": """---
title: "Video"
---

<iframe width="560" src="https://www.youtube.com/embed/AAAAAAAAAAA" title="Routines - YouTube"></iframe>

### Video transcript

**Narrator:** Routines free up time.

### After watching

Note two routines.
""",
    "p/year-1-a/autumn-week-1-ect-reflect.md": """---
title: "Reflect"
---

#### Learn that:

- Learning involves a lasting change in pupils’ capabilities or understanding.

<figure class="wp-block-image size-large" data-x="1"><img url="/assets/materials/d.png" alt="A diagram" /></figure>
""",
    "p/year-1-a/autumn-week-1-mentor-materials.md": """---
title: "Mentor materials"
---

- 2.1. Learning involves a lasting change in pupils’ capabilities or understanding.

Discuss Activity 1.6 with your ECT.

- Ask:
  - what worked?
""",
    "p/year-1-a/autumn-week-2-induction-tutor-materials.md": """---
title: "Tutor"
heading: "Mentor materials"
---

Use [the video](/p/year-1-a/autumn-week-1-ect-video) and [this](about:blank).
""",
    "p/year-1-a/autumn-extra-ect-notes.md": """---
title: "Notes"
---

A page no index links to.
""",
    "p/year-1-b.md": """---
title: "Year 1: Second half-term: revisiting"
---

## Week 1: looking back

### ECTs

1. [Revisit   the routines video](/p/year-1-a/autumn-week-1-ect-video)
2. [What you’ll learn](/p/year-1-b/autumn-week-1-ect-what-you'll-learn)
3. [Café](/p/year-1-b/Autumn%20Week%201%20ECT%20Caf%C3%A9)

### Mentors

[View mentor materials](/p/year-1-b/autumn-week-1-mentor-materials)
""",
    "p/year-1-b/autumn-week-1-ect-what-you’ll-learn.md": """---
title: "What you’ll learn"
---

A file name with an apostrophe.
""",
    "p/year-1-b/Autumn Week 1 ECT Café.md": """---
title: "Café"
---

Spaces, capitals and an accent: [the handout](/assets/materials/Handout%201%20v2.PDF).
""",
    "p/year-1-b/autumn-week-1-mentor-materials.md": """---
title: "Mentor materials"
---

{details}
Example target
Greet pupils. {/details}
""",
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, list]:
    root = tmp_path_factory.mktemp("importer")
    source, dest = root / "source", root / "dest"
    for path, text in PAGES.items():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text(text, encoding="utf-8")
    (source / "assets" / "materials").mkdir(parents=True)
    (source / "assets" / "materials" / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (source / "assets" / "materials" / "unused.pdf").write_bytes(b"%PDF-1.4")
    (source / "assets" / "materials" / "Handout 1 v2.PDF").write_bytes(b"%PDF-1.4")
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    return dest, reports


def test_the_import_validates_with_no_error(imported):
    dest, _ = imported
    checked = load_and_check(str(dest))
    assert checked.ok, checked.report()


def test_weeks_ranges_untitled_weeks_and_references(imported):
    dest, _ = imported
    a = yaml.safe_load((dest / "p" / "year-1" / "a" / "block.yaml").read_text())
    assert (a["term"], a["half_term"]) == ("autumn", 1)
    assert [(w["week"], w["title"]) for w in a["weeks"]] == [
        (1, "why routines matter"),
        ("2-4", "practice"),
        (5, "There are no self-study materials this week"),
    ]
    assert a["weeks"][0]["ect"] == ["a-autumn-week-1-ect-video", "a-autumn-week-1-ect-reflect"]
    assert a["weeks"][2]["summary"] == {"ect": "**ECTs**\n\nThere are no self-study materials this week.\n"}
    assert a["pages"] == ["a-autumn-extra-ect-notes"]
    b = yaml.safe_load((dest / "p" / "year-1" / "b" / "block.yaml").read_text())
    # a revisit keeps its link's own words (spaces as one), since they say why it comes back
    assert b["weeks"][0]["ect"] == [
        {"see": "a-autumn-week-1-ect-video", "label": "Revisit the routines video"},
        "b-autumn-week-1-ect-what-youll-learn",
        "b-autumn-week-1-ect-cafe",
    ]
    assert b["half_term"] == 2


def test_ids_and_file_names_come_from_any_name_by_one_slug_rule(imported):
    dest, _ = imported
    block = dest / "p" / "year-1" / "b"
    assert (block / "b-autumn-week-1-ect-what-youll-learn.md").is_file()
    cafe = (block / "b-autumn-week-1-ect-cafe.md").read_text(encoding="utf-8")
    assert "id: b-autumn-week-1-ect-cafe\n" in cafe
    assert "[the handout]" not in cafe and '{{ asset("handout-1-v2") }}' in cafe
    assets = yaml.safe_load((dest / "p" / "assets.yaml").read_text())["assets"]
    assert {"id": "handout-1-v2", "title": "the handout", "file": "assets/handout-1-v2.pdf"} in assets
    assert (dest / "p" / "assets" / "handout-1-v2.pdf").read_bytes() == b"%PDF-1.4"


def test_a_headed_transcript_becomes_a_transcript_file(imported):
    dest, _ = imported
    videos = yaml.safe_load((dest / "p" / "videos.yaml").read_text())["videos"]
    assert videos == [
        {
            "id": "a-autumn-week-1-ect-video-video",
            "title": "Routines",
            "url": "https://www.youtube.com/watch?v=AAAAAAAAAAA",
            "transcript": "transcripts/a-autumn-week-1-ect-video-video.md",
        }
    ]
    transcript = (dest / "p" / "transcripts" / "a-autumn-week-1-ect-video-video.md").read_text()
    assert transcript == "Video transcript\n\n**Narrator:** Routines free up time.\n"


def test_sessions_get_intentions_links_and_repaired_markup(imported):
    dest, _ = imported
    mentor = (dest / "p" / "year-1" / "a" / "a-autumn-week-1-mentor-materials.md").read_text()
    assert "intentions:\n  - '2.1'  # code, line 5, confidence 1.00\n" in mentor
    assert "- Ask:\n    - what worked?" in mentor
    reflect = (dest / "p" / "year-1" / "a" / "a-autumn-week-1-ect-reflect.md").read_text()
    assert "  - '2.1'  # text, line 7, confidence 1.00" in reflect
    assert '<figure>{{ image("d", "A diagram") }}</figure>' in reflect
    tutor = (dest / "p" / "year-1" / "a" / "a-autumn-week-2-induction-tutor-materials.md").read_text()
    assert "title: Induction tutor materials" in tutor
    assert 'Use {{ session("a-autumn-week-1-ect-video", "the video") }} and this.' in tutor
    b = (dest / "p" / "year-1" / "b" / "b-autumn-week-1-mentor-materials.md").read_text()
    assert '<details markdown="1">\n<summary>Example target</summary>\n\nGreet pupils.\n\n\n</details>' in b


def test_the_report_lists_every_defect_with_file_line_and_action(imported):
    dest, _ = imported
    data = json.loads((dest / "import-report.json").read_text())
    [provider] = data["providers"]
    kinds = provider["defects_by_kind"]
    for kind in (
        "unlisted-page",
        "placeholder-link",
        "heading-role-mismatch",
        "invalid-img",
        "html-attribute",
        "inline-details-marker",
        "list-indent",
        "untitled-week",
        "unreferenced-asset",
    ):
        assert kind in kinds, kind
    unlisted = next(d for d in provider["defects"] if d["kind"] == "unlisted-page")
    assert unlisted == {
        "file": "p/year-1-a/autumn-extra-ect-notes.md",
        "line": 1,
        "kind": "unlisted-page",
        "message": "No index page links to this page.",
        "action": "imported it as a block page",
    }
    assert "## p" in (dest / "import-report.md").read_text()
    assert provider["counts"]["videos"] == 1


def test_sibling_headings_stay_siblings_under_the_page_title(imported):
    dest, _ = imported
    video = (dest / "p" / "year-1" / "a" / "a-autumn-week-1-ect-video.md").read_text()
    assert "\n## After watching\n" in video  # a ### under the title: shifted to ##, not nested
