"""Plain data classes: what ``@dataclasses.dataclass`` makes, without what it costs a start.

The ``dataclasses`` module imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``), and for
every class writes the source of ``__init__``, ``__repr__`` and ``__eq__`` and compiles it: ≈47 M
instructions for the import and ≈2.4 M per class, about a sixth of a warm ``lawlint check``. Here
the same methods are shared functions reading the class's fields; a class that is built often
writes its own ``__init__`` (kept, as dataclass keeps one), which is as fast as the generated one.

The same interface for what lawlint uses: ``dataclass(frozen=, eq=, slots=, repr=)``, ``field(default=,
default_factory=, init=, repr=, compare=)``, ``fields``, ``replace``, ``asdict`` and
``FrozenInstanceError``, with the same behaviour: field order from the annotations, defaults and
factories, ``__post_init__``, frozen instances (hashable by their compared fields), ``__hash__``
None for a mutable class that compares by value, slots (the class is rebuilt with ``__slots__``;
frozen ones pickle through ``__getstate__``), a recursive ``repr`` shown as ``...``.
"""
from __future__ import annotations

import _thread

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen instance (as ``dataclasses.FrozenInstanceError``)."""


class Field:
    __slots__ = ("name", "default", "default_factory", "init", "repr", "compare")

    def __init__(self, default=_MISSING, default_factory=_MISSING, init=True, repr=True, compare=True):
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = None
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare

    def __repr__(self):
        return f"Field(name={self.name!r})"


def field(*, default=_MISSING, default_factory=_MISSING, init=True, repr=True, compare=True) -> Field:
    return Field(default, default_factory, init, repr, compare)


def fields(class_or_instance) -> tuple:
    try:
        return tuple(class_or_instance.__plain_fields__.values())
    except AttributeError:
        raise TypeError("must be called with a plain dataclass type or instance") from None


def is_dataclass(obj) -> bool:
    return hasattr(obj, "__plain_fields__")


def replace(obj, /, **changes):
    for f in obj.__plain_fields__.values():
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
        elif f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def asdict(obj) -> dict:
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on plain dataclass instances")
    return _asdict(obj)


def _asdict(value):
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _asdict(getattr(value, f.name)) for f in value.__plain_fields__.values()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*[_asdict(v) for v in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_asdict(v) for v in value)
    if isinstance(value, dict):
        return type(value)((_asdict(k), _asdict(v)) for k, v in value.items())
    import copy
    return copy.deepcopy(value)


def dataclass(cls=None, /, *, frozen=False, eq=True, slots=False, repr=True):
    def wrap(cls):
        return _process(cls, frozen, eq, slots, repr)
    return wrap if cls is None else wrap(cls)


def _process(cls, frozen, eq, slots, want_repr):
    own = cls.__dict__
    found = {}
    for base in reversed(cls.__mro__[1:]):
        found.update(getattr(base, "__plain_fields__", {}))
    for name, annotation in own.get("__annotations__", {}).items():
        if isinstance(annotation, str) and annotation.startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = own.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory")
        f.name = name
        found[name] = f
        if isinstance(value, Field):          # as dataclass: the class attribute is the default
            if f.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    flds = tuple(found.values())
    cls.__plain_fields__ = found
    cls.__plain_params__ = {"frozen": frozen, "eq": eq, "slots": slots}
    cls.__match_args__ = tuple(f.name for f in flds if f.init)
    if "__init__" not in own:
        cls.__init__ = _make_init(cls, flds, frozen, slots)
    if want_repr and "__repr__" not in own:
        cls.__repr__ = _make_repr(tuple(f.name for f in flds if f.repr))
    if eq and "__eq__" not in own:
        cls.__eq__ = _make_eq(tuple(f.name for f in flds if f.compare))
    if "__hash__" not in own or own["__hash__"] is None:
        if eq and frozen:
            cls.__hash__ = _make_hash(tuple(f.name for f in flds if f.compare))
        elif eq:
            cls.__hash__ = None
    if frozen:
        cls.__setattr__, cls.__delattr__ = _frozen_setattr(cls, found), _frozen_delattr(cls, found)
    if slots:
        cls = _with_slots(cls, flds, frozen)
    return cls


def _make_init(cls, flds, frozen, slots=False):
    init_names = tuple(f.name for f in flds if f.init)
    position = {n: i for i, n in enumerate(init_names)}
    fill = tuple((f.name, f.init, f.default, f.default_factory) for f in flds)
    post = hasattr(cls, "__post_init__")
    setter = object.__setattr__ if frozen else setattr
    name = cls.__qualname__

    def __init__(self, *args, **kwargs):
        n = len(args)
        if n > len(init_names):
            raise TypeError(f"{name}.__init__() takes {len(init_names) + 1} positional arguments but {n + 1} were given")
        values = dict(zip(init_names, args))
        for key, value in kwargs.items():
            i = position.get(key)
            if i is None:
                raise TypeError(f"{name}.__init__() got an unexpected keyword argument {key!r}")
            if i < n:
                raise TypeError(f"{name}.__init__() got multiple values for argument {key!r}")
            values[key] = value
        for field_name, init, default, factory in fill:
            if init and field_name in values:
                value = values[field_name]
            elif default is not _MISSING:
                value = default
            elif factory is not _MISSING:
                value = factory()
            elif init:
                raise TypeError(f"{name}.__init__() missing 1 required positional argument: {field_name!r}")
            else:
                continue
            setter(self, field_name, value)
        if post:
            self.__post_init__()
    return _dict_init(cls, flds, init_names, post, __init__) if _by_dict(cls, flds, frozen, slots) else __init__


def _by_dict(cls, flds, frozen, slots) -> bool:
    """May an instance's fields be put in its ``__dict__`` at once? (No slots, here or in a base;
    no ``__setattr__`` but object's, or a frozen one's, which sets through object's; no field
    named like a descriptor of the class.)"""
    if slots or any("__slots__" in b.__dict__ for b in cls.__mro__[:-1]):
        return False
    if not frozen and cls.__setattr__ is not object.__setattr__:
        return False
    return not any(hasattr(getattr(cls, f.name, None), "__set__") for f in flds)


def _dict_init(cls, flds, init_names, post, generic):
    """``generic`` (the field-by-field ``__init__``) as two ``dict.update`` s of the instance's
    ``__dict__``: every field's default (a placeholder for the others, so that the fields keep
    their order), then the values given; factories and checks after. Any call that is not plain
    (too many arguments, an unknown or repeated keyword) goes to ``generic``, which raises."""
    allowed = frozenset(init_names)
    template = {f.name: f.default for f in flds
                if f.default is not _MISSING or f.default_factory is not _MISSING or f.init}
    factories = tuple((f.name, f.default_factory) for f in flds if f.default_factory is not _MISSING)
    required = tuple(f.name for f in flds
                     if f.init and f.default is _MISSING and f.default_factory is _MISSING)
    name, most = cls.__qualname__, len(init_names)

    def __init__(self, *args, **kwargs):
        if args:
            if len(args) > most or (kwargs and not (kwargs.keys() <= allowed and
                                                    kwargs.keys().isdisjoint(init_names[:len(args)]))):
                return generic(self, *args, **kwargs)
            values = dict(zip(init_names, args))
            values.update(kwargs)
        else:
            if not kwargs.keys() <= allowed:
                return generic(self, *args, **kwargs)
            values = kwargs
        own = self.__dict__
        own.update(template)
        own.update(values)
        for field_name, factory in factories:
            if field_name not in values:
                own[field_name] = factory()
        for field_name in required:
            if field_name not in values:
                raise TypeError(f"{name}.__init__() missing 1 required positional argument: {field_name!r}")
        if post:
            self.__post_init__()
    __init__.generic = generic          # (tests compare the two)
    return __init__


_repr_running: set = set()


def _make_repr(names):
    def __repr__(self):
        key = (id(self), _thread.get_ident())
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        finally:
            _repr_running.discard(key)
        return f"{type(self).__qualname__}({inner})"
    return __repr__


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)
        return NotImplemented
    return __eq__


def _make_hash(names):
    def __hash__(self):
        return hash(tuple(getattr(self, n) for n in names))
    return __hash__


def _frozen_setattr(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    return __setattr__


def _frozen_delattr(cls, names):
    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return __delattr__


def _with_slots(cls, flds, frozen):
    """The class made again with ``__slots__`` for its fields (as dataclass(slots=True) does)."""
    names = tuple(f.name for f in flds)
    body = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
    body["__slots__"], body["__qualname__"] = names, cls.__qualname__
    new = type(cls)(cls.__name__, cls.__bases__, body)
    if frozen:
        new.__setattr__, new.__delattr__ = _frozen_setattr(new, cls.__plain_fields__), _frozen_delattr(new, cls.__plain_fields__)
        if "__getstate__" not in body:
            new.__getstate__ = lambda self: [getattr(self, n) for n in names]

            def __setstate__(self, state):
                for n, v in zip(names, state):
                    object.__setattr__(self, n, v)
            new.__setstate__ = __setstate__
    return new
