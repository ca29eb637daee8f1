"""The stages of induction/ import one way: a package may import its own stage and the stages
before it, never one after it. The order is the data's own path through a build: the vocabulary
and model first, then a body read, content loaded, placed in time, checked, rendered, published;
the tools come last: authoring writes content, reading reads built pages, and the importer uses both."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "induction"
STAGES = ("core", "body", "load", "timing", "check", "render", "publish", "authoring", "reading", "importer")


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "induction" and parts[1] in STAGES else None


def _imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """Every induction module the file imports, absolute, with its line."""
    package = ["induction", *path.relative_to(root).parent.parts]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name.startswith("induction.")]


def against_stages(root: Path = ROOT) -> list[str]:
    wrong = []
    for path in sorted(root.rglob("*.py")):
        own = _stage("induction." + ".".join(path.relative_to(root).with_suffix("").parts))
        if own is None:
            continue
        for line, name in _imports(path, root):
            other = _stage(name)
            if other is not None and STAGES.index(other) > STAGES.index(own):
                wrong.append(f"induction/{path.relative_to(root)}:{line}: {own} imports {name} ({other})")
    return wrong


def test_no_module_imports_a_later_stage() -> None:
    assert against_stages() == []


def test_every_module_is_in_a_stage() -> None:
    loose = [path.name for path in ROOT.glob("*.py") if path.name != "__init__.py"]
    assert loose == [], "every module belongs to a stage package (see STAGES)"
    assert sorted(path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()) == sorted(STAGES)


def test_the_check_finds_an_import_against_the_stages(tmp_path: Path) -> None:
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "model.py").write_text("from ..render import nav\nfrom . import problems\n")
    assert against_stages(tmp_path) == ["induction/core/model.py:1: core imports induction.render.nav (render)"]
