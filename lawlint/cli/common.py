"""What several commands share: configuration per path, selector checks, writing an output file."""
from __future__ import annotations

from ..errors import LawlintError


def cli_values(args) -> dict:
    """Command-line settings, in configuration-file terms (they override files)."""
    if getattr(args, "deadline", None):
        from ..checks import dates as dt
        try:
            dt.date.fromisoformat(f"2000-{args.deadline}")
        except ValueError:
            raise LawlintError(f"--deadline 应写作“月-日”，如 04-01 或 03-01，而不是 {args.deadline!r}") from None
    return {"rules": list(args.rules), "select": list(args.select), "ignore": list(args.ignore),
            "year": args.year, "encoding": args.encoding, "fail_on": getattr(args, "fail_on", None),
            "fail_under": getattr(args, "fail_under", None), "deadline": getattr(args, "deadline", None),
            "previous": previous_files(getattr(args, "previous", None))}


def previous_files(path) -> tuple:
    """--previous: last year's report, or a folder of them (absolute path; the reuse check pairs)."""
    if not path:
        return ()
    import os

    from ..errors import LoadError
    if not os.path.exists(path):
        raise LoadError("上一年度的报告（--previous）不存在", path)
    return (os.path.abspath(path),)

def configs_for(items, args):
    """Pair each path with its configuration (nearest .lawlint.yaml / pyproject.toml, or
    --config); files sharing a configuration file and no per-path override share one Config."""
    from ..config.load import resolve
    cli, pairs = cli_values(args), []
    explicit = getattr(args, "config", None)
    for item in items:
        path = item if isinstance(item, str) and item != "-" else None
        pairs.append((item, resolve(path, cli, explicit)[0]))
    return pairs

def check_selectors(ruleset, config):
    """Every --select/--ignore pattern and every ``severity:`` key names a rule (or a group): a
    typo would otherwise silently select nothing."""
    from ..rulepack.selectors import names_any
    from ..suggest import hint
    ids = [r.id for r in ruleset]
    names = ids + sorted({i.split(".")[0] for i in ids})
    for where, patterns in (("", config.select + config.ignore), ("配置项 severity 中", list(config.severity))):
        for pattern in patterns:
            if not names_any(pattern, ids):
                raise LawlintError(f"{where}没有与“{pattern}”匹配的规则"
                                   + hint(pattern, names, "（lawlint rules 可列出全部规则）"))

def write_output(path, text):
    from ..fix.atomic import write_text_atomic
    import os
    try:
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)            # -o reports/lawlint.sarif: make reports/
        write_text_atomic(path, text)
    except OSError as e:
        raise LawlintError(f"无法写入输出文件（{e.strerror or e}）", path) from None
