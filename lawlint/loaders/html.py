"""Saved government web pages (.html/.htm): the report's text without the page chrome.

beautifulsoup4 with the standard library's parser (no compiled dependency) drops scripts,
styles, navigation, headers, footers, share widgets and breadcrumbs, then keeps the element that
holds the article (by the ids and classes government CMSs use, else the block with the most
Chinese text). Each block-level element becomes one line. 成文日期 / 发布日期 are read from the
whole page first, for the publication-deadline check.
"""
from __future__ import annotations

import re

from ..chars import HAN_RE
from ..errors import LoadError
from ..source import Source
from .text import decode, normalise

_DROP_TAGS = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "form", "button",
              "select", "input", "svg", "head")
_DROP_ATTR = re.compile(r"nav|breadcrumb|crumb|footer|header|share|menu|sidebar|bdsharebuttonbox|"
                        r"location|position|copyright|toolbar|print|related", re.I)
_MAIN_ATTR = re.compile(r"^(content|article|zoom|main|detail|text|TRS_Editor|pages_content|"
                        r"article-content|news_content|conTxt|view|xxgk_content)", re.I)
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article",
           "table", "blockquote", "pre", "td")
_CJK = HAN_RE
_DATES = re.compile(r"(成文日期|发布日期)\s*[:：\]】]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def load_html(data: bytes, *, path: str, encoding: str | None = None) -> Source:
    raw, enc = decode(data, path, encoding)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    meta = {}
    page_text = soup.get_text(" ")
    for m in _DATES.finditer(page_text):
        key = "date_written" if m.group(1) == "成文日期" else "date_published"
        meta.setdefault(key, "%04d-%02d-%02d" % (int(m.group(2)), int(m.group(3)), int(m.group(4))))
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in list(soup.find_all(True)):
        if getattr(tag, "decomposed", False):
            continue
        attrs = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
        if attrs and _DROP_ATTR.search(attrs) and len(_CJK.findall(tag.get_text())) < 400:
            tag.decompose()
    main = _main_element(soup)
    for br in main.find_all("br"):
        br.replace_with("\n")
    for tag in main.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [" ".join(line.split()) for line in main.get_text().split("\n")]
    lines = [line for line in lines if line]
    if lines and title and not any(title[:12] in line for line in lines[:3]):
        h1 = main.find(["h1", "h2"])
        if h1 is None and _CJK.search(title):
            lines.insert(0, re.split(r"[_\-|－—]{1,2}", title)[0].strip())
    text, newline = normalise("\n".join(lines))
    if not text.strip():
        raise LoadError("网页中没有找到正文文字", path)
    return Source(text=text, path=path, kind="html", encoding=enc, meta=meta)


def _main_element(soup):
    for tag in soup.find_all(True):
        attrs = [tag.get("id") or ""] + list(tag.get("class") or [])
        if any(_MAIN_ATTR.match(a) for a in attrs if a) and len(_CJK.findall(tag.get_text())) > 200:
            return tag
    best, best_n = soup.body or soup, 0
    for tag in soup.find_all(["div", "article", "section", "td"]):
        own = sum(len(_CJK.findall(p.get_text())) for p in tag.find_all("p", recursive=False))
        if own > best_n:
            best, best_n = tag, own
    return best if best_n > 200 else (soup.body or soup)
