"""Tether: a command's child process dies with the command, even when the command is killed with
SIGKILL, which no handler of the command's ever sees (an orphaned `mkdocs build` would go on
writing into a folder nobody will clean up or swap in).

Two ties, since neither is enough alone: on Linux the kernel sends the child SIGKILL the moment
its parent dies (`prctl(PR_SET_PDEATHSIG)`, set by `die_with_parent` between fork and exec); and
everywhere, `python -m induction.publish.tether PARENT MODULE ARGS...` runs `python -m MODULE ARGS...`
with a thread that watches for the parent to go and then ends the child's whole process group
(its own: the commands start it in a session of its own), grandchildren included.
"""

from __future__ import annotations

import ctypes
import os
import runpy
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.2


def command(module: str, *args: str) -> list[str]:
    """The argv that runs `python -m module args` tied to this process."""
    return [sys.executable, "-m", "induction.publish.tether", str(os.getpid()), module, *args]


def die_with_parent(parent: int) -> None:
    """For subprocess's preexec_fn (in the child, before exec): SIGKILL when `parent` dies (Linux);
    elsewhere a no-op, the watching thread doing the work."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError, TypeError):  # not Linux: no prctl
        return
    if os.getppid() != parent:  # the parent died before the tie was made: nobody is waiting
        os._exit(1)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    if hasattr(os, "killpg") and os.getpgid(0) == os.getpid():  # our own group: never the parent's
        os.killpg(0, signal.SIGKILL)
    os._exit(1)


def main() -> None:
    parent, module, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
