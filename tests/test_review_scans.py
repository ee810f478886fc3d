"""Cheaper scans of the review checks (ratio, plenum) find what the plain scans found, on
generated text and on every corpus, and stay cheap (a fast path that silently stopped applying
would only show as a slower pass)."""
import pytest
from hypothesis import given, settings, strategies as st

from helpers import FIXTURES, ROOT, SEEDS
from lawlint.rulepack import regexcache
from lawlint.rulepack.sreparts import code as sre_code, constants as sre_c, parser as sre_parser
from lawlint.rulepack.ruleset import load_rules

CORPORA = [SEEDS, FIXTURES] + [ROOT / "tests" / "corpus" / d for d in
                               ("handwritten", "heldout", "independent", "real", "varied", "varied2")]
TEXTS = [p.read_text(encoding="utf-8") for d in CORPORA for p in sorted(d.glob("*.txt"))]


def _rule(rule_id):
    return next(r for r in load_rules() if r.id == rule_id)


def _scanned_by_first_char(pattern: str) -> bool:
    """Does sre look for a first character (a prefix or a class in its INFO block) rather than
    try the whole pattern at every position?"""
    code = sre_code(sre_parser.parse(pattern), 0)
    return code[0] == sre_c.INFO and bool(code[2] & (sre_c.SRE_INFO_PREFIX | sre_c.SRE_INFO_CHARSET))


def _found(rx, text, pos=0, endpos=None):
    endpos = len(text) if endpos is None else endpos
    return [(m.span(), m.groupdict()) for m in rx.finditer(text, pos, endpos)]


# -- content.rate_mismatch: the rate found by its words (率, 占比), not by its lazy name -----------

_RATE_CHARS = list("率占比均达到为是约") + ["结案", "办结", "调解", "其中", "5", "9", ".", "%", "％", " ", "，", "a",
                                          "\u4e00", "\u9fff", "\ua000", "５"]


def _rate():
    from lawlint.checks import ratio
    p = _rule("content.rate_mismatch").bound(2022)
    return ratio, p.rate, p.lead


@settings(max_examples=800)
@given(st.lists(st.sampled_from(_RATE_CHARS), max_size=40).map("".join))
def test_rates_by_their_words_are_the_scan_of_the_whole_pattern(text):
    ratio, rx, lead = _rate()
    plain = regexcache.compile(rx.pattern)
    assert [(m.span(), m.groupdict()) for m in ratio._by_anchor(lead, rx, text)] == _found(plain, text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_RATE_CHARS[:12] + ["%", "a", "\u4e00"]), max_size=30).map("".join),
       st.integers(0, 4), st.sampled_from(["率|率为", "占比|比|率", "率"]),
       st.sampled_from(["(?:为)?\\s*(?P<value>\\d+)%", "(?<=[率比])\\d*%?", "(?:均|为)*(?P<value>\\d)"]))
def test_any_lazy_name_by_its_words_is_the_plain_scan(text, width, words, rest):
    """Other widths, words (one a prefix of another), rests (a look-behind, an empty one)."""
    from lawlint.checks import ratio
    pattern = f"(?P<name>[\\u4e00-\\u9fff率比]{{0,{width}}}?(?:{words}))" + rest
    lead = ratio._lead(pattern)
    assert lead is not None
    rx = regexcache.compile(pattern)
    assert [m.span() for m in ratio._by_anchor(lead, rx, text)] == [m.span() for m in rx.finditer(text)]


def test_rates_by_their_words_on_every_corpus():
    ratio, rx, lead = _rate()
    plain = regexcache.compile(rx.pattern)
    n = 0
    for text in TEXTS:
        for line in text.splitlines():
            got = [(m.span(), m.groupdict()) for m in ratio._by_anchor(lead, rx, line)]
            assert got == _found(plain, line)
            n += len(got)
    assert n > 20


def test_patterns_without_a_lazy_name_or_with_a_back_reference_are_scanned_as_they_are():
    from lawlint.checks import ratio
    assert ratio._lead(r"(?P<name>[\u4e00-\u9fff]{0,10}(?:率|占比))(?P<value>\d+)%") is None   # greedy
    assert ratio._lead(r"(?P<name>[\u4e00-\u9fff]{0,10}?(?:率|占比))(?P=name)") is None
    assert ratio._lead(r"(?P<name>[\u4e00-\u9fff]*?(?:率|占比))(?P<value>\d+)%") is None


def test_rate_mismatch_finds_rates_by_their_words(monkeypatch):
    """The rule's rate pattern gets the fast path, the check takes it, and the words' pattern is
    one sre scans for by its first characters."""
    ratio, rx, lead = _rate()
    assert lead is not None and _scanned_by_first_char(lead[0].pattern)
    assert not _scanned_by_first_char(rx.pattern)
    calls = []
    by_anchor = ratio._by_anchor
    monkeypatch.setattr(ratio, "_by_anchor", lambda *a: calls.append(1) or by_anchor(*a))
    from helpers import lint
    found = lint("2024年，共收到行政复议案件340件，受理303件，审结284件，经调解和解终止审查结案76件，调解和解结案率35%。",
                 select=["content.rate_mismatch"]).diagnostics
    assert calls and [d.rule for d in found] == ["content.rate_mismatch"]


# -- review.total_parts: the sentences holding a literal of ``parts``, found by bisection --------

def _plain_total(ctx, rule, p):
    """review.total_parts as it was: every span holding a literal, a find per literal and sentence."""
    from lawlint.checks import scope as sc, total
    from lawlint.rulepack.literals import absent
    text, needed = ctx.doc.text, p.needed
    spans = sc.spans(ctx, p.scope)
    for s, e in sc.holding(text, needed, spans) if needed else spans:
        for sent in total._SENTENCE.finditer(text, s, e):
            if needed and absent(needed, text, sent.start(), sent.end()):
                continue
            for m in p.total.finditer(text, sent.start(), sent.end()):
                lead = p.parts.match(text, m.end(), sent.end())
                if lead is None:
                    continue
                total_n, unit = total.quantity(m), m.group("unit")
                parts = total._parts(text, lead.end(), sent.end(), unit, p.count, p.exclude, p.stages)
                if len(parts) < 2:
                    continue
                added = round(sum(parts), 4)
                if any(round(sum(parts[:k]), 4) == total_n for k in range(2, len(parts))):
                    continue
                if added > total_n or (p.shortfall_share * total_n <= added < total_n
                                       and len(parts) >= p.exhaustive_parts):
                    yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                        total=total._num(total_n), unit=unit, sum=total._num(added),
                        parts="＋".join(total._num(x) for x in parts),
                        relation="大于" if added > total_n else "小于"))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(list("其中含包括:：，。a") + ["其中", "包括"]), max_size=20).map("".join),
       st.lists(st.sampled_from(["其中", "包括", "含", ":", "：", "中含"]), min_size=1, max_size=4, unique=True),
       st.integers(0, 35), st.integers(0, 35))
def test_places_within_is_the_find_of_each_literal(text, needed, a, b):
    from lawlint.checks import scope as sc
    from lawlint.rulepack.literals import absent
    lo, hi = min(a, b), max(a, b)
    assert sc.Places(text, needed).within(lo, hi) == (not absent(needed, text, lo, hi))


def test_total_parts_reads_the_sentences_the_plain_way_read(monkeypatch):
    """On every corpus, the findings are those of the plain walk, and the check reads only the
    sentences found around the places (never every sentence of a paragraph holding one)."""
    from lawlint.checks import total
    from helpers import lint
    seen, taken = [], []
    fast_check, fast_sentences = total.check, total.holding_sentences

    def both(ctx, rule, p):
        fast = list(fast_check(ctx, rule, p))
        plain = list(_plain_total(ctx, rule, p))
        assert [(d.start, d.end, d.message) for d in fast] == [(d.start, d.end, d.message) for d in plain]
        seen.append(len(fast))
        return fast

    def spy(*a):
        got = fast_sentences(*a)
        taken.append(len(got))
        return got

    monkeypatch.setattr(total, "check", both)
    monkeypatch.setattr(total, "holding_sentences", spy)
    for text in TEXTS + _TOTAL_TEXTS:
        lint(text, select=["review.total_parts"])
    assert sum(seen) >= 4 and len(taken) > len(TEXTS) / 2 and sum(taken) > 100


def _plain_holding(text, spans, needed):
    from lawlint.checks import total
    from lawlint.rulepack.literals import absent
    return [m.span() for s, e in spans for m in total._SENTENCE.finditer(text, s, e)
            if not absent(needed, text, m.start(), m.end())]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(list("其中含包括:：，。！？!?\na ") + ["其中", "包括", "。其"]), max_size=30).map("".join),
       st.lists(st.sampled_from(["其中", "包括", "含", ":", "：", "中含", "。其", "a\n"]), min_size=1, max_size=4,
                unique=True), st.data())
def test_sentences_around_the_places_are_those_holding_them(text, needed, data):
    """total.holding_sentences: the sentences (runs between stops, per span) holding a literal
    whole, found around its places, are those the split of every span gives (spans cut
    anywhere, words holding a stop included)."""
    from lawlint.checks import scope as sc, total
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]
    cut = any(c in total.FULL_STOPS for w in needed for c in w)
    got = total.holding_sentences(text, spans, sc.Places(text, needed), cut)
    assert got == _plain_holding(text, spans, needed)


_TOTAL_TEXTS = [
    "2020年，全镇调处纠纷46起：邻里纠纷21起、土地纠纷18起、婚姻家庭纠纷9起。另有信访件3件。",
    "二、主要举措\n全市办理行政复议案件1.2万件，其中维持8000件、撤销3100件、确认违法1500件；全年培训1200人次，含领导干部300人次、执法人员950人次。\n三、存在的不足",
    "2024年乡镇共有执法人员88名：持证执法人员61名、辅助人员12名、其他人员9名。审查合同90份，包括采购合同40份、租赁合同30份、其他合同21份。",
]


# -- plenum: a shape is scanned only in the spans holding one of the strings its matches hold ----

_PLENUM_CHARS = list("十九二届中全会大精神代表报告以来胜利召开、，和 .") + ["19", "20", "6", "１９", "二十", "中央", "第", "次全体会议"]


def _shapes():
    from lawlint.checks import plenum
    return plenum, plenum.patterns()


@settings(max_examples=800)
@given(st.lists(st.sampled_from(_PLENUM_CHARS), max_size=25).map("".join))
def test_every_match_of_a_shape_holds_a_string_of_its_gate(text):
    plenum, shapes = _shapes()
    for rx in shapes.values():
        gate = plenum.gate(rx.pattern)
        for a in range(0, len(text) + 1, 3):     # (a scan range: the look-ahead reads no further)
            for m in rx.finditer(text, 0, a):
                assert any(g in text[:a] and g in text[max(0, m.start() - 1):a] for g in gate)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["a", "大", "b", "(?:c|d)", "[|]", "\\|", "(?=x|y)", "(?<!z)"]), max_size=8)
       .map("".join), st.lists(st.sampled_from(list("abcdxyz大|精神")), max_size=15).map("".join))
def test_gates_of_other_patterns_hold_for_their_matches(pattern, text):
    import re
    from lawlint.checks import plenum
    try:
        rx = re.compile(pattern)
    except re.error:
        return
    gate = plenum.gate(pattern)
    if gate is not None:
        for m in rx.finditer(text):
            assert any(g in text for g in gate)
    from lawlint.rulepack.patternread import top_alternatives
    alts = top_alternatives(pattern)
    assert "|".join(alts) == pattern


def test_plenum_shapes_by_their_gates_find_what_every_span_gave(monkeypatch):
    """On every corpus, each shape's matches are those of scanning every span of the document;
    the arabic shape is gated by 届 and 大精神 …, not by 大 (in most reports), and skips spans."""
    from lawlint.checks import scope as sc
    from helpers import lint
    plenum, shapes = _shapes()
    assert "大" not in plenum.gate(shapes["arabic"].pattern) and "届" in plenum.gate(shapes["arabic"].pattern)
    find = plenum._find
    compared = []

    def both(ctx, rx):
        fast = [(m.span(), m.groupdict()) for m in find(ctx, rx)]
        text = ctx.doc.text
        plain = [(m.span(), m.groupdict()) for s, e in sc.spans(ctx, "document") for m in rx.finditer(text, s, e)]
        assert fast == plain
        compared.append(len(fast))
        return iter(find(ctx, rx))

    monkeypatch.setattr(plenum, "_find", both)
    extra = ["2021年，学习贯彻19届6中全会精神和20大精神，十九届六中、七中全会，党的二十大代表。\n学习二十大报告。"]
    for text in TEXTS + extra:
        lint(text, year=2022, select=["plenum.future", "plenum.stale", "plenum.missing", "plenum.arabic"])
    assert sum(compared) > 20

    monkeypatch.setattr(plenum, "_find", find)
    held = []
    holding = sc.holding
    monkeypatch.setattr(sc, "holding", lambda text, needed, spans: held.append(
        (needed, len(spans), len(holding(text, needed, spans)))) or holding(text, needed, spans))
    lint(TEXTS[0], year=2022, select=["plenum.arabic"])
    arabic = [(n, k) for needed, n, k in held if "届" in needed]
    assert arabic and all(k < n / 2 for n, k in arabic)      # (大 alone: every span)


# -- the sentences holding a word, found around the word (ratio reads only those) ---------------

def _plain_sentences_holding(text, spans, words):
    from lawlint.model import split_sentences
    return [(x.start, x.text) for s, e in spans for x in split_sentences(text[s:e], s)
            if any(w in x.text for w in words)]


_SENT_CHARS = list("率占比。！？；!?;\n”’」』）)】 \u3000\t，a") + ["占比", "率", "。”", "\u4e00"]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(_SENT_CHARS), max_size=40).map("".join), st.data())
def test_sentences_holding_a_word_are_those_split_sentences_gives(text, data):
    from lawlint.checks import scope as sc
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]
    for words in (("率", "占比"), ("占比",), ("比",)):
        assert sc.sentences_holding(text, spans, words) == _plain_sentences_holding(text, spans, words)
    assert sc.sentences_holding(text, spans, ("率。",)) is None      # (a word an end may cut)


def test_sentences_holding_look_only_around_the_words(monkeypatch):
    """The span is not cut into sentences: its ends are looked for only around each word (an
    end found before a word starts a match of _END: no end is a closer)."""
    from lawlint.checks import scope as sc

    class NoSplit:
        def __init__(self, rx):
            self.rx = rx

        def search(self, *a):
            return self.rx.search(*a)

        def finditer(self, *a):
            pytest.fail("the span was cut into sentences")

    assert not set(sc._ENDS) & set(sc.CLOSERS)
    monkeypatch.setattr(sc, "_END", NoSplit(sc._END))
    text = "全年办结120件。" * 30 + "“结案率60%。” " + "其他工作。" * 30
    got = sc.sentences_holding(text, [(0, len(text))], ("率",))
    assert got == [(270, "“结案率60%。”")] == _plain_sentences_holding(text, [(0, len(text))], ("率",))


def test_sentences_holding_a_word_on_every_corpus():
    from lawlint.checks import scope as sc
    from lawlint.api import parse
    from lawlint.loaders.source import Source
    from lawlint.loaders.text import normalise
    n = 0
    for text in TEXTS:
        doc = parse(Source(text=normalise(text)[0]))
        spans = [(b.start, b.end) for b in doc.body_blocks]
        got = sc.sentences_holding(doc.text, spans, ("率", "占比"))
        assert got == _plain_sentences_holding(doc.text, spans, ("率", "占比"))
        n += len(got)
    assert n > 50


def test_rate_mismatch_reads_only_the_sentences_holding_a_rate_word(monkeypatch):
    from lawlint.checks import ratio, scope as sc
    from helpers import lint
    calls = []
    holding = sc.sentences_holding
    monkeypatch.setattr(sc, "sentences_holding", lambda *a: calls.append(1) or holding(*a))
    monkeypatch.setattr(sc, "sentences", lambda *a: pytest.fail("the paragraphs were cut into sentences"))
    found = lint("2024年，共收到行政复议案件340件，受理303件，审结284件，经调解和解终止审查结案76件，调解和解结案率35%。\n"
                 "全年行政执法效率提高。", select=["content.rate_mismatch"]).diagnostics
    assert calls and [d.rule for d in found] == ["content.rate_mismatch"]


def test_rate_mismatch_by_the_lead_finds_what_the_plain_scan_found(monkeypatch):
    """On every corpus (and texts with findings), the check with its lead (sentences around the
    words, rates by their words) gives the findings of the check without it (each paragraph
    holding a rate cut into sentences, each scanned by the whole pattern)."""
    from lawlint.checks import ratio
    from helpers import lint
    fast_check, seen = ratio.check, []

    def both(ctx, rule, p):
        assert p.lead is not None
        fast = list(fast_check(ctx, rule, p))
        plain_p = type(p)(**{f: getattr(p, f) for f in p._record_fields if f != "lead"}, lead=None)
        plain = list(fast_check(ctx, rule, plain_p))
        assert [(d.start, d.end, d.message) for d in fast] == [(d.start, d.end, d.message) for d in plain]
        seen.append(len(fast))
        return fast

    monkeypatch.setattr(ratio, "check", both)
    extra = ["2024年，共收到行政复议案件340件，受理303件，审结284件，经调解和解终止审查结案76件，调解和解结案率35%。\n"
             "全区办结3.2万件，办结4.1万件，办结率99.6%；另有12件占比未计。\n“全市受理120件，结案90件，结案率60%。”"]
    for text in TEXTS + extra:
        lint(text, year=2023, select=["content.rate_mismatch"])
    assert sum(seen) >= 2


# -- review.total_parts: the places of its literals from the term rules' shared scan ----------------
def _total_ctx(text):
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    from lawlint.engine import Context
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    return Context(doc=doc, rules=ruleset_for(Config()), year=2022)


def _total_params():
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    rule = next(r for r in ruleset_for(Config()) if r.id == "review.total_parts")
    return rule.bound(2022)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["其中", "包括", "含", ":", "：", "其中含", "包含", "包括其中", "中", "其",
                                 "，", "。", "\n", "共12件", "法制办", "政府法制局", "合同法", "含："]),
                max_size=30).map("".join))
def test_total_places_from_the_shared_scan_are_every_occurrence(text):
    """total._places gives what sc.Places gives (every occurrence of every literal, overlapping
    ones too), the report holding none of them giving nothing."""
    from lawlint.checks import scope as sc, total
    p = _total_params()
    got = total._places(_total_ctx(text), p.needed, p.words)
    want = sc.Places(text, p.needed)
    assert (got.spans if got else []) == want.spans


def test_total_places_come_from_the_shared_scan(monkeypatch):
    """The fast path is taken: the rule set's term scan looks for total's literals, and a report
    holding them is neither asked for each literal nor searched for their places."""
    from lawlint.checks import scope as sc, termscan, total
    p = _total_params()
    ctx = _total_ctx("2024年共有执法人员88名：持证人员61名，其中女性12名，包括辅助人员。")
    assert p.words and termscan.present(ctx, p.words) is not None
    monkeypatch.setattr(total, "absent", lambda *a: pytest.fail("asked for each literal"))
    monkeypatch.setattr(sc, "occurrences", lambda *a: pytest.fail("searched for a literal's places"))
    got = total._places(ctx, p.needed, p.words)
    assert [ctx.doc.text[a:b] for a, b in got.spans] == ["：", "其中", "包括"]
