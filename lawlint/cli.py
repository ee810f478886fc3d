"""Command line: ``lawlint check|fix|compare|rules|explain`` and friends.

Exit codes: 0 passed; 1 findings at or above ``--fail-on`` or a score under ``--fail-under``;
2 a usage, configuration, rule or input error. User errors are one Chinese line on stderr, never a
traceback; ``sys.exit`` happens only in :func:`main`.
"""
from __future__ import annotations

import argparse
import os
import sys

from ._version import __version__
from .errors import LawlintError
from .vocabulary import FAIL_ON, SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise LawlintError(f"命令行参数错误：{message}（用 lawlint {self.prog.split()[-1]} -h 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lawlint", description="法治政府建设年度报告合规检查：结构完整性、法定内容、语言文字和格式规范，并评分。")
    p.add_argument("--version", action="version", version=f"lawlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    c = sub.add_parser("check", help="检查报告文件或目录", description="检查报告文件或目录（目录中的 .txt .md .docx .html 等文件），输出得分和问题。")
    c.add_argument("paths", nargs="+", metavar="路径", help="报告文件或目录；- 表示从标准输入读取")
    c.add_argument("--format", "-f", default=None,
                   help="输出格式：text（默认；在 GitHub Actions 中默认 github）、json、sarif、github、junit、gitlab、"
                        "html（可在浏览器中阅读的报告；检查多份报告时生成一个目录，含总览页）、csv（每份报告一行，可用 Excel 打开）、"
                        "docx（报告原文加 Word 批注：每个问题批注在所在文字上，得分和缺少的法定内容批注在标题上；"
                        "须用 --output 指定输出文件，检查多份报告时为输出目录；原文件不改动）")
    c.add_argument("--output", "-o", metavar="文件",
                   help="把指定格式的结果写入文件（终端仍显示文本结果）；html 格式检查多份报告时为输出目录（默认 lawlint-report）；"
                        "docx 格式必须指定，检查多份报告时为输出目录")
    c.add_argument("--fail-on", choices=list(FAIL_ON), default=None,
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
    c.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件（默认从报告所在目录向上查找 .lawlint.yaml 或 pyproject.toml）")
    c.add_argument("--baseline", default=None, metavar="文件", help="基线文件：其中记录的问题照常显示，但不影响退出码")
    c.add_argument("--write-baseline", default=None, metavar="文件", help="把当前全部问题写入基线文件")
    c.add_argument("--diff-base", default=None, metavar="版本", help="只检查自该 git 版本以来改动过的文件（用于合并请求）")
    c.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="并行进程数（默认 1）")
    c.add_argument("--no-color", action="store_true", help="不使用颜色")
    c.add_argument("--quiet", "-q", action="store_true",
                   help="终端不显示逐份结果，只显示汇总（批量生成 html、csv 等文件时适用）")

    x = sub.add_parser("fix", help="自动修正可安全修正的问题（半角标点、年份连接号、标题括号等）",
                       description="自动修正可安全修正的问题：中文语境中的半角标点、年份范围的连接号、标题序号的括号、"
                                   "“截止目前”、明确的术语替换等。不改动结构；保留原编码和换行符；原子写入。"
                                   ".docx 的每处修正写成 Word 修订（作者 lawlint），不改动已有修订、域和 Word 自动编号中的文字；"
                                   "文档正在 Word/WPS 中打开时不写入。")
    x.add_argument("paths", nargs="+", metavar="路径",
                   help="报告文件或目录（修改 .txt、.md；.docx 的修正写成 Word 修订，可在 Word/WPS 中逐条接受或拒绝）")
    x.add_argument("--output", "-o", metavar="文件", help="把修正结果写入这个新文件，原文件不改动（只能修正一个文件）")
    x.add_argument("--diff", action="store_true", help="只显示将要做的修改（统一 diff 格式），不写入文件")
    x.add_argument("--check", action="store_true", help="不写入；有可修正的问题时退出码为 1")
    x.add_argument("--select", action="append", default=[], metavar="规则", help="只应用这些规则的修正")
    x.add_argument("--ignore", action="append", default=[], metavar="规则", help="不应用这些规则的修正")
    x.add_argument("--year", type=int, default=None, metavar="年度", help="报告年度（覆盖自动识别）")
    x.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    x.add_argument("--encoding", default=None, help="指定文件编码（默认自动识别）")
    x.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件")

    g = sub.add_parser("config", help="显示合并后的配置及每项的来源", description="显示合并后的配置及每项的来源。")
    g.add_argument("--show", action="store_true", help="显示配置（默认动作）")
    g.add_argument("path", nargs="?", default=".", metavar="路径", help="按此文件或目录查找配置（默认当前目录）")
    g.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件")

    n = sub.add_parser("init", help="生成带注释的 .lawlint.yaml，并显示 pre-commit 配置片段",
                       description="在当前目录生成带注释的 .lawlint.yaml（已存在时不覆盖），并显示 pre-commit 配置片段。")
    n.add_argument("--dir", default=".", metavar="目录", help="写到哪个目录（默认当前目录）")

    m = sub.add_parser("compare", help="与去年的报告对比：重复的文字、去年工作安排的落实、重复出现的问题",
                       description="对比同一单位前后两年的报告：今年的报告有多少文字与去年相同（并列出最长的重复段落），"
                                   "去年报告中的下一年度工作安排今年是否报告了落实情况，去年的问题是否原样再次出现。")
    m.add_argument("last", metavar="去年", help="去年的报告文件，或存放去年各单位报告的目录")
    m.add_argument("this", metavar="今年", help="今年的报告文件，或存放今年各单位报告的目录（按报告主体与去年的配对）")
    m.add_argument("--format", "-f", choices=["text", "json", "html"], default="text",
                   help="输出格式：text（默认）、json（格式见 docs/compare.md）、html（可离线打开和打印的单个网页）")
    m.add_argument("--output", "-o", metavar="文件", help="把指定格式的结果写入文件（终端仍显示文本结果）")
    m.add_argument("--encoding", default=None, help="指定文件编码（默认自动识别）")
    m.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件")

    r = sub.add_parser("rules", help="列出全部规则；--test 运行规则包中的示例",
                       description="列出全部规则。--test 规则包：运行该规则包每条规则的示例（反例必须报告、正例不得报告），"
                                   "有示例未通过时退出码为 1，规则包有错误时为 2。")
    r.add_argument("--format", "-f", choices=["text", "json", "markdown", "schema"], default="text",
                   help="text（默认）、json、markdown（规则参考文档）或 schema（规则文件的 JSON Schema）")
    r.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    r.add_argument("--test", action="append", default=[], metavar="规则包",
                   help="运行该规则包（YAML 文件或目录，可重复）中每条规则的示例，报告未通过的示例")

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


def _cli_values(args) -> dict:
    """Command-line settings, in configuration-file terms (they override files)."""
    if getattr(args, "deadline", None):
        import datetime as dt
        try:
            dt.date.fromisoformat(f"2000-{args.deadline}")
        except ValueError:
            raise LawlintError(f"--deadline 应写作“月-日”，如 04-01 或 03-01，而不是 {args.deadline!r}") from None
    return {"rules": list(args.rules), "select": list(args.select), "ignore": list(args.ignore),
            "year": args.year, "encoding": args.encoding, "fail_on": getattr(args, "fail_on", None),
            "fail_under": getattr(args, "fail_under", None), "deadline": getattr(args, "deadline", None)}


def _configs_for(items, args):
    """Pair each path with its configuration (nearest .lawlint.yaml / pyproject.toml, or
    --config); files sharing a configuration file and no per-path override share one Config."""
    from .configfile import resolve
    cli, pairs = _cli_values(args), []
    explicit = getattr(args, "config", None)
    for item in items:
        path = item if isinstance(item, str) and item != "-" else None
        pairs.append((item, resolve(path, cli, explicit)[0]))
    return pairs


def cmd_check(args) -> int:
    from . import reporters
    from .api import ruleset_for
    from .batch import check_paths
    from .walk import expand_paths

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in reporters.names():
        raise LawlintError(f"未知的输出格式 {fmt!r}（可选：{'、'.join(reporters.names())}）")
    items = expand_paths(args.paths)
    if args.diff_base:
        from .gitdiff import changed_files
        changed = changed_files(args.diff_base)
        items = [i for i in items if not isinstance(i, str) or i == "-" or os.path.realpath(i) in changed]
    pairs = _configs_for(items, args)
    configs = [c for _, c in pairs] or [_configs_for([None], args)[0][1]]   # nothing to check
    for config in configs:                   # load (and validate) every rule set before any file
        _check_selectors(ruleset_for(config), config)
    ruleset = ruleset_for(configs[0])
    matcher = entries = None
    if args.baseline:
        from . import baseline
        matcher = baseline.Matcher(baseline.load(args.baseline))
    if args.write_baseline:
        entries = []
    state = {"in_base": 0, "exit": EXIT_OK}

    def processed():
        """Results as they arrive: baseline marks, errors on stderr, the exit status; nothing
        is kept, so a batch of any size streams through in constant memory."""
        from . import baseline
        for r, (_, config) in zip(check_paths(pairs, jobs=args.jobs, keep_text=fmt in ("html", "docx")), pairs):
            if matcher is not None:
                matcher.mark(r)
                state["in_base"] += sum(1 for d in r.diagnostics if d.baseline)
            if entries is not None:
                entries.extend(baseline.entries_of(r))
            if r.error is not None:
                print(f"lawlint: {r.error}", file=sys.stderr)
            state["exit"] = max(state["exit"], _file_exit(r, config, args.exit_zero))
            yield r

    tty = sys.stdout.isatty() and not args.no_color and not os.environ.get("NO_COLOR")
    run = reporters.Run(ruleset=ruleset, version=__version__, color=fmt == "text" and tty and not args.output)
    site = fmt == "html" and (len(items) != 1 or any(os.path.isdir(p) for p in args.paths)
                              or (args.output and os.path.isdir(args.output)))
    if site:
        from .reporters.html import write_site
        outdir = args.output or "lawlint-report"
        results = list(write_site(processed(), run, outdir))
        run.color = tty
        _terminal_text(results, run, args.quiet)
        print(f"lawlint: 已生成 HTML 报告 {len(results)} 份，总览页：{os.path.join(outdir, 'index.html')}",
              file=sys.stderr)
    elif fmt == "docx":
        results = _write_docx(processed(), pairs, args, state)
        run.color = tty
        _terminal_text(results, run, args.quiet)
    elif args.output:
        results = list(processed())
        _write_output(args.output, reporters.get(fmt).render(results, run))
        run.color = tty
        _terminal_text(results, run, args.quiet)
    elif fmt == "text" and args.quiet:
        _terminal_text(processed(), run, quiet=True)
    else:
        reporters.stream(fmt, processed(), run, sys.stdout.write)
    if entries is not None:
        from . import baseline
        baseline.write(args.write_baseline, entries)
        print(f"lawlint: 已把 {len(entries)} 条问题写入基线 {args.write_baseline}", file=sys.stderr)
    if matcher is not None:
        stale = matcher.stale()
        print(f"lawlint: {state['in_base']} 条问题已在基线中（不影响退出码）"
              + (f"；基线中有 {stale} 条已不再出现，可用 --write-baseline 更新基线" if stale else ""),
              file=sys.stderr)
    return state["exit"]


def _write_docx(results, pairs, args, state) -> list:
    """--format docx: an annotated copy of each report (see lawlint.reporters.docx)."""
    if not args.output:
        raise LawlintError("docx 格式输出的是加了批注的 Word 文档：请用 --output 指定输出文件（检查多份报告时为输出目录）")
    from .loaders import load_path
    from .reporters.docx import write_copies
    configs = {item: config for item, config in pairs if isinstance(item, str)}

    def load(path):
        config = configs[path]
        return load_path(path, encoding=config.encoding, limits=config.limits)

    out, written = [], 0
    for r, problem in write_copies(results, args.output, args.paths, load):
        if problem:
            print(f"lawlint: {problem}", file=sys.stderr)
            state["exit"] = EXIT_ERROR
        elif r.error is None:
            written += 1
        out.append(r)
    print(f"lawlint: 已生成加批注的 Word 文档 {written} 份：{args.output}", file=sys.stderr)
    return out


def _terminal_text(results, run, quiet):
    """The text report on the terminal, or with --quiet only the one-line summary."""
    from . import reporters
    if not quiet:
        reporters.stream("text", results, run, sys.stdout.write)
        return
    from .reporters.text import summary_lines
    totals = reporters.Summary()
    for r in results:
        totals.add(r)
    print("\n".join(summary_lines(totals.as_dict())))


def _check_selectors(ruleset, config):
    from .selectors import names_any
    ids = [r.id for r in ruleset]
    for pattern in config.select + config.ignore:
        if not names_any(pattern, ids):
            raise LawlintError(f"没有与“{pattern}”匹配的规则（lawlint rules 可列出全部规则）")


def _write_output(path, text):
    from .atomic import write_text_atomic
    try:
        write_text_atomic(path, text)
    except OSError as e:
        raise LawlintError(f"无法写入输出文件（{e.strerror or e}）", path) from None


def _file_exit(r, config, exit_zero) -> int:
    """A file's own verdict under its configuration's fail_on / fail_under; baseline findings
    never fail. Load errors are 2 even with --exit-zero."""
    if r.error is not None:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    if config.fail_on != "never" and any(
            SEVERITY_RANK[d.severity] >= SEVERITY_RANK[config.fail_on] for d in r.diagnostics if not d.baseline):
        return EXIT_FINDINGS
    if config.fail_under is not None and r.score < config.fail_under:
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_fix(args) -> int:
    from .fix import fix_path, writable
    from .result import FileResult
    from .walk import expand_paths

    from .api import ruleset_for
    code, would_change = EXIT_OK, 0
    # A folder's .html/.pdf files are skipped quietly; a file named on the command line is not.
    items = [i for i in expand_paths(args.paths)
             if not isinstance(i, str) or i == "-" or i in args.paths or writable(i)]
    if args.output and (len(items) != 1 or not isinstance(items[0], str) or os.path.isdir(args.paths[0])):
        raise LawlintError("fix --output 只能用于一个文件")
    for item, config in _configs_for(items, args):
        _check_selectors(ruleset_for(config), config)
        if isinstance(item, FileResult) or item == "-":
            print(f"lawlint: {item.error if isinstance(item, FileResult) else '- : fix 不能修改标准输入'}",
                  file=sys.stderr)
            code = EXIT_ERROR
            continue
        try:
            outcome = fix_path(item, config, write=not (args.diff or args.check), output=args.output)
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
        where = f" → {args.output}" if args.output and verb == "已修正" else ""
        kept = f"；{outcome.skipped} 处位于已有修订、域、超链接或自动编号中，未修改" if outcome.skipped else ""
        print(f"{verb} {item}{where}：{sum(outcome.counts.values())} 处（{detail}）{kept}",
              file=sys.stderr if args.diff else sys.stdout)
    if code == EXIT_OK and args.check and would_change:
        code = EXIT_FINDINGS
    return code


def cmd_config(args) -> int:
    from dataclasses import asdict

    from .configfile import find, resolve
    from pathlib import Path
    cfg, origin = resolve(args.path if args.path != "." else str(Path.cwd() / "_"), {}, args.config)
    source = args.config or find(Path(args.path).resolve() if args.path != "." else Path.cwd())
    print(f"配置文件：{source or '（未找到，使用默认值）'}")
    for key, value in asdict(cfg).items():
        print(f"{key:<12} = {value!r:<40} # {origin[key]}")
    return EXIT_OK


INIT_TEMPLATE = """\
# lawlint 配置（lawlint init 生成）。从被检查文件所在目录向上查找，最近的一个生效。
# 也可写在 pyproject.toml 的 [tool.lawlint] 中（两处不要设置同一项）。

# 额外的规则包（YAML 文件或目录，相对本文件）
# rules: [lawlint-rules/本省要求.yaml]

# 只运行 / 不运行哪些规则（规则编号或前缀，lawlint rules 可列出全部规则）
# select: [section, numbering]
# ignore: [time.relative]

# 调整规则级别：error / warning / info
# severity:
#   punct.halfwidth: info

# 退出码：存在该级别及以上的问题时为 1（error / warning / info / never）
fail_on: error
# 任一报告得分低于该分数时退出码为 1
# fail_under: 75

# 报告年度无法自动识别时使用
# year: 2024
# 公开期限（报告年度次年的“月-日”）
# deadline: "04-01"
# 单个文件（或标准输入）大小上限（MB）
# max_file_mb: 20
# 一份报告的文字上限（字符）
# max_chars: 1000000
# .docx 解压后 XML 的大小上限（MB）
# max_docx_mb: 20
# PDF 页数上限
# max_pdf_pages: 300
# 单条规则在一份报告上的运行时限（秒；超时的规则报错并中止，其余规则照常）
# rule_time_limit: 10

# 按路径覆盖（glob 相对本文件）
# overrides:
#   - files: ["部门/*.txt"]
#     ignore: [section.leadership]
"""

PRECOMMIT_SNIPPET = """\
# .pre-commit-config.yaml
repos:
  - repo: https://example.invalid/lawlint   # 替换为 lawlint 仓库地址
    rev: v{version}
    hooks:
      - id: lawlint
      # - id: lawlint-fix
"""


def cmd_init(args) -> int:
    from pathlib import Path
    target = Path(args.dir) / ".lawlint.yaml"
    if target.exists():
        raise LawlintError("文件已存在，未覆盖", target)
    from .atomic import write_text_atomic
    try:
        write_text_atomic(target, INIT_TEMPLATE)
    except OSError as e:
        raise LawlintError(f"无法写入（{e.strerror or e}）", target) from None
    print(f"已生成 {target}")
    print("\npre-commit 配置片段：\n")
    print(PRECOMMIT_SNIPPET.format(version=__version__))
    return EXIT_OK


def cmd_compare(args) -> int:
    import importlib

    from .compare import compare_paths
    from .configfile import resolve

    cli = {"encoding": args.encoding}
    run = compare_paths(args.last, args.this, lambda path: resolve(path, cli, args.config)[0])
    for e in run.errors:
        print(f"lawlint: {e['error']}", file=sys.stderr)

    def render(fmt):
        return importlib.import_module(f".reporters.compare_{fmt}", __package__).render(run, __version__)

    if args.output:
        _write_output(args.output, render(args.format))
    if not args.output or args.format != "text":
        sys.stdout.write(render("text" if args.output else args.format))
    return EXIT_ERROR if run.errors else EXIT_OK


def cmd_rules(args) -> int:
    from .docs import render_rules
    from .ruleset import load_rules, pack_schema
    if args.test:
        return _test_packs(args.rules, args.test)
    if args.format == "schema":
        import json
        sys.stdout.write(json.dumps(pack_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    sys.stdout.write(render_rules(load_rules(args.rules), args.format))
    return EXIT_OK


def _test_packs(extra, packs) -> int:
    """``lawlint rules --test PACK``: run the examples of the rules PACK defines."""
    from pathlib import Path

    from .examples import render, run_rule
    from .ruleset import load_rules, read_pack
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


COMMANDS = {"check": cmd_check, "fix": cmd_fix, "config": cmd_config, "init": cmd_init,
            "compare": cmd_compare, "rules": cmd_rules, "explain": cmd_explain}
