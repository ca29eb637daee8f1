"""Done when: breaking any one rule in a copy of the sample yields exactly the expected file:line
problem and a non-zero exit, with no traceback, from scripts/validate.py and from mkdocs build.

One case per kind of file (site, programme, block, ECT step, mentor plan, videos, handouts,
transcript), each a slip an author could make.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE, mkdocs_build
from edits import replace_once

pytestmark = [pytest.mark.build]  # what every test here needs (tests/marks_support.py)

Y1 = "oakfield/year-1"

CASES = [
    (
        "site.yaml",
        "programmes: [oakfield]",
        "programmes: [oakfeld]",
        "content/site.yaml:2: error [unknown-reference] No programme has the id 'oakfeld'. Did you mean 'oakfield'?",
    ),
    (
        "oakfield/programme.yaml",
        "blocks: [routines, how-pupils-learn,",
        "blocks: [routines, how-pupil-learn,",
        "content/oakfield/programme.yaml:41: error [unknown-reference] No block has the id 'how-pupil-learn'. "
        "Did you mean 'how-pupils-learn'?",
    ),
    (
        f"{Y1}/routines/block.yaml",
        "    title: Why routines matter\n    summary:",
        "    title: Why routines matter\n    summery:",
        "content/oakfield/year-1/routines/block.yaml:22: error [unknown-key] Unknown key 'summery' in a week. "
        "Expected one of: ect, mentor, summary, title, tutor, week. Did you mean 'summary'?",
    ),
    (
        f"{Y1}/routines/routines-w1-mentor.md",
        "minutes: 45\n",
        "minutes: 50\n",
        "content/oakfield/year-1/routines/routines-w1-mentor.md:6: error [minutes-mismatch] The phases add up to 45 "
        "minutes (10 + 15 + 15 + 5) but the plan says minutes: 50. Correct the phase minutes or the plan's total.",
    ),
    (
        f"{Y1}/routines/routines-w1-watch.md",
        "  - 7h\n",
        "  - 7z\n",
        "content/oakfield/year-1/routines/routines-w1-watch.md:9: error [unknown-statement] The framework ecf-2019 "
        "has no statement '7z'. Standard 7's statements are 7.1 to 7.7 and 7a to 7o.",
    ),
    (
        f"{Y1}/routines/routines-w1-watch.md",
        'video("routines-why-routines")',
        'video("routines-why-routine")',
        "content/oakfield/year-1/routines/routines-w1-watch.md:16: error [unknown-reference] No video has the id "
        "'routines-why-routine'. Did you mean 'routines-why-routines'?",
    ),
    (
        f"{Y1}/routines/videos.yaml",
        "duration: '6:20'",
        "duration: 6.20",
        "content/oakfield/year-1/routines/videos.yaml:5: error [wrong-type] Expected a duration as minutes:seconds "
        "(like '6:40') for 'duration' in a video but found the number 6.2.",
    ),
    (
        f"{Y1}/routines/assets.yaml",
        "file: assets/routines-practice-log.pdf",
        "file: assets/routines-practise-log.pdf",
        "content/oakfield/year-1/routines/assets.yaml:7: error [missing-file] The handout file "
        "'assets/routines-practise-log.pdf' is missing. Put the file there, or correct the path.",
    ),
]


@pytest.mark.parametrize(
    "file, old, new, expected", CASES, ids=[f"{n}-{c[0].rsplit('/', 1)[-1]}" for n, c in enumerate(CASES)]
)
def test_one_broken_rule_fails_validation_and_the_build_with_its_line(tmp_path, file, old, new, expected):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    replace_once(content / file, old, new)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    result = subprocess.run(
        [sys.executable, "scripts/validate.py", "--content", str(content)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == [expected]
    assert result.stdout.splitlines()[-1].startswith("1 error in 1 file (")
    assert "Traceback" not in result.stdout + result.stderr
    built = mkdocs_build(content, tmp_path / "site")
    assert built.returncode != 0
    assert expected in built.stderr.splitlines()
    assert "Traceback" not in built.stdout + built.stderr
    assert not (tmp_path / "site" / "index.html").exists()
