"""Exit codes: 0 passed; 1 findings at or above ``--fail-on`` or a score under ``--fail-under``;
2 a usage, configuration, rule or input error (``LawlintError.exit_code``)."""
from __future__ import annotations

from ..vocabulary import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def file_exit(r, config, exit_zero) -> int:
    """A file's own verdict under its configuration's fail_on / fail_under; baseline findings
    never fail. Load errors are 2 even with --exit-zero."""
    if r.error is not None:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    if config.fail_on != "never" and any(
            SEVERITY_RANK[d.severity] >= SEVERITY_RANK[config.fail_on] for d in r.diagnostics if not d.baseline):
        return EXIT_FINDINGS
    if config.fail_under is not None and r.score < config.fail_under:
        return EXIT_FINDINGS
    return EXIT_OK
