"""What an office's IT person sets when starting the server (see ``lawlint serve -h``)."""
from __future__ import annotations

import os
from ..plain import dataclass, field

from ..config import Config


@dataclass
class Settings:
    config: Config = field(default_factory=Config)   # the office's .lawlint.yaml and rule packs
    token: str | None = None          # required on every request when set
    max_files: int = 200              # files in one upload (a .zip counts its entries)
    max_upload_mb: float = 200        # one request's body, and a .zip's unpacked entries together
    keep_minutes: float = 60          # uploads and results are deleted this long after a check
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    # The server's process only: uploads that spill from memory go into the private folder
    # (Python's temporary-file directory is set there while the server runs).
    spool_private: bool = False

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_file_bytes(self) -> int:
        return self.config.max_bytes
