"""Problems: the one type every stage reports through, and the catalogue of problem codes.

Every check appends `Problem`s to a `Problems` collection instead of raising, so an author sees
every problem at once, sorted by file and line, each with a stable code and a hint.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """A stable problem code with what it means and how to fix it (for the problem-codes page)."""

    name: str
    meaning: str
    fix: str


# The catalogue. Codes are stable: tests, docs and CI annotations rely on them.
CATALOGUE: dict[str, Code] = {
    c.name: c
    for c in [
        Code(
            "yaml-syntax",
            "A YAML file or front matter block could not be parsed.",
            "Fix the indentation or punctuation at the line given; indent with spaces, never tabs.",
        ),
        Code(
            "duplicate-key",
            "A key appears twice in the same mapping; YAML would silently keep the last.",
            "Delete or merge one of the two entries.",
        ),
        Code("not-utf8", "A file contains bytes that are not UTF-8 text.", "Re-save the file as UTF-8 in your editor."),
        Code("empty-file", "A file that must hold content is empty.", "Fill it in, or delete it and its references."),
        Code("missing-file", "A file the content needs is not there.", "Create the file, or correct the path."),
        Code(
            "unknown-key",
            "A key that the format does not know, usually a typing slip.",
            "Use one of the keys listed in the message; see the format reference.",
        ),
        Code("missing-key", "A required key is missing.", "Add the key named in the message."),
        Code(
            "markdown-in-plain-text",
            "A title or a label holds Markdown (bold, a link, a heading): titles are "
            "shown as typed, in the tab, the heading and the navigation, so a reader would see the marks.",
            "Write the words alone; bold, links and headings belong in a summary or a body.",
        ),
        Code(
            "wrong-type",
            "A value has the wrong type or form (for example text where a number belongs).",
            "Write the value in the form the message gives.",
        ),
        Code("duplicate-id", "Two entities of the same kind share an id.", "Give each one its own id."),
        Code(
            "unknown-reference",
            "An id is referred to that does not exist.",
            "Correct the id (the hint suggests the closest one) or create what it names.",
        ),
        Code(
            "unknown-framework",
            "A programme names a framework that is not in frameworks/.",
            "Add the framework file, or correct the id.",
        ),
        Code(
            "statement-kind",
            "A framework statement is listed under one kind but its id has the form of the other kind's ids.",
            "Move it under the right key ('learn_that:' or 'learn_how_to:'), or renumber it.",
        ),
        Code(
            "crosswalk-mismatch",
            "A crosswalk names a framework, or a statement of one, that the site lacks, or lists a statement twice.",
            "Correct the id (the hint suggests the closest one), or add the framework file to frameworks/.",
        ),
        Code(
            "unknown-statement",
            "A learning intention or citation names a statement the framework lacks.",
            "Use an id from the framework (the hint suggests the closest one).",
        ),
        Code(
            "unknown-example",
            "A session's example names a phase or subject that its programme does not "
            "declare (programme.yaml's phases: and subjects:).",
            "Correct the id in the heading's class (.example-<id>), or declare the phase or subject.",
        ),
        Code(
            "duplicate-example",
            "One set of examples has two for the same phase or subject, so a reader "
            "who chose it could not tell which is theirs.",
            "Merge the two, or give one to another phase or subject.",
        ),
        Code(
            "wording-mismatch",
            "A learning intention's wording is another statement's text.",
            "Cite the statement the wording belongs to, or reword it.",
        ),
        Code(
            "video-without-transcript",
            "A video has no transcript.",
            "Write the transcript in a Markdown file and name it with transcript:.",
        ),
        Code(
            "minutes-mismatch",
            "A mentor plan's phase minutes do not add up to its minutes.",
            "Correct the phase minutes or the plan's total.",
        ),
        Code(
            "untimed-phase",
            "Some phases of a mentor plan give their minutes and others do not.",
            "Give every phase its minutes, or none (an untimed plan).",
        ),
        Code(
            "missing-phases",
            "A mentor session plan declares no phases.",
            "List the plan's phases with their minutes under phases:.",
        ),
        Code(
            "phase-heading",
            "A mentor plan's phases and its ## headings do not match.",
            "Give every phase a ## heading with the same title, in the same order.",
        ),
        Code("week-overlap", "Two weeks of a block cover the same week number.", "Renumber the weeks."),
        Code("week-gap", "A block's weeks skip a number.", "Renumber the weeks so they run on from 1."),
        Code("empty-week", "A week lists no session.", "List at least one session under ect, mentor or tutor."),
        Code("empty-body", "A session or transcript has no text.", "Write the body below the front matter."),
        Code(
            "role-mismatch",
            "A session is listed under a role other than its own, or its kind does not fit its role.",
            "Move it to the list of its role, or correct role: or kind:.",
        ),
        Code(
            "not-listed",
            "A session file is in no block, week or year.",
            "List its id in a block.yaml or programme.yaml, or delete the file.",
        ),
        Code(
            "listed-twice",
            "A session is listed in two places.",
            "List it once; elsewhere refer to it with 'see: <id>'.",
        ),
        Code(
            "see-cycle",
            "A 'see:' reference points at something that is not a session's home.",
            "Point 'see:' at the session's id; the session must be listed once without 'see:'.",
        ),
        Code(
            "template-syntax",
            "Double braces in content that are not one of the shortcodes.",
            'Use {{ video("id") }}, {{ asset("id") }}, {{ statement("id") }} or {{ session("id") }}; '
            "write braces in prose as &#123;&#123;.",
        ),
        Code(
            "bad-shortcode",
            "A shortcode is malformed or misplaced (inside `code`, where it is still expanded, "
            "or in a transcript, where it is not).",
            "Follow the form given in the message.",
        ),
        Code(
            "image-without-alt",
            "An <img> with no alt attribute: a screen reader reads out its file name.",
            'Add alt="what the image shows", or alt="" for an image that is only decoration.',
        ),
        Code(
            "not-an-image",
            "image() names a handout that is not an image file: the page would show a broken picture.",
            "Link to the handout with asset(), or show an image file.",
        ),
        Code(
            "second-title",
            "A body heading at the level of the page's title (an '===' underline or an <h1>): "
            "the page would have two titles.",
            "Write it as a section heading, ## Heading.",
        ),
        Code(
            "transcript-front-matter",
            "A transcript begins with front matter, which transcripts do not read: "
            "it would be shown as a rule and a heading.",
            "Remove it; the video's details belong in videos.yaml.",
        ),
        Code(
            "reserved-id",
            "A session id that would give its page the address of a generated page "
            "(index, mentor-pack, week-N, and diagnostic where it has routes, in a block; index or a block's id "
            "among a year's pages), or a framework statement id that would (index, standard-N, beside-...).",
            "Choose another id, for example prefixed with the block's id.",
        ),
        Code(
            "placeholder",
            "Placeholder text marked TODO: (written by scripts/new.py) is still in a file.",
            "Replace the TODO text with your own, or delete the line if it is not needed.",
        ),
        Code(
            "uncovered-statements",
            "Statements of the framework that no session cites (coverage setting).",
            "Cite them from a session, or relax settings.coverage.",
        ),
        Code(
            "out-of-range",
            "A number or date beyond sane bounds: a session's minutes (1 to 600), an event's "
            "(1 to 10,080), a video's duration (up to 24 hours), a date (2000 to 2100) or a week number "
            "(up to 1,000).",
            "Give the real figure; split a very long session or block.",
        ),
        Code(
            "empty-container",
            "A year with no blocks and no pages, a block with no weeks, or a framework standard with no statements.",
            "List what it holds, or remove it.",
        ),
        Code(
            "listed-and-seen",
            "A week lists a session and also points at it with see: (it would show twice).",
            "Keep one of the two entries.",
        ),
        # Routes through a block and the diagnostic that chooses one (induction/check/routes.py).
        Code(
            "unknown-route",
            "A session's routes: or a diagnostic's answer names a route its block does not "
            "declare (or the block declares no routes).",
            "Use the id of one of the block's routes (the hint lists them), or declare the route under routes:.",
        ),
        Code(
            "route-without-step",
            "A week has ECT steps, but none for one of the block's routes: an ECT on that "
            "route would have nothing to do that week.",
            "Give one of the week's steps that route (routes: [id]), or leave routes: out of a step so that it "
            "is on every route.",
        ),
        Code(
            "unreachable-route",
            "No answer of the block's diagnostic points to one of its routes, so the diagnostic never chooses it.",
            "Point an answer (or a checklist item) at the route, or remove it.",
        ),
        Code(
            "diagnostic-without-routes",
            "A block has a diagnostic but declares no routes for it to choose between.",
            "Declare the routes under routes: (two or more), or remove the diagnostic.",
        ),
        Code(
            "diagnostic-form",
            "A diagnostic gives both questions: (a self-check the ECT answers) and checklist: "
            "(what a mentor ticks after observing), or neither.",
            "Keep one of the two forms: questions: or checklist:.",
        ),
        # The programme in time (induction/timing/schedule.py).
        Code(
            "dates-out-of-order",
            "A term or holiday ends before it starts, or a half-term starts before the one before it ends.",
            "Correct start: and end:.",
        ),
        Code(
            "calendar-overlap",
            "A holiday overlaps a term, or two half-terms overlap.",
            "A day is either in a term or in a holiday: correct the dates.",
        ),
        Code(
            "term-order",
            "A calendar's half-terms do not run Autumn 1, Autumn 2, Spring 1, Spring 2, Summer 1, Summer 2 in turn.",
            "List every half-term of each school year, in turn.",
        ),
        Code(
            "outside-calendar",
            "A cohort starts, or one of its weeks falls, after the last term of its calendar.",
            "Add the next school year's terms to the calendar, or start the cohort earlier.",
        ),
        Code(
            "event-outside-block",
            "A training event is dated outside the weeks of the block (or year) it belongs "
            "to, for a cohort that attends it.",
            "Correct the date, or tie the event to the block it belongs to.",
        ),
        Code(
            "brand-contrast",
            "A brand colour in site.yaml is drawn where it does not reach WCAG AA contrast: the "
            "primary colour as the text of buttons on white (4.5:1), or as the phase bar on white (3:1).",
            "Use the nearest colour of the same hue the message gives, or a darker shade of your own.",
        ),
        Code(
            "milestone-when",
            "A milestone gives both date: and week:, neither, or year: without week:.",
            "Give date: (YYYY-MM-DD), or week: (the cohort's school week, with year: 1 or 2), not both.",
        ),
        Code(
            "milestone-outside-induction",
            "A milestone's date falls outside its cohort's two years of induction, "
            "or its week is past the school weeks the cohort has in that year.",
            "Correct the date or week, or name the cohorts it is for with cohorts:.",
        ),
        # Hostile or unsafe input (induction/check/sanitiser.py, induction/core/paths.py, induction/core/source.py).
        Code(
            "too-deep",
            "Lists, admonitions or HTML elements nested deeper than the renderer can follow "
            "(it reads each level by calling itself): 50 levels of lists, 100 of HTML.",
            "Nest less: indent fewer levels, and close the HTML elements you open.",
        ),
        Code(
            "not-a-file",
            "A path in the content folder that is not a regular file (a named pipe, a device, a "
            "socket, or a link to one): reading it could wait for ever or never end, so it is not read.",
            "Content files must be ordinary files: delete it, or put the file itself in its place.",
        ),
        Code(
            "file-too-large",
            "A content file is larger than the limit (2 MB).",
            "Split it, or move large material into a handout (assets.yaml).",
        ),
        Code(
            "unsafe-html",
            "Raw HTML in a body that the allow-list does not permit (scripts, styles, "
            "forms, event attributes, iframes from other hosts).",
            "Remove it, or use Markdown or a shortcode; settings.unsafe_html: strip removes it with a warning.",
        ),
        Code(
            "unclosed-html",
            "An HTML element (such as <details>) is opened but never closed, or closed without being opened.",
            "Add the closing tag (</details>) or remove the stray one.",
        ),
        Code(
            "unsafe-url",
            "A link or image address whose scheme can run code or embed data (javascript:, data:).",
            "Link to a web page (https://...) or a handout instead.",
        ),
        Code(
            "external-image",
            "An image loads from another website: every reader's browser would ask that site for "
            "it on page load (a third-party request), and the site's Content Security Policy blocks it.",
            "Save the image in the programme's assets, list it in assets.yaml and show it with "
            '{{ image("id", "alt text") }}.',
        ),
        Code(
            "forbidden-host",
            "A link to a staging, local or otherwise forbidden host (settings.forbidden_hosts).",
            "Link to the published address.",
        ),
        Code(
            "bad-address",
            "A link or image address that is not a valid URL: a host that cannot be read (an "
            "unclosed [ bracket, an empty or over-long part), or a space, a stray % or another character that "
            "must be percent-encoded. Browsers would refuse it or repair it their own way, and the page does "
            "not validate.",
            "Write the address as the browser's address bar shows it, https://host/path, with any character "
            "encoded as the message says.",
        ),
        Code(
            "absolute-path",
            "A path on the author's computer (/home/..., C:\\..., file://) in content.",
            "Use a path relative to the file, or a handout shortcode.",
        ),
        Code(
            "path-outside",
            "A path that climbs out of the programme folder (../../).",
            "Put the file inside the programme folder and give a path within it.",
        ),
        Code(
            "broken-comment",
            "An HTML comment is opened and closed at once (<!-->), closed with --!>, or a "
            "<![CDATA[ section is written in HTML: browsers read it differently from authors and from the "
            "Markdown renderer, which may never finish the page.",
            "Write comments as <!-- note -->, or remove the mark.",
        ),
        Code(
            "handout-type",
            "A handout of a type the site does not publish: only PDF, images, office documents, "
            "plain text, audio and video; never HTML, scripts or programs, which would run from the site's address.",
            "Save it as a PDF (or another type on the list) and name that file in assets.yaml.",
        ),
        Code(
            "handout-content",
            "A handout whose content is not what its name says (a .pdf that is HTML inside), "
            "an SVG outside the allow-list of drawing elements and attributes (a script, an event handler, an "
            "animated link, a link out of the file, an XHTML part), or a text file that reads as markup or script.",
            "Export the file again from the program that made it (an SVG as plain SVG), or save it as a PDF or PNG.",
        ),
        Code(
            "image-content",
            "The provider's logo or favicon is not an image of its type, or is an SVG outside the "
            "allow-list of drawing elements and attributes: every page shows it, and a browser opens it at the "
            "site's address.",
            "Export the image again (an SVG as plain SVG, with no script, link or animated link), or use a PNG.",
        ),
        Code(
            "image-name",
            "The provider's logo or favicon path holds a character the theme would print into every "
            "page unescaped (a quote, a '<', a space) or a '..'.",
            "Rename the file with letters, digits, '.', '_' and '-' only, and give its path relative to site.yaml.",
        ),
        Code(
            "served-too-large",
            "A file the site serves is over its size limit: a handout 20 MB (audio and video "
            "100 MB), the logo or favicon 1 MB.",
            "Compress it or split it (a PDF exported for screen, a shorter clip), or link to where it is hosted.",
        ),
        Code(
            "handout-name",
            "A handout file name with #, ?, % or a control character: they end or change "
            "a web address, so the link to the file would break.",
            "Rename the file with letters, digits, hyphens and dots only, and update assets.yaml.",
        ),
        Code(
            "symlink-outside",
            "A symbolic link in the content folder that points outside it.",
            "Copy the file into the content folder instead of linking to it.",
        ),
        Code(
            "build-failed",
            "The live preview could not build the site from content that passed validation: a "
            "rendered page held what may not be published, a page took too long, or a template or macro failed.",
            "Fix what the message names (the content file given, or the page it was made from) and save: the "
            "preview builds again by itself. `mkdocs build` stops with the same message.",
        ),
        Code(
            "control-character",
            "Text (YAML or a Markdown body) holds a control character (such as ESC, NUL or "
            "a C1 control; in YAML a carriage return too): invisible on the page, and in a terminal it can colour, "
            "move the cursor or clear the line. Only tab and line ends are allowed.",
            "Delete it: in a double-quoted YAML string, remove the escape the message names (such as \\e or "
            "\\x1b); otherwise retype the text in an ordinary editor.",
        ),
        # What a reader sees on the built pages (induction/reading/): warnings unless
        # settings.reading_errors names them.
        Code(
            "syntax-as-text",
            "A built page shows Markdown, template or marker syntax as text (a '## heading', "
            "'**bold**', '[a link](address)', a list run into one line, '{{ ... }}', '{: ...}', '{details}', "
            "'!!!'): the text went through a path that prints it as it is.",
            "Write it where Markdown is read (a body), or as plain words in a plain-text field; put a list "
            "item or heading on a line of its own after a blank line.",
        ),
        Code(
            "image-not-shown",
            "A built page shows no picture where one was meant: an <img> whose address is not "
            "a file of the site, or a figure with no image in it.",
            'Show the image with {{ image("id", "alt text") }} outside raw HTML blocks, and list its '
            "file in assets.yaml.",
        ),
        Code(
            "empty-heading",
            "A heading with no text: a screen reader announces a heading with nothing to say.",
            "Write the heading's words, or remove it.",
        ),
        Code(
            "empty-phase",
            "A phase of a mentor plan with nothing in it: its heading is followed by another "
            "heading or by the end of the plan.",
            "Write what happens in the phase, or remove its heading.",
        ),
        Code(
            "heading-skip",
            "A heading more than one level below the heading before it (an h2 then an h4): "
            "the outline places it under the wrong parent.",
            "Give it the level below its parent (### under ##).",
        ),
        Code(
            "shared-title",
            "Three or more pages of one programme share a title: a reader cannot tell them apart "
            "in the tab, the navigation or a search.",
            'Give each page a title that names its topic ("Video: working memory", not "Video").',
        ),
        Code(
            "meeting-too-short",
            "A mentor meeting timed at under 10 minutes, which no meeting is (a page's "
            "reading time taken for the length of a meeting).",
            "Give the plan its minutes (minutes: in its front matter, or each phase's).",
        ),
        Code(
            "week-too-short",
            "A week whose steps add up to less than a third of the time the week states.",
            "Correct the steps' minutes or the week's stated duration.",
        ),
        Code(
            "transcript-not-speech",
            "A video transcript holds text that is not speech: a heading of an activity "
            "or an instruction to the reader, hidden with the transcript.",
            "End the transcript where the speech ends, and put the page's own text after it.",
        ),
    ]
}

# The reader's-eye check's codes (induction/reading/), in the order a report lists them;
# settings.reading_errors names those that are errors.
READING_CODES = (
    "syntax-as-text",
    "image-not-shown",
    "empty-heading",
    "empty-phase",
    "heading-skip",
    "shared-title",
    "meeting-too-short",
    "week-too-short",
    "transcript-not-speech",
)

# Import findings (induction/importer/): what an import met in its source and what it did.
# In the same catalogue, so one code means one thing everywhere; tests/test_importer_problems.py
# is their meta-test (a case for each code).
IMPORT_CODES: tuple[Code, ...] = (
    Code(
        "would-not-build",
        "A file the import wrote would fail the project's validation; it is reported at the source line it came from.",
        "Fix the source at the line given (the message quotes the validator's problem), or write the import "
        "anyway with --allow-problems and fix the output.",
    ),
    Code(
        "unsafe-path",
        "A source file or folder the importer will not read: a symbolic link (out of the source, or to a folder),"
        " a name with no letter or digit (such as '...md'), or not a regular file.",
        "Copy the file into the source folder, under a name with letters or digits.",
    ),
    Code("unreadable-file", "A source file that is not UTF-8 text.", "Re-save it as UTF-8."),
    Code(
        "oversized-file",
        "A source page larger than the importer's limit (2 MB), or a handout over 100 MB.",
        "Split the page, or move its material into a handout.",
    ),
    Code(
        "duplicate-address",
        "Two source files whose names give the same address (they differ only in case, accents, spaces or "
        "punctuation).",
        "Rename one of them; the second was imported under its name and a suffix.",
    ),
    Code(
        "unlisted-block",
        "A block folder that the provider index does not list.",
        "List the block in the provider index, or remove the folder.",
    ),
    Code("unlisted-page", "A source page that no index page links to.", "Link it from its block index, or remove it."),
    Code(
        "broken-link",
        "A link or image that leads to no page or file of the source.",
        "Correct the address, or add the page or file.",
    ),
    Code("placeholder-link", "A link that points at about:blank.", "Give the link its real address."),
    Code("staging-link", "A link to a staging host.", "Link to the published address."),
    Code(
        "index-link",
        "A link to a provider or block index page, which the import replaces by a generated page.",
        "Nothing to do: the link now leads to the generated page.",
    ),
    Code(
        "asset-link-text",
        "Two links to the same handout with different texts; the handout keeps the first as its title.",
        "Give the links one text, or accept the first as the handout's title.",
    ),
    Code(
        "transcript-link",
        "A transcript links to a page or shows an image of the site; a transcript is shown on several pages, "
        "where no one relative address works.",
        "Nothing to do: its words are kept; link from the page instead of the transcript if the link matters.",
    ),
    Code(
        "code-numbering",
        "A code written in another numbering than the framework's ('S2.3', or '2.3' where the framework says "
        "'2c'); the statement its words quote is recorded.",
        "Write the framework's own code, or none: the words are enough.",
    ),
    Code(
        "transcript-end",
        "A transcript's section goes on after the speech (an activity's heading, an instruction to the reader); "
        "that text is kept on the page, after the video, not in the transcript.",
        "End the transcript where the speech ends: close the {details} block, or give the text its own heading.",
    ),
    Code(
        "unreferenced-asset",
        "A file in the source's assets that no page refers to; it is not copied.",
        "Link it from a page, or remove it.",
    ),
    Code(
        "duplicate-page",
        "Two source pages with the same body; both are imported.",
        "Keep one and link to it from the other index.",
    ),
    Code("heading-role-mismatch", "An induction tutor page headed as mentor material.", "Correct the page's heading."),
    Code(
        "listed-for-another-role",
        "An index lists a page under a role other than the one its file name gives.",
        "Move the link to the list of its role, or rename the page.",
    ),
    Code(
        "unknown-term",
        "No term is named for a block (by the provider index or its page names); autumn is assumed.",
        "Name the block's term in the provider index.",
    ),
    Code(
        "untitled-week",
        "A week heading with no title ('## Week 3'); the week is titled by its label.",
        "Give the week a title in its block index.",
    ),
    Code(
        "step-title",
        "A page titled by a step name that other pages of the programme share ('Video'); it is titled by the "
        "step name and its topic ('Video: working memory').",
        "Give the page a title that names its topic.",
    ),
    Code(
        "week-range",
        "A week heading whose numbers are not a run ('Weeks 4, 6 and 7').",
        "Write the weeks as a run, or as separate weeks.",
    ),
    Code(
        "raw-heading",
        "A heading written as an HTML <h1>-<h6> element; it is written as a Markdown heading so that it "
        "takes its level in the page's outline.",
        "Write the heading in Markdown (## Heading) in the source.",
    ),
    Code(
        "setext-heading",
        "A heading underlined with === or --- (setext); it is written as a # or ## heading so that it takes "
        "its level in the page's outline.",
        "Write the heading as ## Heading in the source.",
    ),
    Code(
        "missing-alt",
        'An <img> without an alt attribute; it is given alt="" (decoration), since only the author can say '
        "what it shows.",
        'Describe the image in its alt attribute in the source, or leave alt="" if it is decoration.',
    ),
    Code(
        "address-with-space",
        "An address in an href= or src= attribute holds a space (a typing slip); the space is removed.",
        "Remove the space from the address in the source.",
    ),
    Code(
        "address-encoded",
        "A link or image address holds characters that an address must percent-encode (a '|', a '^', a stray "
        "'%', a second '#'); it is written as the valid address a browser would follow.",
        "Write the address with the characters encoded in the source (the report gives the new form).",
    ),
    Code(
        "minutes-estimated",
        "No duration is given for a page; it is estimated from its words and videos (a mentor's page at least "
        "10 minutes), or given its share of the week's stated minutes; an untimed mentor plan lasts its year's "
        "settings.meeting_minutes.",
        "State the duration in the block index ('Duration: 40 minutes.') or on the page.",
    ),
    Code(
        "week-minutes-mismatch",
        "The block index gives a week's minutes for a role, but its pages' own lengths and estimates add up "
        "to more; the week's total is shared among them.",
        "Correct the week's 'Duration:' line or the pages' own timings.",
    ),
    Code(
        "mentor-material",
        "A mentor page is kept as material, not a session plan: no line gives two phases their minutes and its "
        "headings name fewer than two parts of a meeting; the report line says what it found.",
        "Time its phases ('Review: 10 mins') or head its parts as a meeting's (Observe, Feedback, Practise).",
    ),
    Code(
        "plan-several-meetings",
        "A mentor page holds several meetings (topics each timing phases of their own); it is imported as one "
        "plan, lasting their sum.",
        "Give each meeting a page of its own, listed in its week.",
    ),
    Code(
        "plan-total-mismatch",
        "A mentor page written as a timed plan states a total that its phases do not add up to; the phases' "
        "sum is used.",
        "Correct the stated total or the phases' minutes.",
    ),
    Code(
        "template-braces",
        "Double braces or {% %} in source text, which the format would read as a shortcode; written as character "
        "references.",
        "Nothing to do: the braces are shown as they are.",
    ),
    Code(
        "inline-details-marker",
        "A {details} or {/details} marker on a line with text.",
        "Put the marker on a line of its own.",
    ),
    Code(
        "unclosed-details",
        "A {details} block that is never closed; it is closed at the end of the page.",
        "Add {/details} where the block ends.",
    ),
    Code(
        "stray-details-close",
        "A {/details} that closes no block; it is removed.",
        "Remove it, or add the {details} it closes.",
    ),
    Code(
        "unclosed-tag",
        "An HTML element that is never closed; it is closed where its block (or table cell) ends.",
        "Add the end tag where the element ends.",
    ),
    Code(
        "stray-tag",
        "An HTML end tag that closes no open element; it is removed.",
        "Remove it, or add the start tag it closes.",
    ),
    Code(
        "invalid-img",
        "An <img> that gives its address as url=, which browsers ignore; renamed to src=.",
        "Write src= in the source.",
    ),
    Code(
        "html-attribute",
        "Attributes on raw HTML that an ordinary page does not need (target, frameborder, WordPress sizes); removed.",
        "Nothing to do, or remove them from the source.",
    ),
    Code(
        "unsafe-html-removed",
        "Raw HTML that the allow-list refuses (a script, a handler attribute); removed by the import.",
        "Remove it from the source, or replace it with Markdown.",
    ),
    Code(
        "list-indent",
        "Nested list items indented by 2-3 spaces, which Python-Markdown reads as one list; re-indented by 4.",
        "Nothing to do, or indent nested items by 4 spaces in the source.",
    ),
    Code(
        "list-in-cell",
        "A table cell whose list is written on one line ('- a. - b.'), which a pipe table shows as text; "
        "written as an HTML list in the cell.",
        "Nothing to do, or write the table in HTML with a list in the cell.",
    ),
    Code(
        "list-after-paragraph",
        "A list that starts on the line after a paragraph, which Python-Markdown reads as the paragraph's text; "
        "a blank line was put before it.",
        "Nothing to do, or leave a blank line before a list in the source.",
    ),
    Code(
        "escaped-bold",
        "Bold whose asterisks are escaped (\\*\\*words\\*\\*), which shows the asterisks as text; written as bold.",
        "Nothing to do, or write **words** without backslashes in the source.",
    ),
    Code(
        "iframe-not-video",
        "An <iframe> from a host that is not a video player the site knows; it never becomes a video, and becomes"
        " a link to its address.",
        "Link to the content instead of embedding it, or embed a YouTube or Vimeo player.",
    ),
    Code(
        "audio-described",
        "An audio-described version of a video; it is kept as the video's alternative.",
        "Nothing to do.",
    ),
    Code(
        "transcript-not-published",
        "A video published without a transcript; it is shown as having none, with no transcript page.",
        "Add the transcript after the video (a {details} block or a 'Transcript' heading).",
    ),
    Code(
        "unknown-code",
        "A cited statement code that the framework does not have; not recorded as an intention.",
        "Correct the code.",
    ),
    Code(
        "code-text-mismatch",
        "A cited code whose text is another statement's; recorded with lower confidence.",
        "Cite the statement the text belongs to.",
    ),
    Code(
        "uncertain-intention",
        "A line close to a statement's text but not close enough to be placed as an intention.",
        "Quote the statement's words, or cite its code.",
    ),
    Code(
        "unmatched-intention",
        "A line listed as an intention that matches no statement of the framework.",
        "Quote a statement's words, or cite its code, or move the line out of the list.",
    ),
)
CATALOGUE.update({c.name: c for c in IMPORT_CODES})
IMPORT = frozenset(c.name for c in IMPORT_CODES)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    code: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:  # a programming slip, not an author's: fail loudly in tests
            raise ValueError(f"unknown problem code {self.code!r}")

    def format(self) -> str:
        """One line for a terminal: content text it quotes (file names, ids, titles) is made visible."""
        text = f"{self.file}:{self.line}: {self.severity} [{self.code}] {self.message}"
        return visible(f"{text} {self.hint}" if self.hint else text)

    def annotation(self) -> str:
        """A GitHub Actions workflow command, so CI shows the problem on the line."""
        kind = "error" if self.severity == ERROR else "warning"
        text = (self.message + (" " + self.hint if self.hint else "")).replace("\n", " ")
        return visible(f"::{kind} file={self.file},line={self.line},title={self.code}::{text}")


# What a terminal obeys rather than shows: C0 controls (ESC starts the sequences that colour, move
# the cursor and clear the line; CR returns to the line's start), DEL, the C1 controls (U+009B is
# a one-character CSI to some terminals) and the bidirectional overrides and isolates, which
# reorder the text after them. Content quoted in a message may hold any of them.
_UNSEEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str, keep: str = "") -> str:
    """`text` with every character a terminal would act on written as its escape (ESC as \\x1b, a
    newline as \\n), the notation of a double-quoted YAML string and of Python, so the author can
    find it in the source; U+FFFD or ^[ would hide which character it was. `keep`: characters left
    as they are (the newlines between a report's lines)."""
    return _UNSEEN.sub(lambda m: m.group() if m.group() in keep else _escaped(m), text)


def unseen(text: str) -> str | None:
    """The first control character of `text` other than tab and newline, if any (what YAML text may
    not hold), as visible() writes it."""
    for match in _UNSEEN.finditer(text):
        if match.group() not in "\t\n" and not "\u202a" <= match.group() <= "\u2069":
            return _escaped(match)
    return None


def without_controls(text: str) -> str:
    """`text` without the characters unseen() finds."""
    return "".join(char for char in text if unseen(char) is None)


@dataclass
class Problems:
    """An ordered collection of problems; `root` makes file names relative for display."""

    root: str = ""
    items: list[Problem] = field(default_factory=list)

    def add(self, code: str, file: str, line: int, message: str, hint: str = "", severity: str = ERROR) -> None:
        self.items.append(Problem(self.display(file), max(int(line), 1), code, message, hint, severity))

    def unknown(
        self,
        what: str,
        ident: str,
        known: Iterable[str],
        file: str,
        line: int,
        otherwise: str = "",
        code: str = "unknown-reference",
    ) -> None:
        """Report a reference to the `what` (session, block, ...) with id `ident`, which none of
        `known` has; the hint is the closest of them, or `otherwise`."""
        self.add(code, file, line, f"No {what} has the id '{ident}'.", did_you_mean(ident, known) or otherwise)

    def warn(self, code: str, file: str, line: int, message: str, hint: str = "") -> None:
        self.add(code, file, line, message, hint, WARNING)

    def display(self, file: str) -> str:
        return _display(file, self.root)

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.file, p.line, p.code, p.message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == WARNING]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(set(self.items))

    def summary(self, files: int) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return f"No problems in {files} files."
        parts = ([plural(errors, "error")] if errors else []) + ([plural(warnings, "warning")] if warnings else [])
        where = len({p.file for p in self.items})
        return f"{', '.join(parts)} in {plural(where, 'file')} ({files} files checked)."


@functools.lru_cache(maxsize=1024)  # hostile content can raise thousands of problems in one file
def _display(file: str, root: str) -> str:
    if root and os.path.isabs(file):
        rel = os.path.relpath(file, root)
        return rel.replace(os.sep, "/")
    return file.replace(os.sep, "/")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """The hint for a near miss: "Did you mean 'title'?" or an empty string."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'?" if close else ""
