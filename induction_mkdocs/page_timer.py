"""Page timer: a build that spends too long on one page stops, naming the page (MkDocs adapter).

Validation refuses the inputs known to hang the Markdown renderer, but a hand-written page is
not validated, and a renderer's next loop is not known yet. So each page's Markdown-to-HTML step
runs under an interval timer: past the bound, the build (or one rebuild of `mkdocs serve`, which
then waits for the next save) ends with a message instead of spinning for ever. A POSIX signal
interrupts pure-Python loops; it works only in the main thread, where MkDocs renders pages.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from types import FrameType

from mkdocs.exceptions import PluginError


class PageTimer:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.page = ""
        self.source = ""  # the content file (or files) the page is made from, to look in
        self.previous: object = None

    def usable(self) -> bool:
        main = threading.current_thread() is threading.main_thread()
        return self.seconds > 0 and hasattr(signal, "setitimer") and main

    def start(self, page: str, source: str = "") -> None:
        if not self.usable():
            return
        self.page, self.source = page, source
        self.previous = signal.signal(signal.SIGALRM, self._expired)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        if not self.page:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)  # type: ignore[arg-type]
        self.page = ""

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        page, self.page = self.page, ""
        signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)  # type: ignore[arg-type]
        # The generated page's name alone sends the author to a file that is not in the content.
        made = f" (made from {self.source})" if self.source else ""
        where = self.source or "that page (or the content file it comes from)"
        raise PluginError(
            f"Rendering the page {page}{made} took longer than {self.seconds:g} seconds, so the "
            f"build stopped. Look in {where} for markup the Markdown renderer cannot finish, such "
            "as an HTML comment closed with --!>; the induction plugin's page_seconds setting sets "
            "the bound."
        )


def described(files: list[str], display: Callable[[str], str]) -> str:
    """The content files a page of many is made from, by the largest: where a slow body most likely is."""
    by_size = sorted(dict.fromkeys(files), key=lambda f: -(os.path.getsize(f) if os.path.isfile(f) else 0))
    if len(by_size) <= 1:
        return "".join(display(f) for f in by_size)
    return f"{len(by_size)} content files, the largest {display(by_size[0])}"
