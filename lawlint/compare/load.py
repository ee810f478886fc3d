"""Reports loaded and checked once each (the Document is shared with ``lawlint check``), and
the pairing of two folders' reports by issuer."""
from __future__ import annotations

import os
import re

from ..errors import LawlintError, LoadError
from .comparison import compare
from .model import Comparison, CompareRun, Report


def load_report(path, config=None) -> Report:
    from ..api import parse_and_lint
    from ..config import Config
    from ..loaders import load_path
    config = config or Config()
    source = load_path(path, encoding=config.encoding, limits=config.limits)
    doc, result = parse_and_lint(source, config)      # one parse, shared with the check
    return Report(source, result, doc)


def compare_files(last_path, this_path, config_for=None) -> Comparison:
    config_for = config_for or (lambda p: None)
    return compare(load_report(last_path, config_for(last_path)), load_report(this_path, config_for(this_path)))


def compare_paths(last, this, config_for=None) -> CompareRun:
    """Two files, or two folders whose reports are paired by issuer (then by file name)."""
    from ..loaders.walk import expand_paths
    for p in (last, this):
        if not os.path.exists(p):
            raise LoadError("路径不存在", p)
    if os.path.isdir(last) != os.path.isdir(this):
        raise LawlintError("两个路径应同为文件或同为目录（去年的报告在前，今年的在后）")
    if not os.path.isdir(last):
        return CompareRun(comparisons=[compare_files(last, this, config_for)])
    config_for = config_for or (lambda p: None)
    run, sides = CompareRun(), {}
    for side, root in (("last", last), ("this", this)):
        sides[side] = []
        for item in expand_paths([root]):
            try:
                sides[side].append(load_report(item, config_for(item)))
            except LawlintError as e:
                run.errors.append({"path": item, "error": str(e)})
    pairs, rest_last, rest_this = pair_reports(sides["last"], sides["this"])
    run.comparisons = [compare(a, b) for a, b in pairs]
    run.unmatched = ([{"path": r.source.path, "side": "last"} for r in rest_last]
                     + [{"path": r.source.path, "side": "this"} for r in rest_this])
    return run


def issuer_key(issuer: str | None) -> str:
    return re.sub(r"\s+|人民政府$|政府$", "", issuer or "")


def name_key(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    return re.sub(r"\d+\s*年?度?|[-_\s.]+", "", stem)


def pair_reports(last: list, this: list):
    """Pair reports by issuer: the same name, else one name ending with the other (信阳市平桥区 /
    平桥区) when that is unambiguous, else the file name without years and digits."""
    left, pairs = list(last), []
    tests = (lambda a, b: issuer_key(a.result.issuer) and issuer_key(a.result.issuer) == issuer_key(b.result.issuer),
             _suffix_match,
             lambda a, b: name_key(a.source.path) and name_key(a.source.path) == name_key(b.source.path))
    pending = list(this)
    for test in tests:
        still = []
        for b in pending:
            hits = [a for a in left if test(a, b)]
            if len(hits) == 1 or (hits and test is not _suffix_match):
                left.remove(hits[0])
                pairs.append((hits[0], b))
            else:
                still.append(b)
        pending = still
    order = {id(b): i for i, b in enumerate(this)}
    pairs.sort(key=lambda ab: order[id(ab[1])])
    return pairs, left, pending


def _suffix_match(a, b) -> bool:
    x, y = issuer_key(a.result.issuer), issuer_key(b.result.issuer)
    return bool(x and y) and min(len(x), len(y)) >= 2 and (x.endswith(y) or y.endswith(x))
