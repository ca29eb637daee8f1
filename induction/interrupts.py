"""Interrupts: the signals that stop a command (a CI cancel's SIGTERM, Ctrl-C's SIGINT, a closed
terminal's SIGHUP) raised as one exception, so each command's own `finally` removes its temporary
folders and its `main` says what was kept, instead of dying mid-write or printing a traceback."""
from __future__ import annotations

import signal
import sys
from collections.abc import Callable


class Interrupted(Exception):
    """SIGTERM, SIGINT or SIGHUP arrived."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def stop_on_signals() -> None:
    """From now on, SIGTERM, SIGINT and SIGHUP raise `Interrupted` in the main thread."""
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _raise)


def disk_message(error: OSError, who: str, target: str, kept: str, again: str) -> str:
    """What to tell the user when writing failed: the reason and the file, what was kept, what to do."""
    where = f" ({error.filename})" if error.filename else ""
    return (f"{who} could not write {target}: {error.strerror or error}{where}. {kept} was left as it was; free "
            f"some space or fix the folder's permissions and {again}.")


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
