"""The real-text regression corpus (tests/corpus/real): run lawlint on the nine crawled reports and
match its findings with a reviewer's verdicts.

A finding matches a judged one when the file and the rule agree and either the line and column
agree, or the position falls inside an occurrence of the judged quote in the report's text (the
quote is the text a reviewer saw around the finding, so a finding whose column moved a little
still matches). A rule split off a judged one (a dotted child id) answers for it. A judged entry with ``"match": "rule"`` (a report-level verdict, such as a missing
part, whose anchor may move when the parser improves) matches any finding of its rule in its file.

Run it to review the current state (never to overwrite the expectations):

    python tests/realcorpus.py            # T/D/F/new counts by rule, then every unjudged finding
    python tests/realcorpus.py --listing  # the current state as expectation entries, for review
    python tests/realcorpus.py --stale    # the expected.json entries today's run disagrees with

The expectations live in tests/corpus/real/expected.json; findings-judged.jsonl is the reviewer's
reading of lawlint 0.1.0's output and is kept as it was given.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

REAL = Path(__file__).resolve().parent / "corpus" / "real"
JUDGED = REAL / "findings-judged.jsonl"
EXPECTED = REAL / "expected.json"
QUOTE_BEFORE = 6                       # the reviewer's quotes start up to 6 characters before


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def report_files() -> list[Path]:
    return sorted(REAL.glob("[0-9][0-9][0-9].txt"))


def lint_all(config=None) -> dict:
    """file name -> FileResult for the nine reports."""
    from lawlint.api import lint_path
    return {p.name: lint_path(p, config) for p in report_files()}


@lru_cache(maxsize=16)
def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def offset(text: str, line: int, column: int) -> int:
    lines = _line_starts(text)
    return lines[min(line, len(lines)) - 1] + column - 1


def quote_covers(text: str, quote: str, at: int) -> bool:
    """Does an occurrence of ``quote`` in ``text`` contain position ``at`` (or start just after it)?"""
    if not quote:
        return False
    i = text.find(quote, max(0, at - len(quote)))
    while i != -1 and i <= at:
        if i <= at <= i + len(quote):
            return True
        i = text.find(quote, i + 1)
    return False


def same_rule(judged: str, rule: str) -> bool:
    """A rule split off a judged one (``numbering.heading_period.house_style`` from
    ``numbering.heading_period``) still answers for it, as a selector would name it."""
    return rule == judged or rule.startswith(judged + ".")


def same(entry: dict, d, text: str, exact_rule: bool = False) -> bool:
    """Is finding ``d`` the one ``entry`` describes (same file assumed)? ``exact_rule``: not by a
    rule split off it (a true finding must not turn into a hint unnoticed)."""
    if not (d.rule == entry["rule"] if exact_rule else same_rule(entry["rule"], d.rule)):
        return False
    if entry.get("match") == "rule":
        return True
    if (entry["line"], entry["column"]) == (d.line, d.column):
        return True
    return quote_covers(text, entry.get("quote", ""), offset(text, d.line, d.column))


def pair(entries: list[dict], diagnostics: list, text: str) -> dict:
    """index of diagnostic -> entry, each entry used once: exact positions first, then quotes."""
    out, used = {}, set()
    for exact in (True, False):
        for i, d in enumerate(diagnostics):
            if i in out:
                continue
            for k, e in enumerate(entries):
                if k in used or not same_rule(e["rule"], d.rule):
                    continue
                hit = ((e["line"], e["column"]) == (d.line, d.column)) if exact else same(e, d, text)
                if hit:
                    out[i] = e
                    used.add(k)
                    break
    return out


def quote_at(text: str, line: int, column: int, width: int = 14) -> str:
    """The text around a position as the reviewer quoted it: up to 6 characters before, on its line."""
    at = offset(text, line, column)
    start = max(offset(text, line, 1), at - QUOTE_BEFORE)
    return text[start:start + width].split("\n")[0]


def tally(results: dict, judged: list[dict]):
    """(rule -> Counter of T/D/F/new, list of unjudged findings as entries)."""
    by_rule: dict[str, Counter] = {}
    new = []
    for name, r in results.items():
        mine = [e for e in judged if e["file"] == name]
        got = pair(mine, r.diagnostics, r.text)
        for i, d in enumerate(r.diagnostics):
            verdict = got[i]["verdict"] if i in got else "new"
            by_rule.setdefault(d.rule, Counter())[verdict] += 1
            if i not in got:
                new.append({"file": name, "rule": d.rule, "line": d.line, "column": d.column,
                            "quote": quote_at(r.text, d.line, d.column), "severity": d.severity,
                            "message": d.message})
    return by_rule, new


def print_tally(by_rule: dict) -> None:
    total = Counter()
    print(f"{'rule':34} {'n':>4} {'T':>4} {'D':>4} {'F':>4} {'new':>4}")
    for rule in sorted(by_rule, key=lambda r: (-sum(by_rule[r].values()), r)):
        c = by_rule[rule]
        total.update(c)
        print(f"{rule:34} {sum(c.values()):>4} {c['T']:>4} {c['D']:>4} {c['F']:>4} {c['new']:>4}")
    print(f"{'total':34} {sum(total.values()):>4} {total['T']:>4} {total['D']:>4} {total['F']:>4} "
          f"{total['new']:>4}")


def listing(results: dict, judged: list[dict]) -> list[dict]:
    """Every judged T or F finding with what it does today: for a human to compare with
    expected.json (present / absent), never to overwrite it."""
    out = []
    for name, r in results.items():
        mine = [e for e in judged if e["file"] == name and e["verdict"] in "TF"]
        got = pair(mine, r.diagnostics, r.text)
        fired = {id(e) for e in got.values()}
        for e in mine:
            out.append({"file": name, "rule": e["rule"], "line": e["line"], "column": e["column"],
                        "verdict": e["verdict"], "today": "present" if id(e) in fired else "absent"})
    return out


def stale(results: dict, expected: dict) -> list[str]:
    """Lines naming each expectation that today's run contradicts (what a human then edits)."""
    out = []
    for e in expected["findings"]:
        r = results[e["file"]]
        fires = any(same(e, d, r.text, exact_rule=e["expect"] == "present") for d in r.diagnostics)
        if fires != (e["expect"] in ("present", "known_false")):
            now = "fires" if fires else "does not fire"
            out.append(f"{e['file']} {e['rule']} {e['line']}:{e['column']} expect {e['expect']}, {now}")
    labels = {row["file"]: row for row in read_jsonl(REAL / "labels.jsonl")}
    for k in expected["parts_known_wrong"]:
        v = results[k["file"]].sections[k["part"]]
        now = v.status if v.reached else "unreached"
        if now != k["today"]:
            label = labels[k["file"]]["sections"][k["part"]]
            out.append(f"{k['file']} part {k['part']}: recorded {k['today']}, now {now} (label {label})")
    return out


def main(argv: list[str]) -> int:
    judged = read_jsonl(JUDGED)
    results = lint_all()
    if "--stale" in argv:
        with open(EXPECTED, encoding="utf-8") as fh:
            lines = stale(results, json.load(fh))
        print("\n".join(lines) or "expected.json agrees with today's run")
        return 0
    if "--listing" in argv:
        for row in listing(results, judged):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    by_rule, new = tally(results, judged)
    print_tally(by_rule)
    print(f"\nfindings not in {JUDGED.name}: {len(new)}")
    for row in new:
        print(f"  {row['file']} {row['rule']} {row['line']}:{row['column']} [{row['severity']}] "
              f"{row['quote']!r} — {row['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
