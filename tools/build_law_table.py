#!/usr/bin/env python3
"""Build ``rules/data/laws.json``, the table of national laws and administrative regulations that
``citation.title`` and the ``law_status`` rules look titles up in.

Source: the LawRefBook/Laws repository (https://github.com/LawRefBook/Laws), drawn from the
national law database (flk.npc.gov.cn). Its ``db.sqlite3`` (table ``law``: name, level, publish,
valid_from, expired; one row per version) lists the titles and versions; each text's Markdown
header (``# 中华人民共和国行政处罚法`` then dated lines: 通过, 公布, 修正, 修订, 施行) gives the
full title and the history. What the source lacks (laws it dropped when they were repealed, later
revisions, renamed regulations, the Party and State Council rules reports cite) is kept by hand in
``rules/data/laws_curated.yaml``, which lawlint reads beside the generated table.

Usage (maintainers)::

    # the source: a git mirror (bare or not) or a plain checkout of LawRefBook/Laws
    python tools/build_law_table.py SOURCE [--out rules/data/laws.json]
    # after editing rules/data/laws_curated.yaml: only the stored form, from the data files
    python tools/build_law_table.py --index

It prints the coverage (titles per level, the source's commit and date); the README states it.
Only the levels reports cite are kept (宪法, 法律, 行政法规, 部门规章); judicial interpretations,
cases and local regulations are left out. Nothing here runs at lint time.

Both ways end by writing ``rules/data/laws-index.txt``, the merged table in the stored form lawlint
looks titles up in (:mod:`lawlint.checks.lawindex`); ``tests/test_law_table.py`` fails while it is
not what the data files give.
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ("宪法", "法律", "行政法规", "部门规章")
_DATED = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$")
_PREFIX = "中华人民共和国"


class Source:
    """Read files of the source: from a git directory (``git show HEAD:path``) or a folder."""

    def __init__(self, root: Path):
        self.root = root
        self.git = (root / "HEAD").is_file() or (root / ".git").exists()
        self.gitdir = root if (root / "HEAD").is_file() else root / ".git"
        self.git = self.git and not (root / "db.sqlite3").is_file()

    def _git(self, *args, data=False):
        out = subprocess.run(["git", "--git-dir", str(self.gitdir), "-c", "core.quotepath=off", *args],
                             check=True, capture_output=True).stdout
        return out if data else out.decode("utf-8")

    def paths(self) -> list[str]:
        if self.git:
            return self._git("ls-tree", "-r", "--name-only", "HEAD").splitlines()
        return [str(p.relative_to(self.root)) for p in self.root.rglob("*.md")]

    def read(self, path: str) -> bytes:
        return self._git("show", f"HEAD:{path}", data=True) if self.git else (self.root / path).read_bytes()

    def stamp(self) -> dict:
        if not self.git:
            return {"commit": None, "date": None}
        commit, date = self._git("log", "-1", "--format=%H %cs", "HEAD").split()
        return {"commit": commit, "date": date}


def _iso(y, m, d) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def parse_header(text: str) -> dict:
    """Full title and dated events of one law's Markdown header."""
    title, events = None, []
    for line in text.splitlines():
        line = line.strip().replace("\u3000", " ")
        if line.startswith("<!-- INFO END"):
            break
        if line.startswith("# ") and title is None:
            title = line[2:].strip()
            continue
        m = _DATED.match(line)
        if m:
            events.append((_iso(*m.group(1, 2, 3)), m.group(4)))
    return {"title": title, "events": events}


def _kind(words: str) -> str | None:
    for k in ("修订", "修正", "修改", "通过", "公布", "施行"):
        if k in words:
            return {"修改": "修正"}.get(k, k)
    return None


def build(rows, headers) -> list[dict]:
    """One entry per title from the sqlite rows (name, level, publish, valid_from, expired) and
    the parsed headers keyed by (name, publish)."""
    by_name: dict[str, list] = {}
    for row in rows:
        by_name.setdefault(row[0], []).append(row)
    out = []
    for name, versions in sorted(by_name.items()):
        versions.sort(key=lambda r: r[2] or "")
        level = versions[-1][1]
        head = next((headers[(name, v[2])] for v in reversed(versions) if (name, v[2]) in headers),
                    {"title": None, "events": []})
        title = head["title"] or (_PREFIX + name if level == "法律" else name)
        effective_by_publish = {v[2]: v[3] for v in versions if v[2] and v[3]}
        events = head["events"]
        enacted = [d for d, w in events if _kind(w) in ("通过", "公布")]
        first = min(enacted) if enacted else (versions[0][2] or None)
        revisions = {d for d, w in events if _kind(w) in ("修正", "修订")}
        revisions |= {v[2] for v in versions if v[2]}
        revisions = sorted(d for d in revisions - set(enacted) if first is None or d > first)
        in_force = [d for d, w in events if _kind(w) == "施行"]
        entry = {"title": title, "level": level, "published": first,
                 "effective": in_force[0] if in_force and (not revisions or in_force[0] < revisions[0])
                 else effective_by_publish.get(first)}
        if revisions:
            entry["revisions"] = [dict({"date": d}, **({"effective": effective_by_publish[d]}
                                                      if d in effective_by_publish else {}))
                                  for d in revisions]
        if title.startswith(_PREFIX) or title != name:
            entry["short"] = [name] if name != title else [title.removeprefix(_PREFIX)]
        if all(v[4] for v in versions):
            entry["expired"] = True          # repealed, date unknown to the source
        out.append({k: v for k, v in entry.items() if v is not None})
    return out


def read_source(src: Source):
    paths = src.paths()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.sqlite3"
        db.write_bytes(src.read("db.sqlite3"))
        con = sqlite3.connect(db)
        rows = con.execute("SELECT name, level, publish, valid_from, expired FROM law WHERE level IN (%s)"
                           % ",".join("?" * len(LEVELS)), LEVELS).fetchall()
        con.close()
    stems = {}
    for p in paths:
        if p.endswith(".md") and not p.startswith("DLC/"):
            stems.setdefault(Path(p).stem, p)
    headers = {}
    for name, _level, publish, _vf, _exp in rows:
        path = stems.get(f"{name}({publish})") or stems.get(name)
        if path:
            headers[(name, publish)] = parse_header(src.read(path).decode("utf-8", "replace"))
    return rows, headers


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, nargs="?", help="LawRefBook/Laws 的 git 目录或检出目录")
    ap.add_argument("--out", type=Path, default=ROOT / "rules/data/laws.json")
    ap.add_argument("--index", action="store_true", help="只由数据文件重写 rules/data/laws-index.txt")
    args = ap.parse_args(argv)
    if args.index or args.source is None:
        if args.source is not None or not args.index:
            ap.error("给出 SOURCE，或只用 --index")
        return write_index()
    src = Source(args.source)
    rows, headers = read_source(src)
    laws = build(rows, headers)
    stamp = src.stamp()
    data = {"source": {"name": "LawRefBook/Laws", "url": "https://github.com/LawRefBook/Laws", **stamp,
                       "levels": list(LEVELS)},
            "laws": laws}
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
                        encoding="utf-8")
    levels = Counter(e["level"] for e in laws)
    print(f"{len(laws)} titles from LawRefBook/Laws {stamp['commit'] or ''} ({stamp['date'] or 'undated'}): "
          + ", ".join(f"{k} {levels[k]}" for k in LEVELS if levels[k])
          + f"; {sum('revisions' in e for e in laws)} with revisions, {sum('expired' in e for e in laws)} repealed; "
          f"{len(headers)} headers read -> {args.out}")
    return write_index() if args.out.resolve() == (ROOT / "rules/data/laws.json").resolve() else 0


def write_index() -> int:
    """Write rules/data/laws-index.txt from the data files (the merge lawlint makes)."""
    sys.path.insert(0, str(ROOT))
    from lawlint.checks import lawtable
    out = ROOT / "rules" / "data" / lawtable.INDEX
    data = lawtable.build_index()
    out.write_bytes(data)
    print(f"{len(data)} bytes -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
