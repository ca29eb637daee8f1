"""The progress file in Chromium (docs/javascripts/progress.js, pairs.js): a record saved in one
browser context (ticks and a coaching log entry) and opened in a fresh one gives the same state;
the file the browser wrote validates against schemas/progress-file.schema.json; stores other
scripts register in window.inductionStores travel with it, and none registered is fine; three
records opened on the tutor's "Your pairs" page give the right counts and sort; a damaged file,
another programme's, a newer format's, a hostile one and a 5 MB one each change nothing and say
why in the live region. The printed record and the tutor's summary are written to PDF (and PNG
under /tmp/shots/record/ when pdftoppm is there) for a person to look at."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serve
from conftest import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (make browser)"),
]

ROUTINES = "oakfield/year-1/routines/"
RECORD = "about/progress/"
PAIRS = "oakfield/your-pairs/"
SHOTS = Path("/tmp/shots/record")
STEP = "This week's agreed step"


@pytest.fixture(scope="module")
def browser(sample_site):
    with serve(sample_site, sample_site / "404.html") as base, chromium() as launched:
        yield base, launched


def fresh(browser, width: int = 1000):  # type: ignore[no-untyped-def]
    """A new context (its own empty storage) and tab."""
    base, launched = browser
    context = launched.new_context(accept_downloads=True, viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.base = base
    return context, tab


def progress(tab) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(tab.evaluate("localStorage.getItem('ect-progress') || 'null'") or "null")


def open_record(tab) -> None:  # type: ignore[no-untyped-def]
    tab.goto(tab.base + RECORD)
    tab.wait_for_selector(".ect-record-save")


def save(tab, name: str = "Sam Patel", cohort: str = "September 2025 start") -> dict:  # type: ignore[no-untyped-def]
    open_record(tab)
    tab.get_by_label("Your name").fill(name)
    tab.get_by_label("Your cohort").select_option(label=cohort)
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Save my progress").click()
    return json.loads(Path(download.value.path()).read_text(encoding="utf-8"))


def tick_and_log(tab) -> None:  # type: ignore[no-untyped-def]
    tab.goto(tab.base + ROUTINES + "routines-w1-watch/")
    tab.get_by_role("checkbox", name="Mark as done").check()
    tab.goto(tab.base + ROUTINES + "routines-w1-mentor/")
    tab.get_by_label("Drop-in observation").fill("Lining up took four minutes")
    tab.get_by_label(STEP).fill("Use the countdown at every transition")


def open_files(tab, *files: dict, selector: str = "#ect-record-open", message: str = ".ect-record-message") -> str:  # type: ignore[no-untyped-def]
    tab.set_input_files(selector, list(files))
    tab.wait_for_selector(message + " p")
    return tab.inner_text(message)


def as_file(name: str, value: object) -> dict:
    text = value if isinstance(value, (str, bytes)) else json.dumps(value)
    return {"name": name, "mimeType": "application/json", "buffer": text if isinstance(text, bytes) else text.encode()}


def test_a_saved_record_opened_in_a_fresh_browser_gives_the_same_state_and_matches_the_schema(browser):
    first, tab = fresh(browser)
    tick_and_log(tab)
    saved = save(tab)
    before = progress(tab)
    first.close()
    schema = json.loads((ROOT / "schemas" / "progress-file.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(saved)) == []
    assert saved["person"] == {"name": "Sam Patel", "cohort": "september-2025"}
    assert saved["programme"]["site"] == "Oakfield Early Career Programme" and saved["programme"]["id"] == "oakfield"
    assert saved["programme"]["version"].startswith("content-") and saved["formatVersion"] == 1
    # the name given is kept as "My programme" (me.js's "ect-me") and travels with it; nothing else was chosen
    assert list(saved["stores"]) == ["ect-progress", "ect-me"] and saved["stores"]["ect-me"]["name"] == "Sam Patel"

    second, other = fresh(browser)
    open_record(other)
    said = open_files(other, as_file("sam.json", saved))
    assert said.startswith("\u201csam.json\u201d (Sam Patel, saved ")
    assert "was merged into this browser's progress." in said
    assert progress(other) == before
    assert other.locator(".ect-record-done").all_inner_texts() == [
        "Why routines give time back to learning (Week 1)\t" + other.locator(".ect-record-done td").nth(1).inner_text()
    ]
    assert "Agreed step: Use the countdown at every transition" in other.inner_text(".ect-record-steps")
    other.goto(other.base + ROUTINES + "routines-w1-mentor/")
    assert other.get_by_label(STEP).input_value() == "Use the countdown at every transition"
    other.goto(other.base + ROUTINES + "routines-w2-mentor/")  # the next plan shows it as last week's step
    assert other.inner_text(".ect-coaching__before") == (
        "Last week's agreed step (from \u201cPlanning and rehearsing the start of the lesson\u201d): "
        "Use the countdown at every transition"
    )
    assert other.errors == []
    second.close()


def test_opening_merges_newest_wins_and_loses_nothing(browser):
    context, tab = fresh(browser)
    tab.goto(tab.base + "404.html")
    mine = {
        "done": {
            "oakfield/routines-w1-read": {
                "at": "2025-09-10T09:00:00.000Z",
                "title": "Mine",
                "url": ROUTINES + "routines-w1-read/",
            }
        },
        "last": None,
        "coaching": {
            "oakfield/routines-w1-mentor": {
                "at": "2025-09-12T09:00:00.000Z",
                "previous": "",
                "observation": "",
                "step": "newer step",
            }
        },
    }
    tab.evaluate("v => localStorage.setItem('ect-progress', v)", json.dumps(mine))
    theirs = {
        "done": {
            "oakfield/routines-w1-watch": {
                "at": "2025-09-09T09:00:00.000Z",
                "title": "Theirs",
                "url": ROUTINES + "routines-w1-watch/",
            }
        },
        "last": None,
        "coaching": {
            "oakfield/routines-w1-mentor": {
                "at": "2025-09-11T09:00:00.000Z",
                "previous": "",
                "observation": "",
                "step": "older step",
            },
            "oakfield/routines-w2-mentor": {
                "at": "2025-09-11T09:00:00.000Z",
                "previous": "met",
                "observation": "",
                "step": "",
            },
        },
    }
    open_record(tab)
    open_files(tab, as_file("theirs.json", record_file(theirs)))
    merged = progress(tab)
    assert sorted(merged["done"]) == ["oakfield/routines-w1-read", "oakfield/routines-w1-watch"]
    assert merged["coaching"]["oakfield/routines-w1-mentor"]["step"] == "newer step"
    assert merged["coaching"]["oakfield/routines-w2-mentor"]["previous"] == "met"
    context.close()


def test_the_sites_stores_travel_in_the_file_and_merge_and_one_nobody_registered_is_left_out(browser):
    # "ect-me" (me.js) and "ect-route" (routes.js) register themselves; the file carries each
    # through its owner's own valid() and merge().
    context, tab = fresh(browser)
    tab.goto(tab.base + "404.html")
    tab.evaluate("""() => {
      localStorage.setItem('ect-me', JSON.stringify(
        {role: 'ect', programme: 'oakfield', cohort: 'september-2025', at: '2025-09-01T09:00:00.000Z'}));
      localStorage.setItem('ect-route', JSON.stringify({'oakfield/assessment':
        {route: 'core', at: '2025-09-02T09:00:00.000Z', how: 'chosen'}}));
    }""")
    saved = save(tab, name="Ada")
    assert saved["stores"]["ect-route"] == {
        "oakfield/assessment": {"route": "core", "at": "2025-09-02T09:00:00.000Z", "how": "chosen"}
    }
    assert saved["stores"]["ect-me"]["name"] == "Ada"  # the name given when saving, kept in "ect-me"
    assert json.loads(tab.evaluate("localStorage.getItem('ect-me')"))["name"] == "Ada"
    context.close()

    context, tab = fresh(browser)
    tab.goto(tab.base + "404.html")
    tab.evaluate("""() => localStorage.setItem('ect-route', JSON.stringify({
      'oakfield/assessment': {route: 'stretch', at: '2025-10-01T09:00:00.000Z', how: 'diagnostic'},
      'oakfield/routines': {route: 'core', at: '2025-09-20T09:00:00.000Z', how: 'chosen'}}))""")
    carried = dict(saved, stores=dict(saved["stores"], **{"ect-unknown": {"anything": 1}}))
    open_record(tab)
    assert "was merged" in open_files(tab, as_file("ada.json", carried))
    assert json.loads(tab.evaluate("localStorage.getItem('ect-route')")) == {  # newest wins per block
        "oakfield/assessment": {"route": "stretch", "at": "2025-10-01T09:00:00.000Z", "how": "diagnostic"},
        "oakfield/routines": {"route": "core", "at": "2025-09-20T09:00:00.000Z", "how": "chosen"},
    }
    assert json.loads(tab.evaluate("localStorage.getItem('ect-me')"))["name"] == "Ada"
    assert "ect-unknown" not in tab.evaluate("Object.keys(localStorage)")  # no script of the site owns it
    assert tab.errors == []
    context.close()


def record_file(
    progress_value: dict,
    name: str = "",
    cohort: str = "",
    programme: str = "oakfield",
    version: int = 1,
    saved: str = "2025-09-16T09:00:00.000Z",
) -> dict:
    return {
        "format": "ect-progress-file",
        "formatVersion": version,
        "programme": {"site": "Oakfield Early Career Programme", "id": programme, "version": "content-000000000000"},
        "savedAt": saved,
        "person": {"name": name, "cohort": cohort},
        "stores": {"ect-progress": progress_value},
    }


def ticks(*ids: str, at: str = "2025-09-10T09:00:00.000Z") -> dict:
    """Done entries for sessions of the sample; the address is checked against the id."""
    places = {
        "year-1-training-1": "oakfield/year-1/year-1-training-1/",
        "year-2-training-1": "oakfield/year-2/year-2-training-1/",
    }
    return {f"oakfield/{i}": {"at": at, "title": i, "url": places.get(i, f"{ROUTINES}{i}/")} for i in ids}


def log(*ids: str) -> dict:
    return {
        f"oakfield/{i}": {
            "at": f"2025-09-1{n}T09:00:00.000Z",
            "previous": "",
            "observation": "",
            "step": f"step of {i}",
        }
        for n, i in enumerate(ids)
    }


WEEK_1 = ("routines-w1-watch", "routines-w1-read", "routines-w1-map")
WEEK_2 = ("routines-w2-watch", "routines-w2-script", "routines-w2-rehearse")
THREE = [  # on 24 September 2025 the September cohort (from Monday 8 September) is in week 3
    as_file(
        "asha.json",
        record_file(
            {
                "done": ticks(*WEEK_1, *WEEK_2, "year-1-training-1"),
                "last": None,
                "coaching": log("routines-w1-mentor", "routines-w2-mentor"),
            },
            "Asha",
            "september-2025",
        ),
    ),
    as_file(
        "ben.json",
        record_file({"done": ticks("routines-w1-watch"), "last": None, "coaching": {}}, "Ben", "september-2025"),
    ),
    as_file(
        "cara.json",
        record_file(
            {
                "done": ticks(*WEEK_1, "routines-w2-watch", "year-1-training-1", "year-2-training-1"),
                "last": None,
                "coaching": log("routines-w1-mentor"),
            },
            "Cara",
        ),
    ),
]


def test_three_records_on_the_tutor_page_give_the_right_counts_and_sort(browser):
    context, tab = fresh(browser)
    tab.clock.set_fixed_time(datetime.datetime(2025, 9, 24, 10))
    tab.goto(tab.base + PAIRS)
    said = open_files(tab, *THREE, selector="#ect-pairs-open", message=".ect-pairs__message")
    assert said.split("\n\n") == [
        "\u201casha.json\u201d opened (Asha).",
        "\u201cben.json\u201d opened (Ben).",
        "\u201ccara.json\u201d opened (Cara).",
    ]
    rows = [row.split("\t") for row in tab.locator(".ect-pairs__table tbody tr").all_inner_texts()]
    # Weeks behind, descending: Ben has weeks 1 and 2 open against the cohort's week 3; Cara, with no
    # cohort, is measured to her latest work (week 2, open); Asha has done every step to week 3.
    assert [r[:6] for r in rows] == [
        ["Ben", "September 2025 start", "2", "3", "0", "None typed"],
        ["Cara", "Not given", "1", "1", "2", "step of routines-w1-mentor"],
        ["Asha", "September 2025 start", "0", "1", "1", "step of routines-w2-mentor"],
    ]
    assert tab.get_attribute("th:has(> button:text-is('Weeks behind'))", "aria-sort") == "descending"
    tab.get_by_role("button", name="Name").click()
    assert [r.split("\t")[0] for r in tab.locator(".ect-pairs__table tbody tr").all_inner_texts()] == [
        "Asha",
        "Ben",
        "Cara",
    ]
    assert tab.get_attribute("th:has(> button:text-is('Name'))", "aria-sort") == "ascending"
    assert tab.evaluate("document.activeElement.textContent") == "Name"  # focus stays on the sort button
    assert axe_violations(tab) == []
    tab.emulate_media(media="print")
    pdf(tab, "pairs")
    assert tab.evaluate("Object.keys(localStorage)") == []  # nothing kept
    assert tab.errors == []
    context.close()


HOSTILE = {
    "damaged.json": (
        '{"format": "ect-progress-file", "formatVersion": 1, "programme": {"site": "x"',
        "its text is not JSON (it may be damaged or cut short)",
    ),
    "other.json": (
        record_file({"done": {}, "last": None, "coaching": {}}, programme="riverside"),
        "it is from another programme (\u201cOakfield Early Career Programme\u201d, "
        "id \u201criverside\u201d), "
        "and this site is \u201cOakfield Early Career Programme\u201d (id \u201coakfield\u201d)",
    ),
    "newer.json": (
        record_file({"done": {}, "last": None, "coaching": {}}, version=2),
        "it was saved in a newer format (version 2) than this site reads (version 1)",
    ),
    "huge.json": (b" " * (5 * 1024 * 1024) + b"{}", "it is 5.0 MB, and a saved progress file is at most 1 MB"),
    "proto.json": (
        '{"format": "ect-progress-file", "__proto__": {"polluted": 1}}',
        "it holds the key \u201c__proto__\u201d, which this site never writes",
    ),
    "script.json": (
        record_file(
            {
                "done": {},
                "last": None,
                "coaching": {
                    "oakfield/routines-w1-mentor": {
                        "at": "2025-09-11T09:00:00.000Z",
                        "previous": "",
                        "observation": "",
                        "step": "<img src=x onerror=alert(1)>",
                    }
                },
            }
        ),
        "it holds markup or script in its text, which this site never writes",
    ),
    "bad-entry.json": (
        record_file(
            {
                "done": {
                    "oakfield/routines-w1-read": {"at": "yesterday", "title": "x", "url": "../../etc/"},
                    **ticks("routines-w1-watch"),
                },
                "last": None,
                "coaching": {},
            }
        ),
        "1 of its 2 entries is not as this site writes them: the file is damaged",
    ),
    "list.json": ("[1, 2, 3]", "it is not a saved progress file of this site"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_bad_file_changes_nothing_and_says_why(browser, name):
    context, tab = fresh(browser)
    tick_and_log(tab)
    before = progress(tab)
    open_record(tab)
    value, why = HOSTILE[name]
    said = open_files(tab, as_file(name, value))
    assert said.startswith(f"\u201c{name}\u201d was not opened: ") and why in said, said
    assert said.endswith(". Nothing was changed.")
    assert progress(tab) == before
    assert tab.get_attribute(".ect-record-message", "aria-live") == "polite"
    assert tab.evaluate("() => ({}).polluted === undefined")
    assert tab.errors == []
    context.close()


def test_the_printed_record_names_the_person_and_lists_the_programme_in_order_without_addresses(browser):
    context, tab = fresh(browser)
    tab.clock.set_fixed_time(datetime.datetime(2025, 9, 17, 10))
    tick_and_log(tab)
    tab.goto(tab.base + ROUTINES + "routines-w2-mentor/")
    tab.get_by_label("Partly met").check()
    open_record(tab)
    tab.get_by_label("Your name").fill("Sam Patel")
    tab.get_by_label("Your cohort").select_option(label="September 2025 start")
    assert axe_violations(tab) == []
    tab.emulate_media(media="print")
    head = tab.inner_text(".ect-record-head")
    assert head.split("\n") == [
        "Oakfield Early Career Programme",
        "Name: Sam Patel",
        "Cohort: September 2025 start",
        "Printed: Wednesday 17 September 2025",
    ]
    parts = tab.locator(".ect-record-part h2").all_inner_texts()
    assert parts[:3] == ["Year 1", "Year 1: Creating a positive learning environment", "Year 1: How pupils learn"]
    rows = tab.locator(".ect-record-part tbody tr").all_inner_texts()
    assert "Why routines give time back to learning (Week 1)\tWednesday 17 September 2025" in rows
    assert "Predictable classrooms and the pupils who need them most (Week 1)\tStill to do" in rows
    steps = tab.inner_text(".ect-record-steps")
    assert "Agreed step: Use the countdown at every transition" in steps and "Last week's step: partly." in steps
    # No address in the text: no link prints its href after it, and the foot line has none.
    afters = tab.evaluate("""() => Array.from(document.querySelectorAll('.md-content a'),
      a => getComputedStyle(a, '::after').content).filter(c => c && c !== 'none' && c !== 'normal')""")
    assert afters == []
    assert "127.0.0.1" not in tab.inner_text("#ect-print-line") if tab.locator("#ect-print-line").count() else True
    assert not tab.locator(".ect-record-save").is_visible()
    pdf(tab, "record")
    context.close()


def test_the_coaching_log_prints_blank_lines_when_empty_and_the_typed_text_when_filled(browser):
    context, tab = fresh(browser)
    tab.goto(tab.base + ROUTINES + "routines-w2-mentor/")
    assert axe_violations(tab) == []
    tab.emulate_media(media="print")
    assert not tab.get_by_label(STEP).is_visible()
    assert tab.locator(".ect-coaching__blank").count() == 4
    tab.emulate_media(media="screen")
    tab.get_by_label(STEP).fill("Narrate one worked example")
    tab.emulate_media(media="print")
    assert tab.locator(".ect-coaching__filled").all_inner_texts() == [
        "This week's agreed step: Narrate one worked example"
    ]
    assert progress(tab)["coaching"]["oakfield/routines-w2-mentor"]["step"] == "Narrate one worked example"
    context.close()


def test_tutor_checks_can_be_marked_as_done(browser):
    context, tab = fresh(browser)
    tab.goto(tab.base + ROUTINES + "routines-w1-tutor/")
    tab.get_by_role("checkbox", name="Mark as done").check()
    assert list(progress(tab)["done"]) == ["oakfield/routines-w1-tutor"]
    context.close()


def pdf(tab, name: str) -> None:  # type: ignore[no-untyped-def]
    """The page printed to PDF, and to PNG pages beside it where pdftoppm is installed."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.pdf"
    tab.pdf(path=str(path), prefer_css_page_size=True, print_background=False)
    assert path.stat().st_size > 1000
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(path), str(SHOTS / name)], check=True)
