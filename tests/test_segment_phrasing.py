"""Segmentation: this field's terms stay whole, offsets point into the text, jieba is imported
only when a rule needs word boundaries, and its cache lives in lawlint's cache folder."""
import json
import subprocess
import sys

import pytest

from lawlint.parse.segment import segment


def test_field_terms_stay_whole_and_offsets_are_exact():
    text = "深化放管服改革，落实双随机、一公开监管，压实第一责任人职责，推进府院联动和一网通办，坚持枫桥经验，落实三项制度。"
    words = segment(text)
    assert all(text[off:off + len(w)] == w for w, off in words)
    got = {w for w, _ in words}
    assert {"放管服", "第一责任人", "府院联动", "一网通办", "枫桥经验", "三项制度", "双随机", "一公开"} <= got
    assert "".join(w for w, _ in words) == text


PROBE = """
import json, sys
from lawlint import lint_text
lint_text(sys.argv[1], year=2021)
seg = sys.modules.get("lawlint.parse.segment")
print(json.dumps(bool(seg and seg.loaded()) or "jieba" in sys.modules or "rjieba" in sys.modules))
"""


def run_probe(text, cache, backend=""):
    env = {"LAWLINT_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "LAWLINT_SEGMENTER": backend}
    out = subprocess.run([sys.executable, "-c", PROBE, text], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.slow          # two fresh processes with an empty cache: every pack validated and compiled
def test_segmenter_loads_only_for_a_repeated_word_candidate(tmp_path):
    assert run_probe("一、主要举措\n全年办理案件12件，审结10件。", tmp_path) is False
    assert run_probe("一、主要举措\n认真审核申报材料材料，确保真实。", tmp_path) is True


@pytest.mark.slow
def test_jieba_cache_lives_in_lawlint_cache_folder(tmp_path):
    assert run_probe("一、主要举措\n认真审核申报材料材料，确保真实。", tmp_path, backend="jieba") is True
    assert (tmp_path / "jieba.cache").is_file()            # not in /tmp
