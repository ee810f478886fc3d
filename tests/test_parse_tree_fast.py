"""The heading tree built in one pass with the families kept beside the stack (parse/headings.
build_tree) is the tree the plain build gives: the same levels, parents, children (in order) and
ends, on generated heading sequences (numbered, unnumbered, Markdown and Word styles) and on
every corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.model import Block, Heading
from lawlint.numbering import Token
from lawlint.parse import headings as H
from lawlint.parse.headings import _HOLE_LOOKAHEAD, _fills_hole

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(set(sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests").glob("corpus/**/*.txt"))
                   + sorted((ROOT / "tests").glob("corpus/**/*.md")) + sorted((ROOT / "tests").glob("fixtures/**/*.txt"))))


def _plain_build_tree(headings: list[Heading], text_end: int):
    """Assign levels and parents.

    Numbered headings: a family already on the stack closes everything below it (a sibling);
    a new family opens a child level. Markdown ``#`` levels, when present, win. An unnumbered
    heading stands in the level its neighbours imply: if the next numbered heading starts a new
    list (value 1) it is that list's parent, otherwise it is the next heading's sibling.
    """
    stack: list[tuple[str, Heading]] = []
    # The next numbered heading after each position, found in one backward pass (a forward scan
    # from every unnumbered heading made a long run of them quadratic).
    next_numbered: list = [None] * len(headings)
    upcoming = None
    for i in range(len(headings) - 1, -1, -1):
        next_numbered[i] = upcoming
        if headings[i].token is not None:
            upcoming = headings[i]
    for i, h in enumerate(headings):
        if h.hint_level and h.token is None:
            # A heading known only by its style (Markdown #, Word 标题 N): it closes every
            # numbered list below it and every styled heading at its depth or deeper.
            depth = h.hint_level
            while stack and not (stack[-1][0].startswith("#") and int(stack[-1][0][1:]) < depth):
                stack.pop()
            h.parent = stack[-1][1] if stack else None
            stack.append((f"#{depth}", h))
            h.level = len(stack)
            continue
        family = h.style
        if h.token is None:
            nxt = next_numbered[i]
            fams = [f for f, _ in stack]
            hole = _fills_hole(headings[i + 1:i + 1 + _HOLE_LOOKAHEAD], stack)
            if hole is not None:
                family = hole
            elif nxt is not None and nxt.style in fams:
                idx = fams.index(nxt.style)
                if nxt.value == 1 and idx > 0:
                    idx -= 1
                family = fams[idx]
            elif nxt is not None and nxt.value == 1 and stack:
                family = fams[-1] if len(fams) == 1 else fams[-1]
                family = f"none@{len(stack) + 1}"
            elif stack:
                family = fams[-1]
            else:
                family = "none@1"
        fams = [f for f, _ in stack]
        if family in fams:
            del stack[fams.index(family):]
        h.parent = stack[-1][1] if stack else None
        stack.append((family, h))
        h.level = len(stack)
    for h in headings:
        if h.parent is not None:
            h.parent.children.append(h)
    # Each heading's part ends where the next heading at the same or a higher level starts
    # (one pass with a stack of the still-open headings, levels increasing).
    open_: list[Heading] = []
    for n in headings:
        while open_ and open_[-1].level >= n.level:
            open_.pop().end = n.start
        open_.append(n)
    for h in open_:
        h.end = text_end


def _shape(headings):
    at = {id(h): i for i, h in enumerate(headings)}
    return [(h.level, at.get(id(h.parent)), [at[id(c)] for c in h.children], h.end) for h in headings]


def _made(spec):
    out = []
    for k, (family, value, hint) in enumerate(spec):
        block = Block(k, k * 10, k * 10 + 5, "x")
        token = None if family == "none" else Token(family, value, "t", "、", "", 2)
        out.append(Heading(block, token, "t", block.start, block.end, False, "none" if token is None else family,
                           hint_level=hint))
    return out


_FAMILY = st.sampled_from(["cn", "cn_paren", "ar", "ar_paren", "circled", "none"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_FAMILY, st.integers(1, 4), st.sampled_from([None, None, None, 1, 2, 3])), max_size=30))
def test_the_tree_is_the_plain_tree_of_generated_headings(spec):
    fast, plain = _made(spec), _made(spec)
    H.build_tree(fast, 1000)
    _plain_build_tree(plain, 1000)
    assert _shape(fast) == _shape(plain)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_tree_is_the_plain_tree_on_every_corpus(path):
    from lawlint.parse.document import parse
    text, newline = normalise(path.read_text(encoding="utf-8", errors="replace"))
    kind = "md" if path.suffix == ".md" else "txt"
    doc = parse(Source(text=text, path="x." + kind, kind=kind, newline=newline))
    fast = _shape(doc.headings)
    for h in doc.headings:
        h.level, h.parent, h.children, h.end = 0, None, [], 0
    _plain_build_tree(doc.headings, len(doc.text))
    assert fast == _shape(doc.headings)
