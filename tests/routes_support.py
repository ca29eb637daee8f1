"""Routes through a block and its diagnostic, as edits of tests/fixtures/minimal: the block b1 given
two routes and a diagnostic of one question (ROUTED), and the one-problem cases of induction/check/routes.py
and the loader's diagnostic that tests/test_checks.py runs with the rest (every code has a case)."""

from __future__ import annotations

from edits import Append, Edit, Write

BLOCK = "prog/year-1/b1/block.yaml"
READ = "prog/year-1/b1/b1-w1-read.md"
PRACTISE = "prog/year-1/b1/b1-w2-practise.md"

# Appended to block.yaml, whose last line is 23: routes: is line 24.
ROUTES = """routes:
  - id: core
    label: Core
    description: For ECTs building the habit.
  - id: stretch
    label: Stretch
    description: For ECTs who are already secure.
"""
QUESTIONS = """diagnostic:
  questions:
    - question: Do you check that every pupil has understood?
      answers:
        - answer: Now and then.
          route: core
        - answer: In every lesson.
          route: stretch
"""
ROUTED = Append(BLOCK, ROUTES + QUESTIONS)  # lines 24-30 the routes, 31 diagnostic:, 36 and 38 the routes answered
ON_STRETCH = Edit(READ, "minutes: 20\n", "minutes: 20\nroutes: [stretch]\n")  # line 7
P = "minimal/prog/year-1/b1/"


def route_cases() -> list[tuple[str, object, str]]:
    return [
        (
            "unknown-route",
            (ROUTED, Edit(READ, "minutes: 20\n", "minutes: 20\nroutes: [strech]\n")),
            f"{P}b1-w1-read.md:7: error [unknown-route] The session 'b1-w1-read' is on the route 'strech', which the "
            "block 'b1' does not declare. Did you mean 'stretch'? The block's routes are: core, stretch.",
        ),
        (
            "unknown-route",
            ON_STRETCH,
            f"{P}b1-w1-read.md:7: error [unknown-route] The session 'b1-w1-read' names routes, but the block 'b1' "
            "declares none. Declare the routes under routes: in its block.yaml, or remove routes: from the session.",
        ),
        (
            "unknown-route",
            Append(BLOCK, ROUTES + QUESTIONS + "        - answer: Rarely.\n          route: cor\n"),
            f"{P}block.yaml:40: error [unknown-route] An answer to question 1 of the diagnostic points to the route "
            "'cor', which the block 'b1' does not declare. Did you mean 'core'? The block's routes are: core, stretch.",
        ),
        (
            "route-without-step",
            (ROUTED, Edit(PRACTISE, "minutes:", "routes: [core]\nminutes:")),
            f"{P}block.yaml:15: error [route-without-step] Weeks 2 to 3 of the block 'b1' has no ECT step for the "
            "route 'stretch'. Give one of the week's steps the route (routes: [stretch]), or leave routes: out of a "
            "step so that it is on every route.",
        ),
        (
            "unreachable-route",
            Append(
                BLOCK,
                ROUTES + "  - id: secure\n    label: Secure\n    description: Secure from training.\n" + QUESTIONS,
            ),
            f"{P}block.yaml:31: error [unreachable-route] No answer of the diagnostic points to the route 'secure', so "
            "it never chooses it. Point an answer at it (route: secure), or remove the route.",
        ),
        (
            "diagnostic-without-routes",
            Append(BLOCK, QUESTIONS),
            f"{P}block.yaml:25: error [diagnostic-without-routes] The block 'b1' has a diagnostic but no routes for "
            "it to choose between. Declare two or more routes under routes:, or remove the diagnostic.",
        ),
        (
            "diagnostic-form",
            Append(BLOCK, ROUTES + "diagnostic:\n  intro: Answer honestly.\n"),
            f"{P}block.yaml:32: error [diagnostic-form] The diagnostic gives neither 'questions:' and 'checklist:'; it "
            "needs exactly one of them. Keep one of the two forms: questions: or checklist:.",
        ),
        (
            "duplicate-id",
            Append(
                BLOCK, ROUTES.replace("id: stretch", "id: core") + QUESTIONS.replace("route: stretch", "route: core")
            ),
            f"{P}block.yaml:28: error [duplicate-id] The route id 'core' is used twice in the block 'b1'. "
            "Give each route its own id.",
        ),
        (
            "reserved-id",
            (
                ROUTED,
                Edit(BLOCK, "pages: [b1-intro]", "pages: [b1-intro, diagnostic]"),
                Write(
                    "prog/year-1/b1/diagnostic.md",
                    "---\nid: diagnostic\nrole: ect\nkind: introduction\n"
                    "title: Where to start\nminutes: 5\n---\n\nStart here.\n",
                ),
            ),
            f"{P}diagnostic.md:2: error [reserved-id] The session id 'diagnostic' would give its page the address of "
            "the diagnostic of block 'b1'. Choose another id, such as 'b1-diagnostic'.",
        ),
    ]
