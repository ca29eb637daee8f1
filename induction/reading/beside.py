"""Beside: the built pages read as the builder writes them, in a second process, so that the
reader's-eye check costs a build little more than its last step (the site-wide part: shared titles,
images that are not files of the site, the report).

A builder hands each page over as it writes it (`add`); on a machine with a second core the
pages are read there, in batches, while the builder goes on with the next ones; `done` waits for
the last batch and gives every page's `PageRead`. With one core, or too few pages to be worth a
second process, the pages are read here. Either way each page is read by `read_page`, exactly
as `read_site` reads a site folder, so the two cannot disagree.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from . import PageRead, read_page

# Pages handed to the second process at a time: enough that sending them costs little beside
# reading them, few enough that the last batch, read after the builder's last page, is short.
BATCH = 24


def read_pages(pages: list[tuple[str, str]]) -> list[PageRead]:
    """Each page (path relative to the site folder, HTML) read."""
    return [read_page(path, html) for path, html in pages]


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

    def __init__(self, processes: int | None = None) -> None:
        # A second process only where there is a second core to run it on (the builder has one).
        self.parallel = (os.cpu_count() or 1) > 1 if processes is None else processes > 0
        self.waiting: list[tuple[str, str]] = []
        self.batches: list[Future[list[PageRead]]] = []
        self.pool: ProcessPoolExecutor | None = None

    def add(self, path: str, html: str) -> None:
        """A page as written, `path` relative to the site folder (`a/b/index.html`)."""
        self.waiting.append((path, html))
        if self.parallel and len(self.waiting) >= BATCH:
            self._send()

    def _send(self) -> None:
        self.batches.append(self._pool().submit(read_pages, self.waiting))
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
        """Every page added, read, by path. A failure in the second process is raised here."""
        try:
            read = [page for batch in self.batches for page in batch.result()]
        finally:
            self.close()
        read += read_pages(self.waiting)
        self.waiting = []
        return {page.path: page for page in read}

    def close(self) -> None:
        """Stop the second process, without waiting for what it was reading (a failed build)."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.batches = []
