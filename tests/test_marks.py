"""The marks that say what a test needs stay true (tests/marks_support.py): commands are classified
by what they start, a test that starts a build without its mark fails before anything runs, and no
test module uses a browser, a build, an external checker or the corpus without saying so."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from marks_support import FIXTURE_MARKS, NEEDS, needs_of, refusal

TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    ("command", "needs"),
    [
        ([sys.executable, "-m", "mkdocs", "build", "--strict"], {"build"}),
        ([sys.executable, "-m", "properdocs", "build"], {"build"}),
        ([sys.executable, "/p/scripts/build.py", "--site-dir", "site"], {"build"}),
        ([sys.executable, "-m", "pip", "wheel", "--no-deps", "."], {"build"}),
        ([sys.executable, "/p/scripts/pdf.py", "--no-build"], {"build"}),
        (["/p/.venv-zensical/bin/zensical", "build", "-f", "mkdocs.yml"], {"build", "external"}),
        (["/p/.venv-zensical/bin/python", "-c", "import markdown"], {"external"}),
        (["java", "-Xss4m", "-jar", "vnu.jar", "site"], {"external"}),
        (["pdftotext", "plan.pdf", "-"], {"external"}),
        (["/usr/lib/node", "/x/playwright/driver/package/cli.js", "run-driver"], {"browser"}),
        ("/usr/bin/chromium --headless --print-to-pdf=x.pdf page.html", {"browser"}),
        ([sys.executable, "/p/scripts/validate.py", "--content", "content"], set()),
        ([sys.executable, "-m", "ruff", "check", "induction"], set()),
        ([sys.executable, "/p/scripts/import_dfe.py", "src", "dest"], set()),
    ],
)
def test_a_command_needs_what_it_starts(command, needs):
    assert needs_of(command) == needs


def test_an_unmarked_test_may_not_start_a_build_and_is_told_which_mark_to_add():
    command = [sys.executable, "-m", "mkdocs", "build"]
    assert refusal("tests/test_x.py::test_y", ["unit"], command) == (
        f"tests/test_x.py::test_y starts `{sys.executable} -m mkdocs build` but is not marked pytest.mark.build: "
        "mark the test, its module (pytestmark) or its fixture (FIXTURE_MARKS in tests/marks_support.py)"
    )
    assert refusal("tests/test_x.py::test_y", ["build"], command) is None
    assert refusal("t", ["build"], ["/usr/bin/chromium", "--headless"]) == (
        "t starts `/usr/bin/chromium --headless` but is not marked pytest.mark.browser: mark the test, its "
        "module (pytestmark) or its fixture (FIXTURE_MARKS in tests/marks_support.py)"
    )


def test_the_check_runs_for_every_test_and_refuses_before_anything_starts(tmp_path):
    # This test is a unit test: asking for a build fails it, and nothing was started.
    with pytest.raises(pytest.fail.Exception, match=r"is not marked pytest\.mark\.build"):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=tmp_path)
    assert not (tmp_path / "site").exists()
    assert subprocess.run([sys.executable, "-c", "print(1)"], capture_output=True, text=True).stdout == "1\n"


def test_a_test_using_the_built_sample_is_marked_build(request):
    assert FIXTURE_MARKS["sample_site"] == ("build",)
    assert request.node.get_closest_marker("unit") is not None  # and one that needs nothing is `unit`


# What a module's source shows it uses, and the mark that says so. The check at run time catches
# what starts a process; this one also covers what does not (the corpus is read in-process).
USES = {
    "browser": re.compile(r"\bchromium\(|\bsync_playwright\b"),
    "build": re.compile(r"\bmkdocs_build\(|\bexport_builds\(|\"build\.py\"|\"-m\", \"mkdocs\"|\bproperdocs\b"),
    "external": re.compile(r"\bvnu\(|\"java\"|\bZENSICAL\b|\.venv-zensical|\bpdftotext\b"),
    "corpus": re.compile(r"\bCORPUS\b|\bSHARED\b"),
}


def test_every_module_that_uses_a_browser_a_build_a_checker_or_the_corpus_is_marked_for_it():
    unmarked = []
    for module in sorted(TESTS.glob("test_*.py")):
        if module.name == "test_marks.py":
            continue
        source = module.read_text(encoding="utf-8")
        for need in NEEDS:
            if USES[need].search(source) and f"pytest.mark.{need}" not in source:
                unmarked.append(f"{module.name}: uses what needs `{need}` but never says pytest.mark.{need}")
    assert unmarked == []
