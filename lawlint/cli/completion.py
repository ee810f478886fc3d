"""``lawlint completion bash|zsh``: a shell completion script for commands, each command's options,
rule ids (after ``explain``, ``--select`` and ``--ignore``) and file names; zsh runs the bash
function through ``bashcompinit``. The words are read from the parser and the rules when the script
is generated, so it is regenerated after an upgrade (see the README)."""
from __future__ import annotations

import argparse
import sys

from .exitcodes import EXIT_OK

SCRIPT = """\
# lawlint {shell} completion (lawlint completion {shell})
{prelude}_lawlint() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} cmd=${{COMP_WORDS[1]}} opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "{commands} -h --help --version" -- "$cur")); return
  fi
  case "$prev" in --select|--ignore) COMPREPLY=($(compgen -W "{rules}" -- "$cur")); return;; esac
  case "$cmd" in
{cases}
  esac
  if [ "$cmd" = explain ] && [[ $cur != -* ]]; then COMPREPLY=($(compgen -W "{rules}" -- "$cur")); return; fi
  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}}
complete -o filenames -F _lawlint lawlint
"""
ZSH_PRELUDE = "autoload -U +X bashcompinit && bashcompinit\n"


def cmd_completion(args) -> int:
    from ..rulepack.ruleset import load_rules
    from .parser import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    cases = "\n".join(f'    {name}) opts="{" ".join(o for a in p._actions for o in a.option_strings)}";;'
                      for name, p in sub.choices.items())
    ids = sorted({r.id for r in load_rules()} | {r.id.split(".")[0] for r in load_rules()})
    sys.stdout.write(SCRIPT.format(shell=args.shell, prelude=ZSH_PRELUDE if args.shell == "zsh" else "",
                                   commands=" ".join(sub.choices), rules=" ".join(ids), cases=cases))
    return EXIT_OK
