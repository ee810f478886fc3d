"""The layout the design promises: a one-way pipeline with no import cycle among lawlint's modules.

Imports are read with ``ast`` (those inside functions too: a lazy import is still a dependency)."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "lawlint"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict:
    return {_module_name(p): p for p in PKG.rglob("*.py")}


def import_graph() -> dict:
    mods = _modules()
    graph = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for a in node.names:         # a submodule, or a name defined in the module
                    deps.add(f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target)
        graph[name] = sorted(d for d in deps if d in mods and d != name)
    return graph


def find_cycle(graph):
    state, stack = {}, []

    def visit(n):
        state[n] = "open"
        stack.append(n)
        for m in graph.get(n, []):
            if state.get(m) == "open":
                return stack[stack.index(m):] + [m]
            if m not in state:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = "done"
        return None

    for n in sorted(graph):
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def test_graph_sees_imports():
    g = import_graph()
    assert "lawlint.partial" in g["lawlint.engine"] and "lawlint.checks" in g["lawlint.engine"]
    assert "lawlint.parts" in g["lawlint.partial"]
    assert "lawlint.template" in g["lawlint.checks.existence"]        # `from .. import template`


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": []}) is None


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_engine_is_above_checks_and_parts():
    g = import_graph()
    below = [m for m in g if m.startswith("lawlint.checks") or m in (
        "lawlint.parts", "lawlint.partial", "lawlint.template", "lawlint.vocabulary", "lawlint.chars",
        "lawlint.document")]
    for m in below:
        assert "lawlint.engine" not in g[m], f"{m} imports the engine"
        assert "lawlint.scoring" not in g[m], f"{m} reaches up into scoring"
    for m in ("lawlint.template", "lawlint.selectors"):
        assert not g[m], f"{m} is ground level but imports {g[m]}"


def test_part_verdicts_are_final_when_made():
    """Whether a part was reached is decided where the verdicts are made (lawlint.partial), never
    written into a verdict afterwards (issue 27: the engine once rewrote them)."""
    writers = []
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            if any(isinstance(t, ast.Attribute) and t.attr == "reached" for t in targets):
                writers.append(f"{path.relative_to(PKG.parent)}:{node.lineno}")
    assert not writers, f"verdicts rewritten after they were made: {writers}"


MAX_LINES = 300


def test_no_module_over_300_lines():
    """One concept per module: a module past ~300 lines mixes stages (issue 13)."""
    long = {str(p.relative_to(PKG.parent)): n for p in PKG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"
