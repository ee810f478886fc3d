"""Output formats. Each is one small module with ``render(results, run) -> str`` (text) that only
formats what the engine found; a new format is one module and one line in ``FORMATS``.
"""
from __future__ import annotations

import re
from ..plain import dataclass, field

FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
    "csv": "csv_format",
    "docx": "docx",
}


@dataclass
class Run:
    """What a reporter may need besides the per-file results."""

    ruleset: object
    version: str
    color: bool = False
    width: int | None = None
    options: dict = field(default_factory=dict)


JSON_FORMATS = ("json", "sarif", "gitlab")
_LONE = "[\ud800-\udfff]"      # a file name's bytes that are not UTF-8 (surrogateescape)


def clean(text: str, fmt: str) -> str:
    """Output that is valid UTF-8 whatever the file names: in a JSON format a name's undecodable
    byte becomes the escape ``\\udcXX`` (read back, it is the same path: ``os.fsencode`` gives the
    byte again); elsewhere it is shown as ``\\xXX``."""
    try:
        text.encode("utf-8")    # fails exactly on a surrogate; 2.5x faster than _LONE.search on CJK text
        return text
    except UnicodeEncodeError:
        pass
    if fmt in JSON_FORMATS:     # (compiled only here: most runs never get this far)
        return re.sub(_LONE, lambda m: f"\\u{ord(m.group()):04x}", text)
    from ..errors import show_path
    return re.sub(_LONE, lambda m: show_path(m.group()), text)


def names():
    return list(FORMATS)


def get(name):
    if name not in FORMATS:
        raise KeyError(name)
    return __import__(f"{__name__}.{FORMATS[name]}", fromlist=["render"])    # (no importlib to import)


class Summary:
    """Totals over a run, added to one result at a time (so a batch can stream)."""

    def __init__(self):
        self.files = self.errors = self.warnings = self.infos = self.failed = 0
        self._scores = []

    def add(self, r):
        self.files += 1
        if r.error is not None:
            self.failed += 1
            return
        self.errors += r.count("error")
        self.warnings += r.count("warning")
        self.infos += r.count("info")
        if r.score is not None:
            self._scores.append(r.score)

    def as_dict(self) -> dict:
        mean = round(sum(self._scores) / len(self._scores), 1) if self._scores else None
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings,
                "infos": self.infos, "mean_score": mean, "failed_files": self.failed}


def summary(results) -> dict:
    s = Summary()
    for r in results:
        s.add(r)
    return s.as_dict()


def stream(fmt, results, run, write) -> None:
    """Write a format for an iterable of results. Formats with ``begin/file_block/end`` write
    each file as it arrives (constant memory over a batch); the others render the whole list."""
    mod = get(fmt)
    if not hasattr(mod, "file_block"):
        write(clean(mod.render(list(results), run), fmt))
        return
    _blocks(mod, results, run, lambda text: write(clean(text, fmt)))


def render_blocks(mod, results, run) -> str:
    """``render`` for a streaming format: the same blocks, joined."""
    out: list[str] = []
    _blocks(mod, results, run, out.append)
    return "".join(out)


def _blocks(mod, results, run, write) -> None:
    totals = Summary()
    write(mod.begin(run))
    for i, r in enumerate(results):
        totals.add(r)
        write(mod.file_block(r, run, i))
    write(mod.end(totals, run))
