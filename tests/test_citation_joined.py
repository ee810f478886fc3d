"""citation.judge asks only the entries whose pattern may match a title by its first character
(citation._asked) instead of every entry in turn: its verdicts must be exactly those of the
entry-by-entry loop, for the shipped table and for tables whose patterns are not all led by ^
and a character."""
from pathlib import Path
from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import citation, cited
from lawlint.config import Config
from lawlint.loaders.source import Source
from lawlint.parse.document import parse
from lawlint.rulepack import regexcache

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/corpus/handwritten", "tests/corpus/heldout", "tests/corpus/independent",
           "tests/corpus/real", "tests/corpus/varied", "tests/corpus/varied2", "tests/fixtures"]
FILES = sorted(p for d in CORPORA for p in (ROOT / d).glob("*") if p.suffix in (".txt", ".md"))
RULE = next(r for r in ruleset_for(Config()) if r.id == "citation.title")
SHIPPED = RULE.bound(2023)


def plain_judge(title, p):
    """citation.judge as it was: every entry asked in order."""
    for entry, accepted, need in zip(p.titles, p.accepted, p.needed):
        if need is not None and not any(w in title for w in need):
            continue
        if not entry.match.search(title):
            continue
        return citation._FINE if citation.normalise(title) in accepted else (entry.canonical, True)
    real = citation.lawtable.near(title) if p.laws else None
    return citation._FINE if real is None else (real, False)


def _table(patterns, laws=False):
    """A params namespace as the spec derives it, for entries with these patterns."""
    entries = [SimpleNamespace(match=regexcache.LazyPattern(x), canonical=f"规范名称{i}", accept=[])
               for i, x in enumerate(patterns)]
    raw = {"titles": entries, "laws": laws}
    derived = {k: fn(raw) for k, fn in citation.SPEC.derived.items()}
    return SimpleNamespace(**raw, **derived)


# led by ^ and a character and not: an optional group, a top-level |, an optional or repeated
# first character, a pattern matching anywhere
MIXED = _table(["^法治政府建设实施纲要", "纲要\\s*[（(]\\s*2021", "^(?:关于)?印发(.+)的通知$", "^条例|办法",
                "^法治(中国|社会)建设", "督[察查]工作规定$", "^关?于印发", "^法*治", "^中{1,2}华"])
PIECES = ["法治", "政府", "建设", "实施纲要", "纲要", "（", "(", "2021", "2015", "—", "2025", "年", "）",
          "关于", "印发", "的通知", "条例", "办法", "中国", "社会", "督察", "督查", "工作规定", "中华人民共和国",
          "行政处罚法", "行政许可证法", " ", "责任落实", "与"]
TITLE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(TITLE)
@example("法治政府建设实施纲要(2021-2025)")
@example("关于印发法治政府建设实施纲要（2021—2025年）的通知")
@example("于印发法治社会建设实施纲要的通知")
@example("治理办法")
@example("华人民共和国")
def test_joined_judge_equals_the_entry_loop(title):
    for p in (SHIPPED, MIXED):
        assert citation.judge(title, p) == plain_judge(title, p), (title, p.by_first)


def test_every_title_of_the_corpora_is_judged_as_before():
    seen = set()
    for path in FILES:
        doc = parse(Source(text=path.read_text(encoding="utf-8"), path=str(path), kind="txt"))
        for _, _, title in cited.titles(doc):
            if title not in seen:
                seen.add(title)
                assert citation.judge(title, SHIPPED) == plain_judge(title, SHIPPED), (path, title)
    assert len(seen) > 50


def test_the_shipped_table_is_asked_by_first_character():
    """The fast path is taken: every shipped entry but one is led by ^ and a character, a title
    that starts with none of them asks only the other (an optional group leads it), one that an
    entry recognises asks the entries sharing its first character."""
    by_first, anywhere = SHIPPED.by_first
    assert len(anywhere) <= 1 and sum(map(len, by_first.values())) >= len(SHIPPED.titles) - 1
    assert citation._asked("中华人民共和国行政处罚法", SHIPPED) == anywhere
    asked = citation._asked("法治政府建设实施纲要（2021—2025年）", SHIPPED)
    assert len(asked) < len(SHIPPED.titles)
    assert citation.judge("法治政府建设实施纲要(2021-2025)", SHIPPED)[0] == "法治政府建设实施纲要（2021—2025年）"


def test_patterns_not_led_by_a_character_are_asked_of_every_title():
    by_first, anywhere = MIXED.by_first
    assert anywhere == (1, 2, 3, 4, 5, 6, 7, 8)     # (4: a | in a group, asked as well)
    assert by_first == {"法": (0, 1, 2, 3, 4, 5, 6, 7, 8)}
    assert citation._asked("某某条例", MIXED) == anywhere
