#!/usr/bin/env python3
"""Benchmark the build at real scale and check it against the budgets (`make bench`).

    scripts/bench.py [--repeats 3] [--corpus DIR] [--json bench.json] [--skip-serve]

On the imported shared corpus (../shared/corpus/dfe-support-for-ects, imported afresh) and on a
copy twice its size (every programme duplicated under a new id), measured in one run,
interleaved, medians of the repeats:

  validation alone; full build; plain build of the exported pages (the baseline); edit-to-rebuilt
  under the live preview; peak memory of the full build; median and largest page HTML; site size;
  and the other engines: ProperDocs (full build and plain build of the export) and Zensical (the
  export, clean build and warm rebuild; its own environment, `make zensical`).

And the reader's side, on the sample and on the corpus (scripts/transfer.py, headless Chromium over
HTTP, every byte the server sends counted): the first visit of a week page, and one search from it;
and the recall of the 30 fixed queries (tests/search_queries.yaml) for the search before fragments
(Material's whole index, as the offline copy keeps it) and after (the hosted site's Pagefind).

Timings are compared as ratios against the baseline measured in the same run, each ratio the
median of the repeats' own (a full build and the plain build run back to back), so a slow or busy
machine moves both sides together. Prints a table with pass/fail per budget, writes JSON, and
exits 1 if any budget fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PY = sys.executable
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "dfe-support-for-ects", "content")
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="true")
ZENSICAL = os.path.join(ROOT, ".venv-zensical", "bin", "zensical")
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "scripts"))

# A child that runs a command in-process and reports its own peak memory (ru_maxrss, KiB).
_MEASURED = """
import resource, runpy, sys, time
sys.argv = sys.argv[1:]
start = time.perf_counter()
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
except SystemExit as exit:
    if exit.code not in (0, None):
        raise
sys.stderr.write("BENCH %f %d\\n" % (time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""

_VALIDATE = (
    "import sys, time\nsys.path.insert(0, "
    + repr(ROOT)
    + ")\n"
    + """
from induction.check.pipeline import load_and_check
start = time.perf_counter()
checked = load_and_check(sys.argv[1])
took = time.perf_counter() - start
assert checked.ok, checked.report()
print("BENCH %f" % took)
"""
)

BUDGETS = {
    "validation_s": ("validation of the corpus", "<=", 0.5),
    "build_over_plain": ("full build / plain build", "<=", 1.15),
    "build_x2_over_plain_x2": ("full / plain build, corpus x2", "<=", 1.15),
    "edit_to_rebuilt_s": ("edit to rebuilt page (preview)", "<=", 1.0),
    "median_page_kb": ("median page HTML (KB)", "<=", 60.0),
    "double_over_single": ("build time, corpus x2 / x1", "<=", 2.2),
    "peak_memory_mb": ("peak memory of the full build (MB)", "<=", 300.0),
    # Pages whose size grows with a block's length by navigation and tables, not content: the mentor
    # pack holds every plan of its block by design, so it is measured per plan instead.
    "long_block_largest_page_kb": ("largest page, a block of 1,000 weeks, its pack aside (KB)", "<=", 300.0),
    "long_block_pack_kb_per_plan": ("its mentor pack, per plan (KB)", "<=", 3.0),
    # Bytes the server sends (KB of 1,024), a cold cache: before any search, and for one search.
    "sample_first_visit_kb": ("sample: first visit of a week page (KB)", "<=", 300.0),
    "sample_search_kb": ("sample: one search (KB)", "<=", 300.0),
    "corpus_first_visit_kb": ("corpus: first visit of a week page (KB)", "<=", 300.0),
    "corpus_search_kb": ("corpus: one search (KB)", "<=", 300.0),
}
QUERY = "behaviour"  # the one search measured: a word on many pages of every programme


def run(args: list[str], env: dict | None = None, cwd: str = ROOT) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: command failed: {' '.join(args)}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result


def measured(module_args: list[str], env: dict, cwd: str = ROOT) -> tuple[float, float]:
    """(wall seconds, peak MB) of `python -m <module_args>` in a fresh interpreter."""
    start = time.perf_counter()
    result = run([PY, "-c", _MEASURED, *module_args], env=env, cwd=cwd)
    wall = time.perf_counter() - start
    match = re.search(r"BENCH ([\d.]+) (\d+)", result.stderr)
    assert match, result.stderr[-2000:]
    return wall, int(match.group(2)) / 1024


def import_corpus(dest: str) -> None:
    run([PY, os.path.join(ROOT, "scripts", "import_dfe.py"), CORPUS, dest])


def double(src: str, dest: str) -> None:
    """A copy of the content tree with every programme twice (the copy under a new id)."""
    shutil.copytree(src, dest)
    site_file = os.path.join(dest, "site.yaml")
    with open(site_file, encoding="utf-8") as handle:
        site = handle.read()
    ids = re.findall(r"^\s*-\s*([a-z0-9-]+)\s*$", site, re.M) or re.findall(r"programmes:\s*\[([^\]]*)\]", site)[
        0
    ].replace(" ", "").split(",")
    for programme_id in ids:
        folder = os.path.join(dest, programme_id)
        copy = folder + "-copy"
        shutil.copytree(folder, copy)
        path = os.path.join(copy, "programme.yaml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        text = re.sub(r"^id:\s*\S+", f"id: {programme_id}-copy", text, count=1, flags=re.M)
        text = re.sub(r"^title:\s*(.+)$", r"title: \1 (copy)", text, count=1, flags=re.M)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    with open(site_file, "w", encoding="utf-8") as handle:
        handle.write(
            re.sub(
                r"^programmes:.*",
                "programmes: [" + ", ".join([*ids, *(i + "-copy" for i in ids)]) + "]",
                site,
                flags=re.M | re.S,
            )
            + "\n"
        )


def long_block(dest: str, weeks: int = 1000) -> None:
    """A programme of one block of `weeks` weeks, one ECT step and a mentor plan each: the page
    sizes of a very long block (navigation within it, its weeks table, the role pages)."""
    block = os.path.join(dest, "long", "year-1", "long-block")
    os.makedirs(block)
    shutil.copytree(os.path.join(ROOT, "content", "frameworks"), os.path.join(dest, "frameworks"))

    def write(path: str, text: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)

    write(os.path.join(dest, "site.yaml"), "title: Long block\nprogrammes: [long]\n")
    write(
        os.path.join(dest, "long", "programme.yaml"),
        "id: long\ntitle: Long programme\nframework: ecf-2019\n"
        "years:\n  - id: year-1\n    title: Year 1\n    blocks: [long-block]\n",
    )
    entries = []
    for n in range(1, weeks + 1):
        entries.append(
            f"  - week: {n}\n    title: Week {n} of the long block\n    ect: [w{n}-read]\n    mentor: [w{n}-plan]\n"
        )
        write(
            os.path.join(block, f"w{n}-read.md"),
            f"---\nid: w{n}-read\nrole: ect\nkind: reading\n"
            f"title: Reading for week {n}\nminutes: 20\n---\n\nRead the week's text and note one question.\n",
        )
        write(
            os.path.join(block, f"w{n}-plan.md"),
            f"---\nid: w{n}-plan\nrole: mentor\nkind: plan\n"
            f"title: Meeting for week {n}\nminutes: 30\nphases:\n  - title: Review\n    minutes: 30\n---\n\n"
            "## Review\n\nAsk what the ECT noticed.\n",
        )
    write(
        os.path.join(block, "block.yaml"),
        "id: long-block\ntitle: A long block\nterm: autumn\nweeks:\n" + "".join(entries),
    )


def long_block_page_kb(work: str, weeks: int = 1000) -> tuple[float, float]:
    """Build a programme with a block of 1,000 weeks once: its largest page in KB, the mentor pack
    aside, and the pack's KB per plan (one plan a week)."""
    long = os.path.join(work, "long")
    long_block(long, weeks)
    site = os.path.join(work, "site-long")
    full_build(long, site)
    pack = os.path.join(site, "long", "year-1", "long-block", "mentor-pack", "index.html")
    pages = [
        os.path.getsize(os.path.join(folder, name))
        for folder, _, names in os.walk(site)
        for name in names
        if name.endswith(".html") and os.path.join(folder, name) != pack
    ]
    return max(pages) / 1024, os.path.getsize(pack) / 1024 / weeks


def compile_project() -> None:
    """The project's modules compiled to bytecode, as `pip install` compiles a package's. Python
    writes a module's bytecode when it first imports it, so every build but a machine's first runs
    from it; where PYTHONDONTWRITEBYTECODE is set (as on CI machines) nothing writes it, and each
    full build would compile the project again (0.2 s), which the plain build, whose modules were
    compiled at install, never does."""
    folders = [os.path.join(ROOT, name) for name in ("induction", "induction_mkdocs", "macros")]
    run([PY, "-m", "compileall", "-q", *folders])


def validation_time(content: str) -> float:
    result = run([PY, "-c", _VALIDATE, content])
    timing = re.search(r"BENCH ([\d.]+)", result.stdout)
    if timing is None:  # the validation run failed before it could time itself: say what it printed
        raise SystemExit(f"bench: the validation run printed no timing:\n{result.stdout}{result.stderr}")
    return float(timing.group(1))


def full_build(content: str, site_dir: str) -> tuple[float, float]:
    env = dict(ENV, ECT_CONTENT=content)
    return measured(["mkdocs", "build", "-q", "-d", site_dir], env)


def plain_build(export_dir: str, site_dir: str) -> tuple[float, float]:
    return measured(
        ["mkdocs", "build", "-q", "-f", os.path.join(export_dir, "mkdocs.yml"), "-d", site_dir], ENV, cwd=export_dir
    )


def properdocs_full_build(content: str, site_dir: str) -> float:
    env = dict(ENV, ECT_CONTENT=content)
    return measured(["properdocs", "build", "-q", "-f", "mkdocs.yml", "-d", site_dir], env)[0]


def properdocs_plain_build(export_dir: str, site_dir: str) -> float:
    return measured(["properdocs", "build", "-q", "-f", "mkdocs.yml", "-d", site_dir], ENV, cwd=export_dir)[0]


def zensical_build(export_dir: str, clean: bool) -> float:
    """Wall seconds of `zensical build` of the export: `clean` empties its cache first (a first
    build); otherwise it rebuilds over the cache of the build before (a warm rebuild, nothing
    changed). Zensical writes only inside the project: export_dir/site."""
    start = time.perf_counter()
    run([ZENSICAL, "build", "-f", "mkdocs.yml", *(["--clean"] if clean else [])], cwd=export_dir)
    return time.perf_counter() - start


def page_sizes(site_dir: str) -> tuple[list[int], int]:
    pages, total = [], 0
    for folder, _, names in os.walk(site_dir):
        for name in names:
            size = os.path.getsize(os.path.join(folder, name))
            total += size
            if name.endswith(".html"):
                pages.append(size)
    return pages, total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


EDITS = 7  # edits saved in the preview, at least


def edit_to_rebuilt(content: str, repeats: int) -> list[float]:
    """Seconds from saving a one-file edit to the preview serving the changed page."""
    work = tempfile.mkdtemp(prefix="bench-serve-")
    tree = os.path.join(work, "content")
    shutil.copytree(content, tree)
    data = json.loads(open(os.path.join(os.environ["BENCH_SITE"], "curriculum.json"), encoding="utf-8").read())
    session = data["sessions"][len(data["sessions"]) // 2]
    source = _session_file(tree, session["id"])
    port = free_port()
    env = dict(ENV, ECT_CONTENT=tree)
    command = [PY, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{session['url']}"
    times = []
    try:
        _wait_for(url, "", 600)
        for attempt in range(repeats):
            token = f"benchmark-edit-{attempt}-{time.time_ns()}"
            with open(source, "a", encoding="utf-8") as handle:
                handle.write(f"\n\n{token}\n")
            start = time.perf_counter()
            _wait_for(url, token, 120)
            times.append(time.perf_counter() - start)
            time.sleep(1.0)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return times


def _session_file(tree: str, session_id: str) -> str:
    for folder, _, names in os.walk(tree):
        if f"{session_id}.md" in names:
            return os.path.join(folder, f"{session_id}.md")
    for folder, _, names in os.walk(tree):
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    if re.search(rf"^id:\s*{re.escape(session_id)}\s*$", handle.read(), re.M):
                        return path
    raise SystemExit(f"bench: no file for session {session_id}")


def _wait_for(url: str, token: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if token in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"bench: {url} did not show {token!r} within {timeout} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--corpus", help="an already imported content folder (default: import the shared corpus)")
    parser.add_argument("--json", default=os.path.join(ROOT, "bench.json"))
    parser.add_argument("--skip-serve", action="store_true", help="leave out the live-preview measurement")
    parser.add_argument("--skip-engines", action="store_true", help="leave out ProperDocs and Zensical")
    parser.add_argument(
        "--skip-reader",
        action="store_true",
        help="leave out the bytes of a visit and a search, and the search's recall (they need Chromium)",
    )
    args = parser.parse_args(argv)
    compile_project()
    work = tempfile.mkdtemp(prefix="bench-")
    try:
        single = os.path.join(work, "x1")
        if args.corpus:
            shutil.copytree(args.corpus, single)
        else:
            start = time.perf_counter()
            import_corpus(single)
            print(f"imported the corpus in {time.perf_counter() - start:.1f} s")
        doubled = os.path.join(work, "x2")
        double(single, doubled)
        export_dir, export_x2 = os.path.join(work, "plain"), os.path.join(work, "plain-x2")
        run([PY, os.path.join(ROOT, "scripts", "export_docs.py"), "--content", single, export_dir])
        run([PY, os.path.join(ROOT, "scripts", "export_docs.py"), "--content", doubled, export_x2])
        samples = measure(single, doubled, (export_dir, export_x2), work, args.repeats, engines=not args.skip_engines)
        pages, total = page_sizes(os.path.join(work, "site-x1"))
        med = {k: statistics.median(v) for k, v in samples.items()}
        figures = {
            "pages": len(pages),
            "validation_s": med["validation"],
            "build_s": med["build"],
            "plain_build_s": med["plain"],
            "build_x2_s": med["build_x2"],
            "plain_build_x2_s": med["plain_x2"],
            # Each ratio is the median of the repeats' own ratios: a full build and the plain build
            # run one after the other, so a machine whose speed drifts between repeats (this one's
            # plain build took from 14 to 30 s within one run) moves both sides of each ratio alike.
            "build_over_plain": paired(samples, "build", "plain"),
            "build_x2_over_plain_x2": paired(samples, "build_x2", "plain_x2"),
            # The same ratios in CPU seconds of every process the builds ran (a second core's work
            # counted too), against the plain build's: what the checks and the search cost in work.
            "build_cpu_over_plain_cpu": paired(samples, "build_cpu", "plain_cpu"),
            "build_x2_cpu_over_plain_x2_cpu": paired(samples, "build_x2_cpu", "plain_x2_cpu"),
            "double_over_single": paired(samples, "build_x2", "build"),
            **engine_figures(med),
            "peak_memory_mb": max(samples["memory"]),
            "median_page_kb": statistics.median(pages) / 1024,
            "largest_page_kb": max(pages) / 1024,
            "site_mb": total / 1024 / 1024,
            "samples": samples,
        }
        figures["long_block_largest_page_kb"], figures["long_block_pack_kb_per_plan"] = long_block_page_kb(work)
        if not args.skip_serve:
            os.environ["BENCH_SITE"] = os.path.join(work, "site-x1")
            # An edit costs a second or two, and one reading of a busy machine can move by a third:
            # at least seven, so that the median is not one of three.
            edits = edit_to_rebuilt(single, max(args.repeats, EDITS))
            figures["edit_to_rebuilt_s"] = statistics.median(edits)
            samples["edit_to_rebuilt"] = edits
        if not args.skip_reader:
            figures.update(reader_figures(work, os.path.join(work, "site-x1")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = report(figures)
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=1)
    print(f"wrote {args.json}")
    return 1 if failed else 0


def measure(
    single: str, doubled: str, exports: tuple[str, str], work: str, repeats: int, engines: bool
) -> dict[str, list]:
    export_dir, export_x2 = exports
    names = ["validation", "build", "plain", "build_x2", "plain_x2", "memory"]
    names += ["build_cpu", "plain_cpu", "build_x2_cpu", "plain_x2_cpu"]
    if engines:
        names += ["properdocs_build", "properdocs_plain"] + (
            ["zensical_clean", "zensical_warm"] if os.path.exists(ZENSICAL) else []
        )
    samples: dict[str, list] = {k: [] for k in names}
    for repeat in range(repeats):  # interleaved, so drift in machine load hits every measure alike
        samples["validation"].append(validation_time(single))
        with cpu_of(samples, "build_cpu"):
            wall, memory = full_build(single, os.path.join(work, "site-x1"))
        samples["build"].append(wall)
        samples["memory"].append(memory)
        with cpu_of(samples, "plain_cpu"):
            samples["plain"].append(plain_build(export_dir, os.path.join(work, "site-plain"))[0])
        with cpu_of(samples, "build_x2_cpu"):
            samples["build_x2"].append(full_build(doubled, os.path.join(work, "site-x2"))[0])
        with cpu_of(samples, "plain_x2_cpu"):
            samples["plain_x2"].append(plain_build(export_x2, os.path.join(work, "site-plain-x2"))[0])
        if "properdocs_build" in samples:
            samples["properdocs_build"].append(properdocs_full_build(single, os.path.join(work, "site-pd")))
            samples["properdocs_plain"].append(properdocs_plain_build(export_dir, os.path.join(work, "site-pd-plain")))
        if "zensical_clean" in samples:
            samples["zensical_clean"].append(zensical_build(export_dir, clean=True))
            samples["zensical_warm"].append(zensical_build(export_dir, clean=False))
        print(f"repeat {repeat + 1}: " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in samples.items()))
    return samples


def paired(samples: dict[str, list], measure: str, baseline: str) -> float:
    """The median of measure / baseline over the repeats, each repeat's pair taken together."""
    return statistics.median(m / b for m, b in zip(samples[measure], samples[baseline], strict=True))


@contextlib.contextmanager
def cpu_of(samples: dict[str, list], key: str) -> Iterator[None]:
    """The CPU seconds (user and system) of the child processes that end inside the block, and of
    theirs (a build's second process, Pagefind), appended to samples[key]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    yield
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    samples[key].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def week_page(site_dir: str) -> str:
    """The address of the first week page of the site's first programme (from its curriculum.json)."""
    with open(os.path.join(site_dir, "curriculum.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    for programme in data["programmes"]:
        for year in programme["years"]:
            for block in year["blocks"]:
                if block["weeks"]:
                    return block["weeks"][0]["url"]
    raise SystemExit(f"bench: {site_dir} has no week page")


def reader_figures(work: str, corpus_site: str) -> dict:
    """Bytes of a week page's first visit and of one search, on the sample (built here, hosted and
    offline) and on the corpus's site; the 30 queries' recall before (offline copy) and after."""
    import search_recall  # noqa: PLC0415 (Chromium, only for these measures)
    import transfer  # noqa: PLC0415

    sample = os.path.join(work, "site-sample")
    offline = os.path.join(work, "site-sample-offline")
    full_build(os.path.join(ROOT, "content"), sample)
    measured(
        ["mkdocs", "build", "-q", "-f", "mkdocs.offline.yml", "-d", offline],
        dict(ENV, ECT_CONTENT=os.path.join(ROOT, "content")),
    )
    figures: dict = {}
    for name, site in (("sample", sample), ("corpus", corpus_site)):
        week = week_page(site)
        visit = transfer.first_visit(site, [week])[week]
        search = transfer.one_search(site, week, QUERY)
        figures[f"{name}_week_page"] = week
        figures[f"{name}_first_visit_kb"] = visit["total"] / 1024
        figures[f"{name}_first_visit_gzip_kb"] = visit["gzip"] / 1024
        figures[f"{name}_first_visit_by_kind_kb"] = {
            k: v / 1024 for k, v in visit.items() if k not in ("total", "gzip")
        }
        figures[f"{name}_search_kb"] = sum(search.values()) / 1024
        figures[f"{name}_search_files"] = len(search)
    queries = search_recall.load()
    figures["recall_before"], figures["recall_before_missed"] = search_recall.recall(Path(offline), queries, True)
    figures["recall_after"], figures["recall_after_missed"] = search_recall.recall(Path(sample), queries, False)
    return figures


def engine_figures(med: dict[str, float]) -> dict[str, float]:
    """The other engines' times, and each as a ratio to MkDocs' plain build of the same export."""
    figures = {}
    for key in ("properdocs_build", "properdocs_plain", "zensical_clean", "zensical_warm"):
        if key in med:
            figures[f"{key}_s"] = med[key]
            figures[f"{key}_over_plain"] = med[key] / med["plain"]
    return figures


def reader(figures: dict) -> None:
    """The reader's side, when measured: what a first visit loads, one search, the search's recall."""
    if "recall_after" not in figures:
        return
    for name in ("sample", "corpus"):
        kinds = ", ".join(f"{k} {v:.0f}" for k, v in sorted(figures[f"{name}_first_visit_by_kind_kb"].items()))
        print(
            f"{name}: first visit of {figures[name + '_week_page']}: {figures[name + '_first_visit_kb']:.0f} KB"
            f" ({kinds}); {figures[name + '_first_visit_gzip_kb']:.0f} KB from a host that gzips text;"
            f" one search for {QUERY!r}: {figures[name + '_search_kb']:.0f} KB"
            f" in {figures[name + '_search_files']} files"
        )
    count = len(search_recall_queries())
    for when, label in (
        ("before", "Material's whole index (offline copy)"),
        ("after", "Pagefind's fragments (hosted)"),
    ):
        print(f"recall of the {count} queries in the top 5, {label}: {figures['recall_' + when]:.0%}")
        for line in figures[f"recall_{when}_missed"]:
            print(f"  missed {line}")


def search_recall_queries() -> list:
    import search_recall  # noqa: PLC0415

    return search_recall.load()


def report(figures: dict) -> int:
    print(
        f"\n{figures['pages']} pages; full build {figures['build_s']:.2f} s, plain {figures['plain_build_s']:.2f} s;"
        f" x2: full {figures['build_x2_s']:.2f} s, plain {figures['plain_build_x2_s']:.2f} s;"
        f" in CPU, full / plain {figures['build_cpu_over_plain_cpu']:.2f},"
        f" x2 {figures['build_x2_cpu_over_plain_x2_cpu']:.2f};"
        f" largest page {figures['largest_page_kb']:.1f} KB; site {figures['site_mb']:.1f} MB\n"
    )
    for key, label in (
        ("properdocs_build", "ProperDocs, full build"),
        ("properdocs_plain", "ProperDocs, export"),
        ("zensical_clean", "Zensical, export, clean"),
        ("zensical_warm", "Zensical, export, warm"),
    ):
        if f"{key}_s" in figures:
            print(f"{label:40} {figures[key + '_s']:7.2f} s  {figures[key + '_over_plain']:5.2f} x MkDocs' plain build")
    reader(figures)
    print(f"\n{'measure':40} {'value':>9} {'budget':>9}  result")
    failed = 0
    for key, (label, op, budget) in BUDGETS.items():
        if key not in figures:
            print(f"{label:40} {'-':>9} {op}{budget:>7}  not measured")
            continue
        value = figures[key]
        ok = value <= budget
        failed += not ok
        print(f"{label:40} {value:9.2f} {op}{budget:>7}  {'pass' if ok else 'FAIL'}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
