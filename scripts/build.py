#!/usr/bin/env python3
"""Build the site atomically: MkDocs writes into a fresh folder beside site/, which replaces
site/ only when the build succeeds. A failed build prints its problems and leaves the previous
site/ exactly as it was, so a host that publishes site/ never serves a half-written site.

    scripts/build.py [--site-dir site] [mkdocs build options ...]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def build(site_dir: str, extra: list[str]) -> int:
    site_dir = os.path.abspath(site_dir)
    parent = os.path.dirname(site_dir)
    os.makedirs(parent, exist_ok=True)
    # Beside site/ (same file system), so the swap below is a rename, not a copy.
    fresh = tempfile.mkdtemp(prefix=".site-new-", dir=parent)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="true")
    try:
        # Not --quiet: it raises MkDocs' log level past warnings, so --strict would no longer see them.
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", fresh, *extra],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        sys.stderr.write(problems_only(result.stderr))
        if result.returncode != 0:
            print(f"The build failed; {os.path.relpath(site_dir)}/ was left as it was.", file=sys.stderr)
            return 1
        swap(fresh, site_dir)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def problems_only(log: str) -> str:
    """MkDocs' log without its INFO lines (and their indented continuations): what needs reading."""
    kept, keep = [], True
    for line in log.splitlines(keepends=True):
        if not line.startswith((" ", "\t")):
            keep = not line.startswith("INFO")
        if keep:
            kept.append(line)
    return "".join(kept)


def swap(fresh: str, site_dir: str) -> None:
    """Put `fresh` in place of `site_dir`: two renames, so site/ is never half old, half new."""
    os.chmod(fresh, 0o755)  # mkdtemp makes it private; a web server must read it
    old = None
    if os.path.exists(site_dir):
        old = tempfile.mkdtemp(prefix=".site-old-", dir=os.path.dirname(site_dir))
        os.rmdir(old)
        os.replace(site_dir, old)
    os.replace(fresh, site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", default=os.path.join(ROOT, "site"), help="where the site goes (default: site)")
    args, extra = parser.parse_known_args(argv)
    return build(args.site_dir, extra)


if __name__ == "__main__":
    sys.exit(main())
