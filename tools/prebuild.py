#!/usr/bin/env python3
"""Write what lawlint.rulepack.prebuilt ships: rules/prebuilt.jsonl (the built-in rule packs validated, the
built-in data files parsed) and rules/regex-py3XY.bin (the compiled code of every built-in rule
regex, for the Python running this). Run it after editing a built-in YAML file or a module that
produces these entries (cache.PRODUCERS); tests/test_prebuilt.py fails until then.

    python tools/prebuild.py            # write the files
    python tools/prebuild.py --check    # exit 1 if a file differs from a fresh build
"""
import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEARS = range(2010, 2041)       # report years whose {year} patterns are compiled in advance


def build() -> dict:
    """file name -> contents, built from nothing: no cache read, no shipped entry used."""
    os.environ["LAWLINT_NO_CACHE"] = "1"
    sys.path.insert(0, str(ROOT))
    from lawlint.rulepack import cache, prebuilt, regexcache, regexstore, resources
    from lawlint.cli import main
    from lawlint.checks.spec import patterns
    from lawlint.rulepack.ruleset import NOT_PACKS, load_rules

    prebuilt.disabled = True
    cache.recorded = []
    rules = load_rules()                              # every built-in pack, validated
    folder = resources.rules_dir()
    for path in sorted((folder / "data").glob("*.yaml")) + [folder / p for p in sorted(NOT_PACKS)]:
        resources.load_builtin_yaml(path)
    jsonl = prebuilt.dumps(cache.recorded)
    for rule in rules:                                # year-bound patterns, compiled and read
        for year in YEARS:
            regexcache.force(list(patterns(rule.bound(year))))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:                                          # what parsing, the checks and the CLI compile
            main(["check", "--jobs", "1", "--format", "json", *map(str, sorted((ROOT / "seeds").glob("*.txt")))])
        except SystemExit:
            pass
    table = dict(sorted(regexcache._load().items(), key=lambda kv: (kv[0][0], str(kv[0][1]))))
    key = cache.digest("regex", regexcache._cache_key())
    return {prebuilt.NAME: jsonl.encode("utf-8"),
            prebuilt.regex_name(): prebuilt.regex_file(key, regexstore.encode(table))}


def main(argv) -> int:
    files = build()
    from lawlint.rulepack import prebuilt, resources
    folder = resources.rules_dir()
    stale = [n for n, data in files.items()
             if not (folder / n).exists() or (folder / n).read_bytes() != data]
    if "--check" in argv and not (folder / prebuilt.regex_name()).exists():
        stale.remove(prebuilt.regex_name())   # no table shipped for this Python: nothing to compare
    if "--check" in argv:
        for name in stale:
            print(f"rules/{name} is stale: run python tools/prebuild.py", file=sys.stderr)
        return 1 if stale else 0
    for name, data in files.items():
        (folder / name).write_bytes(data)
        print(f"rules/{name}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
