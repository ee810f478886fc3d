"""The date type lawlint reads report dates into: ``datetime.date``, taken from CPython's C module
``_datetime`` where there is one (the same type object). Importing ``datetime`` first runs the
module's whole pure-Python implementation and then replaces it with ``_datetime``'s types: ≈4 M
instructions of every start, for a type the checks only build, parse from ISO text and compare.
"""
from __future__ import annotations

try:
    from _datetime import date
except ImportError:             # another Python: the module itself
    from datetime import date

__all__ = ["date"]
