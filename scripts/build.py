#!/usr/bin/env python3
"""Build the site atomically: MkDocs writes into a fresh folder beside site/, which replaces
site/ only when the build succeeds. A failed build prints its problems and leaves the previous
site/ exactly as it was, so a host that publishes site/ never serves a half-written site.
The site folder must be new, empty or a site this project built (induction/publish/destinations.py); an
interrupt says whether site/ was replaced or left, and leaves no temporary folder behind.

    scripts/build.py [--site-dir site] [mkdocs build options ...]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
from induction.publish import destinations, tether  # noqa: E402
from induction.publish.interrupts import Interrupted, disk_message, held_signals, stop_on_signals  # noqa: E402
from induction.publish.published import ADDRESS_NOTICE  # noqa: E402

CONFIG = os.path.join(ROOT, "mkdocs.yml")


def build(site_dir: str, extra: list[str], config_file: str = CONFIG, content: str | None = None) -> int:
    """Build `content` (default: ECT_CONTENT, else mkdocs.yml's) into `site_dir` by the rule of
    induction/publish/destinations.py: refused (status 2, nothing touched) unless it is new, empty or a
    site this project built, away from the sources."""
    guarded = destinations.project_folders(config_file, content)
    refusal = destinations.refusal(site_dir, destinations.SITE, guarded)
    if refusal:
        print(refusal, file=sys.stderr)
        return 2
    shown = os.path.relpath(site_dir)
    site_dir = os.path.realpath(site_dir)  # through a link: the folder it names is replaced, the link kept
    fresh, child = "", None
    try:
        with held_signals(finished=False):  # made and named together: never a folder nobody removes
            # Beside site/ (same file system), so the swap below is a rename, not a copy.
            fresh = destinations.temporary(site_dir, "site-new")
        with held_signals(finished=False):  # started and named together: never a child nobody ends
            child = run_mkdocs(fresh, ["-f", config_file, *extra], content)
        _, stderr = child.communicate()
        failed_write = written_error(stderr) if child.returncode != 0 else None
        if failed_write:  # MkDocs' traceback for a full disk or a locked folder: the reason, not the trace
            raise failed_write
        sys.stderr.write(problems_only(stderr))
        if child.returncode != 0:
            print(f"The build failed; {shown}/ was left as it was.", file=sys.stderr)
            return 1
        destinations.mark(fresh, destinations.SITE, "scripts/build.py")
        with held_signals():  # both renames or neither: a signal in between is raised once both are done
            swap(fresh, site_dir)
        return 0
    except Interrupted as stop:
        end(child)
        done = "was replaced by the new build" if stop.finished else "was left as it was"
        print(f"Stopped by {stop}; {shown}/ {done}.", file=sys.stderr)
        return 128 + stop.signum
    finally:
        with held_signals(finished=False):  # the removal is never cut short, half of it left behind
            if fresh:
                shutil.rmtree(fresh, ignore_errors=True)


def run_mkdocs(fresh: str, options: list[str], content: str | None) -> subprocess.Popen:
    """`mkdocs build` into `fresh`, tied to this process (induction/publish/tether.py): it dies when we die,
    even by SIGKILL, instead of writing on into a folder nobody will remove."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="true", **({"ECT_CONTENT": content} if content else {}))
    parent = os.getpid()
    # Not --quiet: it raises MkDocs' log level past warnings, so --strict would no longer see them.
    # Its own session, so that an interrupt ends MkDocs and anything it started, and nothing else.
    return subprocess.Popen(
        tether.command("mkdocs", "build", "--strict", "-d", fresh, *options),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: tether.die_with_parent(parent),
    )


def end(child: subprocess.Popen | None) -> None:
    """End the MkDocs process group: politely, then for sure."""
    if child is None or child.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(child.pid, sig)
            child.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


# The last line of a Python traceback for a failed write: "OSError: [Errno 28] No space left on device: 'path'"
# (or "'from' -> 'to'", or a subclass such as PermissionError).
_WRITE_ERROR = re.compile(r"^\w*Error: \[Errno (\d+)\] ([^:\n]+)(?::.*'([^'\n]+)')?\s*\Z")


def written_error(log: str) -> OSError | None:
    """The OSError that ended MkDocs, when its log ends with one (a full disk, a read-only folder)."""
    lines = log.rstrip().splitlines()
    match = _WRITE_ERROR.match(lines[-1]) if lines and "Traceback" in log else None
    if not match:
        return None
    return OSError(int(match.group(1)), match.group(2), match.group(3))


def problems_only(log: str) -> str:
    """MkDocs' log without its INFO lines (and their indented continuations): what needs reading.
    The one INFO line kept says that calendars lack the site's address (a strict build's notice)."""
    kept, keep = [], True
    for line in log.splitlines(keepends=True):
        if not line.startswith((" ", "\t")):
            keep = not line.startswith("INFO") or ADDRESS_NOTICE in line
        if keep:
            kept.append(line)
    return "".join(kept)


def swap(fresh: str, site_dir: str) -> None:
    """Put `fresh` in place of `site_dir`: two renames, so site/ is never half old, half new."""
    os.chmod(fresh, 0o755)  # mkdtemp makes it private; a web server must read it
    old = None
    if os.path.exists(site_dir):
        old = destinations.temporary(site_dir, "site-old")
        os.rmdir(old)
        os.replace(site_dir, old)
    try:
        os.replace(fresh, site_dir)
    except OSError:
        if old:
            os.replace(old, site_dir)  # put the old site back before reporting
        raise
    if old:
        shutil.rmtree(old, ignore_errors=True)
        if os.path.exists(old):  # a read-only folder inside it: say so rather than leave it silently
            print(
                f"The previous site could not be removed completely; delete {os.path.relpath(old)}/ by hand.",
                file=sys.stderr,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # MkDocs' own -d is this option too: passed on, it would build straight into the folder unchecked.
    parser.add_argument(
        "--site-dir",
        "-d",
        default=os.path.join(ROOT, "site"),
        help="where the site goes (default: site): new, empty or a site this project built",
    )
    parser.add_argument("--config-file", "-f", default=CONFIG, help="the MkDocs configuration (default: mkdocs.yml)")
    args, extra = parser.parse_known_args(argv)
    stop_on_signals()
    try:
        return build(args.site_dir, extra, args.config_file)
    except Interrupted as stop:  # before the build started or after it ended: nothing to undo
        print(f"Stopped by {stop}.", file=sys.stderr)
        return 128 + stop.signum
    except OSError as error:  # permissions, a full disk: the old site is kept, and the reason said
        print(
            disk_message(error, "The build", "the site", f"{os.path.relpath(args.site_dir)}/", "build again"),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
