"""Run configuration: which rules, which severities, what fails the run.

The command line builds one Config; configuration files (``.lawlint.yaml``, read by
:mod:`lawlint.config.load`) feed the same object; ``lawlint config``/``init`` are :mod:`lawlint.cli.config`.
"""
from __future__ import annotations

from ..plain import dataclass, field

from ..vocabulary import FAIL_ON  # noqa: F401 - part of this module's interface


@dataclass
class Config:
    rule_packs: list = field(default_factory=list)
    select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    severity: dict = field(default_factory=dict)     # rule id -> severity override
    fail_on: str = "error"
    fail_under: float | None = None
    year: int | None = None
    max_file_mb: float = 20                          # a file, or standard input
    max_chars: int = 1_000_000                       # characters of text one report may yield
    max_docx_mb: float = 20                          # a .docx's XML after unpacking
    max_pdf_pages: int = 300
    encoding: str | None = None
    deadline: str | None = None                      # publication deadline in the following year
                                                     # (None: by role and province, rules/profile.yaml)
    rule_time_limit: float = 10                      # seconds one rule may run on one report
    max_findings_per_rule: int = 10_000              # listed one by one per rule and report; the
                                                     # rest folded into one finding (0: no limit)
    previous: tuple = ()                             # last year's reports (--previous): files

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def limits(self):
        from ..loaders import MB, Limits
        return Limits(max_bytes=self.max_bytes, max_chars=self.max_chars,
                      max_unpacked=int(self.max_docx_mb * MB), max_pages=self.max_pdf_pages)

    def options(self) -> dict:
        return {"deadline": self.deadline, "rule_time_limit": self.rule_time_limit,
                "previous": self.previous, "max_findings_per_rule": self.max_findings_per_rule}
