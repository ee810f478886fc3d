"""The library API from threads (issue 23, item 6): ``lint_text``/``lint_path`` called from many
threads at once give exactly the findings of a sequential run (no per-pattern memo mixes two
texts), and ``rule_time_limit`` stops a catastrophic user pattern off the main thread too (the
report is linted in a child process there; built-in rules run in the calling thread)."""
import json
import subprocess
import sys
import threading
import time

import pytest

from helpers import ROOT, SEEDS, existence_pack
from lawlint import lint_text

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _key(result):
    return [(d.rule, d.line, d.column, d.message) for d in result.diagnostics]


def test_many_threads_find_what_one_thread_finds():
    texts = TEXTS + [t[: len(t) // 2] for t in TEXTS] + ["一、主要举措\n" + "工作" * 300 + "。\n"]
    expected = [_key(lint_text(t)) for t in texts]
    assert sum(map(len, expected)) > 100
    got, errors = {}, []
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)             # switch threads as often as possible: races show
    try:
        def work(i, rounds=3):
            try:
                for r in range(rounds):
                    j = (i + r) % len(texts)
                    got[(i, r)] = (j, _key(lint_text(texts[j])))
            except Exception as e:      # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
    finally:
        sys.setswitchinterval(old)
    assert not errors and len(got) == 24
    for j, findings in got.values():
        assert findings == expected[j]


OFF_THREAD = """
import json, sys, threading
from lawlint import lint_text
from lawlint.config import Config
text = "一、主要举措\\n" + "工作" * 40 + "。\\n全年办理案件12件,审结10件。\\n成效显著。\\n"
out = {}
def work():
    r = lint_text(text, config=Config(rule_packs=[sys.argv[1]], rule_time_limit=0.5), year=2021)
    out["d"] = [[d.rule, d.message] for d in r.diagnostics]
t = threading.Thread(target=work)
t.start()
t.join()
print(json.dumps(out["d"], ensure_ascii=False))
"""


def test_the_time_limit_holds_off_the_main_thread(tmp_path):
    pack = existence_pack(tmp_path / "pack.yaml", "my.slow", ["(?:工作|工|作)+成效显著"],
                          '{bad: ["工作成效显著"], good: ["无"]}')
    # In a process of its own with a timeout: a regex running in C holds the GIL, so no guard
    # inside this process could end a thread stuck in one.
    r = subprocess.run([sys.executable, "-c", OFF_THREAD, str(pack)], capture_output=True, text=True,
                       timeout=120, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    diags = json.loads(r.stdout)
    slow = [m for rule, m in diags if rule == "my.slow"]
    assert len(slow) == 1 and "超过 0.5 秒" in slow[0]
    assert any(rule == "punct.halfwidth" for rule, _ in diags)      # the other rules ran


def test_the_time_limit_survives_an_exception_handler_that_swallows_it():
    """A RuleTimeout raised inside code that catches Exception must still end the rule."""
    import re as _re

    from lawlint import timelimit
    if not hasattr(timelimit.signal, "setitimer"):
        pytest.skip("POSIX timers")
    slow = _re.compile("(?:工作|工|作)+成效显著")
    t0 = time.monotonic()
    with timelimit.watch(0.3) as timer:
        timer.arm()
        with pytest.raises(timelimit.RuleTimeout):
            try:
                while time.monotonic() - t0 < 20:      # the guard: a lost limit ends here, failing
                    try:
                        slow.search("工作" * 40 + "。")
                    except Exception:   # noqa: BLE001 - the swallowing handler under test
                        pass
            finally:
                timer.disarm()
    assert time.monotonic() - t0 < 20
