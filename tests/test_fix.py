"""``lawlint fix``: only targeted characters change, twice equals once, nothing is lost, the file
keeps its encoding and line endings, and the write is atomic."""
import codecs
import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from helpers import SEEDS
from lawlint.fix.apply import fix_path, fix_source
from lawlint.loaders.source import Source

PUNCT_MAP = str.maketrans({"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")",
                           "—": "-", "一": "-", "…": "."})


def fix(text, year=2021):
    from lawlint.config import Config
    return fix_source(Source(text=text), Config(year=year)).fixed


def skeleton(text):
    """What a fix must never touch: the Chinese words and the digits, in order (the terms a rule
    substitutes on purpose, and the character 一 misused as a dash, normalised away)."""
    text = text.replace("截至", "截止").replace("法治政府", "法制政府")
    text = re.sub(r"(?<=\d)一(?=\d)", "", text)
    return re.sub(r"[^\u4e00-\u9fff0-9]", "", text)


FRAGMENTS = ["全年办理案件", "12件", ",", ";", ":", "(", ")", "（", "）", "。", "，", " ", "审结",
             "2021-2025年", "2021一2025年", "截止目前", "一是", "二是", "“", "”", "《纲要》", "abc", "3.5",
             "1,000", "http://a.gov.cn/x,y", "\u3000", "法制政府", "(一)", "一、", "\n", '"', "第一,",
             "《关于印发<办法>的通知》", "...", "“3.15”", "豫政[2021]5号", "项目 107个", "2016年-2020年"]
report = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@given(report)
def test_fix_is_idempotent_and_keeps_words(text):
    once = fix(text)
    assert fix(once) == once
    assert once.count("\n") == text.count("\n")
    assert skeleton(once) == skeleton(text)


TARGETED = set(",;:?!() \u3000.-一~止制\"<>[]【】") | set("，；：？！（）—…至治“”〈〉〔〕·。")


@given(report)
def test_only_targeted_characters_change(text):
    """Each edit swaps targeted marks for targeted marks (Chinese words and digits only move with
    them), and undoing the recorded edits gives back the original exactly: no text is lost."""
    from lawlint.config import Config
    out = fix_source(Source(text=text), Config(year=2021))
    assert out.reverted() == text
    for edits in out.rounds:
        for e in edits:
            removed, added = Counter(e.old), Counter(e.new)
            changed = (removed - added) + (added - removed)
            assert set(changed) <= TARGETED, (e.rule, e.old, e.new)


def test_seed_fixed_then_clean(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes((SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_bytes())
    out = fix_path(p)
    assert out.changed and out.counts["punct.halfwidth"] > 200 and out.counts["number.year_range_yi"] == 1
    assert out.reverted() == out.original
    text = p.read_text(encoding="utf-8")
    assert "2021—2025年" in text and "(一)" not in text and "（一）全面加强党对法治政府建设的领导" in text
    assert not fix_path(p).changed


def test_encoding_bom_and_line_endings_are_kept(tmp_path):
    text = "一、主要举措\r\n全年办理案件12件,审结10件。\n截止目前,共清理文件8件。\r\n"
    for enc, bom in (("gb18030", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                     ("utf-16-be", codecs.BOM_UTF16_BE)):
        p = tmp_path / f"r-{enc}.txt"
        p.write_bytes(bom + text.encode(enc))
        fix_path(p)
        raw = p.read_bytes()
        assert raw.startswith(bom)
        after = raw[len(bom):].decode(enc)
        assert after == "一、主要举措\r\n全年办理案件12件，审结10件。\n截至目前，共清理文件8件。\r\n"


def test_cli_diff_writes_nothing_and_check_exit(cli, tmp_path):
    p = tmp_path / "r.txt"
    original = "全年办理案件12件,审结10件。\n"
    p.write_text(original, encoding="utf-8")
    r = cli("fix", "--diff", p)
    assert r.returncode == 0 and "+全年办理案件12件，审结10件。" in r.stdout.decode()
    assert p.read_text(encoding="utf-8") == original
    assert cli("fix", "--check", p).returncode == 1
    r = cli("fix", p)
    assert r.returncode == 0 and "已修正" in r.stdout.decode()
    assert p.read_text(encoding="utf-8") == "全年办理案件12件，审结10件。\n"
    assert cli("fix", "--check", p).returncode == 0
    assert not list(tmp_path.glob(".lawlint-*"))      # no temporary file left behind


def test_cli_fix_refuses_missing_and_stdin(cli, tmp_path):
    r = cli("fix", tmp_path / "nope.txt")
    assert r.returncode == 2 and "路径不存在" in r.stderr.decode()
    r = cli("fix", "-")
    assert r.returncode == 2 and "标准输入" in r.stderr.decode()


def test_cli_fix_refuses_other_formats(cli, tmp_path):
    p = tmp_path / "r.html"
    original = "<html><body><p>全年办理案件12件,审结10件。</p></body></html>"
    p.write_text(original, encoding="utf-8")
    r = cli("fix", p)
    assert r.returncode == 2 and "只修改 .txt、.md 和 .docx" in r.stderr.decode() and "r.html" in r.stderr.decode()
    assert p.read_text(encoding="utf-8") == original


def test_cli_fix_select_and_ignore(cli, tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("实施《纲要(2021-2025年)》,截止目前办结12件。\n", encoding="utf-8")
    r = cli("fix", "--diff", "--select", "number.year_range_dash", p)
    assert "+实施《纲要(2021—2025年)》,截止目前办结12件。" in r.stdout.decode()
    r = cli("fix", "--ignore", "punct", p)
    assert r.returncode == 0
    assert p.read_text(encoding="utf-8") == "实施《纲要(2021—2025年)》,截至目前办结12件。\n"


def test_markdown_structure_is_untouched(tmp_path):
    p = tmp_path / "r.md"
    p.write_text("# 2021年法治政府建设情况的报告\n\n## 一、主要举措\n\n- 办理案件12件,审结10件。\n"
                 "- 详见 [链接](http://a.gov.cn/x,y)。\n", encoding="utf-8")
    fix_path(p)
    assert p.read_text(encoding="utf-8") == (
        "# 2021年法治政府建设情况的报告\n\n## 一、主要举措\n\n- 办理案件12件，审结10件。\n"
        "- 详见 [链接](http://a.gov.cn/x,y)。\n")
