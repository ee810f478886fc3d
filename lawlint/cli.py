"""Command line: ``lawlint check|rules|explain``.

Exit codes: 0 passed; 1 findings at or above ``--fail-on`` or a score under ``--fail-under``;
2 a usage, configuration, rule or input error. User errors are one Chinese line on stderr, never a
traceback; ``sys.exit`` happens only in :func:`main`.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import LawlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise LawlintError(f"命令行参数错误：{message}（用 lawlint {self.prog.split()[-1]} -h 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lawlint", description="法治政府建设年度报告合规检查：结构完整性、法定内容、语言文字和格式规范，并评分。")
    p.add_argument("--version", action="version", version=f"lawlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    c = sub.add_parser("check", help="检查报告文件或目录", description="检查报告文件或目录（目录中的 .txt .md 文件），输出得分和问题。")
    c.add_argument("paths", nargs="+", metavar="路径", help="报告文件或目录；- 表示从标准输入读取")
    c.add_argument("--format", "-f", default="text", help="输出格式：%(default)s（默认）、json 等")
    c.add_argument("--output", "-o", metavar="文件", help="把指定格式的结果写入文件（终端仍显示文本结果）")
    c.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default=None,
                   help="存在该级别及以上问题时退出码为 1（默认 error）")
    c.add_argument("--fail-under", type=float, default=None, metavar="分数", help="任一报告得分低于该分数时退出码为 1")
    c.add_argument("--exit-zero", action="store_true", help="只提示，不以问题决定退出码")
    c.add_argument("--select", action="append", default=[], metavar="规则", help="只运行这些规则（可重复；前缀如 section 选中一组）")
    c.add_argument("--ignore", action="append", default=[], metavar="规则", help="不运行这些规则（可重复）")
    c.add_argument("--year", type=int, default=None, metavar="年度", help="报告年度（覆盖自动识别）")
    c.add_argument("--deadline", default=None, metavar="月-日",
                   help="公开期限：报告年度次年的这一天（默认 04-01，即4月1日前公开）")
    c.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包（YAML 文件或目录，可重复）")
    c.add_argument("--encoding", default=None, help="指定文件编码（默认自动识别）")
    c.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="并行进程数（默认 1）")
    c.add_argument("--no-color", action="store_true", help="不使用颜色")

    x = sub.add_parser("fix", help="自动修正可安全修正的问题（半角标点、年份连接号、标题括号等）",
                       description="自动修正可安全修正的问题：中文语境中的半角标点、年份范围的连接号、标题序号的括号、"
                                   "“截止目前”、明确的术语替换等。不改动结构；保留原编码和换行符；原子写入。")
    x.add_argument("paths", nargs="+", metavar="路径", help="报告文件或目录（只修改 .txt 和 .md）")
    x.add_argument("--diff", action="store_true", help="只显示将要做的修改（统一 diff 格式），不写入文件")
    x.add_argument("--check", action="store_true", help="不写入；有可修正的问题时退出码为 1")
    x.add_argument("--select", action="append", default=[], metavar="规则", help="只应用这些规则的修正")
    x.add_argument("--ignore", action="append", default=[], metavar="规则", help="不应用这些规则的修正")
    x.add_argument("--year", type=int, default=None, metavar="年度", help="报告年度（覆盖自动识别）")
    x.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    x.add_argument("--encoding", default=None, help="指定文件编码（默认自动识别）")

    r = sub.add_parser("rules", help="列出全部规则", description="列出全部规则。")
    r.add_argument("--format", "-f", choices=["text", "json", "markdown", "schema"], default="text",
                   help="text（默认）、json、markdown（规则参考文档）或 schema（规则文件的 JSON Schema）")
    r.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")

    e = sub.add_parser("explain", help="解释一条规则：检查什么、为什么、依据和示例", description="解释一条规则。")
    e.add_argument("rule", metavar="规则编号")
    e.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    return p


def main(argv=None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return EXIT_ERROR
        return COMMANDS[args.command](args)
    except LawlintError as e:
        print(f"lawlint: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("lawlint: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _config_from_args(args):
    from .config import Config
    cfg = Config(rule_packs=list(args.rules), select=list(args.select), ignore=list(args.ignore),
                 year=args.year, encoding=args.encoding)
    if args.fail_on:
        cfg.fail_on = args.fail_on
    if args.fail_under is not None:
        cfg.fail_under = args.fail_under
    if getattr(args, "deadline", None):
        import datetime as dt
        try:
            dt.date.fromisoformat(f"2000-{args.deadline}")
        except ValueError:
            raise LawlintError(f"--deadline 应写作“月-日”，如 04-01 或 03-01，而不是 {args.deadline!r}") from None
        cfg.deadline = args.deadline
    return cfg


def cmd_check(args) -> int:
    from . import reporters
    from .api import ruleset_for
    from .batch import check_paths
    from .walk import expand_paths

    if args.format not in reporters.names():
        raise LawlintError(f"未知的输出格式 {args.format!r}（可选：{'、'.join(reporters.names())}）")
    config = _config_from_args(args)
    ruleset = ruleset_for(config)  # load (and validate) rules once, before any file
    _check_selectors(ruleset, config)
    results = check_paths(expand_paths(args.paths), config, jobs=args.jobs)
    color = (args.format == "text" and not args.output and not args.no_color
             and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    run = reporters.Run(ruleset=ruleset, version=__version__, color=color)
    for r in results:
        if r.error is not None:
            print(f"lawlint: {r.error}", file=sys.stderr)
    out = reporters.get(args.format).render(results, run)
    if args.output:
        _write_output(args.output, out)
        run.color = not args.no_color and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(reporters.get("text").render(results, run))
    else:
        sys.stdout.write(out)
    return _exit_code(results, config, args.exit_zero)


def _check_selectors(ruleset, config):
    from .engine import _matches
    for pattern in config.select + config.ignore:
        if not any(_matches(r.id, [pattern]) for r in ruleset):
            raise LawlintError(f"没有与“{pattern}”匹配的规则（lawlint rules 可列出全部规则）")


def _write_output(path, text):
    from .atomic import write_text_atomic
    try:
        write_text_atomic(path, text)
    except OSError as e:
        raise LawlintError(f"无法写入输出文件（{e.strerror or e}）", path) from None


def _exit_code(results, config, exit_zero) -> int:
    if any(r.error is not None for r in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    rank = {"info": 0, "warning": 1, "error": 2}
    if config.fail_on != "never":
        threshold = rank[config.fail_on]
        if any(rank[d.severity] >= threshold for r in results for d in r.diagnostics):
            return EXIT_FINDINGS
    if config.fail_under is not None and any(r.score < config.fail_under for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_fix(args) -> int:
    from .config import Config
    from .fix import fix_path
    from .result import FileResult
    from .walk import expand_paths

    config = Config(rule_packs=list(args.rules), select=list(args.select), ignore=list(args.ignore),
                    year=args.year, encoding=args.encoding)
    from .api import ruleset_for
    _check_selectors(ruleset_for(config), config)
    code, would_change = EXIT_OK, 0
    for item in expand_paths(args.paths):
        if isinstance(item, FileResult) or item == "-":
            print(f"lawlint: {item.error if isinstance(item, FileResult) else '- : fix 不能修改标准输入'}",
                  file=sys.stderr)
            code = EXIT_ERROR
            continue
        try:
            outcome = fix_path(item, config, write=not (args.diff or args.check))
        except LawlintError as e:
            print(f"lawlint: {e}", file=sys.stderr)
            code = EXIT_ERROR
            continue
        if not outcome.changed:
            continue
        would_change += 1
        detail = "，".join(f"{rule} {n}" for rule, n in outcome.counts.most_common())
        if args.diff:
            sys.stdout.write(outcome.diff())
        verb = "可修正" if (args.diff or args.check) else "已修正"
        print(f"{verb} {item}：{sum(outcome.counts.values())} 处（{detail}）",
              file=sys.stderr if args.diff else sys.stdout)
    if code == EXIT_OK and args.check and would_change:
        code = EXIT_FINDINGS
    return code


def cmd_rules(args) -> int:
    from .docs import render_rules
    from .ruleset import load_rules, pack_schema
    if args.format == "schema":
        import json
        sys.stdout.write(json.dumps(pack_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    sys.stdout.write(render_rules(load_rules(args.rules), args.format))
    return EXIT_OK


def cmd_explain(args) -> int:
    from .docs import explain
    from .ruleset import load_rules
    rules = load_rules(args.rules)
    rule = rules.get(args.rule)
    if rule is None:
        close = [r.id for r in rules if args.rule in r.id or r.id.split(".")[-1] in args.rule]
        hint = f"（是否要找：{'、'.join(close[:5])}）" if close else "（lawlint rules 可列出全部规则）"
        raise LawlintError(f"没有编号为 {args.rule} 的规则{hint}")
    sys.stdout.write(explain(rule))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "fix": cmd_fix, "rules": cmd_rules, "explain": cmd_explain}
