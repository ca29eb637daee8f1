"""Beside: the built pages read as the builder hands them over, in a second process (on a large
build also given their policy and written there, from the same parse), so that the reader's-eye
check and the policy cost a build little more than its last step (the site-wide part: shared
titles, images that are not files of the site, the report).

A builder hands each page over as it writes it (`add`); on a machine with a second core the
pages are read there, in batches, while the builder goes on with the next ones; `done` waits for
the last batch and gives every page's `PageRead`. With one core, or too few pages to be worth a
second process, the pages are read here. Either way each page is read by `read_page`, exactly
as `read_site` reads a site folder, so the two cannot disagree.

On a large build the builder hands the pages over instead of writing them (`Writes`): each is
given its Content Security Policy and written where it is read, from the one parse both need
(the policy's scripts are found in the tree an HTML5 parser builds, as the check's text is), and
a page whose content holds a script is written nowhere.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

from induction.publish.csp import SitePolicy

from . import PageRead, read_page

# Pages handed to the second process at a time: enough that sending them costs little beside
# reading them, few enough that the last batch, read after the builder's last page, is short.
BATCH = 24


class Writes(NamedTuple):
    """Where the pages handed over are written, and the policy they are held to: on a large build the
    pages are given their policy and written where they are read, from the one parse both need."""

    site_dir: str
    policy: SitePolicy


class Batch(NamedTuple):
    """Pages read (and written, with Writes): each page's reading, the policy hashes of the pages
    written, and the pages not written because their content holds a script."""

    pages: list[PageRead]
    hashes: set[str]
    refused: list[str]


def read_pages(pages: list[tuple[str, str]]) -> list[PageRead]:
    """Each page (path relative to the site folder, HTML) read."""
    return [read_page(path, html) for path, html in pages]


def read_and_write(pages: list[tuple[str, str]], writes: Writes | None) -> Batch:
    """Each page read, as `read_pages` reads it; with `writes`, also given its policy and written
    (csp.SitePolicy.write), from the same parse."""
    policy = SitePolicy(writes.policy.frames, wasm=writes.policy.wasm) if writes is not None else None
    read, refused = [], []
    for path, html in pages:
        tree = LexborHTMLParser(html)
        if writes is not None and policy is not None and not policy.write(writes.site_dir, path, html, tree):
            refused.append(path)
        read.append(read_page(path, tree))
    return Batch(read, policy.hashes if policy is not None else set(), refused)


def _exit_with(builder: int) -> None:
    """In the second process: end when the builder does. A builder stopped by a signal (a preview
    stopped with Ctrl-C, a build killed) cannot tell it to, and its queue would keep it waiting."""

    def watch() -> None:
        while os.getppid() == builder:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


class PageReads:
    """The pages of one build, read as they are written."""

    def __init__(self, processes: int | None = None, writes: Writes | None = None) -> None:
        # A second process only where there is a second core to run it on (the builder has one).
        self.parallel = (os.cpu_count() or 1) > 1 if processes is None else processes > 0
        self.writes = writes  # the pages are written where they are read, given their policy
        self.waiting: list[tuple[str, str]] = []
        # Each batch sent, with its pages while the second process has not started it (see done).
        self.batches: list[tuple[Future[Batch], list[tuple[str, str]]]] = []
        self.pool: ProcessPoolExecutor | None = None
        self.refused: list[str] = []  # (after `done`) pages written nowhere: their content holds a script
        self.taken_back = 0  # (after `done`) batches read here after all: the second process was behind

    def add(self, path: str, html: str) -> None:
        """A page as written, `path` relative to the site folder (`a/b/index.html`)."""
        self.waiting.append((path, html))
        if self.parallel and len(self.waiting) >= BATCH:
            self._send()

    def _send(self) -> None:
        pages, future = self.waiting, self._pool().submit(read_and_write, self.waiting, self.writes)
        # Its pages are let go once the second process has read them (not when taken back: see done).
        future.add_done_callback(lambda done: None if done.cancelled() else pages.clear())
        self.batches.append((future, pages))
        self.waiting = []

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            # spawn, not fork: the builder may be running threads (a page's time bound), which a
            # forked child would inherit in whatever state they were.
            self.pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"), initializer=_exit_with, initargs=(os.getpid(),)
            )
        return self.pool

    def beside(self) -> Executor | None:
        """The second process, for other work of the build before its pages are written (it is
        started now, and reads the pages later); None where there is no second core."""
        return self._pool() if self.parallel else None

    def done(self) -> dict[str, PageRead]:
        """Every page added, read (and written, with Writes), by path; the hashes of the pages
        written join the build's policy, and those refused are in `refused`. A failure in the
        second process is raised here."""
        try:
            here = {id(future): read_and_write(pages, self.writes) for future, pages in self._taken_back()}
            batches = [here[id(future)] if id(future) in here else future.result() for future, _ in self.batches]
        finally:
            self.close()
        batches.append(read_and_write(self.waiting, self.writes))
        self.waiting = []
        if self.writes is not None:
            for batch in batches:
                self.writes.policy.hashes.update(batch.hashes)
        self.refused = [path for batch in batches for path in batch.refused]
        return {page.path: page for batch in batches for page in batch.pages}

    def _taken_back(self) -> Iterator[tuple[Future[Batch], list[tuple[str, str]]]]:
        """The batches the second process has not started, taken back one at a time from the last
        while it works on the first: where it is behind when the builder is done (it also shares its
        core with Pagefind), both cores finish what is left."""
        for future, pages in reversed(self.batches):
            if future.cancel():  # not started: it never will be, there
                self.taken_back += 1
                yield future, pages

    def close(self) -> None:
        """Stop the second process, without waiting for what it was reading (a failed build)."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.batches = []
