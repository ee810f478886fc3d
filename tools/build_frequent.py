#!/usr/bin/env python3
"""Write rules/data/frequent.yaml: the characters most frequent in real reports, most frequent first,
counted over the crawled reports of tests/corpus/real (not the benchmark's seeds). The term scan
(lawlint.checks.termscan) looks for each word by its least frequent character; the list only makes
that scan faster or slower, never its answer different.

    python tools/build_frequent.py            # write the file
    python tools/build_frequent.py --check    # exit 1 if the file differs from a fresh build
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MOST = 600          # characters listed (past ≈400 the scan's candidates no longer fall)
HEAD = """\
# The characters most frequent in real reports, most frequent first (Chinese characters and 《》,
# counted over tests/corpus/real by tools/build_frequent.py; rerun it after changing that corpus).
# The term scan (lawlint.checks.termscan) finds each term rule's word by its least frequent
# character: a text is tried at far fewer places than by each word's first character. Only the
# speed of that scan depends on this list, never which words it finds.
"""


def build() -> str:
    count = Counter(ch for path in sorted((ROOT / "tests" / "corpus" / "real").glob("*.txt"))
                    for ch in path.read_text(encoding="utf-8")
                    if "\u4e00" <= ch <= "\u9fff" or ch in "《》")
    chars = "".join(sorted(count, key=lambda ch: (-count[ch], ch))[:MOST])
    lines = [chars[i:i + 60] for i in range(0, len(chars), 60)]
    return HEAD + "characters: >-\n" + "".join(f"  {line}\n" for line in lines)


def main(argv) -> int:
    path = ROOT / "rules" / "data" / "frequent.yaml"
    text = build()
    if "--check" in argv:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print("rules/data/frequent.yaml is stale: run python tools/build_frequent.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"rules/data/frequent.yaml: {len(text)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
