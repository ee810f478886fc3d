"""错别字 (typo.*): every entry of the confusion lists fires on its bad example with the right fix and
stays silent on its good one; on sentences of my own from reports of several levels; and no false
alarm on the bundled seeds or the real reports (every finding there is listed below as read)."""
from pathlib import Path

import pytest

from helpers import lint
from lawlint import load_rules

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "corpus" / "real"          # the nine crawled reports, byte for byte
CONFUSION = [r for r in load_rules() if r.check == "confusion"]
ENTRIES = [(r.id, i, e) for r in CONFUSION for i, e in enumerate(r.params["entries"])]


def apply_fixes(text, diagnostics):
    for d in sorted(diagnostics, key=lambda d: d.start, reverse=True):
        text = text[:d.start] + d.replacement + text[d.end:]
    return text


def _found(text, rule, year=2023):
    return [d for d in lint(text, year=year, select=[rule]).diagnostics if d.rule == rule]


def test_there_are_confusion_lists():
    assert {r.id for r in CONFUSION} == {"typo.confusion", "typo.usage"} and len(ENTRIES) >= 25


@pytest.mark.parametrize("rule, i, entry", ENTRIES, ids=[f"{r}-{i}" for r, i, _ in ENTRIES])
def test_entry_examples(rule, i, entry):
    bad = _found(entry["bad"], rule)
    assert bad, f"{rule} entry {i} does not fire on {entry['bad']!r}"
    fixed = apply_fixes(entry["bad"], bad)
    assert entry["right"] in fixed
    assert not _found(fixed, rule), f"{rule} entry {i}: the fix leaves a finding: {fixed!r}"
    assert not _found(entry["good"], rule), f"{rule} entry {i} fires on {entry['good']!r}"


@pytest.mark.parametrize("text, rule, fixed", [
    ("镇财政所规范村级财务记帐，清理挂帐资金12万元。", "typo.confusion", "镇财政所规范村级财务记账，清理挂账资金12万元。"),
    ("省交通运输厅按照部党组布署，开展专项整治。", "typo.confusion", "省交通运输厅按照部党组部署，开展专项整治。"),
    ("街道办事处统筹按排网格员120名参与矛盾纠纷排查。", "typo.confusion", "街道办事处统筹安排网格员120名参与矛盾纠纷排查。"),
    ("县政府对行政复义决定书逐一评查。", "typo.confusion", "县政府对行政复议决定书逐一评查。"),
    ("市生态环境局依法做出行政处罚决定46件。", "typo.usage", "市生态环境局依法作出行政处罚决定46件。"),
    ("区教育局和其它成员单位联合开展校园周边整治。", "typo.usage", "区教育局和其他成员单位联合开展校园周边整治。"),
    ("乡政府切实保障群众的的合法权益。", "typo.doubled_de", "乡政府切实保障群众的合法权益。"),
])
def test_sentences_of_several_levels(text, rule, fixed):
    got = _found(text, rule)
    assert got and apply_fixes(text, got) == fixed


@pytest.mark.parametrize("text", [
    "为受灾群众发放帐篷80顶、蚊帐200顶。",
    "执法人员按排查清单逐户检查，做出了成绩。",
    "企业应当按排污许可证规定排放污染物。",
    "督促责任人履行生态修复义务。",
    "机关健全内部管理制度，相关健康检查全部完成。",
    "行政执法的目的的确是为了保护群众利益，执行标的的处置依法进行。",
    "引用《其它相关规定》时照原文书写。",
    "依法保障行政相对人的诉讼权利，公布企业权利清单。",
    "全年制订学法计划2个、培训方案3个。",
    "局长带领部属深入一线。",
])
def test_right_writing_is_left_alone(text):
    assert [d.rule for d in lint(text, year=2023).diagnostics if d.rule.startswith("typo.")] == []


# Every typo finding on the seeds and the real reports, read: (file, line, matched text) → verdict.
READ = {
    ("2021-henan-zhengzhou-zhongyuan.txt", 3, "做出"): "T",   # 对年度重点工作做出具体部署 (作出部署)
    ("001.txt", 19, "权利清单"): "T",                         # 实施权利清单、收费清单、负面清单: the 权力清单
    ("009.txt", 6, "其它"): "T",                              # 其它各处室、单位 (公文: 其他)
    ("002.txt", 2, "报导"): "T",                              # 《河北法制报》对此经验进行了报导 (报道)
}


def _typo_findings(paths):
    out = []
    for p in paths:
        r = lint(p.read_text(encoding="utf-8"), select=["typo"])
        text = p.read_text(encoding="utf-8").splitlines()
        for d in r.diagnostics:
            if d.rule.startswith("typo."):
                line = text[d.line - 1]
                out.append((p.name, d.line, line[d.column - 1:d.end_column - 1]))
    return out


def test_no_false_alarm_on_the_seeds():
    got = _typo_findings(sorted((ROOT / "seeds").glob("*.txt")))
    assert got, "the seeds have one reviewed finding; none found means the rules stopped running"
    assert all(READ.get(f) == "T" for f in got), got


def test_no_false_alarm_on_the_real_reports():
    got = _typo_findings(sorted(REAL.glob("[0-9][0-9][0-9].txt")))
    assert len({f[0] for f in got}) >= 3, "the real reports have reviewed findings in three files"
    assert all(READ.get(f) == "T" for f in got), got
