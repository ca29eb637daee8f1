"""Checks: one case per problem code, each breaking ONE rule in a copy of tests/fixtures/minimal.

The table below doubles as documentation of the catalogue: for each code, a change an author
might make and the exact line they are shown (file:line: severity [code] message hint). Each
case asserts that this line, and nothing else, is reported: follow-on problems are bugs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from calendar_support import calendar_cases, milestone_cases
from conftest import make_tree
from edits import Append, Edit, Link, Socket, Write
from routes_support import route_cases

from induction.check import checks
from induction.check.pipeline import load_and_check
from induction.core.problems import CATALOGUE, IMPORT, READING_CODES

BLOCK = "prog/year-1/b1/block.yaml"
PROGRAMME = "prog/programme.yaml"
VIDEOS = "prog/videos.yaml"
ASSETS = "prog/assets.yaml"
INTRO = "prog/year-1/b1/b1-intro.md"
WATCH = "prog/year-1/b1/b1-w1-watch.md"
READ = "prog/year-1/b1/b1-w1-read.md"
PLAN = "prog/year-1/b1/b1-w1-mentor.md"
PLAN4 = "prog/year-1/b1/b1-w4-mentor.md"
PRACTISE = "prog/year-1/b1/b1-w2-practise.md"
TUTOR = "prog/year-1/b1/b1-w1-tutor.md"
WELCOME = "prog/year-1/welcome.md"


def session(id: str, role: str = "ect", kind: str = "task", body: str = "Do it.\n") -> str:
    return f"---\nid: {id}\nrole: {role}\nkind: {kind}\ntitle: A session\nminutes: 5\n---\n\n{body}"


# (code, change, the one line reported). Paths are shown relative to the folder holding the tree.
CASES = [
    (
        "yaml-syntax",
        Edit(BLOCK, "title: Block one", "title: [Block one"),
        "minimal/prog/year-1/b1/block.yaml:2: error [yaml-syntax] YAML could not be read: did not find expected "
        "',' or ']'. Close the bracket or quote opened on this line.",
    ),
    (
        "yaml-syntax",
        Edit(BLOCK, "  - week: 2-3\n    title", "  - week: 2-3\n\ttitle"),
        "minimal/prog/year-1/b1/block.yaml:16: error [yaml-syntax] YAML could not be read: found a tab character that "
        "violates indentation. Indent with spaces, not tabs.",
    ),
    (
        "duplicate-key",
        Edit(BLOCK, "title: Block one\n", "title: Block one\ntitle: Block 1\n"),
        "minimal/prog/year-1/b1/block.yaml:3: error [duplicate-key] The key 'title' is given twice "
        "(first on line 2). Delete or merge one of them.",
    ),
    (
        "not-utf8",
        Write(INTRO, session("b1-intro", kind="introduction", body="Caf\xe9\n").encode("latin-1")),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [not-utf8] Byte 0xe9 is not UTF-8 text. "
        "Re-save the file as UTF-8.",
    ),
    (
        "empty-file",
        Write("prog/extra/assets.yaml", ""),
        "minimal/prog/extra/assets.yaml:1: error [empty-file] The file is empty.",
    ),
    (
        "missing-file",
        Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/sheets.pdf"),
        "minimal/prog/assets.yaml:4: error [missing-file] The handout file 'assets/sheets.pdf' is missing. "
        "Put the file there, or correct the path.",
    ),
    (
        "unknown-key",
        Edit(BLOCK, "half_term: 1", "halfterm: 1"),
        "minimal/prog/year-1/b1/block.yaml:4: error [unknown-key] Unknown key 'halfterm' in the block. "
        "Expected one of: diagnostic, framework, half_term, id, pages, routes, summary, term, title, weeks. Did "
        "you mean 'half_term'?",
    ),
    (
        "missing-key",
        Edit(WELCOME, "title: Welcome to year 1\n", ""),
        "minimal/prog/year-1/welcome.md:2: error [missing-key] Missing key 'title' in the front matter. "
        "Add 'title:' (text).",
    ),
    (
        "missing-key",
        Write(INTRO, "What this block covers.\n"),
        "minimal/prog/year-1/b1/b1-intro.md:1: error [missing-key] The file has no front matter. Start it with a "
        "front matter block: ---, id:, role:, kind:, title:, minutes:, then ---.",
    ),
    (
        "wrong-type",
        Edit(INTRO, "minutes: 5", "minutes: five"),
        "minimal/prog/year-1/b1/b1-intro.md:6: error [wrong-type] Expected a whole number for 'minutes' in the "
        "front matter but found 'five'.",
    ),
    (
        "wrong-type",
        Edit(BLOCK, "  - week: 2-3\n    title: Practice fortnight", "  - week: 2-3\n    title: [x]"),
        "minimal/prog/year-1/b1/block.yaml:16: error [wrong-type] Expected text for 'title' in a week but found a "
        "list.",
    ),
    (
        "wrong-type",
        Write(BLOCK, "id: b1\ntitle: Block one\nterm: autumn\nweeks:\n  week: 1\n"),
        "minimal/prog/year-1/b1/block.yaml:4: error [wrong-type] Expected a list for 'weeks' in the block but "
        "found a mapping.",
    ),
    (
        "wrong-type",
        Edit(PLAN, "  - title: Review\n    minutes: 10\n", "  - Review\n"),
        "minimal/prog/year-1/b1/b1-w1-mentor.md:9: error [wrong-type] Expected a phase (a mapping of keys) for "
        "item 1 of 'phases' in the front matter but found 'Review'.",
    ),
    (
        "wrong-type",
        Write(INTRO, "---\n- id: b1-intro\n---\n\nText.\n"),
        "minimal/prog/year-1/b1/b1-intro.md:2: error [wrong-type] Expected the front matter to be a mapping of "
        "keys but found a list.",
    ),
    (
        "duplicate-id",
        Write("prog/year-1/b1/b1-intro-copy.md", session("b1-intro")),
        "minimal/prog/year-1/b1/b1-intro.md:2: error [duplicate-id] The session id 'b1-intro' is also used by "
        "minimal/prog/year-1/b1/b1-intro-copy.md.",
    ),
    (
        "unknown-reference",
        Edit(BLOCK, "[b1-w1-watch, b1-w1-read]", "[b1-w1-watch, b1-w1-reed]"),
        "minimal/prog/year-1/b1/block.yaml:12: error [unknown-reference] No session has the id 'b1-w1-reed'. "
        "Did you mean 'b1-w1-read'?",
    ),
    (
        "unknown-reference",
        Edit(PROGRAMME, "pages: [welcome]", "pages: [welcom]"),
        "minimal/prog/programme.yaml:10: error [unknown-reference] No session has the id 'welcom'. "
        "Did you mean 'welcome'?",
    ),
    (
        "unknown-reference",
        Edit(PROGRAMME, "blocks: [b1]", "blocks: [b11]"),
        "minimal/prog/programme.yaml:11: error [unknown-reference] No block has the id 'b11'. Did you mean 'b1'?",
    ),
    (
        "unknown-reference",
        Edit(WATCH, 'video("intro")', 'video("intr")'),
        "minimal/prog/year-1/b1/b1-w1-watch.md:15: error [unknown-reference] No video has the id 'intr'. "
        "Did you mean 'intro'?",
    ),
    (
        "unknown-reference",
        Edit(READ, "assets: [sheet]", "assets: [sheets]"),
        "minimal/prog/year-1/b1/b1-w1-read.md:7: error [unknown-reference] No handout has the id 'sheets'. "
        "Did you mean 'sheet'?",
    ),
    (
        "unknown-framework",
        Edit(PROGRAMME, "framework: ecf-2019", "framework: ecf-2018"),
        "minimal/prog/programme.yaml:1: error [unknown-framework] No framework has the id 'ecf-2018'. "
        "Did you mean 'ecf-2019'?",
    ),
    (
        "unknown-statement",
        Edit(PRACTISE, "intentions: ['2.8']", "intentions: ['2.88']"),
        "minimal/prog/year-1/b1/b1-w2-practise.md:7: error [unknown-statement] The framework ecf-2019 has no "
        "statement '2.88'. Did you mean '2.8'?",
    ),
    (
        "unknown-statement",
        Edit(WATCH, 'statement("2.2")', 'statement("2.22")'),
        "minimal/prog/year-1/b1/b1-w1-watch.md:17: error [unknown-statement] The framework ecf-2019 has no "
        "statement '2.22'. Did you mean '2.2'?",
    ),
    (
        "wording-mismatch",
        Edit(
            WATCH,
            "wording: Plan so pupils connect new ideas to what they know.",
            "wording: Taking into account pupils' prior knowledge when planning how much new information to introduce.",
        ),
        "minimal/prog/year-1/b1/b1-w1-watch.md:9: error [wording-mismatch] The wording given for 2b is the text "
        "of 2a. Did you mean 2a?",
    ),
    (
        "video-without-transcript",
        Edit(VIDEOS, "    transcript: transcripts/intro.md\n", ""),
        "minimal/prog/videos.yaml:2: error [video-without-transcript] The video 'intro' has no transcript. "
        "Add 'transcript: transcripts/<file>.md' and write the transcript there.",
    ),
    (
        "video-without-transcript",
        Edit(VIDEOS, "transcripts/intro.md", "transcripts/intro-video.md"),
        "minimal/prog/videos.yaml:6: error [video-without-transcript] The transcript file "
        "'transcripts/intro-video.md' is missing. Create it, or correct the path.",
    ),
    (
        "minutes-mismatch",
        Edit(PLAN, "minutes: 45", "minutes: 50"),
        "minimal/prog/year-1/b1/b1-w1-mentor.md:6: error [minutes-mismatch] The phases add up to 45 minutes "
        "(10 + 15 + 15 + 5) but the plan says minutes: 50. Correct the phase minutes or the plan's total.",
    ),
    (
        "missing-phases",
        Edit(PLAN4, "phases:\n  - title: Review\n    minutes: 30\n", ""),
        "minimal/prog/year-1/b1/b1-w4-mentor.md:2: error [missing-phases] The mentor session plan 'b1-w4-mentor' "
        "declares no phases. List its phases under phases:, each with title: (and minutes:, when the plan is "
        "timed).",
    ),
    (
        "untimed-phase",
        Edit(PLAN, "  - title: Plan\n    minutes: 15\n", "  - title: Plan\n"),
        "minimal/prog/year-1/b1/b1-w1-mentor.md:11: error [untimed-phase] The phase 'Plan' gives no minutes, but "
        "other phases of the plan do. Give every phase its minutes:, or none (an untimed plan, whose parts share "
        "its minutes).",
    ),
    (
        "phase-heading",
        Edit(PLAN, "## Plan\n", "## Planning\n"),
        "minimal/prog/year-1/b1/b1-w1-mentor.md:23: error [phase-heading] Phase 2 is 'Plan' but the body has "
        "'Planning' there. Give each phase a ## heading with its title, in order: Review, Plan, Theory to practice, "
        "Next steps.",
    ),
    (
        "phase-heading",
        Edit(PLAN, "1. Agree one action step.\n", "1. Agree one action step.\n\n## Extra\n"),
        "minimal/prog/year-1/b1/b1-w1-mentor.md:35: error [phase-heading] The ## heading 'Extra' is not one of the "
        "plan's phases. Use ### inside a phase, or add the phase to phases:.",
    ),
    (
        "week-overlap",
        Edit(BLOCK, "- week: 4", "- week: 3"),
        "minimal/prog/year-1/b1/block.yaml:19: error [week-overlap] Week 3 overlaps the week before it, which ends "
        "at week 3. Start this entry at week 4.",
    ),
    (
        "week-gap",
        Edit(BLOCK, "- week: 4", "- week: 6"),
        "minimal/prog/year-1/b1/block.yaml:19: error [week-gap] Week 6 follows week 3: week 4 to 5 is missing. "
        "Number this entry 4, or add the missing weeks.",
    ),
    (
        "empty-week",
        Edit(BLOCK, "      - see: b1-w1-read\n", "      - see: b1-w1-read\n  - week: 5\n    title: Later\n"),
        "minimal/prog/year-1/b1/block.yaml:24: error [empty-week] Week 5 of 'b1' lists no session. "
        "List at least one session under ect, mentor or tutor.",
    ),
    (
        "empty-body",
        Edit(INTRO, "What this block covers.\n", ""),
        "minimal/prog/year-1/b1/b1-intro.md:8: error [empty-body] The session 'b1-intro' has no text below its "
        "front matter. Write the session's body.",
    ),
    (
        "empty-body",
        Write("prog/transcripts/intro.md", "\n"),
        "minimal/prog/transcripts/intro.md:1: error [empty-body] The transcript is empty. "
        "Write what is said in the video.",
    ),
    (
        "empty-body",
        Write("prog/transcripts/intro.md", "---\ntitle: Intro\n---\n<!-- to write -->\n"),
        "minimal/prog/transcripts/intro.md:1: error [empty-body] The transcript has no text: only front matter or "
        "comments, which are not shown. Write what is said in the video.",
    ),
    (
        "transcript-front-matter",
        Write("prog/transcripts/intro.md", "---\ntitle: Intro\n---\nWelcome.\n"),
        "minimal/prog/transcripts/intro.md:1: error [transcript-front-matter] The transcript begins with front "
        "matter, which transcripts do not read: it would be shown as a rule and a heading. Remove it: the video's "
        "title and duration belong in videos.yaml.",
    ),
    (
        "bad-shortcode",
        Write("prog/transcripts/intro.md", 'Welcome.\n\nSee {{ asset("sheet") }}.\n'),
        "minimal/prog/transcripts/intro.md:3: error [bad-shortcode] The shortcode '{{ asset(\"sheet\") }}' is in a "
        "transcript, where shortcodes are not expanded: it would be shown as typed. Write the words as they should "
        "read; link handouts from the session that shows the video.",
    ),
    (
        "bad-shortcode",
        Edit(READ, 'fill in {{ asset("sheet") }}.', 'write `{{ asset("sheet") }}`.'),
        "minimal/prog/year-1/b1/b1-w1-read.md:10: error [bad-shortcode] The shortcode '{{ asset(\"sheet\") }}' is "
        "inside `code`, where it is still expanded: the page shows its result, not the shortcode. Take it out of the "
        "backticks to use it; to show it as text, put it in a fenced code block.",
    ),
    (
        "not-an-image",
        Edit(READ, 'fill in {{ asset("sheet") }}.', 'see {{ image("sheet", "The sheet") }}.'),
        "minimal/prog/year-1/b1/b1-w1-read.md:10: error [not-an-image] image(\"sheet\") shows 'sheet.pdf', which is "
        'not an image: the page would show a broken picture. Link to it with {{ asset("sheet") }}, or show an '
        "image (PNG, JPG, JPEG, GIF, WEBP, AVIF, SVG).",
    ),
    (
        "second-title",
        Edit(INTRO, "What this block covers.\n", "Overview\n========\n\nWhat this block covers.\n"),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [second-title] A heading at the level of the page's title (an "
        "'===' underline or <h1>): the page already has its title. Write it as a section heading, ## Heading.",
    ),
    (
        "second-title",
        Edit(INTRO, "What this block covers.\n", "<h1>Overview</h1>\n\nWhat this block covers.\n"),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [second-title] A heading at the level of the page's title (an "
        "'===' underline or <h1>): the page already has its title. Write it as a section heading, ## Heading.",
    ),
    (
        "image-without-alt",
        Edit(INTRO, "What this block covers.", 'What <img src="map.png"> covers.'),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [image-without-alt] The image 'map.png' has no alt text: a "
        'screen reader reads out its file name instead. Add alt="what the image shows", or alt="" for an image '
        "that is only decoration.",
    ),
    (
        "duplicate-id",
        Edit("frameworks/ecf-2019.yaml", "  - id: '1.2'\n", "  - id: '1-1'\n"),
        "minimal/frameworks/ecf-2019.yaml:24: error [duplicate-id] The statement ids '1.1' and '1-1' would share the "
        "page '1-1'. Give the statement an id that differs in its letters or digits, not only in punctuation.",
    ),
    (
        "statement-kind",
        Edit("frameworks/ecf-2019.yaml", "  - id: '1.6'\n", "  - id: 1z\n"),
        "minimal/frameworks/ecf-2019.yaml:32: error [statement-kind] The statement '1z' is listed as 'learn that' but "
        "its id has the form of the 'learn how to' ids (1a, 1b, ...). Move it under 'learn_how_to:' in its standard, "
        "or give it an id of its kind.",
    ),
    (
        "crosswalk-mismatch",
        Write("crosswalks/x.yaml", "from: ecf-2019\nto: ecf-2019\nstatements:\n  - {from: '1.1', to: ['1.1']}\n"),
        "minimal/crosswalks/x.yaml:2: error [crosswalk-mismatch] The crosswalk maps the framework 'ecf-2019' to "
        "itself. Name the edition the intentions are written in under 'from:' and the new one under 'to:'.",
    ),
    (
        "role-mismatch",
        Edit(TUTOR, "kind: material", "kind: video"),
        "minimal/prog/year-1/b1/b1-w1-tutor.md:2: error [role-mismatch] A session of role tutor cannot be of kind "
        "video. Expected one of: material, training, introduction, reflection.",
    ),
    (
        "role-mismatch",
        (
            Edit(BLOCK, "[b1-w1-watch, b1-w1-read]", "[b1-w1-read]"),
            Edit(BLOCK, "tutor: [b1-w1-tutor]", "tutor: [b1-w1-tutor, b1-w1-watch]"),
        ),
        "minimal/prog/year-1/b1/block.yaml:14: error [role-mismatch] The session 'b1-w1-watch' has role ect but is "
        "listed under tutor. Move it to the week's ect list.",
    ),
    (
        "unknown-example",
        (
            Edit(PROGRAMME, "settings:\n", "phases:\n  - id: primary\n    label: Primary\nsettings:\n"),
            Edit(READ, "Read the summary", "### In Year 3 {: .example-secondry }\n\nRead the summary"),
        ),
        "minimal/prog/year-1/b1/b1-w1-read.md:10: error [unknown-example] The example is for 'secondry', which the "
        "programme does not declare (its phases and subjects: primary). Declare it under phases: or subjects: in "
        "programme.yaml.",
    ),
    (
        "duplicate-example",
        (
            Edit(PROGRAMME, "settings:\n", "phases:\n  - id: primary\n    label: Primary\nsettings:\n"),
            Edit(
                READ,
                "Read the summary",
                "## A {: .example-primary }\n\nOne.\n\n## B {: .example-primary }\n\nRead the summary",
            ),
        ),
        "minimal/prog/year-1/b1/b1-w1-read.md:14: error [duplicate-example] A second example for 'Primary' in one set "
        "of examples (the first is at line 10). Merge the two, or give one to another phase or subject.",
    ),
    (
        "role-mismatch",
        (
            Write("prog/year-1/mt-1.md", session("mt-1", "mentor", "training")),
            Edit(PROGRAMME, "    pages: [welcome]\n", "    pages: [welcome, mt-1]\n"),
        ),
        "minimal/prog/programme.yaml:10: error [role-mismatch] The session 'mt-1' is a mentor training session "
        "(kind: training) but is listed in the pages of year-1. List it in its year's mentor_training in "
        "programme.yaml.",
    ),
    (
        "not-listed",
        Write("prog/year-1/b1/b1-extra.md", session("b1-extra")),
        "minimal/prog/year-1/b1/b1-extra.md:2: error [not-listed] The session 'b1-extra' is in no week, block or "
        "year. List its id in a block.yaml week or pages, or in a year's pages.",
    ),
    (
        "listed-twice",
        Edit(BLOCK, "      - see: b1-w1-read", "      - b1-w1-read"),
        "minimal/prog/year-1/b1/block.yaml:23: error [listed-twice] The session 'b1-w1-read' is already listed in "
        "b1, week 1. Write 'see: b1-w1-read' here to point at it instead.",
    ),
    (
        "see-cycle",
        (
            Write("prog/year-1/b1/b1-extra.md", session("b1-extra")),
            Edit(BLOCK, "      - see: b1-w1-read\n", "      - see: b1-w1-read\n      - see: b1-extra\n"),
        ),
        "minimal/prog/year-1/b1/block.yaml:24: error [see-cycle] 'see: b1-extra' points at a session that is only "
        "ever referred to, never listed. List 'b1-extra' once without 'see:'.",
    ),
    (
        "template-syntax",
        Edit(INTRO, "What this block covers.", "What {{ block.title }} covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [template-syntax] '{{ block.title }}' is not a shortcode this "
        'format knows. Use {{ video("id") }}, {{ asset("id") }}, {{ statement("id") }} or '
        '{{ session("id") }}.',
    ),
    (
        "bad-shortcode",
        Edit(WATCH, 'Watch the video.\n\n{{ video("intro") }}', 'Watch the video. {{ video("intro") }}'),
        "minimal/prog/year-1/b1/b1-w1-watch.md:13: error [bad-shortcode] A video shortcode must stand on a line of "
        "its own. Put the shortcode on its own line.",
    ),
    (
        "uncovered-statements",
        Edit(PROGRAMME, "coverage: off", "coverage: warn"),
        "minimal/prog/programme.yaml:1: warning [uncovered-statements] 176 of 181 statements of ecf-2019 are cited "
        "by no session: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1a, 1b, 1c, 1d, 1e, 1f and 164 more. Cite them in sessions' "
        "intentions, or relax settings.coverage. Every one with its text: scripts/coverage.py --programme prog.",
    ),
    (
        "reserved-id",
        (Edit(INTRO, "id: b1-intro", "id: week-1"), Edit(BLOCK, "pages: [b1-intro]", "pages: [week-1]")),
        "minimal/prog/year-1/b1/b1-intro.md:2: error [reserved-id] The session id 'week-1' would give its page the "
        "address of a week's page in block 'b1'. Choose another id, such as 'b1-week-1'.",
    ),
    (
        "reserved-id",
        (Edit(INTRO, "id: b1-intro", "id: index"), Edit(BLOCK, "pages: [b1-intro]", "pages: [index]")),
        "minimal/prog/year-1/b1/b1-intro.md:2: error [reserved-id] The session id 'index' would give its page the "
        "address of the page of block 'b1'. Choose another id, such as 'b1-index'.",
    ),
    (
        "reserved-id",
        (Edit(INTRO, "id: b1-intro", "id: mentor-pack"), Edit(BLOCK, "pages: [b1-intro]", "pages: [mentor-pack]")),
        "minimal/prog/year-1/b1/b1-intro.md:2: error [reserved-id] The session id 'mentor-pack' would give its page "
        "the address of the mentor pack of block 'b1'. Choose another id, such as 'b1-mentor-pack'.",
    ),
    (
        "reserved-id",
        (Edit(WELCOME, "id: welcome", "id: b1"), Edit(PROGRAMME, "pages: [welcome]", "pages: [b1]")),
        "minimal/prog/year-1/welcome.md:2: error [reserved-id] The session id 'b1' would give its page the address "
        "of the page of block 'b1'. Choose another id, such as 'year-1-b1'.",
    ),
    (
        "reserved-id",
        Edit(PROGRAMME, "  - id: year-1", "  - id: coverage"),
        "minimal/prog/programme.yaml:8: error [reserved-id] The year id 'coverage' would give its page the address "
        "of the programme's coverage page. Choose another id, such as 'coverage-year'.",
    ),
    (
        "placeholder",
        Edit(INTRO, "What this block covers.", "TODO: say what this block covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [placeholder] Placeholder text to fill in: 'TODO: say what this "
        "block covers.'. Replace the TODO text with your own (or delete the line if it is not needed).",
    ),
    (
        "too-deep",
        Edit(INTRO, "What this block covers.", "What this block covers.\n\n" + "<div>\n" * 101 + "</div>\n" * 101),
        "minimal/prog/year-1/b1/b1-intro.md:111: error [too-deep] HTML elements are nested more than 100 deep here. "
        "Close the elements you open (</details>, </div>), or nest fewer of them.",
    ),
    (
        "not-a-file",
        Socket("prog/year-1/b1/b1-w9.md"),  # a pipe could hang this run on a regression: test_hostile
        "minimal/prog/year-1/b1/b1-w9.md:1: error [not-a-file] The path is a socket, not a regular file, so it was not "
        "read. Content files must be ordinary files: delete it, or put the file itself in its place.",
    ),
    (
        "file-too-large",
        Write(INTRO, session("b1-intro", kind="introduction", body="Text.\n" * 400_000)),
        "minimal/prog/year-1/b1/b1-intro.md:1: error [file-too-large] The file holds 2,400,079 bytes; a content file "
        "may hold at most 2,097,152. Split it, or move large material into a handout (assets.yaml).",
    ),
    (
        "unsafe-html",
        Edit(INTRO, "What this block covers.", "What this block covers.\n\n<script>alert(1)</script>"),
        "minimal/prog/year-1/b1/b1-intro.md:11: error [unsafe-html] The element <script> is not allowed: content may "
        "not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a "
        "warning.",
    ),
    (
        "unclosed-html",
        Edit(INTRO, "What this block covers.", "<details>\n<summary>More</summary>\n\nText."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [unclosed-html] The <details> opened here is never closed. "
        "Add </details> where it ends.",
    ),
    (
        "unsafe-url",
        Edit(INTRO, "What this block covers.", "What [this](javascript:alert(1)) covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [unsafe-url] The address 'javascript:alert(1)' is not allowed: "
        "javascript: addresses can run code. Link to a web page (https://...) or a handout instead.",
    ),
    (
        "external-image",
        Edit(INTRO, "What this block covers.", "What ![a map](https://example.org/map.png) covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [external-image] The image 'https://example.org/map.png' loads "
        "from another website when the page opens. Save the image in the programme's assets, list it in assets.yaml "
        'and show it with {{ image("id", "alt text") }}.',
    ),
    (
        "forbidden-host",
        Edit(INTRO, "What this block covers.", "What [this](http://localhost:8000/x) covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [forbidden-host] The address 'http://localhost:8000/x' points at "
        "a host that is never published ('localhost' in its name). Link to the published address.",
    ),
    (
        "bad-address",
        Edit(INTRO, "What this block covers.", "What [this](https://[::1/x) covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [bad-address] The address 'https://[::1/x' names a host that "
        "browsers cannot read the same way. Write the address as the browser's address bar shows it, "
        "https://host/path, with any character encoded as the message says.",
    ),
    (
        "bad-address",
        Edit(INTRO, "What this block covers.", 'What <a href="notes 2.pdf">this</a> covers.'),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [bad-address] The address 'notes 2.pdf' has a space in it, "
        "which an address may not hold (write %20). Write the address as the browser's address bar shows it, "
        "https://host/path, with any character encoded as the message says.",
    ),
    (
        "absolute-path",
        Edit(ASSETS, "file: assets/sheet.pdf", "file: /home/me/sheet.pdf"),
        "minimal/prog/assets.yaml:4: error [absolute-path] The handout path '/home/me/sheet.pdf' is a path on one "
        "computer, not a path within the content. Put the file inside the programme folder and give its path "
        "relative to assets.yaml.",
    ),
    (
        "path-outside",
        Edit(ASSETS, "file: assets/sheet.pdf", "file: ../../sheet.pdf"),
        "minimal/prog/assets.yaml:4: error [path-outside] The handout path '../../sheet.pdf' climbs out of the "
        "programme folder. Put the file inside the programme folder and give its path relative to assets.yaml.",
    ),
    (
        "out-of-range",
        Edit(READ, "minutes: 20", "minutes: 1000000000000000000000000000000"),
        "minimal/prog/year-1/b1/b1-w1-read.md:6: error [out-of-range] The session 'b1-w1-read' takes "
        "1000000000000000000000000000000 minutes; a session takes 1 to 600. Give its real length in minutes, or split "
        "it into sessions.",
    ),
    (
        "out-of-range",
        Edit(BLOCK, "  - week: 4\n", "  - week: 4-999999999\n"),
        "minimal/prog/year-1/b1/block.yaml:19: error [out-of-range] Weeks 4 to 999999999 of 'b1' ends after week 1000; "
        "a block's weeks run from 1 to at most 1000. Number the block's weeks from 1, or split the block.",
    ),
    (
        "empty-container",
        Edit(PROGRAMME, "    blocks: [b1]", "    blocks: [b1]\n  - id: year-2\n    title: Year 2"),
        "minimal/prog/programme.yaml:12: error [empty-container] The year 'year-2' has no blocks and no pages. "
        "List its blocks under blocks:, or remove the year.",
    ),
    (
        "listed-and-seen",
        Edit(BLOCK, "    ect: [b1-w1-watch, b1-w1-read]", "    ect: [b1-w1-watch, b1-w1-read, see: b1-w1-read]"),
        "minimal/prog/year-1/b1/block.yaml:12: error [listed-and-seen] Week 1 of 'b1' lists the session 'b1-w1-read' "
        "and also points at it with see:. Keep one of the two entries.",
    ),
    (
        "control-character",
        Edit(INTRO, "What this block covers.", "What this \x1b[32mblock covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [control-character] The text holds the control character \\x1b, "
        "which no reader can see. Delete it: retype the line in an ordinary editor (the character is invisible in "
        "most).",
    ),
    (
        "broken-comment",
        Edit(INTRO, "What this block covers.", "What this <!-- note --!> block covers."),
        "minimal/prog/year-1/b1/b1-intro.md:9: error [broken-comment] The HTML comment mark '--!>' is not a "
        "comment's end: HTML ends a comment only at '-->'. Write comments as <!-- note -->, or remove the mark.",
    ),
    (
        "handout-type",
        (
            Write("prog/assets/sheet.html", "<script>steal()</script>"),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/sheet.html"),
        ),
        "minimal/prog/assets.yaml:4: error [handout-type] The handout 'assets/sheet.html' is of a type the site does "
        "not publish ('.html'); it publishes .csv, .doc, .docx, .gif, .jpeg, .jpg, .m4a, .mp3, .mp4, .odp, .ods, "
        ".odt, .pdf, .png, .ppt, .pptx, .svg, .txt, .webp, .xls, .xlsx. Save it as a PDF (or another type on the "
        "list) and name that file in assets.yaml.",
    ),
    (
        "handout-content",
        Write("prog/assets/sheet.pdf", "<html><script>steal()</script></html>"),
        "minimal/prog/assets.yaml:4: error [handout-content] The handout 'assets/sheet.pdf' is named as a PDF (.pdf) "
        "but its content is not one. Export the file again from the program that made it (an SVG as plain SVG), or "
        "save it as a PDF or PNG.",
    ),
    (
        "served-too-large",
        Write("prog/assets/sheet.pdf", b"%PDF-1.4\n" + b" " * 20_000_000),
        "minimal/prog/assets.yaml:4: error [served-too-large] The handout 'assets/sheet.pdf' is 20,000,009 bytes; the "
        "site serves a handout of at most 20,000,000 bytes. Compress it or split it (a PDF exported for screen, a "
        "shorter clip), or link to where it is hosted.",
    ),
    (
        "image-name",
        (
            Write("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'),
            Append("site.yaml", "provider:\n  name: P\n  logo: 'my logo.svg'\n"),
        ),
        "minimal/site.yaml:5: error [image-name] The logo path 'my logo.svg' may hold only letters, digits, '.', '_' "
        "and '-', in folders separated by '/' (and no '..'). Rename the file with letters, digits, '.', '_' and '-' "
        "only, and give its path relative to site.yaml.",
    ),
    (
        "image-content",
        (
            Write("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'),
            Append("site.yaml", "provider:\n  name: P\n  logo: logo.svg\n"),
        ),
        "minimal/site.yaml:5: error [image-content] The SVG logo 'logo.svg' has an 'onload' attribute, an event "
        "handler, which runs code (line 1 of the file). Export the image again (an SVG as plain SVG, with no script, "
        "link or animated link), or use a PNG.",
    ),
    (
        "handout-name",
        (
            Write("prog/assets/sheet#1.pdf", b"%PDF-1.4\n"),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: 'assets/sheet#1.pdf'"),
        ),
        "minimal/prog/assets.yaml:4: error [handout-name] The handout file name 'assets/sheet#1.pdf' holds a character "
        "(#, ?, % or a control character) that ends or changes a web address. Rename the file with letters, digits, "
        "hyphens and dots only, and update assets.yaml.",
    ),
    (
        "markdown-in-plain-text",
        Edit(BLOCK, "title: Block one", "title: Block **one**"),
        "minimal/prog/year-1/b1/block.yaml:2: error [markdown-in-plain-text] The text of 'title' in the block is plain "
        "text but holds Markdown (bold): 'Block **one**' would be shown with its marks. Write the words alone ('Block "
        "one'): bold, links and headings belong in a summary or a body.",
    ),
    (
        "control-character",
        Edit(BLOCK, "title: Block one", 'title: "Block one\\e[32m"'),
        "minimal/prog/year-1/b1/block.yaml:2: error [control-character] The text of 'title' in the block holds the "
        "control character \\x1b. Delete the escape that writes it in the double-quoted string (\\x1b or \\e): text "
        "may hold tabs and newlines but no other control character.",
    ),
    (
        "symlink-outside",
        Link("prog/assets/host.pdf", "/etc/hostname"),
        "minimal/prog/assets/host.pdf:1: error [symlink-outside] 'host.pdf' is a link to a place outside the content "
        "folder. Copy the file into the content folder instead of linking to it.",
    ),
]


CASES += calendar_cases(PROGRAMME)  # the programme in time: tests/calendar_support.py
CASES += milestone_cases(PROGRAMME)  # the tutor's statutory year: tests/calendar_support.py
CASES += [  # a brand colour on what Material draws it on (induction/check/contrast.py; more in tests/test_contrast.py)
    (
        "brand-contrast",
        Append("site.yaml", 'provider:\n  name: Hub\n  colours:\n    primary: "#ffdd00"\n'),
        "minimal/site.yaml:6: error [brand-contrast] The primary colour '#ffdd00' is too light for the text of buttons "
        "and search highlights on the page's white at 1.3:1 (WCAG AA asks 4.5:1); the mentor plan's phase bar and the "
        "buttons' border on white at 1.3:1 (WCAG AA asks 3:1). The nearest colour of the same hue that passes is "
        "'#897600' (4.5:1 on white).",
    ),
]
CASES += route_cases()  # routes through a block and its diagnostic: tests/routes_support.py


def report(tree: Path) -> list[str]:
    return [problem.format() for problem in load_and_check(str(tree)).problems]


@pytest.mark.parametrize("code, change, expected", CASES, ids=[f"{code}-{n}" for n, (code, _, _) in enumerate(CASES)])
def test_one_broken_rule_gives_one_exact_problem(tmp_path, code, change, expected):
    tree = make_tree(tmp_path)
    for step in change if isinstance(change, tuple) else (change,):
        step.apply(tree)
    assert report(tree) == [expected]
    assert f"[{code}]" in expected


# Catalogue codes without a case here, each with the reason (a code owned by a module that does
# not emit it yet). Only the import's findings, whose cases tests/test_importer_problems.py requires.
EXEMPT: dict[str, str] = {code: "an import finding: its case is in tests/test_importer_*.py" for code in IMPORT}
# The live preview's own finding: a build of valid content that failed (tests/test_plugin_serve.py).
EXEMPT.update(
    {
        code: "a reader's-eye finding on the built pages: its cases are in tests/test_reading.py"
        for code in READING_CODES
    }
)
EXEMPT["build-failed"] = "reported by the live preview when a build fails: its cases are in tests/test_plugin_serve.py"

CORE = Path(checks.__file__).parent


def emitted_codes() -> set[str]:
    """Catalogue codes written as literals in the core's modules (what loading and checks can report)."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in CORE.glob("*.py") if path.name != "problems.py")
    return {code for code in CATALOGUE if re.search(rf"[\"']{re.escape(code)}[\"']", text)}


def test_every_code_the_checks_emit_has_a_case():
    covered = {code for code, _, _ in CASES}
    assert not covered - set(CATALOGUE)
    assert sorted(emitted_codes() - covered - set(EXEMPT)) == []


def test_every_catalogue_code_has_a_case_or_a_reason():
    covered = {code for code, _, _ in CASES}
    assert sorted(set(CATALOGUE) - covered - set(EXEMPT)) == []
    assert sorted(set(EXEMPT) & covered) == [], "it has a case now: drop the exemption"
    assert all(reason.strip() for reason in EXEMPT.values())


def test_the_minimal_fixture_has_no_problem(tree):
    assert report(tree) == []


def test_every_problem_is_reported_at_once_sorted_by_file_and_line(tree):
    Edit(PLAN, "minutes: 45", "minutes: 50").apply(tree)
    Edit(BLOCK, "half_term: 1", "halfterm: 1").apply(tree)
    Edit(INTRO, "What this block covers.", "What {{ x }} covers.").apply(tree)
    assert [line.split(": error")[0] for line in report(tree)] == [
        "minimal/prog/year-1/b1/b1-intro.md:9",
        "minimal/prog/year-1/b1/b1-w1-mentor.md:6",
        "minimal/prog/year-1/b1/block.yaml:4",
    ]


def test_a_statement_id_with_no_near_miss_gets_its_standards_range(tree):
    Edit(PRACTISE, "intentions: ['2.8']", "intentions: [2z]").apply(tree)
    assert report(tree) == [
        "minimal/prog/year-1/b1/b1-w2-practise.md:7: error [unknown-statement] The framework ecf-2019 has no "
        "statement '2z'. Standard 2's statements are 2.1 to 2.9 and 2a to 2k."
    ]


def test_a_range_of_weeks_counts_every_week_it_covers(tree):
    Edit(BLOCK, "- week: 4", "- week: 3-5").apply(tree)
    assert report(tree) == [
        "minimal/prog/year-1/b1/block.yaml:19: error [week-overlap] Weeks 3 to 5 overlap the week before it, "
        "which ends at week 3. Start this entry at week 4."
    ]


def test_a_year_page_may_not_be_called_index(tree):
    Edit(WELCOME, "id: welcome", "id: index").apply(tree)
    Edit(PROGRAMME, "pages: [welcome]", "pages: [index]").apply(tree)
    assert report(tree) == [
        "minimal/prog/year-1/welcome.md:2: error [reserved-id] The session id 'index' would give its page the "
        "address of the page of year 'year-1'. Choose another id, such as 'year-1-index'."
    ]
