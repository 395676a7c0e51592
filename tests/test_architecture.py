"""The package's shape: imports go one way (entry → application → parts → base), with no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "summarize"
ENTRY = {"cli", "cli_options", "hook", "__main__"}
APPLICATION = {
    "api",
    "settings",
    "config_files",
    "pipeline",
    "batch",
    "discover",
    "cache",
    "render",
    "models",
    "scale",
    "uris",
}
PARTS = {"text", "engines", "translation", "runtime"}
BASE = {"errors", "results", "atomic", "paths", "env", "code_version"}
RANK = {"entry": 3, "application": 2, "parts": 1, "base": 0}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) == 1:
        return None  # the package itself: its __init__ only re-exports, lazily
    head = parts[1]
    if head in ENTRY:
        return "entry"
    if head in APPLICATION:
        return "application"
    if head in PARTS:
        return "parts"
    if head in BASE:
        return "base"
    raise AssertionError(f"{module} belongs to no layer: add it to tests/test_architecture.py")


def _imports(path: Path, module: str) -> set[str]:
    """Package modules ``path`` imports (at any depth, lazily or not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("summarize"):
                for alias in node.names:
                    candidate = f"{target}.{alias.name}"
                    found.add(candidate if _exists(candidate) else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("summarize"))
    return {m for m in found if m != module and _exists(m)}


def _exists(module: str) -> bool:
    path = PACKAGE.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module(p): _imports(p, _module(p)) for p in PACKAGE.rglob("*.py")}


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt.count(".") == 0:
                continue  # `from . import __version__`: the package root imports nothing eagerly
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(nxt) :], nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_imports_never_go_up_a_layer() -> None:
    upward = []
    for module, targets in _graph().items():
        here = _layer(module)
        for target in targets:
            there = _layer(target)
            if here and there and RANK[there] > RANK[here]:
                upward.append(f"{module} ({here}) imports {target} ({there})")
    assert not upward, "\n".join(upward)


def test_the_walker_sees_the_layers() -> None:
    """The checks above can fail: the walker finds real imports in each direction."""
    graph = _graph()
    assert "summarize.pipeline" in graph["summarize.cli"] or "summarize.pipeline" in str(graph["summarize.cli"])
    assert "summarize.runtime.loader" in graph["summarize.pipeline"]
    assert "summarize.errors" in graph["summarize.runtime.loader"]


def test_only_entry_points_use_click_and_exit() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = _module(path)
        if _layer(module) == "entry" or module == "summarize":
            continue
        text = path.read_text(encoding="utf-8")
        if "import click" in text or "sys.exit(" in text:
            offenders.append(module)
    assert not offenders
