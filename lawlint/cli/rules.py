"""``lawlint rules`` (list, document, or test a pack's examples) and ``lawlint explain``."""
from __future__ import annotations

import sys

from ..errors import LawlintError
from .exitcodes import EXIT_FINDINGS, EXIT_OK


def cmd_rules(args) -> int:
    from ..ruledocs.rules import render_rules
    from ..rulepack.ruleset import load_rules
    from ..rulepack.schema import pack_schema
    if args.test:
        return _test_packs(args.rules, args.test)
    if args.format == "schema":
        import json
        sys.stdout.write(json.dumps(pack_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    if args.format == "checks":
        from ..ruledocs.checktypes import render_checks
        sys.stdout.write(render_checks(load_rules(args.rules)))
        return EXIT_OK
    sys.stdout.write(render_rules(load_rules(args.rules), args.format))
    return EXIT_OK

def _test_packs(extra, packs) -> int:
    """``lawlint rules --test PACK``: run the examples of the rules PACK defines."""
    from pathlib import Path

    from ..ruledocs.examples import render, run_rule
    from ..rulepack.ruleset import load_rules, read_pack
    ids = []
    for pack in packs:
        p = Path(pack)
        files = sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
        for f in files:
            ids += [r.id for r in read_pack(f)]
    every = list(extra) + list(packs)
    rules = load_rules(every)
    outcomes = [o for rule_id in dict.fromkeys(ids) for o in run_rule(rules.get(rule_id), every)]
    sys.stdout.write(render(outcomes))
    return EXIT_FINDINGS if any(o.problem for o in outcomes) else EXIT_OK

def cmd_explain(args) -> int:
    from ..ruledocs.rules import explain
    from ..rulepack.ruleset import load_rules
    rules = load_rules(args.rules)
    rule = rules.get(args.rule)
    if rule is None:
        from ..suggest import hint
        raise LawlintError(f"没有编号为 {args.rule} 的规则"
                           + hint(args.rule, [r.id for r in rules], "（lawlint rules 可列出全部规则）"))
    sys.stdout.write(explain(rule))
    return EXIT_OK
