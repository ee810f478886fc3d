"""The parser's lexicon (``rules/data/document.yaml``): page chrome, title, issuer, closing and
year cues; and the year written digit by digit (二〇二三)."""
from __future__ import annotations

from functools import lru_cache

from ..chars import CN_DIGITS
from ..rulepack import regexcache


@lru_cache(maxsize=1)
def lexicon() -> dict:
    from ..rulepack.resources import load_data
    data = load_data("document.yaml")
    chrome = data["chrome"]
    return {
        "breadcrumb": [regexcache.compile(p) for p in chrome["breadcrumb"]],
        "metadata": [regexcache.compile(p) for p in chrome["metadata"]],
        "footer": [regexcache.compile(p) for p in chrome["footer"]],
        "footer_max_line": chrome["footer_max_line"],
        "line": [regexcache.compile(p) for p in chrome.get("line", [])],
        "labels": [regexcache.compile(p) for p in chrome.get("labels", [])],
        "labels_max_line": chrome.get("labels_max_line", 0),
        "byline": regexcache.compile(chrome["byline"]) if chrome.get("byline") else None,
        "dates": {k: regexcache.compile(v) for k, v in chrome["dates"].items()},
        "page_number": [regexcache.compile(p) for p in data.get("page_number", [])],
        "title_must": regexcache.compile(data["title"]["must"]),
        "title_any": regexcache.compile(data["title"]["any"]),
        "title_max": data["title"]["max_length"],
        "not_title": regexcache.compile(data["title"]["not_title"]),
        "cover_letter": regexcache.compile(data["cover_letter"]["pattern"]),
        "cover_blocks": data["cover_letter"]["blocks"],
        "issuer": regexcache.compile(data["issuer"]),
        "closing": regexcache.compile(data["closing"]),
        "year": {k: regexcache.compile(v) for k, v in data["year"].items()},
        "issuer_in_opening": regexcache.compile(data["issuer_in_opening"]),
        "inline_item": regexcache.compile(data["inline_item"]),
        "addressee": regexcache.compile(data["addressee"]),
        "doc_number": regexcache.compile(data["doc_number"]),
        "signature_max": data["signature_max"],
        "flat": _flat(data["flat"]),
    }


def _flat(data: dict) -> dict:
    return {"separator": regexcache.compile(data["separator"]), "long_line": data["long_line"],
            "separator_blanks": data.get("separator_blanks", ""),
            "paragraph_min": data["paragraph_min"],
            "ends": data["ends"], "glued_heading": [regexcache.compile(p) for p in data["glued_heading"]],
            "closing_tail": regexcache.compile(data["closing_tail"]),
            "footer_start": regexcache.compile(data["footer_start"]), "footer_max": data["footer_max"],
            "glued_top": regexcache.compile(data["glued_top"]),
            "glued_title": regexcache.compile(data["glued_title"]),
            "footer_label": regexcache.compile(data["footer_label"]),
            "label": regexcache.compile(data["label"]), "glued_title_max": data["glued_title_max"]}

_CN_YEAR_DIGITS = str.maketrans({c: str(v) for c, v in CN_DIGITS.items() if v < 10})

def year_value(text: str) -> int:
    """2023, or 二〇二三 written digit by digit (titles in the GB/T 9704 style sometimes are)."""
    return int(text.translate(_CN_YEAR_DIGITS))
