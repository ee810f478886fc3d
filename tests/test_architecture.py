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
    assert "lawlint.parts" in g["lawlint.engine"] and "lawlint.checks" in g["lawlint.engine"]
    assert "lawlint.checks.scope" in g["lawlint.checks.existence"]     # `from . import scope as sc`


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": []}) is None


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_engine_is_above_checks_and_parts():
    g = import_graph()
    below = [m for m in g if m.startswith("lawlint.checks") or m in (
        "lawlint.parts", "lawlint.template", "lawlint.vocabulary", "lawlint.chars", "lawlint.document")]
    for m in below:
        assert "lawlint.engine" not in g[m], f"{m} imports the engine"
        assert "lawlint.scoring" not in g[m], f"{m} reaches up into scoring"
    for m in ("lawlint.template", "lawlint.selectors"):
        assert not g[m], f"{m} is ground level but imports {g[m]}"


MAX_LINES = 300


def test_no_module_over_300_lines():
    """One concept per module: a module past ~300 lines mixes stages (issue 13)."""
    long = {str(p.relative_to(PKG.parent)): n for p in PKG.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


# -- check types declare their contract (lawlint/checks/spec.py) ------------------------------------
CHECKS = PKG / "checks"
# What a check calls its rule and the rule's bound parameters: ``.get(key, default)`` on these is a
# default written in the code instead of the SPEC.
PARAMETER_ROOTS = {"rule", "p", "params"}


def test_check_types_declare_a_spec():
    from lawlint import checks
    from lawlint.checks.spec import CheckSpec
    for name in checks.names():
        module = checks.get(name)
        assert isinstance(getattr(module, "SPEC", None), CheckSpec), f"{name}: no SPEC"
        for legacy in ("compile", "PARAMS", "FIELDS", "PHASE"):
            assert not hasattr(module, legacy), f"{name}: {legacy} beside its SPEC"
        assert not isinstance(getattr(module, "REQUIRED", None), tuple), f"{name}: REQUIRED beside its SPEC"


def _parameter_reads(path: Path):
    """(line, what) of each read of a rule's parameters that bypasses the bound namespace."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("params", "compiled"):
            yield node.lineno, ast.unparse(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "get" and len(node.args) + len(node.keywords) >= 2:
            root = node.func.value
            while isinstance(root, (ast.Attribute, ast.Subscript, ast.Call)):
                root = root.func if isinstance(root, ast.Call) else root.value
            if isinstance(root, ast.Name) and root.id in PARAMETER_ROOTS:
                yield node.lineno, ast.unparse(node)


def test_checks_read_parameters_only_through_their_spec():
    """A default is written once, in the SPEC: no ``rule.params``, no ``.get(key, default)``."""
    bad = [f"{p.name}:{line}: {what}" for p in sorted(CHECKS.glob("*.py"))
           if p.name not in ("__init__.py", "spec.py")
           for line, what in _parameter_reads(p)]
    assert not bad, "parameters read around the SPEC:\n" + "\n".join(bad)


def test_parameter_read_finder_finds_them(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("def check(ctx, rule, p):\n    a = rule.params['x']\n    b = p.table.get('k', 3)\n"
                 "    c = ctx.options.get('deadline', '04-01')\n    d = p.variants.get('k')\n", encoding="utf-8")
    assert sorted(line for line, _ in _parameter_reads(f)) == [2, 3]
