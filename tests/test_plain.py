"""lawlint.plain behaves as dataclasses does for what lawlint declares: the same class declared with
each gives the same repr, equality, hashing, defaults, replace, asdict, frozen-ness and pickling."""
import copy
import dataclasses

import pytest

from lawlint import plain


def _declare(module, **params):
    @module.dataclass(**params)
    class Point:
        x: int
        y: str = "a"
        tags: list = module.field(default_factory=list)
        hidden: object = module.field(default=None, repr=False, compare=False)
        memo: dict = module.field(default_factory=dict, init=False, repr=False)

        def moved(self):
            return self.x + 1
    return Point


def _hashes(a, b):
    try:
        return hash(a) == hash(b)
    except TypeError:
        return "unhashable"


PARAMS = [{}, {"frozen": True}, {"eq": False}, {"slots": True}, {"frozen": True, "slots": True},
          {"frozen": True, "eq": False}]


@pytest.mark.parametrize("params", PARAMS)
def test_a_plain_class_behaves_as_a_dataclass(params):
    P, D = _declare(plain, **params), _declare(dataclasses, **params)
    for args, kwargs in [((1,), {}), ((1, "b"), {"tags": [1]}), ((), {"x": 2, "hidden": 5})]:
        p, d = P(*args, **kwargs), D(*args, **kwargs)
        assert repr(p) == repr(d)
        assert (p == P(*args, **kwargs)) == (d == D(*args, **kwargs))
        assert (p == P(9)) == (d == D(9))
        assert (P.__hash__ is None) == (D.__hash__ is None)
        assert _hashes(p, P(*args, **kwargs)) == _hashes(d, D(*args, **kwargs))
        assert [f.name for f in plain.fields(P)] == [f.name for f in dataclasses.fields(D)]
        assert plain.asdict(p) == dataclasses.asdict(d)
        assert p.moved() == d.moved() and p.memo == {} and p.tags is not P(1).tags
        r, s = plain.replace(p, y="z"), dataclasses.replace(d, y="z")
        assert repr(r) == repr(s) and r.tags is p.tags
        with pytest.raises(ValueError):
            plain.replace(p, memo={})
        assert hasattr(p, "__dict__") == hasattr(d, "__dict__")
        if params.get("frozen"):
            with pytest.raises(AttributeError):
                p.x = 3
            with pytest.raises(plain.FrozenInstanceError):
                del p.x
        else:
            p.x = 3
            assert p.moved() == 4
        for back in (copy.copy(p), copy.deepcopy(p)):       # (pickle: a local class cannot be)
            assert repr(back) == repr(p)
    for bad in [((), {}), ((1,), {"nope": 1}), ((1,), {"x": 1}), ((1, "b", [], None, 9), {})]:
        with pytest.raises(TypeError):
            P(*bad[0], **bad[1])
        with pytest.raises(TypeError):
            D(*bad[0], **bad[1])


def test_post_init_runs_and_a_written_init_is_kept():
    @plain.dataclass
    class A:
        x: int
        doubled: int = plain.field(default=0, init=False)

        def __post_init__(self):
            self.doubled = self.x * 2

    @plain.dataclass(slots=True)
    class B:
        x: int
        y: int = 5

        def __init__(self, x, y=5):
            self.x, self.y = x, y + 1

    assert A(2).doubled == 4 and plain.replace(A(2), x=3).doubled == 6
    assert B(1).y == 6 and B(1) == B(1) and B.__slots__ == ("x", "y") and not hasattr(B(1), "__dict__")
    with pytest.raises(ValueError):
        plain.dataclass(type("C", (), {"__annotations__": {"x": "list"}, "x": []}))


def test_a_cycle_reprs_as_dots():
    from lawlint.model import Block, Heading
    b = Block(0, 0, 3, "abc")
    b.heading = Heading(b, None, "t", 0, 1, False, "none")
    assert "block=..." in repr(b)


def test_the_classes_lawlint_builds_often_keep_every_field_in_their_own_init():
    """Block, Heading, Sentence, Diagnostic, Token and Rule write their __init__ (speed): it must
    take every field, in order, with the declared defaults."""
    import inspect

    from lawlint.model import Block, Heading, Sentence
    from lawlint.numbering import Token
    from lawlint.result import Diagnostic
    from lawlint.rulepack.ruleset import Rule
    for cls in (Block, Heading, Sentence, Diagnostic, Token, Rule):
        params = list(inspect.signature(cls.__init__).parameters.values())[1:]
        fields = plain.fields(cls)
        assert [p.name for p in params] == [f.name for f in fields], cls
        for p, f in zip(params, fields):
            if f.default is not plain._MISSING:
                assert p.default == f.default, (cls, f.name)
            elif f.default_factory is not plain._MISSING:
                assert p.default is None, (cls, f.name)
                required = [q.name for q in params if q.default is inspect.Parameter.empty]
                obj = cls(*[1] * len(required))
                assert getattr(obj, f.name) == f.default_factory(), (cls, f.name)
            else:
                assert p.default is inspect.Parameter.empty, (cls, f.name)


def test_a_frozen_slotted_token_pickles():
    import pickle

    from lawlint.numbering import Token
    t = Token("cn", 1, "一、", "、", "", 2)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(t, protocol=protocol))
        assert back == t and hash(back) == hash(t)
