"""Interrupts: the signals that stop a command (a CI cancel's SIGTERM, Ctrl-C's SIGINT, a closed
terminal's SIGHUP) raised as one exception, so each command's own `finally` removes its temporary
folders and its `main` says what was kept, instead of dying mid-write or printing a traceback."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# The signals that stop a command (Windows has no SIGHUP).
STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


class Interrupted(Exception):
    """SIGTERM, SIGINT or SIGHUP arrived. `finished`: it arrived while `held_signals` was
    finishing something that must not be cut in half, which was then finished."""

    def __init__(self, signum: int, finished: bool = False) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.finished = finished


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def stop_on_signals() -> None:
    """From now on, SIGTERM, SIGINT and SIGHUP raise `Interrupted` in the main thread."""
    for sig in STOPS:
        signal.signal(sig, _raise)


@contextmanager
def held_signals(finished: bool = True) -> Iterator[None]:
    """Run the block whole: a stopping signal that arrives inside it is noted, not raised, and
    raised as `Interrupted(finished=...)` once the block has ended. For steps that must not be
    cut in half, such as the two renames that swap a new site in (an exception between them would
    leave neither the old site nor the new one in place, and the command would report what it had
    not done) or the removal of a temporary folder. A block that raises keeps its own exception,
    and so does a block run while another exception is on its way out (in a `finally`)."""
    arrived: list[int] = []
    with _blocked():  # no handler may run half-way through the change of handlers
        previous = {sig: signal.signal(sig, lambda signum, frame: arrived.append(signum)) for sig in STOPS}
    try:
        yield
    finally:
        with _blocked():
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    if arrived and sys.exc_info()[0] is None:
        raise Interrupted(arrived[0], finished)


@contextmanager
def _blocked() -> Iterator[None]:
    """The stopping signals wait (pending) until the block ends, where the system can hold them."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no masks
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def disk_message(error: OSError, who: str, target: str, kept: str, again: str) -> str:
    """What to tell the user when writing failed: the reason and the file, what was kept, what to do."""
    where = f" ({error.filename})" if error.filename else ""
    return (
        f"{who} could not write {target}: {error.strerror or error}{where}. {kept} was left as it was; free "
        f"some space or fix the folder's permissions and {again}."
    )


def command(main: Callable[[], int], name: str) -> int:
    """Run a command's `main` as every command of the project ends: on a signal, after its own
    `finally` has removed what it was writing, "Stopped by SIGTERM." and the shell's status
    (128 + the signal); on a file it cannot read or write, the reason and the file, never a traceback."""
    stop_on_signals()
    try:
        return main()
    except Interrupted as stop:
        print(f"{name}: stopped by {stop}.", file=sys.stderr)
        return 128 + stop.signum
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"{name}: {error.strerror or error}{where}.", file=sys.stderr)
        return 1
