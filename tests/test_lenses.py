"""Examples for each phase and subject (induction/check/lenses.py, render/examples.py, the report) and
mentor training as a strand of its own (induction/check/mentor_training.py, render/training.py), on the
sample and on small bodies."""

from __future__ import annotations

import subprocess
import sys

import icalendar
import pytest
from conftest import ROOT, SAMPLE

from induction.check.lenses import example_sets
from induction.check.pipeline import load_and_check
from induction.core.model import Lens, Loc
from induction.render import render_site
from induction.render.examples import with_examples
from induction.timing.ics import calendar_files

BODY = """Intro.

## Instructions

Write them.

### In Reception {: .example-early-years }

Carpet time.

```
### Not a heading {: .example-secondary }
```

### In Year 4 {: .example-primary }

Books away.

#### A detail inside the primary example

Still primary.

## Check

Ask two questions.

### In Year 9 {: .example-secondary }

Planners out.
"""


def test_examples_are_the_sections_under_marked_headings_in_sets_that_follow_one_another():
    sets = example_sets(BODY)
    assert [[(e.lens_id, e.title, e.line, e.end) for e in examples] for examples in sets] == [
        [("early-years", "In Reception", 7, 15), ("primary", "In Year 4", 15, 23)],
        [("secondary", "In Year 9", 27, 30)],
    ]  # the fenced line is code, not a heading


class _Programme:
    lenses = [
        Lens("early-years", "Early years", "phase", Loc("p", 1)),
        Lens("primary", "Primary", "phase", Loc("p", 2)),
        Lens("secondary", "Secondary", "phase", Loc("p", 3)),
    ]


def test_each_set_becomes_open_labelled_details_and_the_rest_of_the_body_stays():
    out = with_examples(BODY, _Programme())  # type: ignore[arg-type]
    assert out.count('<div class="ect-examples" data-ect-examples=""') == 2
    assert (
        '<details class="ect-example example" data-ect-lens="early-years" open markdown="1">\n<summary '
        'markdown="span"><span class="ect-example__lens">Early years</span>: In Reception</summary>\n\n'
        "Carpet time.\n\n```\n### Not a heading {: .example-secondary }\n```\n\n</details>" in out
    )
    assert "#### A detail inside the primary example\n\nStill primary.\n\n</details>\n\n</div>" in out
    assert out.startswith("Intro.\n\n## Instructions\n\nWrite them.\n")
    assert "## Check\n\nAsk two questions.\n" in out
    assert with_examples("No examples here.", _Programme()) == "No examples here."  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def sample():
    checked = load_and_check(str(SAMPLE))
    assert checked.ok, checked.report()
    return checked, {page.src: page.markdown for page in render_site(checked)}


def test_a_sample_step_shows_its_examples_in_the_order_written(sample):
    _, pages = sample
    page = pages["oakfield/year-1/routines/routines-w2-script.md"]
    order = [page.index(f'data-ect-lens="{lens}"') for lens in ("early-years", "primary", "secondary", "maths")]
    assert order == sorted(order) and page.count("<details") == 4
    assert '<span class="ect-example__lens">Mathematics</span>: In a mathematics lesson' in page


def test_the_examples_page_shows_which_sessions_lack_an_example_for_which_phase(sample):
    _, pages = sample
    page = pages["oakfield/examples.md"]
    assert "3 sessions carry examples; 3 of them lack one for a phase." in page
    assert (
        "- [Practise daily: run, reinforce, record](year-1/routines/routines-w4-6-practise.md)"
        " · Year 1, Creating a positive learning environment, Weeks 4 to 6\n\n    Examples for: Primary, "
        "Secondary, Special school. **No example yet for:** Early years.\n" in page
    )
    assert "96 ECT steps and mentor session plans carry no example:" in page
    assert "[Examples by phase and subject](examples.md)" in pages["oakfield/for-tutors.md"]


def test_the_report_script_lists_each_session_with_the_phases_it_lacks():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lenses.py"), "--content", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "oakfield: 3 sessions carry examples (early-years, primary, secondary, special, maths, english).",
        "  content/oakfield/year-1/routines/routines-w1-read.md:2: routines-w1-read: no example for special",
        "  content/oakfield/year-1/routines/routines-w2-script.md:2: routines-w2-script: no example for special",
        "  content/oakfield/year-1/routines/routines-w4-6-practise.md:2: routines-w4-6-practise: no example for "
        "early-years",
        "  96 ECT steps and mentor plans carry no example.",
    ]


def test_mentor_training_has_its_page_with_each_cohorts_dates_and_a_count_of_its_own(sample):
    _, pages = sample
    page = pages["oakfield/mentor-training/index.md"]
    assert "1. [Instructional coaching: the weekly cycle](mentor-training-1.md) · 1 hour 30 minutes" in page
    assert (
        "    - September 2025 start: Wednesday 10 September 2025, 16:00 to 17:30, Oakfield Teaching School "
        "Hub, Room 2" in page
    )
    assert "    - January 2026 start: Wednesday 11 February 2026, 16:00 to 17:15, online" in page
    assert (
        'data-ect-progress-count="oakfield/mentor-training-1 oakfield/mentor-training-2 '
        'oakfield/mentor-training-3 oakfield/mentor-training-4 oakfield/mentor-training-5" '
        'data-ect-what="mentor training sessions"' in page
    )
    year = pages["oakfield/year-1/index.md"]  # the year counts them apart from the meetings' plans
    assert 'data-ect-what="mentor training sessions"' in year
    plans = next(line for line in year.splitlines() if 'data-ect-what="mentor session plans"' in line)
    assert "mentor-training" not in plans
    assert "[Mentor training](mentor-training/index.md)" in pages["oakfield/for-mentors.md"]


def test_a_mentor_training_session_page_sits_in_its_strand(sample):
    _, pages = sample
    page = pages["oakfield/mentor-training/mentor-training-2.md"]
    assert '<p class="ect-caption">Year 1 · Mentor training</p>' in page
    assert "[Back to Mentor training](index.md)" in page
    assert 'data-ect-progress="oakfield/mentor-training-2"' in page
    assert 'aria-label="Mentor training in order"' in page
    assert "Previous: [Instructional coaching: the weekly cycle](mentor-training-1.md)" in page
    assert "Next: [Feedback that lands: precise praise and a single action step](mentor-training-3.md)" in page


def test_mentor_training_reaches_the_mentors_calendars_only(sample):
    checked, _ = sample
    files = calendar_files(checked.site.programmes, checked.places, checked.schedules, "https://example.org/")

    def summaries(name: str) -> list[str]:
        calendar = icalendar.Calendar.from_ical(files[f"oakfield/calendars/{name}.ics"])
        return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]

    mentor = summaries("january-2026-mentor")
    assert "Mentor training: Observing for one thing: short drop-ins" in mentor
    assert sum(s.startswith("Mentor training: ") for s in mentor) == 5
    assert not any(s.startswith("Mentor training: ") for s in summaries("january-2026-ect"))
