"""The layout the design promises: a one-way pipeline with no import cycle among lawlint's modules.

Imports are read with ``ast`` (those inside functions too: a lazy import is still a dependency)."""
import ast
import re
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
    assert "lawlint.sections.stage" in g["lawlint.engine"] and "lawlint.checks" in g["lawlint.engine"]
    assert "lawlint.sections.detect" in g["lawlint.sections.stage"]
    assert "lawlint.checks.scope" in g["lawlint.checks.existence"]     # `from . import scope as sc`


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": []}) is None


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_engine_is_above_checks_and_sections():
    g = import_graph()
    below = [m for m in g if m.startswith(("lawlint.checks", "lawlint.sections", "lawlint.numbering", "lawlint.parse"))
             or m in ("lawlint.rulepack.template", "lawlint.vocabulary", "lawlint.chars")]
    for m in below:
        assert "lawlint.engine" not in g[m], f"{m} imports the engine"
        assert "lawlint.scoring" not in g[m], f"{m} reaches up into scoring"
    for m in ("lawlint.rulepack.template", "lawlint.rulepack.selectors"):
        assert not g[m], f"{m} is ground level but imports {g[m]}"


def test_part_verdicts_are_final_when_made():
    """Whether a part was reached is decided where the verdicts are made (lawlint.sections.stage), never
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
    modules = sorted(CHECKS.glob("*.py")) + sorted((PKG / "numbering").glob("*.py"))   # numbering: a package
    bad = [f"{p.relative_to(PKG)}:{line}: {what}" for p in modules
           if p.name not in ("__init__.py", "spec.py")
           for line, what in _parameter_reads(p)]
    assert not bad, "parameters read around the SPEC:\n" + "\n".join(bad)


def test_parameter_read_finder_finds_them(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("def check(ctx, rule, p):\n    a = rule.params['x']\n    b = p.table.get('k', 3)\n"
                 "    c = ctx.options.get('deadline', '04-01')\n    d = p.variants.get('k')\n", encoding="utf-8")
    assert sorted(line for line, _ in _parameter_reads(f)) == [2, 3]


# -- one whitespace, one Chinese-digit table (lawlint/chars.py) -------------------------------------
# lawlint/parse belongs to another branch this session (issue 27: the parser's own whitespace and
# numeral classes move with it); everything else reads chars.py.
LEFT_TO_PARSE = {"parse/blocks.py", "parse/lexicon.py"}
_CLASS = re.compile(r"\[((?:\\[tnr]|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|[^\]\\])+)\]")
_DIGIT_RUN = re.compile("[零〇一][一二][二三][三四][四五]")


def _decoded(body: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\([tnr])",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)) if not m.group(3)
                  else {"t": "\t", "n": "\n", "r": "\r"}[m.group(3)], body)


def _private_definitions(path: Path):
    """(line, what) of each whitespace set or Chinese-digit table defined outside chars.py."""
    from lawlint.chars import LINE_BREAKS, WHITESPACE
    blank = set(WHITESPACE + LINE_BREAKS)

    def a_set(chars) -> bool:     # two or more kinds of blank, one beyond ASCII: " \u3000", " \t\xa0"
        return len(set(chars)) >= 2 and set(chars) <= blank and not chars.isascii()

    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_fstring = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            v = node.value
            if a_set(v):
                yield node.lineno, f"whitespace set {v!r}"
            for m in _CLASS.finditer(v):
                if a_set(_decoded(m.group(1))):
                    yield node.lineno, f"whitespace class {m.group(0)!r}"
            if id(node) not in in_fstring and re.fullmatch(r"\\s[+*]?", v):
                yield node.lineno, f"whitespace regex {v!r} (\\s is not chars.WHITESPACE)"
            if _DIGIT_RUN.search(v):
                yield node.lineno, f"Chinese digits {v[:20]!r}"
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            if sum(1 for k in keys if len(k) == 1 and k in "〇零一二两三四五六七八九") >= 3:
                yield node.lineno, "Chinese-digit table"


def test_whitespace_and_chinese_digits_are_defined_once():
    bad = [f"{p.relative_to(PKG)}:{line}: {what}" for p in sorted(PKG.rglob("*.py"))
           if p.name != "chars.py" and str(p.relative_to(PKG)) not in LEFT_TO_PARSE
           for line, what in _private_definitions(p)]
    assert not bad, "define these in lawlint/chars.py:\n" + "\n".join(bad)


def test_private_definition_finder_finds_them(tmp_path):
    f = tmp_path / "x.py"
    f.write_text('A = " \\u3000"\nB = r"^[ \\t\\u3000]*x"\nC = r"\\s+"\nD = {"一": 1, "二": 2, "三": 3}\n'
                 'E = "〇一二三四五六七八九"\nF = "[一-龥]"\nG = "\\u3000"\n', encoding="utf-8")
    assert sorted(line for line, _ in _private_definitions(f)) == [1, 2, 3, 4, 5]


# -- the tree shows the pipeline (issue 27) ---------------------------------------------------------
# loaders (input) → parse → sections → checks → scoring → reporters (output); fix beside the output,
# rule loading in rulepack/. README.md's layout section describes each folder.
MAX_TOP_MODULES = 15


def test_few_modules_left_directly_in_the_package():
    top = sorted(p.name for p in PKG.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, f"{len(top)} modules directly in lawlint/ (at most {MAX_TOP_MODULES}): {top}"


def test_every_folder_is_a_listed_package():
    """A folder of modules is a package the wheel ships (pyproject's list is compared in test_packaging)."""
    for d in PKG.iterdir():
        if d.is_dir() and any(d.glob("*.py")):
            assert (d / "__init__.py").is_file(), f"{d.name}/ has modules but no __init__.py"


def _imports_into(g, sources, targets):
    return sorted(f"{m} → {d}" for m in g if m.startswith(sources) for d in g[m] if d.startswith(targets))


# The check type ``numbering`` lives beside the grammar the parser reads (lawlint/numbering/).
CHECK_MODULES = ("lawlint.checks", "lawlint.numbering.check", "lawlint.numbering.base", "lawlint.numbering.tokens",
                 "lawlint.numbering.tree")
LATER_STAGES = ("lawlint.engine", "lawlint.api", "lawlint.batch", "lawlint.scoring", "lawlint.reporters",
                "lawlint.fix", "lawlint.ruledocs", "lawlint.compare", "lawlint.config", "lawlint.cli", "lawlint.serve")


def test_input_and_parse_import_no_later_stage():
    g = import_graph()
    early = ("lawlint.loaders", "lawlint.parse", "lawlint.model", "lawlint.numbering.__init__")
    g = {("lawlint.numbering.__init__" if m == "lawlint.numbering" else m): d for m, d in g.items()}
    bad = _imports_into(g, early, ("lawlint.sections",) + CHECK_MODULES + LATER_STAGES)
    assert not bad, "input/parse reach into a later stage:\n" + "\n".join(bad)


def test_sections_are_located_before_and_without_the_checks():
    bad = _imports_into(import_graph(), ("lawlint.sections",), CHECK_MODULES + LATER_STAGES)
    assert not bad, "sections reach into a later stage:\n" + "\n".join(bad)


def test_checks_do_not_reach_the_run_or_the_output():
    later = tuple(s for s in LATER_STAGES if s != "lawlint.compare")     # reuse reads compare's word n-grams
    bad = _imports_into(import_graph(), CHECK_MODULES, later)
    assert not bad, "checks reach into the run or the output:\n" + "\n".join(bad)


def test_only_the_command_line_starts_the_command_line_and_the_service():
    g = import_graph()
    bad = [f"{m} → {d}" for m in g if not m.startswith("lawlint.cli") and m != "lawlint.__main__"
           for d in g[m] if d.startswith(("lawlint.cli", "lawlint.serve")) and not m.startswith("lawlint.serve")]
    assert not bad, "\n".join(bad)


def test_stage_checker_sees_a_wrong_direction():
    g = {"lawlint.parse.x": ["lawlint.checks.y", "lawlint.chars"], "lawlint.checks.y": ["lawlint.parse.x"]}
    assert _imports_into(g, ("lawlint.parse",), CHECK_MODULES) == ["lawlint.parse.x → lawlint.checks.y"]
