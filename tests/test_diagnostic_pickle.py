"""A Diagnostic crosses processes (batch workers, serve) whole: every field, the fingerprint too."""
import copy
import pickle

from lawlint.plain import fields
from lawlint.result import Diagnostic


def test_every_field_survives_pickling_and_copying():
    d = Diagnostic("punct.halfwidth", "warning", "style", 3, 4, 3, 5, "消息", "建议", "依据", True,
                   10, 11, "，", 0.5, True)
    d.fingerprint = "abc123"
    names = [f.name for f in fields(Diagnostic)]
    for back in (pickle.loads(pickle.dumps(d)), pickle.loads(pickle.dumps(d, protocol=0)),
                 copy.copy(d), copy.deepcopy(d)):
        assert [getattr(back, n) for n in names] == [getattr(d, n) for n in names]
        assert back.fingerprint == "abc123"
