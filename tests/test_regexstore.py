"""The regex cache's stored table (lawlint.rulepack.regexstore): what encode writes decodes to the same
entries, whatever their characters; anything else (foreign, older, truncated or damaged bytes)
decodes to a table that never raises and holds only well-formed entries; and entries are read
one by one, when looked up (a damaged one is absent, the others are still there)."""
import json
from array import array

from hypothesis import given, strategies as st

from lawlint.rulepack import regexstore
from lawlint.rulepack.regexstore import MAGIC, decode, encode

U32 = st.integers(0, 2 ** 32 - 1)
TEXT = st.text(st.characters(exclude_categories=()), max_size=12)     # NUL, lone surrogates, anything


@st.composite
def code_values(draw):
    code = draw(st.lists(U32, min_size=1, max_size=12))
    groups = draw(st.integers(0, len(code)))
    if draw(st.booleans()):             # as sre builds them for a pattern without named groups
        groupindex, indexgroup = {}, (None,) * (groups + 1)
    else:
        groupindex = draw(st.dictionaries(TEXT, st.integers(-5, 2 ** 40), max_size=3))
        indexgroup = tuple(draw(st.lists(st.none() | TEXT, max_size=4)))
    return draw(U32), code, groups, groupindex, indexgroup


TABLES = st.builds(lambda code, lits: {**code, **{("literals", p): v for p, v in lits.items()}},
                   st.dictionaries(st.tuples(TEXT, U32), code_values(), max_size=8),
                   st.dictionaries(TEXT, st.lists(TEXT, max_size=4).map(tuple), max_size=8))


def plain(table) -> dict:
    """The table as a dict, with each code as a list (decode gives arrays)."""
    return {k: one(k, v) for k, v in table.items()}


def one(key, value):
    return value if value is None or isinstance(key[1], str) else (value[0], list(value[1]), *value[2:])


def well_formed(key, value) -> bool:
    if isinstance(key[1], str):
        return key[0] == "literals" and type(value) is tuple and all(type(s) is str for s in value)
    cflags, code, groups, groupindex, indexgroup = value
    return (type(cflags) is int and type(code) is array and len(code) > 0 and 0 <= groups <= len(code)
            and type(groupindex) is dict and type(indexgroup) is tuple)


@given(TABLES, st.randoms())
def test_what_encode_writes_decodes_to_the_same_table(table, rnd):
    data = encode(table)
    assert plain(decode(data)) == plain(table)
    keys = list(table) + [("literals", "absent"), ("absent", 0)]
    rnd.shuffle(keys)
    got = decode(memoryview(data))               # (as the cache reads it) looked up in any order
    assert [one(k, got.get(k)) for k in keys] == [one(k, table.get(k)) for k in keys]
    assert all((k in got) == (k in table) for k in keys) and len(got) == len(table)


@given(TABLES)
def test_a_truncated_table_decodes_empty(table):
    data = encode(table)
    for n in sorted({0, 1, len(MAGIC), len(MAGIC) + 4, len(data) // 2, len(data) - 1}):
        if n < len(data):
            assert len(decode(data[:n])) == 0 and not decode(data[:n])


@given(st.binary(max_size=300))
def test_foreign_bytes_decode_to_an_empty_table(data):
    assert len(decode(data)) == 0
    assert len(decode(MAGIC + data)) == 0 or all(well_formed(k, v) for k, v in decode(MAGIC + data).items())


@given(TABLES, st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), min_size=1, max_size=6))
def test_a_damaged_table_never_raises_and_holds_only_well_formed_entries(table, flips):
    data = bytearray(encode(table))
    for at, byte in flips:
        data[at % len(data)] = byte
    got = decode(bytes(data))
    for key in table:
        got.get(key)
        assert (key in got) == (got.get(key) is not None)
    assert all(well_formed(k, v) for k, v in got.items())


def test_an_older_format_reads_as_empty():
    head = json.dumps([["x", 0, 0, 1, 0, {}, [None]], ["literals", ["x"]]]).encode()
    old = len(head).to_bytes(8, "little") + head + array("I", [17]).tobytes()     # format 2
    assert len(decode(old)) == 0 and len(decode(b"")) == 0 and len(decode(None)) == 0


def _record(data: bytes, i: int) -> int:
    """Where record ``i`` starts in ``data`` (after the magic and the eight counts)."""
    return len(MAGIC) + 4 * (regexstore._HEAD + i * regexstore._REC)


def test_entries_are_checked_one_by_one_when_looked_up():
    table = {(f"p{i}", 0): (0, [i + 1, 2, 3], 0, {}, (None,)) for i in range(5)}
    table[("literals", "p2")] = ("p", "2")
    data = bytearray(encode(table))
    end = _record(data, 3) + 4 * 3             # record 3's code end: past all the code
    data[end:end + 4] = array("I", [10 ** 6]).tobytes()
    got = decode(bytes(data))
    assert len(got._got) == 0                  # nothing read before it is looked up
    assert got.get(("p3", 0)) is None and ("p3", 0) not in got
    assert list(got[("p4", 0)][1]) == [5, 2, 3] and got[("literals", "p2")] == ("p", "2")
    assert len(got) == 5 and ("p3", 0) not in dict(got.items())


def test_the_table_behaves_as_a_dict():
    stored = {("a", 0): (0, [1], 0, {}, (None,)), ("b", 0): (0, [2], 0, {}, (None,)), ("literals", "a"): ("x",)}
    got = decode(encode(stored))
    assert bool(got) and not decode(b"")
    got[("c", 0)] = (0, [3], 0, {}, (None,))            # a new entry
    got[("b", 0)] = (1, [4], 0, {}, (None,))            # replaces the stored one
    assert got.pop(("a", 0))[1].tolist() == [1] and got.pop(("a", 0), "gone") == "gone"
    del got[("literals", "a")]
    assert sorted(got) == [("b", 0), ("c", 0)] and got[("b", 0)][0] == 1
    merged = decode(encode(stored))
    merged.update(got)                                  # as regexcache.save merges
    assert sorted(merged) == [("a", 0), ("b", 0), ("c", 0), ("literals", "a")]
    assert plain(decode(encode(merged))) == plain(merged)


def test_entries_the_format_cannot_hold_are_left_out():
    table = {("ok", 0): (0, [1], 0, {}, (None,)), ("big", 0): (0, [2 ** 32], 0, {}, (None,)),
             ("neg", -1): (0, [1], 0, {}, (None,)), ("float", 0): (0, [1.5], 0, {}, (None,)),
             ("groups", 0): (0, [1], 2, {}, (None,) * 3), ("literals", "x"): ("y", 1),
             "not a pair": (0, [1], 0, {}, (None,))}
    assert plain(decode(encode(table))) == {("ok", 0): (0, [1], 0, {}, (None,))}


def test_characters_a_text_codec_could_take_for_something_else_survive():
    """A leading U+FEFF (a byte order mark to a UTF-16 decoder), an astral character (a surrogate
    pair in UTF-16) and lone surrogates next to each other (which UTF-16 would join into one)."""
    table = {("\ufeff甲", 0): (0, [1], 0, {}, (None,)), ("literals", "\ufeff甲"): ("\ufeff", "\U0001F600", "")}
    assert plain(decode(encode(table))) == plain(table)
    table[("\ud83d\ude00", 0)] = (0, [2], 0, {}, (None,))
    assert plain(decode(encode(table))) == plain(table) and len(decode(encode(table))) == 3
