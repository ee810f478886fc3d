"""Frozen records with slots: the namespace a check reads its parameters from, and a table's entries.

What ``dataclasses.make_dataclass(..., frozen=True, slots=True, eq=False)`` made, without its cost
at start-up: a dataclass writes and compiles the source of its methods for every class, ≈3 M
instructions each, and the check types declare some forty of these classes (a third of a warm
``lawlint check``'s own start). Here every record class shares one ``__init__``.
"""
from __future__ import annotations


class FrozenRecordError(AttributeError):
    """Assigning to a field of a record (as ``dataclasses.FrozenInstanceError``)."""


class Record:
    """A record: keyword arguments for exactly its ``fields``, read as attributes, never changed."""

    __slots__ = ()
    _record_fields: tuple = ()

    def __init__(self, **values):
        if len(values) != len(self._record_fields) or not values.keys() <= set(self._record_fields):
            missing = [f for f in self._record_fields if f not in values]
            extra = [k for k in values if k not in self._record_fields]
            raise TypeError(f"{type(self).__name__}: missing {missing}, unexpected {extra}")
        setter = object.__setattr__
        for name, value in values.items():
            setter(self, name, value)

    def __setattr__(self, name, value):
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenRecordError(f"cannot delete field {name!r}")

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._record_fields)
        return f"{type(self).__name__}({inner})"


def record(name: str, fields) -> type:
    """A :class:`Record` class with these fields (names, in order)."""
    fields = tuple(fields)
    return type(name, (Record,), {"__slots__": fields, "_record_fields": fields})
