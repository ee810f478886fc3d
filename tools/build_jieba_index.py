#!/usr/bin/env python3
"""Write rules/data/jieba-index.json, which lets lawlint.parse.dictcut segment a sentence by reading
only the lines of the installed jieba's dict.txt that start with the sentence's characters: the
byte offset of each run of lines sharing a first character (in file order; little-endian 32-bit
integers in base64, which a first run decodes far faster than a JSON list), the total frequency
(each word counted once, its last line winning, as jieba-rs loads it) and the file's size and
CRC-32 (another file: dictcut is not used, rjieba is).

Refuses a dict.txt whose lines are not all ``word freq[ tag]`` with single spaces, or that gives a
word two frequencies: dictcut's lookups assume both.

    python tools/build_jieba_index.py            # write the file
    python tools/build_jieba_index.py --check    # exit 1 if it differs from a fresh build
"""
import base64
import json
import re
import sys
from array import array
from itertools import accumulate
import zlib
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "data" / "jieba-index.json"
_LINE = re.compile(r"(\S+) (\d+)(?: \S+)?")


def dict_path() -> Path:
    return Path(find_spec("jieba").origin).parent / "dict.txt"


def build(data: bytes) -> bytes:
    if not data.endswith(b"\n"):
        raise SystemExit("dict.txt does not end with a newline")
    freqs: dict = {}
    chars, lengths = [], []
    for line in data.decode("utf-8").split("\n")[:-1]:
        m = _LINE.fullmatch(line)
        if not m:
            raise SystemExit(f"dict.txt: a line not of the form 'word freq tag': {line!r}")
        word, freq = m.group(1), int(m.group(2))
        if freqs.setdefault(word, freq) != freq:
            raise SystemExit(f"dict.txt gives {word} two frequencies")
        size = len(line.encode("utf-8")) + 1
        if chars and chars[-1] == word[0]:
            lengths[-1] += size
        else:
            chars.append(word[0])
            lengths.append(size)
    offsets = array("I", accumulate(lengths, initial=0))   # group i: bytes offsets[i]:offsets[i + 1]
    if sys.byteorder != "little":
        offsets.byteswap()
    index = {"size": len(data), "crc32": zlib.crc32(data), "total": sum(freqs.values()),
             "chars": "".join(chars), "offsets": base64.b64encode(offsets.tobytes()).decode("ascii")}
    return (json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def main(argv) -> int:
    fresh = build(dict_path().read_bytes())
    if "--check" in argv:
        if not OUT.exists() or OUT.read_bytes() != fresh:
            print(f"{OUT.relative_to(ROOT)} is stale: run python tools/build_jieba_index.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_bytes(fresh)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
