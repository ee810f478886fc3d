"""The nine real, crawled reports of tests/corpus/real as a regression corpus.

Expectations (tests/corpus/real/expected.json) come from a reviewer's verdict on every finding
lawlint 0.1.0 gave (findings-judged.jsonl) and the part labels (labels.jsonl):

- a finding judged true must keep firing;
- a finding judged false must not fire, except those listed ``known_false`` (input shapes and part
  verdicts being fixed on other branches), which are asserted to still fire, so that the list
  shrinks when one is fixed;
- every labelled part agrees with the label, except those in ``parts_known_wrong``, which are
  asserted to still disagree in the way recorded;
- a hint rule gives at most one finding per report.

To review the current state: ``python tests/realcorpus.py`` (counts by rule, unjudged findings) and
``python tests/realcorpus.py --listing``. Edit expected.json by hand after reading the changes.
"""
import hashlib
import json

import pytest

import realcorpus as rc

PRESENT = ("heading", "body")


@pytest.fixture(scope="module")
def expected():
    with open(rc.EXPECTED, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def results():
    return rc.lint_all()


def _fires(entry, results) -> bool:
    """Does the judged finding fire? A true one only under its own rule; a false one under its rule
    or one split off it (it would still be false there)."""
    r = results[entry["file"]]
    exact = entry["expect"] == "present"
    return any(rc.same(entry, d, r.text, exact_rule=exact) for d in r.diagnostics)


def _show(entry) -> str:
    return (f"{entry['file']} {entry['rule']} {entry['line']}:{entry['column']} "
            f"「{entry.get('quote', '')}」 — {entry['why']}")


def test_corpus_is_the_crawled_text(expected):
    """The reports are kept byte for byte as crawled (no editor may normalise them)."""
    got = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in rc.report_files()}
    assert got == expected["sha256"]


def test_every_report_is_labelled_and_checked(expected, results):
    labels = {row["file"] for row in rc.read_jsonl(rc.REAL / "labels.jsonl")}
    assert labels == set(results) and len(results) == 9
    assert all(r.error is None for r in results.values())
    assert {e["file"] for e in expected["findings"]} == set(results)


def test_true_findings_still_fire(expected, results):
    lost = [_show(e) for e in expected["findings"] if e["expect"] == "present" and not _fires(e, results)]
    assert not lost, "findings a reviewer judged true no longer fire:\n" + "\n".join(lost)


def test_false_findings_stay_away(expected, results):
    back = [_show(e) for e in expected["findings"] if e["expect"] == "absent" and _fires(e, results)]
    assert not back, "findings a reviewer judged false fire again:\n" + "\n".join(back)


def test_known_false_findings_are_listed_honestly(expected, results):
    """Known false findings that still fire. One that stopped firing has been fixed: change its
    ``expect`` to ``absent`` in expected.json (so it cannot come back unnoticed)."""
    gone = [_show(e) for e in expected["findings"] if e["expect"] == "known_false"
            and not _fires(e, results)]
    assert not gone, ("fixed, so move these to \"expect\": \"absent\" in tests/corpus/real/expected.json:\n"
                      + "\n".join(gone))


def _status(verdict) -> str:
    return verdict.status if verdict.reached else "unreached"


def test_part_verdicts_agree_with_labels(expected, results):
    known = {(k["file"], k["part"]): k for k in expected["parts_known_wrong"]}
    wrong, fixed = [], []
    for row in rc.read_jsonl(rc.REAL / "labels.jsonl"):
        r = results[row["file"]]
        for part, label in row["sections"].items():
            got = _status(r.sections[part])
            agrees = got != "unreached" and (got in PRESENT) == (label in PRESENT)
            k = known.get((row["file"], part))
            if k is None and not agrees:
                wrong.append(f"{row['file']} {part}: label {label}, lawlint {got}")
            elif k is not None and (agrees or got != k["today"]):
                fixed.append(f"{row['file']} {part}: label {label}, lawlint {got} (was {k['today']})")
    assert not wrong, "part verdicts that disagree with labels.jsonl:\n" + "\n".join(wrong)
    assert not fixed, ("parts_known_wrong entries that changed; delete or update them in "
                       "tests/corpus/real/expected.json:\n" + "\n".join(fixed))


def test_hints_are_folded(expected, results):
    """A hint (optional style: the basis says 通常 or 宜) is one finding per report."""
    over = [f"{name} {rule}: {n}" for name, r in results.items()
            for rule, most in expected["max_per_report"].items()
            if (n := sum(d.rule == rule for d in r.diagnostics)) > most]
    assert not over, "hint rules reported more than once in a report:\n" + "\n".join(over)


def test_matching_tells_findings_apart(results):
    """The matcher itself: a judged entry does not match a finding of another rule or place."""
    r = results["001.txt"]
    d = next(d for d in r.diagnostics if d.rule == "punct.halfwidth")
    entry = {"rule": d.rule, "line": d.line, "column": d.column, "quote": ""}
    assert rc.same(entry, d, r.text)
    assert not rc.same(dict(entry, rule="punct.space"), d, r.text)
    assert not rc.same(dict(entry, column=d.column + 40), d, r.text)
    assert rc.same(dict(entry, column=d.column + 40, quote=rc.quote_at(r.text, d.line, d.column)), d,
                   r.text)


def test_the_review_script_names_what_went_stale(expected, results):
    """``python tests/realcorpus.py --stale`` agrees with the tests, and names a contradicted entry."""
    assert rc.stale(results, expected) == []
    flipped = json.loads(json.dumps(expected))
    # (made up: when every known-false finding and part verdict is fixed, the lists are empty)
    entry = next(e for e in flipped["findings"] if e["expect"] == "absent")
    entry["expect"] = "known_false"             # recorded as still firing; it does not
    now = results["001.txt"].sections["plans"].status
    flipped["parts_known_wrong"] = [{"file": "001.txt", "part": "plans", "label": now,
                                     "today": "absent" if now != "absent" else "heading"}]
    lines = rc.stale(results, flipped)
    assert len(lines) == 2 and "expect known_false, does not fire" in lines[0] and "plans" in lines[1]
