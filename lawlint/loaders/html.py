"""Saved government web pages (.html/.htm): the report's text without the page chrome.

beautifulsoup4 with the standard library's parser (no compiled dependency) drops scripts,
styles, navigation, headers, footers, share widgets and breadcrumbs, then keeps the element that
holds the article (by the ids and classes government CMSs use, else the block with the most
Chinese text). Each block-level element becomes one line. 成文日期 / 发布日期 are read from the
whole page first, for the publication-deadline check.

Every step walks the tree once: the Chinese-character count of each element comes from one
bottom-up pass and the lines from one top-down pass, instead of ``get_text()`` per element and
markers inserted around each block (both re-read the element's subtree, so 10^5 nested or
unclosed ``<div>`` took minutes).
"""
from __future__ import annotations

import re

from ..chars import HAN_RE, is_blank, strip_blank
from ..errors import LoadError
from .source import Source
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


def load_html(data: bytes, *, path: str, encoding: str | None = None, limits=None) -> Source:
    raw, enc = decode(data, path, encoding)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    meta = {}
    page_text = soup.get_text(" ")
    for m in _DATES.finditer(page_text):
        key = "date_written" if m.group(1) == "成文日期" else "date_published"
        meta.setdefault(key, "%04d-%02d-%02d" % (int(m.group(2)), int(m.group(3)), int(m.group(4))))
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    # A tag inside one dropped already has lost its name. (Not ``tag.decomposed``: on a live tag
    # that reads a missing attribute, which bs4 turns into a search of the whole subtree.)
    for tag in soup(_DROP_TAGS):
        if tag.name:
            tag.decompose()
    # A tag is judged before anything inside it is dropped, so one count of the tree serves all.
    counts = _cjk_counts(soup)
    for tag in list(soup.find_all(True)):
        if not tag.name:
            continue
        attrs = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
        if attrs and _DROP_ATTR.search(attrs) and counts[id(tag)] < 400:
            tag.decompose()
    main = _main_element(soup, _cjk_counts(soup))
    lines = [" ".join(line.split()) for line in _block_text(main).split("\n")]
    lines = [line for line in lines if line]
    if lines and title and not any(title[:12] in line for line in lines[:3]):
        h1 = main.find(["h1", "h2"])
        if h1 is None and _CJK.search(title):
            lines.insert(0, strip_blank(re.split(r"[_\-|－—]{1,2}", title)[0]))
    text, newline = normalise("\n".join(lines))
    if is_blank(text):
        raise LoadError("网页中没有找到正文文字", path)
    return Source(text=text, path=path, kind="html", encoding=enc, meta=meta)


def _strings():
    from bs4 import CData, NavigableString
    return (NavigableString, CData)      # what get_text() reads: not comments, scripts, etc.


def _cjk_counts(root) -> dict:
    """id(tag) -> Chinese characters in its text, for every tag under ``root``, bottom-up."""
    from bs4 import Tag
    strings, counts = _strings(), {}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            counts[id(node)] = sum(counts[id(c)] if isinstance(c, Tag)
                                   else len(_CJK.findall(c)) if type(c) in strings else 0
                                   for c in node.contents)
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in node.contents if isinstance(c, Tag))
    return counts


def _block_text(root) -> str:
    """``root``'s text with a line break around every block element (and for each <br>)."""
    from bs4 import Tag
    strings, out, stack = _strings(), [], [root]
    while stack:
        node = stack.pop()
        if node is None:                  # the end of a block
            out.append("\n")
        elif isinstance(node, Tag):
            if node is not root and node.name in _BLOCKS:
                out.append("\n")
                stack.append(None)
            stack.extend(reversed(node.contents))
        elif type(node) in strings:
            out.append(node)
    return "".join(out)


def _main_element(soup, counts):
    for tag in soup.find_all(True):
        attrs = [tag.get("id") or ""] + list(tag.get("class") or [])
        if any(_MAIN_ATTR.match(a) for a in attrs if a) and counts[id(tag)] > 200:
            return tag
    best, best_n = soup.body or soup, 0
    for tag in soup.find_all(["div", "article", "section", "td"]):
        own = sum(counts[id(p)] for p in tag.contents if getattr(p, "name", None) == "p")
        if own > best_n:
            best, best_n = tag, own
    return best if best_n > 200 else (soup.body or soup)
