"""causal.pairs reads a text's character pairs as ints (a cast of its UTF-32 encoding): the same
sizes and the same overlaps as the two-character strings, which is all restates() reads."""
from hypothesis import given, settings, strategies as st

from lawlint.sections import causal

ALPHABET = st.sampled_from(list("执法力量薄弱不足重视够，。、 a1") + ["\U00020000", "\ud800", "\udfff", "\0", "\uffff"])


def _string_pairs(text):
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.lists(ALPHABET, max_size=40).map("".join))
def test_int_pairs_have_the_sizes_and_overlaps_of_string_pairs(a, b):
    assert len(causal.pairs(a)) == len(_string_pairs(a))
    assert len(causal.pairs(a) & causal.pairs(b)) == len(_string_pairs(a) & _string_pairs(b))
    assert bool(causal.pairs(a)) == bool(_string_pairs(a))


def test_each_pair_is_its_two_characters():
    assert causal.pairs("执法") == {ord("执") | ord("法") << 32}
    assert causal.pairs("执法队") == {ord("执") | ord("法") << 32, ord("法") | ord("队") << 32}
    assert causal.pairs("") == causal.pairs("执") == set()


def test_restates_reads_int_pairs(monkeypatch):
    seen = []
    real = causal.pairs

    def counted(text):
        got = real(text)
        seen.append(got)
        return got
    monkeypatch.setattr(causal, "pairs", counted)
    problems = ["执法力量薄弱，执法人员持证率偏低", "普法形式单一"]
    assert causal.restates("执法人员力量薄弱", problems, 0.5)
    assert not causal.restates("编制多年未增加", problems, 0.5)
    assert seen and all(type(x) is int for got in seen for x in got)


def _causal_params():
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    return next(r for r in ruleset_for(Config()).section_rules if r.bound(2021).causal).bound(2021).causal


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["原因", "由于", "导致", "一方面", "受", "影响", "其一", "根源", "原", "因",
                                 "主观", "上", "执法", "，", "。"]), max_size=12).map("".join))
def test_a_text_holds_a_frame_literal_as_the_in_tests_say(text):
    lits, _empty, held = causal._facts(_causal_params())
    assert lits and held is not causal._always          # the rule pack's frames have literals
    assert bool(held(text)) == any(s in text for s in lits), text
