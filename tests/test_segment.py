"""The segmentation backends give the same findings (rjieba is the default because it loads in a
tenth of the time; jieba is the fallback and takes the user dictionary)."""
import json
import os
import subprocess
import sys

import pytest

from helpers import FIXTURES, ROOT

pytest.importorskip("rjieba")


def _findings(backend):
    code = ("import json,sys,glob;from lawlint import lint_path;from lawlint.config import Config;"
            "from lawlint.parse import segment;"
            "files=sorted(glob.glob('seeds/*.txt'))+sorted(glob.glob(sys.argv[1]+'/**/*.txt',recursive=True));"
            "out=[(f,d.rule,d.line,d.column) for f in files for d in lint_path(f,Config(select=['word.duplicated'])).diagnostics];"
            "print(json.dumps([segment.backend(), out]))")
    env = dict(os.environ, LAWLINT_SEGMENTER=backend)
    r = subprocess.run([sys.executable, "-c", code, str(FIXTURES)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_backends_agree_on_seeds_and_fixtures():
    used_rj, rj = _findings("rjieba")
    used_jb, jb = _findings("jieba")
    assert (used_rj, used_jb) == ("rjieba", "jieba")
    assert rj == jb
    assert any(f.endswith("yuanshi.txt") for f, *_ in rj)        # 材料材料 is found by both


def test_tokens_match_on_seed_sentences():
    from lawlint.parse import segment
    import rjieba
    import jieba
    tok = jieba.Tokenizer()
    rj = rjieba.Jieba()            # a fresh instance: lawlint adds its field terms to the shared one
    text = (ROOT / "seeds" / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")
    for line in text.splitlines()[:20]:
        assert [w for w, *_ in rj.tokenize(line, hmm=False)] == tok.lcut(line, HMM=False)
    assert segment.backend() in ("rjieba", "jieba")
