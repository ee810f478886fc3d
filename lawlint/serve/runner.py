"""Checking off the request thread: a process pool sized to the CPUs (``spawn``: the same on
Windows office PCs as on a Linux server). A job keeps at most ``workers`` of its files in the
pool at a time, so a large batch takes turns with a drafter's single report instead of queueing
it behind every file. A worker that dies (a hostile file, memory) fails only its own file: the
pool is replaced and the job goes on."""
from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..reporters._paths import page_name
from . import work

DIED = "检查进程意外退出（文件可能异常），未能检查这个文件"


class Runner:
    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self.pool = None

    def start(self, warm=None):
        """Start the pool; with a config, its workers start now and load the rules, so the first
        report is not kept waiting for them."""
        self.pool = ProcessPoolExecutor(max_workers=self.workers,
                                        mp_context=multiprocessing.get_context("spawn"))
        for _ in range(self.workers if warm is not None else 0):
            self.pool.submit(work.warm, warm)

    def stop(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def call(self, func, *args):
        pool = self.pool
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, func, *args)
        except BrokenProcessPool:
            if self.pool is pool:            # the first to notice replaces it
                pool.shutdown(wait=False, cancel_futures=True)
                self.start()
            raise

    async def check(self, job, names, config, year=None, fixes=False, back=None):
        """Check ``names`` (under the job's ``in`` folder) into ``job.items``, counting progress."""
        taken: set = {"index.html"}
        tasks = [{"folder": str(job.folder), "name": name, "index": i, "page": page_name(name, taken),
                  "config": config, "year": year, "fixes": fixes, "back": back}
                 for i, name in enumerate(names)]
        job.total = len(tasks)
        turn = asyncio.Semaphore(self.workers)

        async def one(task):
            async with turn:
                try:
                    item = await self.call(work.check_file, task)
                except BrokenProcessPool:
                    item = _failed(task, DIED)
                job.done += 1
                return item

        job.items = list(await asyncio.gather(*(one(t) for t in tasks)))
        for item in job.items:
            job.outputs[item["page"]] = "page"
            job.outputs.update({n: w for n, w in item["files"].items() if n.endswith((".docx", ".txt"))})

    async def batch(self, job, names, config, year=None):
        await self.check(job, names, config, year, back="index.html")
        job.outputs.update(await asyncio.to_thread(work.finish_batch, str(job.folder), job.items, config))

    async def compare(self, job, last, this, config):
        job.total = 1
        try:
            out = await self.call(work.compare_pair, {"folder": str(job.folder), "last": last, "this": this,
                                                      "config": config})
        except BrokenProcessPool:
            out = {"error": DIED}
        job.done = 1
        if out["error"]:
            raise JobFailed(out["error"])
        job.outputs[out["page"]] = "page"


class JobFailed(Exception):
    pass


def _failed(task, why) -> dict:
    """What check_file would have returned for a file it could not check."""
    from .. import reporters
    from .._version import __version__
    from ..reporters.csv_format import file_block
    from ..reporters.html import page
    from ..reporters.html_index import row
    from ..result import FileResult
    r = FileResult(path=task["name"], error=why)
    run = reporters.Run(ruleset=None, version=__version__)
    Path(task["folder"], "out", task["page"]).write_text(page(r, run, back=task["back"]), encoding="utf-8")
    return {"index": task["index"], "name": task["name"], "page": task["page"], "error": why,
            "row": row(r, task["page"]), "csv": file_block(r, None, task["index"]), "files": {}}
