"""``lawlint compare``: last year's report against this year's."""
from __future__ import annotations

from ..errors import one_line

import sys

from .._version import __version__
from .common import write_output
from .exitcodes import EXIT_ERROR, EXIT_OK


def cmd_compare(args) -> int:
    import importlib

    from ..compare import compare_paths
    from ..config.load import resolve

    cli = {"encoding": args.encoding}
    run = compare_paths(args.last, args.this, lambda path: resolve(path, cli, args.config)[0])
    for e in run.errors:
        print("lawlint: " + one_line(e['error']), file=sys.stderr)

    def render(fmt):
        return importlib.import_module(f"..reporters.compare_{fmt}", __package__).render(run, __version__)

    if args.output:
        write_output(args.output, render(args.format))
        print(f"lawlint: 已把 {args.format} 格式的对比结果写入 {args.output}", file=sys.stderr)
    if not args.output or args.format != "text":
        sys.stdout.write(render("text" if args.output else args.format))
    return EXIT_ERROR if run.errors else EXIT_OK
