"""Processes in tests: a command's children (from /proc) and waiting for what a test observes,
never for a fixed time."""

from __future__ import annotations

import resource
import signal
import time
from pathlib import Path

import pytest


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def wait_for(condition, what: str, limit: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def small_disk(limit: int = 20_000) -> None:
    """For subprocess's preexec_fn: no file of the command may grow past `limit` bytes, as on a
    full disk (the write fails with an OSError; SIGXFSZ, which would kill it instead, is ignored)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
