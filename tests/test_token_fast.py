"""numbering.match_token's cheaper Token: read in place, numerals' values looked up once a process,
made as its slotted twin and given Token's class. Compared with the way main e87393f found a token
(a copy of ``match_plain`` and ``_token`` as they were, each Token made by its own ``__init__``)."""
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lawlint import numbering as num
from lawlint.chars import is_blank, strip_blank
from lawlint.plain import FrozenInstanceError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [p for d in ("seeds", "tests/corpus", "tests/fixtures") for p in sorted((ROOT / d).rglob("*.txt"))]


def _old_token(family, m, text):
    rx = m.re
    n = m.group("num")
    if family in ("ar", "ar_paren"):
        value = int(n)
    elif family == "circled":
        value = num.CIRCLED.index(n) + 1
    else:
        value = num.cn_to_int(n)
    if value is None or value == 0:
        return None
    end = m.end()
    rest = text[end:]
    if is_blank(rest):
        return None
    p = m.group("punct")
    if family == "cn" and p in ",，":
        if not num._TITLE_START.match(rest):
            return None
    if family == "ar" and num._AMOUNT_NEXT.match(rest):
        return None
    brackets = ""
    if "open" in rx.groupindex:
        o = m.group("open")
        if o:
            full = (o == "（") + (m.group("close") == "）")
            brackets = "full" if full == 2 else "half" if full == 0 else "mixed"
    return num.Token(family, value, m.group(0), strip_blank(p or ""), brackets, end)


def old_match(text):
    """The token as main e87393f found it: each family in turn, the Token made by its __init__."""
    for family, rx in num.families():
        m = rx.match(text)
        if m is not None:
            tok = _old_token(family, m, text)
            if tok is not None:
                return tok
    return None


def _same(a, b):
    if a is None or b is None:
        return a is b
    return type(a) is type(b) is num.Token and a == b and hash(a) == hash(b) and repr(a) == repr(b) \
        and all(type(getattr(a, f)) is type(getattr(b, f)) for f in num.Token.__slots__)


TOKENS = ["一、", "十二、", "第一部分", "第三，", "（一）", "(二)", "（三)", "1.", "２.", "1、", "（1）", "(2)",
          "①", "⑳", "3.5", "2021.", "一,", "十,", "二十五、", "0.", "（0）", "一 、", "（ 一 ）", "第一部分：",
          "99.", "1 、", "一，", "第十一条", "零、", "两、", "十十、"]
TITLES = ["", " ", "\u3000", "\u200b", "推进依法行政", "万元", "二年级", "%", "年", "“放管服”改革", "《条例》",
          "加强学习。全年办理", " \u3000 ", "a"]
LINES = st.builds(lambda lead, t, title: lead + t + title, st.sampled_from(["", "", "#", "（", "(", " "]),
                  st.sampled_from(TOKENS), st.sampled_from(TITLES))


@settings(max_examples=800, deadline=None)
@given(st.one_of(LINES, st.text(alphabet="一二十零两第部分条（）()、.．,，:：10９①⑳ 　\u200b年万元推进“", max_size=12)))
def test_the_cheaper_token_is_the_one_main_made(line):
    assert _same(num.match_token.__wrapped__(line), old_match(line))
    assert _same(num.match_plain(line), old_match(line))


def test_every_corpus_line_gives_the_token_main_gave():
    found = 0
    for p in CORPUS:
        for line in {line.strip() for line in p.read_text(encoding="utf-8").splitlines()}:
            got = num.match_token.__wrapped__(line)
            assert _same(got, old_match(line)), (p.name, line)
            found += got is not None
    assert found > 300


def test_a_token_is_made_without_tokens_own_init_and_stays_frozen(monkeypatch):
    """The fast path: a line's Token is made as its twin and given Token's class (fails if the
    parser makes it by Token's __init__ again); it is a Token like any other."""
    def refuse(self, *a):
        raise AssertionError("Token.__init__ called")
    monkeypatch.setattr(num.Token, "__init__", refuse)
    t = num.match_token.__wrapped__("（一）推进依法行政")
    assert type(t) is num.Token and isinstance(t, num.Token) and t.family == "cn_paren" and t.value == 1
    monkeypatch.undo()
    assert t == num.Token("cn_paren", 1, "（一）", "", "full", 3) and hash(t) == hash(num.Token("cn_paren", 1, "（一）", "", "full", 3))
    with pytest.raises(FrozenInstanceError):
        t.value = 2
    with pytest.raises(FrozenInstanceError):
        del t.family
    assert not hasattr(t, "__dict__")
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(t, protocol=protocol))
        assert back == t and type(back) is num.Token


def test_a_numerals_value_is_looked_up_once_a_process():
    num.match_token.__wrapped__("十七、推进依法行政")
    before = num.cn_to_int.cache_info()
    assert num.match_token.__wrapped__("十七、加强学习").value == 17
    after = num.cn_to_int.cache_info()
    assert after.misses == before.misses and after.hits == before.hits + 1     # (cn_to_int's memo)
