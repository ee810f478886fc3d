"""The generated corpus keeps its findings: the first 12 reports of benchmarks/make_corpus.py (seed 7)
are linted and each one's score, grade, findings (rule and position) and a digest of their
messages must equal tests/golden/corpus/generated-12.json — the batch figures of the benchmark are measured on these
reports, so a speed change must not move a finding there either (tests/test_golden.py guards the
seeds and fixtures). When a change of output is intended, regenerate deliberately and review the
diff:

    python tests/test_corpus_golden.py --regenerate
"""
import hashlib
import json
import sys

from helpers import ROOT

EXPECTED = ROOT / "tests" / "golden" / "corpus" / "generated-12.json"
N = 12


def summarise() -> dict:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from make_corpus import make
    finally:
        sys.path.pop(0)
    from lawlint.api import lint_text

    out = {}
    for name, text in make(N, seed=7):
        r = lint_text(text, path=name)
        messages = "\n".join(d.message for d in r.diagnostics).encode("utf-8")
        out[name] = [r.score, r.grade, hashlib.sha256(messages).hexdigest()[:16],
                     [[d.rule, d.line, d.column, d.end_line, d.end_column] for d in r.diagnostics]]
    return out


def _dump(data) -> str:
    lines = [json.dumps(k, ensure_ascii=False) + ": " + json.dumps(v, ensure_ascii=False)
             for k, v in data.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def test_generated_corpus_findings_are_unchanged():
    want = json.loads(EXPECTED.read_text(encoding="utf-8"))
    got = summarise()
    assert len(got) == N and sum(len(v[3]) for v in got.values()) > 10 * N
    changed = [k for k in want if want[k] != got.get(k)]
    assert not changed, (f"{len(changed)} generated reports differ from {EXPECTED.name} (first: "
                         f"{changed[0]}); if intended, run python tests/test_corpus_golden.py --regenerate")


if __name__ == "__main__":
    if "--regenerate" not in sys.argv:
        sys.exit(__doc__)
    sys.path.insert(0, str(ROOT))
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED.write_text(_dump(summarise()), encoding="utf-8", newline="\n")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")
