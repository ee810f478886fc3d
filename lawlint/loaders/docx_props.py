"""A .docx's core properties (docProps/core.xml) as document metadata: the creation date only.

The publication-deadline check reads it as its last resort: a file created after the deadline
cannot have been published before it. (The last-saved date says nothing of the kind: a copy is
saved again whenever someone opens and edits it.)
"""
from __future__ import annotations


def meta(document) -> dict:
    """``{"date_created": "YYYY-MM-DD"}`` from a python-docx Document, or ``{}``."""
    try:
        created = document.core_properties.created
    except Exception:  # noqa: BLE001 - a malformed core.xml is no reason to refuse the text
        return {}
    if created is None or not 1990 <= created.year <= 2100:
        return {}
    return {"date_created": created.date().isoformat()}
