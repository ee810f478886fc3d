"""The layout the design promises: a one-way pipeline with no import cycle among lawlint's modules.

Imports are read with ``ast`` (those inside functions too: a lazy import is still a dependency)."""
import ast
import re
from pathlib import Path

import pytest

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



# -- values final when made: the parse steps return what they find (lawlint/parse/document.py) --
PARSE_STEPS = sorted((PKG / "parse").glob("*.py"))       # document.py and its steps
_DOC_NAMES = {"doc", "document"}
_MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "clear", "__setitem__"}


def _document_writes(path: Path):
    """(line, what) of each place that would fill or change a document: a parse step that is handed
    the document, an attribute (or an item of one) assigned on it, a collection of it changed in
    place, its ``__dict__`` touched, ``setattr``/``object.__setattr__`` on it. ``doc``,
    ``document`` and ``ctx.doc`` are the names a document goes by."""
    def rooted(node) -> bool:
        while isinstance(node, (ast.Attribute, ast.Subscript)):
            if isinstance(node, ast.Attribute) and node.attr == "doc":
                return True
            node = node.value
        return isinstance(node, ast.Name) and node.id in _DOC_NAMES

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and path.parent.name == "parse":
            args = node.args
            if {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs} & _DOC_NAMES:
                yield node.lineno, f"step {node.name}() is handed the document"
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for t in targets:
            if isinstance(t, (ast.Attribute, ast.Subscript)) and rooted(t):
                yield node.lineno, f"assigns {ast.unparse(t)}"
        if isinstance(node, ast.Attribute) and node.attr == "__dict__" and rooted(node.value):
            yield node.lineno, f"reaches into {ast.unparse(node)}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in _MUTATORS and isinstance(node.func.value, (ast.Attribute, ast.Subscript)) \
                    and rooted(node.func.value):
                yield node.lineno, f"changes {ast.unparse(node.func.value)} in place"
            if node.func.attr == "__setattr__" and node.args and rooted(node.args[0]):
                yield node.lineno, ast.unparse(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" \
                and node.args and rooted(node.args[0]):
            yield node.lineno, ast.unparse(node)


def test_parse_steps_return_their_results():
    """Each parse step takes what it needs and returns its result; the Document is made from the
    results (issue 27: six steps once wrote into the half-built object in a fixed order)."""
    bad = [f"{p.relative_to(PKG)}:{line}: {what}" for p in PARSE_STEPS for line, what in _document_writes(p)]
    assert not bad, "parse steps writing into the document:\n" + "\n".join(bad)


def test_no_module_writes_into_a_made_document():
    """A check or a section detector memoises what it derives through ``Document.derived``, never
    by writing into the document (issue 27: memos once went into ``doc.__dict__``)."""
    bad = [f"{p.relative_to(PKG)}:{line}: {what}" for p in sorted(PKG.rglob("*.py"))
           for line, what in _document_writes(p)]
    assert not bad, "writes into a document:\n" + "\n".join(bad)


# What the parse marks on its blocks and headings; only lawlint/parse/ may write these.
MODEL_MARKS = {"kind", "heading", "glued", "footer", "parent", "level", "hint_level", "children"}


def _model_writes(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
        for t in targets:
            if isinstance(t, ast.Attribute) and t.attr in MODEL_MARKS and not (
                    isinstance(t.value, ast.Name) and t.value.id == "self"):
                yield node.lineno, f"assigns {ast.unparse(t)}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS \
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in MODEL_MARKS:
            yield node.lineno, f"changes {ast.unparse(node.func.value)} in place"


def test_blocks_and_headings_are_marked_only_by_the_parse():
    """Block kinds and the heading tree are decided in lawlint/parse/ and final once the Document is
    made: no section detector, check or reporter re-marks them."""
    bad = [f"{p.relative_to(PKG)}:{line}: {what}" for p in sorted(PKG.rglob("*.py"))
           if p.parent.name != "parse" for line, what in _model_writes(p)]
    assert not bad, "the model changed after the parse:\n" + "\n".join(bad)
    assert any(_model_writes(PKG / "parse" / "headings.py"))       # the finder sees the parse's own
    # Within the parse, the steps return each block's kind; only the Document's maker sets it.
    marking = [f"{p.name}:{line}: {what}" for p in sorted((PKG / "parse").glob("*.py")) if p.name != "document.py"
               for line, what in _model_writes(p) if what.split(".")[-1].split()[0] in ("kind", "heading")]
    assert not marking, "a parse step marks blocks instead of returning their kinds:\n" + "\n".join(marking)


def test_document_writes_finder_finds_them(tmp_path):
    f = tmp_path / "parse" / "x.py"
    f.parent.mkdir()
    f.write_text("def front(doc):\n    doc.title = 1\n    doc.meta['k'] = 2\n    doc.headings.append(3)\n"
                 "def ok(blocks):\n    b = blocks[0]\n    b.kind = 'title'\n    out = {}\n    out['k'] = 1\n"
                 "    setattr(b, 'x', 1)\n    setattr(doc, 'x', 1)\n    m = ctx.doc.__dict__.setdefault('m', {})\n"
                 "    ctx.doc.memo = 1\n", encoding="utf-8")
    assert sorted(line for line, _ in _document_writes(f)) == [1, 2, 3, 4, 11, 12, 12, 13]


def test_a_document_is_final_when_made():
    """Nothing can be written into a Document once it is made: it is frozen."""
    from lawlint.loaders.source import Source
    from lawlint.parse.document import Document, parse
    from lawlint.plain import FrozenInstanceError
    assert Document.__plain_params__["frozen"]
    doc = parse(Source(text="2023年法治政府建设情况报告\n一、主要举措\n全年办理案件12件。"))
    for name, value in (("year", 1999), ("title", None), ("text", "")):
        with pytest.raises((FrozenInstanceError, AttributeError)):
            setattr(doc, name, value)
    assert doc.year == 2023 and doc.title is not None


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
PARAMETER_ROOTS = {"rule", "p", "params", "spec", "pats"}


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


# Where raw parameters are read on purpose: the loader that validates and binds them, the spec
# itself, and the page rendered from the spec. Elsewhere (checks, numbering/, section location in
# sections/: detect, order, causal, evidence…) parameters come bound from the spec.
RAW_PARAMETER_READERS = {"rulepack/ruleset.py", "checks/spec.py", "ruledocs/checktypes.py"}
NOT_PARAMETERS = {        # reads the finder cannot tell from a parameter's
    ("rulepack/regexcache.py", "self.compiled"), ("rulepack/regexcache.py", "value.compiled"),   # a pattern's compiled form
    ("sections/pieces.py", "rx.compiled"),
    ("ruledocs/rules.py", "rule.years.get('from', '')"), ("ruledocs/rules.py", "rule.years.get('to', '')"),   # a rule's years
}


def test_checks_read_parameters_only_through_their_spec():
    """A default is written once, in the SPEC: no ``rule.params``, no ``.get(key, default)``, in
    the checks or anywhere else that reads a rule's parameters (issue 27: ``causal.py`` and
    ``partorder.py``, now sections/causal.py and sections/order.py, held defaults of their own)."""
    bad = [f"{rel}:{line}: {what}" for p in sorted(PKG.rglob("*.py"))
           if (rel := str(p.relative_to(PKG))) not in RAW_PARAMETER_READERS
           for line, what in _parameter_reads(p) if (rel, what) not in NOT_PARAMETERS]
    assert not bad, "parameters read around the SPEC:\n" + "\n".join(bad)


def test_the_old_part_modules_would_have_been_caught(tmp_path):
    """The reads issue 27 found outside checks/ (partorder.py, causal.py) are the finder's kind."""
    f = tmp_path / "x.py"
    f.write_text("def dependencies(rule):\n    p = rule.params\n    return p.get('not_within', [])\n"
                 "def compile(spec):\n    return {'weak_min': spec.get('weak_min', 2)}\n", encoding="utf-8")
    assert sorted(line for line, _ in _parameter_reads(f)) == [2, 3, 5]


def test_parameter_read_finder_finds_them(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("def check(ctx, rule, p):\n    a = rule.params['x']\n    b = p.table.get('k', 3)\n"
                 "    c = ctx.options.get('deadline', '04-01')\n    d = p.variants.get('k')\n", encoding="utf-8")
    assert sorted(line for line, _ in _parameter_reads(f)) == [2, 3]


# -- one whitespace, one Chinese-digit table (lawlint/chars.py) -------------------------------------
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
           if p.name != "chars.py"
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


# -- one whitespace when stripping report text (chars.strip_blank / is_blank) ----------------------
# A bare ``str.strip()`` keeps U+200B and U+FEFF, which chars.WHITESPACE calls blank: on report
# text that made a heading whose title is only a zero-width space a heading in one place and
# blank in another. These strip text that is not the report's (the reason beside each).
BARE_STRIP_ALLOWED = {
    "loaders/gitdiff.py": "git's output",
    "reporters/_paths.py": "git's output",
    "serve/guard.py": "an HTTP header",
    "serve/uploads.py": "the parts of a path inside a .zip",
    "reporters/gitlab.py": "a rule's suggestion and basis (rules/*.yaml)",
    "reporters/sarif.py": "a rule's description (rules/*.yaml)",
    "config/load.py": "lines of pyproject.toml",
    "rulepack/selectors.py": "a rule selector from the command line or a config file",
    "ruledocs/checktypes.py": "a check module's docstring",
    "ruledocs/rules.py": "a rule's description (rules/*.yaml)",
    "loaders/docx_structure.py": "attribute values of Word's XML",
    "loaders/docx.py": "_Line.lstrip, the loader's own line type (mirrors its collapse_spaces)",
}


def _bare_strips(path: Path):
    """(line, call) of each ``.strip()``, ``.lstrip()`` or ``.rstrip()`` called without characters."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("strip", "lstrip", "rstrip") and not node.args and not node.keywords:
            yield node.lineno, ast.unparse(node)


def test_report_text_is_stripped_with_the_one_whitespace():
    bad = [f"{rel}:{line}: {call}" for p in sorted(PKG.rglob("*.py"))
           if (rel := str(p.relative_to(PKG))) not in BARE_STRIP_ALLOWED and rel != "chars.py"
           for line, call in _bare_strips(p)]
    assert not bad, ("bare strip on report text (use chars.strip_blank / lstrip_blank / rstrip_blank or "
                     "is_blank, or add the file to BARE_STRIP_ALLOWED with the reason):\n" + "\n".join(bad))
    stale = [rel for rel in BARE_STRIP_ALLOWED if not any(_bare_strips(PKG / rel))]
    assert not stale, f"allowed but no bare strip left: {stale}"


def test_bare_strip_finder_finds_them(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("a = t.strip()\nb = t.strip('x')\nc = t.rstrip().lstrip()\nd = strip_blank(t)\n", encoding="utf-8")
    assert sorted(line for line, _ in _bare_strips(f)) == [1, 3, 3]
