"""``lawlint fix``: apply the safe fixes (atomic writes), or show them with --diff / --check."""
from __future__ import annotations

import os
import sys

from ..errors import LawlintError, debugging, one_line, show_path, unforeseen
from .common import check_selectors, configs_for
from .exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


def cmd_fix(args) -> int:
    from ..fix.apply import fix_path, writable
    from ..result import FileResult
    from ..loaders.walk import expand_paths

    from ..api import ruleset_for
    code, would_change = EXIT_OK, 0
    # A folder's .html/.pdf files are skipped quietly; a file named on the command line is not.
    items = [i for i in expand_paths(args.paths)
             if not isinstance(i, str) or i == "-" or i in args.paths or writable(i)]
    if args.output and (len(items) != 1 or not isinstance(items[0], str) or os.path.isdir(args.paths[0])):
        raise LawlintError("fix --output 只能用于一个文件")
    for item, config in configs_for(items, args):
        check_selectors(ruleset_for(config), config)
        if isinstance(item, FileResult) or item == "-":
            print("lawlint: " + one_line(item.error if isinstance(item, FileResult) else '- : fix 不能修改标准输入'),
                  file=sys.stderr)
            code = EXIT_ERROR
            continue
        try:
            outcome = fix_path(item, config, write=not (args.diff or args.check), output=args.output)
        except LawlintError as e:
            print("lawlint: " + one_line(e), file=sys.stderr)
            code = EXIT_ERROR
            continue
        except Exception as e:          # noqa: BLE001 - the next file is still fixed
            if debugging():
                raise
            print("lawlint: " + one_line(unforeseen(e, item)), file=sys.stderr)
            code = EXIT_ERROR
            continue
        for note in outcome.notes:
            print("lawlint: " + one_line(note), file=sys.stderr)
        if not outcome.changed:
            continue
        would_change += 1
        detail = "，".join(f"{rule} {n}" for rule, n in outcome.counts.most_common())
        if args.diff:
            sys.stdout.write(outcome.diff())
        verb = "可修正" if (args.diff or args.check) else "已修正"
        where = f" → {show_path(args.output)}" if args.output and verb == "已修正" else ""
        kept = f"；{outcome.skipped} 处位于已有修订、域、超链接或自动编号中，未修改" if outcome.skipped else ""
        print(f"{verb} {show_path(item)}{where}：{sum(outcome.counts.values())} 处（{detail}）{kept}",
              file=sys.stderr if args.diff else sys.stdout)
    if not would_change and code == EXIT_OK:
        print("没有可修正的问题", file=sys.stderr if args.diff else sys.stdout)
    if code == EXIT_OK and args.check and would_change:
        code = EXIT_FINDINGS
    return code
