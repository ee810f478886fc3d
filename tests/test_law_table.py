"""The law table: the maintainer script that builds it (on a small source it builds itself), and
the lookups the citation rules make in the shipped table."""
import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from lawlint.checks import lawtable

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("build_law_table", ROOT / "tools" / "build_law_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _fixture_source(root: Path):
    """A three-law LawRefBook-shaped checkout: a sqlite table and the Markdown texts."""
    con = sqlite3.connect(root / "db.sqlite3")
    con.execute("CREATE TABLE law (id TEXT, level TEXT, name TEXT, publish DATE, valid_from DATE, expired INTEGER)")
    con.executemany("INSERT INTO law VALUES (?,?,?,?,?,?)", [
        ("1", "法律", "示范复议法", "2017-09-01", "2018-01-01", 1),
        ("2", "法律", "示范复议法", "2023-09-01", "2024-01-01", 0),
        ("3", "行政法规", "示范来访条例", "2005-01-10", "", 1),
        ("4", "司法解释", "关于适用示范法的解释", "2020-01-01", "", 0),
        ("5", "行政法规", "示范公开条例", "2019-04-03", "", 0),
    ])
    con.commit()
    con.close()
    (root / "诉讼").mkdir()
    (root / "诉讼" / "示范复议法(2023-09-01).md").write_text(
        "# 中华人民共和国示范复议法\n\n1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过\n\n"
        "2009年8月27日 《关于修改部分法律的决定》第一次修正\n\n2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议修订\n\n"
        "<!-- INFO END -->\n\n2030年1月1日 正文中的日期不算\n", encoding="utf-8")
    (root / "行政法规").mkdir()
    (root / "行政法规" / "示范来访条例(2005-01-10).md").write_text(
        "# 示范来访条例\n\n2005年1月5日 国务院第76次常务会议通过\n\n2005年1月10日 国务院令第431号公布\n\n"
        "2005年5月1日 施行\n\n<!-- INFO END -->\n", encoding="utf-8")


def test_build_from_fixture(tmp_path, capsys):
    src = tmp_path / "Laws"
    src.mkdir()
    _fixture_source(src)
    out = tmp_path / "laws.json"
    assert _tool().main([str(src), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    laws = {e["title"]: e for e in data["laws"]}
    assert set(laws) == {"中华人民共和国示范复议法", "示范来访条例", "示范公开条例"}   # no 司法解释
    fuyi = laws["中华人民共和国示范复议法"]
    assert fuyi["short"] == ["示范复议法"] and fuyi["published"] == "1999-04-29"
    assert [r["date"] for r in fuyi["revisions"]] == ["2009-08-27", "2017-09-01", "2023-09-01"]
    assert fuyi["revisions"][-1]["effective"] == "2024-01-01" and "expired" not in fuyi
    laifang = laws["示范来访条例"]
    assert laifang["expired"] is True and laifang["effective"] == "2005-05-01"
    assert laifang["published"] == "2005-01-05" and "short" not in laifang
    printed = capsys.readouterr().out
    assert "3 titles" in printed and "法律 1" in printed and "行政法规 2" in printed


def test_header_parsing_stops_at_info_end():
    head = _tool().parse_header("# 甲法\n\n2001年2月3日 通过\n<!-- INFO END -->\n2002年1月1日 修订\n")
    assert head == {"title": "甲法", "events": [("2001-02-03", "通过")]}


def test_shipped_table_states_its_source():
    data = json.loads((ROOT / "rules" / "data" / "laws.json").read_text(encoding="utf-8"))
    assert data["source"]["name"] == "LawRefBook/Laws" and data["source"]["date"]
    assert 300 < len(data["laws"]) < 3000      # laws and regulations, not every local rule


@pytest.mark.parametrize("cited, real", [
    ("行政许可证法", "行政许可法"),
    ("中华人民共和国行政许可证法", "中华人民共和国行政许可法"),
    ("政府信息公开条列", "政府信息公开条例"),
    ("优化营商环境办法", "优化营商环境条例"),
    ("安全生产发", None),                      # the kind word itself is wrong: not a title
    ("行政处罚法", None),
    ("行政复议法（2023年修订）", None),
    ("河北省优化营商环境条例", None),           # a province's own regulation
    ("省优化营商环境条例", None),               # a different first character names another document
    ("某某区行政执法公示办法", None),
    ("法治政府建设实施纲要（2021—2025年）", None),
])
def test_near_misses(cited, real):
    assert lawtable.near(cited) == real


def test_curated_entries_merge_with_generated_ones():
    zhian = lawtable.lookup("治安管理处罚法")
    assert "2025-06-27" in [r["date"] for r in zhian["revisions"]]        # added by hand
    assert "2012-10-26" in [r["date"] for r in zhian["revisions"]]        # from the source
    assert lawtable.lookup("《信访条例》".strip("《》"))["replaced_by"] == "信访工作条例"
    assert lawtable.lookup("中华人民共和国合同法")["repealed"] == "2021-01-01"


def test_no_real_title_is_a_near_miss_of_another():
    """Every title in the table is found as itself, never 'corrected' into a neighbour."""
    for k, e in lawtable.table().items():
        assert lawtable.near(e["title"]) is None, e["title"]


def test_readme_states_the_shipped_coverage():
    """The README's coverage line is the generated table's: regenerate both together."""
    from collections import Counter
    data = json.loads((ROOT / "rules" / "data" / "laws.json").read_text(encoding="utf-8"))
    levels = Counter(e["level"] for e in data["laws"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"现为 {len(data['laws'])} 件" in readme and f"数据截至 {data['source']['date']}" in readme
    assert all(f"{level} {n}" in readme for level, n in levels.items())
    assert data["source"]["commit"][:7] in readme


def _key_as_written_first(title):
    """lawtable.key as it was before its fast paths (translate every title, the version regex on
    every title): the specification."""
    import re
    from lawlint.chars import LINE_BREAKS, WHITESPACE
    t = title.translate(str.maketrans("", "", WHITESPACE + LINE_BREAKS)).replace("(", "（").replace(")", "）")
    t = re.sub(r"[（(](?:\d{4}年)?[^（）()]{0,8}(?:修订|修正|修改|版)[^（）()]{0,4}[）)]$", "", t)
    return t.removeprefix(lawtable.PREFIX)


from hypothesis import given, strategies as st  # noqa: E402


@given(st.lists(st.sampled_from(["中华人民共和国", "行政", "许可", "法", "条例", "（", "）", "(", ")", "2021年",
                                 "修订", "版", " ", "\u3000", "\u200b", "\n", "\t", "\u00a0", "a", "1"]),
                max_size=12).map("".join))
def test_key_is_unchanged(title):
    assert lawtable.key(title) == _key_as_written_first(title)


def test_key_is_unchanged_on_every_shipped_title():
    titles = [e["title"] for e in lawtable.table().values()]
    titles += [s for e in lawtable.table().values() for s in e.get("short", ())]
    assert len(titles) > 1000
    assert [lawtable.key(t) for t in titles] == [_key_as_written_first(t) for t in titles]


def _near_as_written_first(title):
    """lawtable.near as it was with every form grouped up front: the specification."""
    k = lawtable.key(title)
    idx = lawtable._index()
    if len(k) < 4 or k in idx or not lawtable._SUFFIX.search(k):
        return None
    by_first, stems = {}, {}
    for form in idx:
        by_first.setdefault(form[0], []).append(form)
        m = lawtable._KIND.search(form)
        if m and m.start() >= 6:
            stems.setdefault(form[:m.start()], set()).add(form)
    found = {form for form in by_first.get(k[0], ()) if lawtable._one_edit(k, form)}
    m = lawtable._KIND.search(k)
    if m and m.start() >= 6:
        found |= stems.get(k[:m.start()], set())
    found.discard(k)
    if len(found) != 1:
        return None
    form = found.pop()
    entry = lawtable.table()[idx[form]]
    if title.strip().startswith(lawtable.PREFIX) and entry["title"].startswith(lawtable.PREFIX):
        return entry["title"]
    return form


def test_near_is_unchanged_on_edited_titles():
    """One character dropped, doubled or swapped for another title's, the kind word changed: the
    forms gathered on demand find what grouping every form up front found."""
    titles = sorted(e["title"] for e in lawtable.table().values())[::7]
    cited = []
    for i, t in enumerate(titles):
        j = 1 + i % max(1, len(t) - 1)
        cited += [t[:j] + t[j + 1:], t[:j] + t[j] + t[j:], t[:j] + "法" + t[j + 1:]]
        for kind in ("条例", "办法", "规定", "规则"):
            if t.endswith(("条例", "办法", "规定", "规则")):
                cited.append(t[:-2] + kind)
    assert len(cited) > 400
    got = [lawtable.near(c) for c in cited]
    assert got == [_near_as_written_first(c) for c in cited]
    assert sum(g is not None for g in got) > 50


def test_shipped_law_index_equals_a_fresh_build():
    """rules/data/laws-index.txt is the stored form of what the data files give: fails when a data
    file or the merge changed after it was written (python tools/build_law_table.py --index)."""
    shipped = (ROOT / "rules" / "data" / lawtable.INDEX).read_bytes()
    assert shipped == lawtable.build_index()


def _fresh_merge():
    return lawtable._build(*lawtable._read())


def test_stored_form_answers_what_the_merged_dicts_answer():
    from lawlint.checks import lawindex
    entries, idx = _fresh_merge()
    store = lawindex.read(lawtable.build_index(), lawtable._stamp())
    assert store is not None
    assert dict(store.pairs("forms")) == idx and len(idx) > 1000
    assert all(store.target(form) == k for form, k in idx.items())
    assert all(store.entry(k) == e for k, e in entries.items())
    by_first = {}
    for form in idx:
        by_first.setdefault(form[0], []).append(form)
    assert all(sorted(store.starting(c)) == sorted(forms) for c, forms in by_first.items())
    for form in sorted(idx)[::11]:      # neighbours of real forms, and forms cut or extended
        for other in (form[:-1], form + "法", form[:1], form[1:], "\uffff" + form, form[:-1] + "\U0001f600"):
            assert store.target(other) == idx.get(other)
            assert sorted(store.starting(other[:1])) == sorted(by_first.get(other[:1], []))


@given(st.lists(st.sampled_from(["行政", "许可", "法", "条例", "中华人民共和国", "（", "）", "a", "\U0001f600",
                                 "\x00", "上海", "专利", "齐", "\ud800"]), max_size=6).map("".join))
def test_stored_form_misses_what_the_dicts_miss(form):
    store = lawtable._asking(lambda s: s)
    assert store.target(form) == _MERGED[1].get(form)
    if form:
        assert sorted(store.starting(form[0])) == sorted(f for f in _MERGED[1] if f[0] == form[0])


_MERGED = _fresh_merge()


@pytest.fixture
def shipped_index(tmp_path, monkeypatch):
    """A copy of the shipped stored form that the test may damage; the table forgets what it read."""
    copy = tmp_path / lawtable.INDEX
    copy.write_bytes((ROOT / "rules" / "data" / lawtable.INDEX).read_bytes())
    real = lawtable.rules_file
    monkeypatch.setattr(lawtable, "rules_file", lambda *p: str(copy) if p[-1] == lawtable.INDEX else real(*p))
    lawtable.reset()
    yield copy
    lawtable.reset()


def _answers():
    titles = sorted(e["title"] for e in _MERGED[0].values())[::5]
    return ([lawtable.lookup(t) for t in titles], [lawtable.near(t[:-1] + "条列") for t in titles],
            lawtable.table(), lawtable._index())


def test_a_start_reads_the_shipped_form_and_merges_nothing(shipped_index, monkeypatch):
    def no_merge(*a):
        raise AssertionError("merged the data files although the shipped stored form was current")
    want = _answers()
    lawtable.reset()
    monkeypatch.setattr(lawtable, "_build", no_merge)
    assert _answers() == want
    assert want[2] == _MERGED[0] and want[3] == _MERGED[1]


@pytest.mark.parametrize("damage", ["cut", "line_lost", "line_twice", "no_tab", "bad_json", "other_title",
                                    "other_curated", "empty", "not_utf8"])
def test_a_damaged_or_stale_stored_form_is_not_believed(shipped_index, damage):
    data = shipped_index.read_bytes()
    lines = data.split(b"\n")
    mid = len(lines) // 2
    row = next(i for i, line in enumerate(lines) if line.startswith("行政许可法\t{".encode()))
    form = next(i for i, line in enumerate(lines) if line.startswith("行政许可证".encode()) or
                line.startswith("行政许可法\t".encode()))
    if damage == "cut":
        data = data[:-40000]
    elif damage == "line_lost":
        data = b"\n".join(lines[:mid] + lines[mid + 1:])
    elif damage == "line_twice":                # the same length: only the lookup can tell
        lines[form + 1] = lines[form]
        data = b"\n".join(lines)
    elif damage == "no_tab":
        lines[form] = lines[form].replace(b"\t", b" ")
        data = b"\n".join(lines)
    elif damage == "bad_json":
        lines[row] = lines[row][:-1] + b"\xff"
        data = b"\n".join(lines)
    elif damage == "other_title":
        k, tab, value = lines[row].partition(b"\t")          # the entry of another title
        lines[row] = k + tab + value.replace("行政许可法".encode(), "行政许可发".encode())
        data = b"\n".join(lines)
    elif damage == "other_curated":             # the stamp names another curated file
        lines[1] = lines[1][:-40] + lines[1][-40:].replace(b"0", b"1").replace(b"a", b"0")
        data = b"\n".join(lines)
    elif damage == "empty":
        data = b""
    else:
        data = data.replace("行政许可法".encode(), b"\xe8\xa1\x8c\xff\xbf\xe8\xae\xb8\xe5\x8f\xaf\xe6\xb3\x95")
    shipped_index.write_bytes(data)
    assert lawtable.lookup("中华人民共和国行政许可法") == _MERGED[0]["行政许可法"]
    assert lawtable.near("行政许可证法") == "行政许可法"
    lawtable.reset()
    assert lawtable.table() == _MERGED[0] and lawtable._index() == _MERGED[1]
