"""induction/reading/beside.py: the built pages read as they are written, in a second process where
there is a second core — read exactly as `read_site` reads the site folder, and a failure there
raised when the build asks for the pages."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from induction.check.pipeline import load_and_check
from induction.publish import csp
from induction.reading import checked_reading, html_files, read_checked_site, site_files
from induction.reading.beside import BATCH, PageReads, Writes, read_pages

pytestmark = pytest.mark.build


def pages_of(site: Path) -> list[tuple[str, str]]:
    return list(html_files(str(site), site_files(str(site))))


def test_pages_read_in_a_second_process_are_read_as_the_site_folder_is(sample_site):
    pages = pages_of(sample_site)
    assert len(pages) > 2 * BATCH
    reads = PageReads(processes=1)
    for path, html in pages:
        reads.add(path, html)
    assert reads.pool is not None and reads.batches  # the pages went to the second process as they came
    reads.batches[0][0].result()  # read there (the builder takes back only what it has not started)
    read = reads.done()
    assert reads.pool is None
    assert read == {page.path: page for page in read_pages(pages)}
    checked = load_and_check(str(SAMPLE))
    beside = checked_reading(read.values(), site_files(str(sample_site)), checked)
    assert [p.format() for p in beside.problems] == [
        p.format() for p in read_checked_site(str(sample_site), checked).problems
    ]


def test_with_one_core_the_pages_are_read_here_and_read_the_same(sample_site):
    pages = pages_of(sample_site)[: 3 * BATCH]
    reads = PageReads(processes=0)
    for path, html in pages:
        reads.add(path, html)
    assert reads.pool is None and not reads.batches
    assert reads.done() == {page.path: page for page in read_pages(pages)}


@pytest.mark.parametrize("processes", [1, 0])
def test_pages_handed_over_are_written_with_their_policy_as_the_builder_would_and_read_alike(
    sample_site, tmp_path, processes
):
    pages = pages_of(sample_site)[: 2 * BATCH + 3]
    planted = (
        '<html><head><meta charset="utf-8"></head><body><article class="md-content__inner">'
        "<p>a</p><script>planted()</script></article></body></html>"
    )
    handed = [*pages, ("bad/index.html", planted)]
    policy = csp.SitePolicy(csp.frame_sources(), wasm=True)
    reads = PageReads(processes=processes, writes=Writes(str(tmp_path), policy))
    for path, html in handed:
        reads.add(path, html)
    assert reads.done() == {page.path: page for page in read_pages(handed)}  # read as ever
    here = csp.SitePolicy(csp.frame_sources(), wasm=True)
    for path, html in pages:  # as each page was policed as it was written (the pages carry one: replaced)
        assert (tmp_path / path).read_text(encoding="utf-8") == here.page(html)
    assert policy.hashes == here.hashes and policy.hashes  # the header's hashes: every page's
    assert reads.refused == ["bad/index.html"] and not (tmp_path / "bad").exists()


def test_what_the_second_process_has_not_started_when_the_builder_is_done_is_read_here(sample_site, tmp_path):
    pages = pages_of(sample_site)[: 6 * BATCH]
    policy = csp.SitePolicy(csp.frame_sources())
    reads = PageReads(processes=1, writes=Writes(str(tmp_path), policy))
    for path, html in pages:  # faster than a new process starts: it holds two batches, the rest wait
        reads.add(path, html)
    assert reads.done() == {page.path: page for page in read_pages(pages)}
    assert reads.taken_back > 0  # (it may be all six, if the second process had not yet been handed any)
    here = csp.SitePolicy(csp.frame_sources())
    assert all((tmp_path / path).read_text(encoding="utf-8") == here.page(html) for path, html in pages)
    assert policy.hashes == here.hashes


def test_a_failure_in_the_second_process_is_raised_when_the_pages_are_asked_for():
    reads = PageReads(processes=1)
    for n in range(BATCH - 1):
        reads.add(f"ok-{n}/index.html", "<html><body><p>Words</p></body></html>")
    reads.add("bad/index.html", None)  # type: ignore[arg-type]  # no page: reading it fails there
    with pytest.raises(TypeError):  # as the parser fails on it, raised here
        reads.done()
    assert reads.pool is None


def test_the_second_process_ends_when_the_builder_is_killed(tmp_path):
    """A builder stopped by a signal leaves no process behind."""
    script = (
        "import os, sys, time\n"
        "from induction.reading.beside import BATCH, PageReads\n"
        "reads = PageReads(processes=1)\n"
        "for n in range(BATCH):\n"
        "    reads.add(f'p{n}/index.html', '<p>x</p>')\n"
        "reads.batches[0][0].result()\n"
        "print(next(iter(reads.pool._processes)), flush=True)\n"
        "time.sleep(60)\n"
    )
    builder = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    reader = int(builder.stdout.readline())
    os.kill(reader, 0)  # alive while the builder is
    builder.kill()
    builder.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and alive(reader):
        time.sleep(0.1)
    assert not alive(reader)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:  # a zombie has ended, unreaped by init yet
        return handle.read().split(") ", 1)[1][0] != "Z"
