#!/usr/bin/env python3
"""Start a new week, block, session or video: files with TODO placeholders to fill in.

    scripts/new.py week --block ID [--roles ect,mentor]
    scripts/new.py block --year ID [--programme ID] [--id ID]
    scripts/new.py session --block ID --week N --role ect|mentor|tutor [--kind KIND] [--video ID]
    scripts/new.py video --block ID
    scripts/new.py framework --id ID [--title TEXT] [--edition TEXT]
    scripts/new.py crosswalk --from ID --to ID

Every command takes --content DIR (default: content, or $ECT_CONTENT). Validation reports each
TODO placeholder, with its file and line, until you replace it.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from induction.authoring import scaffold  # noqa: E402
from induction.core.formats import ALL_KINDS, ROLES  # noqa: E402
from induction.publish.interrupts import command  # noqa: E402


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = main.add_subparsers(dest="command", required=True)
    content = argparse.ArgumentParser(add_help=False)
    content.add_argument(
        "--content",
        default=os.environ.get("ECT_CONTENT", "content"),
        help="the content folder (default: content, or $ECT_CONTENT)",
    )
    week = commands.add_parser("week", parents=[content], help="the next week of a block")
    week.add_argument("--block", required=True, help="the block's id")
    week.add_argument("--roles", default="ect,mentor", help="a session for each of these roles (default: ect,mentor)")
    block = commands.add_parser("block", parents=[content], help="a new block at the end of a year")
    block.add_argument("--year", required=True, help="the year's id, as in programme.yaml")
    block.add_argument("--programme", help="the programme's id (needed if several have this year)")
    block.add_argument("--id", default="", help="the block's id (default: <year>-block-<n>)")
    session = commands.add_parser("session", parents=[content], help="a session at the end of a week's list")
    session.add_argument("--block", required=True, help="the block's id")
    session.add_argument("--week", required=True, type=int, help="the week's number")
    session.add_argument("--role", required=True, choices=ROLES)
    session.add_argument("--kind", choices=ALL_KINDS, help="the session's kind (default: task, plan or material)")
    session.add_argument("--video", default="", help="a video id to show in the session")
    video = commands.add_parser("video", parents=[content], help="a video entry and its transcript")
    video.add_argument("--block", required=True, help="the block's id")
    framework = commands.add_parser("framework", parents=[content], help="a framework file (one edition)")
    framework.add_argument("--id", required=True, help="the framework's id, naming its edition (like ecf-2019)")
    framework.add_argument("--title", default="", help="its title, as published")
    framework.add_argument("--edition", default="", help="which edition it is, as readers should see it")
    crosswalk = commands.add_parser("crosswalk", parents=[content], help="a crosswalk from one edition to another")
    crosswalk.add_argument("--from", dest="source", required=True, help="the framework id intentions are written in")
    crosswalk.add_argument("--to", dest="target", required=True, help="the framework id to map them to")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "week":
            roles = tuple(role.strip() for role in args.roles.split(",") if role.strip())
            plan = scaffold.new_week(args.content, args.block, roles)
        elif args.command == "block":
            plan = scaffold.new_block(args.content, args.year, args.programme, args.id)
        elif args.command == "session":
            plan = scaffold.new_session(args.content, args.block, args.week, args.role, args.kind, args.video)
        elif args.command == "framework":
            plan = scaffold.new_framework(args.content, args.id, args.title, args.edition)
        elif args.command == "crosswalk":
            plan = scaffold.new_crosswalk(args.content, args.source, args.target)
        else:
            plan = scaffold.new_video(args.content, args.block)
    except scaffold.ScaffoldError as error:
        print(f"new.py: {error}", file=sys.stderr)
        return 2
    plan.apply()
    print("\n".join(plan.report()))
    print("Fill in the TODO placeholders, then run scripts/validate.py to see what is left.")
    return 0


if __name__ == "__main__":
    sys.exit(command(main, "new.py"))
