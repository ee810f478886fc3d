"""``lawlint check``: check files and folders, stream the chosen format, set the exit status."""
from __future__ import annotations

import os
import sys

from .._version import __version__
from ..errors import LawlintError, one_line
from .common import check_selectors, configs_for, write_output
from .exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, file_exit
from .gate import Gate
from .progress import wanted, with_progress


def cmd_check(args) -> int:
    from .. import reporters
    from ..api import ruleset_for
    from ..batch import check_paths
    from ..loaders.walk import expand_paths

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in reporters.names():
        from ..suggest import hint
        raise LawlintError(f"未知的输出格式 {fmt!r}"
                           + hint(fmt, reporters.names(), f"（可选：{'、'.join(reporters.names())}）"))
    items = expand_paths(args.paths)
    if args.diff_base:
        from ..loaders.gitdiff import changed_files
        changed = changed_files(args.diff_base)
        items = [i for i in items if not isinstance(i, str) or i == "-" or os.path.realpath(i) in changed]
        if not items:
            print(f"lawlint: 自 {args.diff_base} 以来 {'、'.join(args.paths)} 中没有改动过的报告文件，未检查任何文件",
                  file=sys.stderr)     # said, exit 0; machine formats still write their empty document
    pairs = configs_for(items, args)
    configs = [c for _, c in pairs] or [configs_for([None], args)[0][1]]   # nothing to check
    for config in configs:                   # load (and validate) every rule set before any file
        check_selectors(ruleset_for(config), config)
    ruleset = ruleset_for(configs[0])
    from . import resume_gc
    resume_gc()         # (the reports' trees have cycles)
    from ..rulepack import startregex
    startregex.learn()  # start-up is over: what re compiled for it, kept for the next start
    matcher = entries = None
    if args.baseline:
        from ..reporters import baseline
        matcher = baseline.Matcher(baseline.load(args.baseline))
    if args.write_baseline:
        entries = []
    state = {"in_base": 0, "exit": EXIT_OK}
    gate = Gate()
    fingerprints = bool(getattr(reporters.get(fmt), "FINGERPRINTS", False) or args.baseline
                        or args.write_baseline)

    def processed():
        """Results as they arrive: baseline marks, errors on stderr, the exit status; nothing
        is kept, so a batch of any size streams through in constant memory."""
        if entries is not None:             # (the baseline's modules only when one is written)
            from ..reporters import baseline
        # text on the terminal shows each finding's line: it streams, one report's text at a time
        shows_lines = fmt == "text" and not args.quiet and not args.output
        results = check_paths(pairs, jobs=args.jobs or os.cpu_count() or 1,
                              keep_text=fmt in ("html", "docx") or shows_lines, fingerprints=fingerprints)
        if wanted(len(pairs), args.quiet):
            results = with_progress(results, len(pairs))
        for r, (_, config) in zip(results, pairs):
            if matcher is not None:
                matcher.mark(r)
                state["in_base"] += sum(1 for d in r.diagnostics if d.baseline)
            if entries is not None:
                entries.extend(baseline.entries_of(r))
            if r.error is not None:
                print("lawlint: " + one_line(r.error), file=sys.stderr)
            state["exit"] = max(state["exit"], file_exit(r, config, args.exit_zero))
            if not args.exit_zero:
                gate.add(r, config)
            yield r

    tty = sys.stdout.isatty() and not args.no_color and not os.environ.get("NO_COLOR")
    run = reporters.Run(ruleset=ruleset, version=__version__, color=fmt == "text" and tty and not args.output)
    site = fmt == "html" and (len(items) != 1 or any(os.path.isdir(p) for p in args.paths)
                              or (args.output and os.path.isdir(args.output)))
    if site:
        from ..reporters.site import write_site
        outdir = args.output or "lawlint-report"
        results = list(write_site(processed(), run, outdir))
        run.color = tty
        _terminal_text(results, run, args.quiet)
        print("lawlint: " + one_line(f"已生成 HTML 报告 {len(results)} 份，总览页：{os.path.join(outdir, 'index.html')}"),
              file=sys.stderr)
    elif fmt == "docx":
        results = _write_docx(processed(), pairs, args, state)
        run.color = tty
        _terminal_text(results, run, args.quiet)
    elif args.output:
        results = list(processed())
        write_output(args.output, reporters.clean(reporters.get(fmt).render(results, run), fmt))
        print(f"lawlint: 已把 {fmt} 格式的结果（{len(results)} 份报告）写入 {args.output}", file=sys.stderr)
        run.color = tty
        _terminal_text(results, run, args.quiet)
    elif fmt == "text" and args.quiet:
        _terminal_text(processed(), run, quiet=True)
    else:
        reporters.stream(fmt, processed(), run, _stdout)        # through the bar's redirect
    if entries is not None:
        from ..reporters import baseline
        baseline.write(args.write_baseline, entries)
        print("lawlint: " + one_line(f"已把 {len(entries)} 条问题写入基线 {args.write_baseline}"), file=sys.stderr)
    if matcher is not None:
        stale = matcher.stale()
        print(f"lawlint: {state['in_base']} 条问题已在基线中（不影响退出码）"
              + (f"；基线中有 {stale} 条已不再出现，可用 --write-baseline 更新基线" if stale else ""),
              file=sys.stderr)
    if args.write_baseline and state["exit"] == EXIT_FINDINGS:
        state["exit"] = EXIT_OK          # recording a baseline is not a failure (load errors still are)
    if state["exit"] == EXIT_FINDINGS and gate.line():
        print(f"lawlint: {gate.line()}", file=sys.stderr)      # the last line says why the gate failed
    return state["exit"]

def _write_docx(results, pairs, args, state) -> list:
    """--format docx: an annotated copy of each report (see lawlint.reporters.docx)."""
    if not args.output:
        raise LawlintError("docx 格式输出的是加了批注的 Word 文档：请用 --output 指定输出文件（检查多份报告时为输出目录）")
    from ..loaders import load_path
    from ..reporters.docx import write_copies
    configs = {item: config for item, config in pairs if isinstance(item, str)}

    def load(path):
        config = configs[path]
        return load_path(path, encoding=config.encoding, limits=config.limits)

    out, written = [], 0
    for r, problem in write_copies(results, args.output, args.paths, load):
        if problem:
            print("lawlint: " + one_line(problem), file=sys.stderr)
            state["exit"] = EXIT_ERROR
        elif r.error is None:
            written += 1
        out.append(r)
    print("lawlint: " + one_line(f"已生成加批注的 Word 文档 {written} 份：{args.output}"), file=sys.stderr)
    return out

def _terminal_text(results, run, quiet):
    """The text report on the terminal, or with --quiet only the one-line summary."""
    from .. import reporters
    if not quiet:
        reporters.stream("text", results, run, sys.stdout.write)
        return
    from ..reporters.text import summary_lines
    totals = reporters.Summary()
    for r in results:
        totals.add(r)
    print("\n".join(summary_lines(totals.as_dict())))


def _stdout(s: str) -> None:
    """Write to whatever ``sys.stdout`` is now: while the progress bar runs, rich's proxy, so a
    report's lines appear above the bar instead of through it."""
    sys.stdout.write(s)
