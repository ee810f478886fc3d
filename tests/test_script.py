"""Traditional script: a report copied from a Hong Kong or Taiwan mirror (or through a site's 繁體
switch) is judged as its Simplified original would be, with positions, quotes and fixes in the
original's characters."""
import difflib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import opencc
import pytest
from hypothesis import given, strategies as st

from lawlint import lint_text
from lawlint.fix.apply import fix_source
from lawlint.parse.script import is_traditional, simplify
from lawlint.loaders.source import Source

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/fixtures/structure").glob("*.txt"),
                  *(ROOT / "tests/fixtures/clean").glob("*.txt")])
S2T = {name: opencc.OpenCC(name) for name in ("s2tw", "s2hk", "s2t")}
SIMPLIFIED_ONLY = opencc.OpenCC("s2t")


def _findings(result):
    return Counter((d.rule, d.line, d.column, d.end_line, d.end_column) for d in result.diagnostics)


@pytest.mark.parametrize("variant", sorted(S2T))
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_traditional_copy_is_judged_like_the_original(path, variant):
    text = path.read_text(encoding="utf-8")
    trad = S2T[variant].convert(text)
    assert len(trad) == len(text) and trad != text
    a, b = lint_text(text), lint_text(trad)
    assert {k: (v.status, v.line) for k, v in b.sections.items()} == \
        {k: (v.status, v.line) for k, v in a.sections.items()}
    assert b.report_year == a.report_year and b.score == a.score and b.grade == a.grade
    assert _findings(b) == _findings(a)


# Written by hand in Traditional characters (not produced by OpenCC): a Taiwan-style copy with
# 「」 quotes, 為/裡/著 variants and defects the rules must still see.
HAND = """某縣人民政府關於2022年度法治政府建設情況的報告
2022年，我縣堅持以習近平法治思想為指導，全面貫徹黨的二十大精神，紮實推進法治政府建設。
一、主要舉措和成效
（一）加強黨的領導。縣政府主要負責同志認真履行推進法治建設第一責任人職責，常務會議專題研究法治政府建設4次。
（二）推進依法決策。制定重大行政決策事項目錄，審查規範性文件18件，法律顧問參與審核合同56件。
（三）規範行政執法。全面落實行政執法「三項制度」，評查案卷120卷，截止目前已整改問題23個。
（四）化解矛盾糾紛。收到行政復議申請56件，受理49件，維持具體行政行為20件，負責人出庭應訴率100%。
（五）強化權力監督。辦理人大代表建議86件、政協提案102件，主動公開政府資訊3200條。
二、存在的不足和原因
一是基層執法力量薄弱，12個鄉鎮中有5個沒有持證執法人員。究其原因，主要是編制未增加，培訓不系統。
三、2023年工作安排
一是充實鄉鎮執法力量，2023年底前實現持證人員全覆蓋；二是開展執法人員輪訓。
"""


def test_hand_written_traditional_report():
    r = lint_text(HAND)
    assert r.report_year == 2022 and r.title.startswith("某縣人民政府關於")
    assert {k for k, v in r.sections.items() if v.status == "absent"} == set()
    rules = Counter(d.rule for d in r.diagnostics)
    # 截止目前 (a 2022 report may still say 具體行政行為 of reconsideration: the old law applied)
    assert rules == Counter({"word.jiezhi": 1, "time.relative.now": 1}), rules
    for d in r.diagnostics:
        line = HAND.split("\n")[d.line - 1]
        assert line[d.column - 1:d.end_column - 1] in ("截止", "截止目前", "目前")
    later = lint_text(HAND.replace("2022年", "2024年").replace("2023年", "2025年"))
    acts = [d for d in later.diagnostics if d.rule == "term.specific_act"]
    assert len(acts) == 1 and later.text[acts[0].start:acts[0].end] == "具體行政行為"
    generic = lint_text("2021年，我縣加強具體行政行為審核，全年審核合同28件。")
    assert [d.message for d in generic.diagnostics if d.rule == "term.specific_act"] == [
        # the rule's own words stay Simplified; what it quotes from the report does not
        "2015年5月1日起施行的修改后《行政诉讼法》已改用“行政行为”，“具體行政行為”属于旧提法，宜写“行政行為”"]


def test_fix_writes_no_simplified_characters_into_a_traditional_file():
    for path in REPORTS[:5]:
        trad = S2T["s2tw"].convert(path.read_text(encoding="utf-8"))
        out = fix_source(Source(text=trad))
        assert out.changed
        written = set()
        for op, _, _, j1, j2 in difflib.SequenceMatcher(None, out.original, out.fixed,
                                                        autojunk=False).get_opcodes():
            if op != "equal":
                written.update(out.fixed[j1:j2])
        assert not [c for c in written if SIMPLIFIED_ONLY.convert(c) != c], path.name
    hand = fix_source(Source(text=HAND))
    assert "截至目前" in hand.fixed and "截止目前" not in hand.fixed
    assert "維持行政行為" in hand.fixed or "維持具體行政行為" in hand.fixed


def test_simplified_reports_never_load_opencc():
    code = ("import sys; from lawlint import lint_path; "
            f"lint_path({str(ROOT / 'seeds' / '2021-henan-xinyang-pingqiao.txt')!r}); "
            "print('opencc' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_detection_needs_several_traditional_characters():
    assert not is_traditional("2022年，我县推进法治政府建设。")
    assert not is_traditional("与台湾同胞“兩岸一家親”的交流")          # two marks in a quotation
    assert is_traditional("2022年，我縣推進法治政府建設。")


@given(st.text(alphabet="縣區為裡著發國會體關「」『』，。\n abc一二三法治政府建設實施綱要乾", max_size=200))
def test_simplified_copy_keeps_every_offset(text):
    s = simplify(text + "縣區國")
    assert len(s.simplified) == len(s.original)
    assert [i for i, c in enumerate(s.simplified) if c == "\n"] == \
        [i for i, c in enumerate(s.original) if c == "\n"]
    # restoring the copy's own text gives the original back
    assert s.restore(s.simplified[:10], 0, 10) == s.original[:10]


# -- the markers counted by a charmap encoding (parse/script._marker_map) -------------------------

def _plain_is_traditional(text):
    """The plain way: sre's scan for the marker class, counted."""
    from lawlint.parse.script import _data
    d = _data()
    return len(d["markers"].findall(text)) >= d["min_markers"]


_MARKERS = "執務實區設進開項範規監會審發紀"
_OTHERS = "执务实区设进开项法治政府建设。，\n　 \x00\ud800\U0001F600a1於後徵国縣"


@given(st.text(alphabet=_MARKERS + _OTHERS, max_size=120))
def test_markers_counted_by_the_encoding_as_sre_counts_them(text):
    assert is_traditional(text) == _plain_is_traditional(text)


@pytest.mark.parametrize("variant", [None, *sorted(S2T)])
def test_markers_counted_by_the_encoding_on_every_corpus(variant):
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/corpus").glob("**/*.txt"),
                              *(ROOT / "tests/fixtures").glob("**/*.txt")])]
    assert len(texts) > 30
    for text in texts:
        text = text if variant is None else S2T[variant].convert(text)
        for piece in (text, text[:40], text[:400]):
            assert is_traditional(piece) == _plain_is_traditional(piece)


def test_markers_are_counted_without_sre(monkeypatch):
    """The fast path is taken: the shipped markers fit a charmap table, and a report (Simplified
    or Traditional) is judged without the regex scan."""
    from lawlint.parse import script
    d = script._data()
    assert d["marker_map"] is not None and not isinstance(d["marker_map"], dict)

    class NoScan:
        def finditer(self, *a):
            raise AssertionError("the markers were scanned by sre")
    monkeypatch.setitem(d, "markers", NoScan())
    text = (ROOT / "seeds" / "2021-henan-xinyang-pingqiao.txt").read_text(encoding="utf-8")
    assert not is_traditional(text)
    assert is_traditional(S2T["s2tw"].convert(text))
