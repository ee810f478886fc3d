"""Where uploads and results live: one private temporary folder (mode 0700) for the whole server,
one folder per job inside it (``in`` for the uploads, ``out`` for the pages and copies), kept in
memory as :class:`Job` and deleted ``keep_minutes`` after the check (and all of it when the
server stops). The reports are unpublished government drafts: nothing is kept anywhere else."""
from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
import time
from ..plain import dataclass, field
from pathlib import Path

JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass
class Job:
    id: str
    kind: str                        # "single" (a drafter's report), "batch", "compare"
    folder: Path
    created: float = field(default_factory=time.time)
    total: int = 0
    done: int = 0
    state: str = "running"           # running | done | failed
    error: str | None = None         # why the whole job failed (a Chinese sentence)
    items: list = field(default_factory=list)      # work.check_file results, in upload order
    skipped: list = field(default_factory=list)    # (name, why) not checked
    outputs: dict = field(default_factory=dict)    # file name under out/ → what it is
    year: int | None = None          # the year chosen for a text that does not say it
    prev: str | None = None          # a drafter's previous check of the same report
    changes: dict | None = None

    def output(self, name: str) -> Path | None:
        """An output file the job made (only these are ever served)."""
        return self.folder / "out" / name if name in self.outputs else None


class Store:
    def __init__(self, keep_minutes: float):
        self.keep = keep_minutes * 60
        self.root = Path(tempfile.mkdtemp(prefix="lawlint-serve-"))     # 0700
        self.jobs: dict[str, Job] = {}

    def new(self, kind: str) -> Job:
        job_id = secrets.token_urlsafe(18)
        folder = self.root / job_id
        for sub in (folder, folder / "in", folder / "out"):
            sub.mkdir(mode=0o700)
        job = self.jobs[job_id] = Job(job_id, kind, folder)
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id) if JOB_ID.match(job_id or "") else None

    def drop(self, job: Job) -> None:
        self.jobs.pop(job.id, None)
        shutil.rmtree(job.folder, ignore_errors=True)

    def sweep(self, now: float | None = None) -> int:
        """Delete the jobs older than the keeping time (a running one waits for its end)."""
        now = time.time() if now is None else now
        old = [j for j in self.jobs.values() if j.state != "running" and now - j.created > self.keep]
        for job in old:
            self.drop(job)
        return len(old)

    def close(self) -> None:
        self.jobs.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    @staticmethod
    def private(path: Path) -> bool:
        return (os.stat(path).st_mode & 0o077) == 0
