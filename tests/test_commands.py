"""Every command ends the same way on a signal or a file error (induction/publish/interrupts.py): a line
naming the command and the reason, the shell's status, no traceback."""

from __future__ import annotations

import errno
import signal

import pytest

from induction.publish.interrupts import Interrupted, command


def test_a_signal_is_a_line_and_the_shells_status(capsys):
    def main() -> int:
        raise Interrupted(signal.SIGTERM)

    assert command(main, "validate.py") == 128 + signal.SIGTERM
    assert capsys.readouterr().err == "validate.py: stopped by SIGTERM.\n"


def test_a_file_error_is_a_line_with_the_file(capsys):
    def main() -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "content/site.yaml")

    assert command(main, "new.py") == 1
    assert capsys.readouterr().err == "new.py: Permission denied (content/site.yaml).\n"


@pytest.mark.build
def test_what_main_returns_is_the_status(capsys):
    assert command(lambda: 3, "pdf.py") == 3
    assert capsys.readouterr().err == ""


@pytest.fixture(autouse=True)
def default_handlers():
    """`command` installs the project's handlers; the test run gets the default ones back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
