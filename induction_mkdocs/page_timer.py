"""Page timer: a build that spends too long on one page stops, naming the page (MkDocs adapter).

Validation refuses the inputs known to hang the Markdown renderer, but a hand-written page is
not validated, and a renderer's next loop is not known yet. So each page's Markdown-to-HTML step
runs under an interval timer: past the bound, the build (or one rebuild of `mkdocs serve`, which
then waits for the next save) ends with a message instead of spinning for ever. A POSIX signal
interrupts pure-Python loops; it works only in the main thread, where MkDocs renders pages.
"""
from __future__ import annotations

import signal
import threading
from types import FrameType

from mkdocs.exceptions import PluginError


class PageTimer:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.page = ""
        self.previous: object = None

    def usable(self) -> bool:
        main = threading.current_thread() is threading.main_thread()
        return self.seconds > 0 and hasattr(signal, "setitimer") and main

    def start(self, page: str) -> None:
        if not self.usable():
            return
        self.page = page
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
        raise PluginError(f"Rendering the page {page} took longer than {self.seconds:g} seconds, so the build "
                          "stopped. Look in that page (or the content file it comes from) for markup the Markdown "
                          "renderer cannot finish, such as an HTML comment closed with --!>; "
                          "the induction plugin's page_seconds setting sets the bound.")
