"""The segmentation backends give the same findings (rjieba is the default because it loads in a
tenth of the time; jieba is the fallback and takes the user dictionary), and lawlint.parse.dictcut,
which cuts a sentence as rjieba does without building its dictionary, gives rjieba's very words."""
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
            "print(json.dumps([segment.backend(), out, segment._tokenizer is not None]))")
    env = dict(os.environ, LAWLINT_SEGMENTER=backend, LAWLINT_NO_CACHE="1")   # no words from the cache
    r = subprocess.run([sys.executable, "-c", code, str(FIXTURES)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_backends_agree_on_seeds_and_fixtures():
    used_rj, rj, rj_loaded = _findings("rjieba")
    used_jb, jb, jb_loaded = _findings("jieba")
    used_dc, dc, dc_loaded = _findings("")                      # the default: dictcut
    assert (used_rj, used_jb, used_dc) == ("rjieba", "jieba", "rjieba")
    assert (rj_loaded, jb_loaded, dc_loaded) == (True, True, False)
    assert rj == jb == dc
    assert any(f.endswith("yuanshi.txt") for f, *_ in rj)        # 材料材料 is found by all three


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


# ---- lawlint.parse.dictcut: rjieba's words from the lines of dict.txt a sentence needs ----------

import glob
import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.parse import dictcut
from lawlint.parse.segment import _userdict_entries

SHARED_REAL = "/work/shared/corpus/real"


@pytest.fixture(scope="module")
def pair():
    """dictcut's dictionary and a fresh rjieba, both with lawlint's user dictionary added."""
    import rjieba
    rj = rjieba.Jieba()
    for word, freq in _userdict_entries():
        rj.add_word(word, freq, None)
    d = dictcut.load(_userdict_entries())
    assert d is not None, "rules/data/jieba-index.json does not describe the installed jieba's dict.txt"
    return d, rj


def _rj(rj, text):
    return [(w, start) for w, start, _ in rj.tokenize(text, hmm=False)]


def _sentences(patterns):
    for pattern in patterns:
        for path in sorted(glob.glob(pattern, recursive=True)):
            try:
                text = open(path, encoding="utf-8").read()
            except UnicodeDecodeError:
                continue
            for line in text.split("\n"):
                yield line
                yield from (s for s in re.split(r"(?<=[。！？；])", line) if s)


def test_same_words_as_rjieba_on_every_seed_sentence(pair):
    d, rj = pair
    texts = list(_sentences([str(ROOT / "seeds" / "*.txt")]))
    assert len(texts) > 500
    assert [t for t in texts if d.cut(t) != _rj(rj, t)] == []


@pytest.mark.slow           # ≈ 870k characters, ≈ 4 s
def test_same_words_as_rjieba_on_every_corpus_sentence(pair):
    d, rj = pair
    texts = list(_sentences([str(ROOT / "tests" / "corpus" / "**" / "*.txt"), str(FIXTURES / "**" / "*.txt"),
                             SHARED_REAL + "/*.txt"]))
    assert len(texts) > 5000
    assert [t for t in texts if d.cut(t) != _rj(rj, t)] == []


_HAN = "各部门一次性提交材料申报审核推进放管服改革法治政府建设行政执法人民调解第一责任人研究常层步双随机公开的了是在"
_ODD = ("ＡＢａ１２，。、（）“”《》：；！？\u3000 \t\r\n" "abcXYZ0123456789+#&._%-" "㐀㐁𠀀𠀁豈〇ー가あア😀丁税政义国公"
        "\u00a0\u200b\ufeff")


@given(st.text(alphabet=_HAN + _ODD, max_size=60))
@settings(max_examples=300)
def test_same_words_as_rjieba_on_any_text(pair, text):
    d, rj = pair
    assert d.cut(text) == _rj(rj, text)


@given(st.lists(st.sampled_from(["材料", "审核", "申报", "研究", "一次性", "法治政府", "执法", "部门", "提交",
                                 "常常", "层层", "一步", "双随机、一公开", "放管服", "ABC", "12", "，", "。", " "]),
                max_size=12),
       st.sampled_from(["材料", "审核", "研究", "法治", "一步", "常", "政府建设", "行政执法"]),
       st.integers(0, 12))
@settings(max_examples=300)
def test_same_words_as_rjieba_around_a_repeated_word(pair, words, repeated, at):
    d, rj = pair
    text = "".join(words[:at]) + repeated * 2 + "".join(words[at:])
    assert d.cut(text) == _rj(rj, text)


def test_equal_routes_go_to_the_longer_first_word_as_in_rjieba(pair):
    d, rj = pair
    for text in ("丁税政", "义国公"):       # ab and bc, a and c: two routes of exactly equal weight
        a, b, c = text
        assert d.freq(a + b) == d.freq(b + c) and d.freq(a) == d.freq(c) and d.freq(text) is None
        lt = math.log(d.total)
        one = math.log(d.freq(a + b)) - lt + (math.log(d.freq(c)) - lt)
        two = math.log(d.freq(a)) - lt + (math.log(d.freq(b + c)) - lt)
        assert one == two
        assert d.cut(text) == _rj(rj, text)


def test_user_words_take_rjiebas_frequencies():
    import rjieba
    d, rj = dictcut.open_dictionary(), rjieba.Jieba()        # the installed dictionary alone
    # new words without a frequency (suggest_freq, from the total as it grows), a known word given
    # one, known words without one, a word given twice
    words = [("材料材料", None), ("申报材料", 7), ("研究", None), ("放管服改革", None), ("常常", 3),
             ("审核材料", None), ("材料材料", 2), ("提交", 0), ("提交材料", None), ("研究研究", 0),
             ("提", 0), ("提", None), ("究", 0), ("研究究", None)]
    assert [d.add_word(w, f) for w, f in words] == [rj.add_word(w, f, None) for w, f in words]
    for text in ("认真审核申报材料材料，研究研究放管服改革。", "常常研究材料材料", "审核材料材料材料",
                 "提交材料，提交提交，研究研究研究"):
        assert d.cut(text) == _rj(rj, text)


def test_another_dict_txt_is_not_read_with_this_index(tmp_path, monkeypatch):
    from lawlint.rulepack import resources
    index = json.loads((resources.rules_dir() / "data" / dictcut.INDEX).read_text(encoding="utf-8"))
    assert dictcut.open_dictionary() is not None
    for change in ({"crc32": index["crc32"] ^ 1}, {"size": index["size"] + 1}):
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / dictcut.INDEX).write_text(json.dumps({**index, **change}), encoding="utf-8")
        monkeypatch.setattr(resources, "rules_dir", lambda: tmp_path)
        assert dictcut.open_dictionary() is None


def test_the_index_describes_the_installed_dict_txt():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "build_jieba_index.py"), "--check"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def _dictionary_words(step):
    from importlib.util import find_spec
    from pathlib import Path
    lines = (Path(find_spec("jieba").origin).parent / "dict.txt").read_text(encoding="utf-8").split("\n")
    return [line.split(" ", 1)[0] for line in lines[::step] if line]


@pytest.mark.parametrize("step", [pytest.param(1, marks=pytest.mark.slow), 37])   # all 349k; ≈ 9,400
def test_every_dictionary_word_has_rjiebas_frequency_and_cut(step):
    """rjieba compiles in its own copy of the dictionary: every word of dict.txt is in it with the
    same frequency (suggest_freq of a word is its frequency or one more, from the total), and is cut
    as rjieba cuts it."""
    import rjieba
    d, rj = dictcut.open_dictionary(), rjieba.Jieba()
    words = _dictionary_words(step)
    assert [w for w in words if not rj.has_word(w) or rj.suggest_freq(w) != d.suggest_freq(w)
            or d.cut(w) != _rj(rj, w)] == []


@pytest.mark.parametrize("index", [[], {"size": 1}, "x", {"chars": "一", "offsets": "AAAAAA=="}, {"offsets": 5},
                                   {"offsets": "#"}, {"total": 0}, {"chars": "一二"}])
def test_a_damaged_index_is_not_used(tmp_path, monkeypatch, index):
    from lawlint.rulepack import resources
    real = json.loads((resources.rules_dir() / "data" / dictcut.INDEX).read_text(encoding="utf-8"))
    if isinstance(index, dict):
        index = {**real, **index}
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / dictcut.INDEX).write_text(json.dumps(index), encoding="utf-8")
    monkeypatch.setattr(resources, "rules_dir", lambda: tmp_path)
    assert dictcut.open_dictionary() is None


@pytest.mark.parametrize("name", ["rjieba", "jieba", "json", "lawlint", "no_such_module_lawlint", "_sre"])
def test_installed_answers_what_importlib_find_spec_answers(name):
    """segment.installed asks the import system's finders itself (a warm check imports no
    importlib.util): its answer is find_spec's."""
    from importlib.util import find_spec
    from lawlint.parse.segment import installed
    assert installed(name) == (find_spec(name) is not None)
