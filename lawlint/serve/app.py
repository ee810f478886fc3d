"""The Starlette application: the routes, the access token, the request-size bound, and every
error as a Chinese page (never a traceback).

Routes: ``GET /`` the forms; ``POST /check`` one report (a file or pasted text; ``prev`` names
the previous check of it); ``POST /batch`` many files or .zip archives; ``POST /compare`` two
years; ``GET /job/{id}`` progress, then the result; ``GET /job/{id}/status`` progress as JSON;
``GET /job/{id}/out/{name}`` the pages and downloads a job made (only those)."""
from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

from ..chars import strip_blank
from . import pages
from .changes import diff
from .guard import Guard, TooLarge
from .runner import JobFailed, Runner
from .settings import Settings
from .store import Store
from .uploads import CHUNK, Inbox, Refused, safe_name

MEDIA = {".html": "text/html; charset=utf-8", ".csv": "text/csv; charset=utf-8", ".zip": "application/zip",
         ".txt": "text/plain; charset=utf-8",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    state: dict = {"tasks": set()}

    @contextlib.asynccontextmanager
    async def lifespan(app):
        state["store"], state["runner"] = Store(settings.keep_minutes), Runner(settings.workers)
        state["runner"].start(warm=settings.config)
        sweeper = asyncio.create_task(_sweep(state["store"]))
        spool = tempfile.tempdir
        if settings.spool_private:
            tempfile.tempdir = str(state["store"].root / "uploads")
            os.mkdir(tempfile.tempdir, 0o700)
        try:
            yield
        finally:
            tempfile.tempdir = spool
            sweeper.cancel()
            for t in list(state["tasks"]):
                t.cancel()
            await asyncio.to_thread(state["runner"].stop)
            state["store"].close()

    def start(job, coro, after=None):
        async def run():
            try:
                await coro
                if after:
                    after()
                job.state = "done"
            except JobFailed as e:
                job.state, job.error = "failed", str(e)
            except Exception:                       # noqa: BLE001 - shown as a sentence, never a traceback
                job.state, job.error = "failed", "检查时发生内部错误，请重试；如仍出错请联系管理员"
        task = asyncio.create_task(run())
        state["tasks"].add(task)
        task.add_done_callback(state["tasks"].discard)

    async def home(request):
        return HTMLResponse(pages.home(settings))

    async def check(request):
        store = state["store"]
        form = await _form(request, settings)
        job = store.new("single")
        inbox = _inbox(job, settings)
        upload = form.get("file")
        text = strip_blank(form.get("text") or "") if isinstance(form.get("text"), str) else ""
        with _or_drop(store, job):
            if _is_file(upload) and safe_name(upload.filename).lower().endswith(".zip"):
                raise Refused("这里检查一份报告；多份报告或 .zip 压缩包请用“批量检查”")
            if _is_file(upload):
                await _save(inbox, upload)
            elif text:
                inbox.add("粘贴的文本.txt", [text.encode("utf-8")])
            else:
                raise Refused("请选择一份报告文件，或粘贴报告全文")
            if not inbox.names:
                why = _reasons(inbox)
                raise Refused(why, 413 if "过大" in why else 415)
        prev = store.get(str(form.get("prev") or ""))
        job.prev, job.year = (str(form.get("prev")) if form.get("prev") else None), _year(form)

        def changes():
            """Against the previous check: {} when that cannot be compared (None: it is gone)."""
            if prev is not None:
                ok = prev.kind == "single" and prev.state == "done" and not prev.items[0]["error"]
                job.changes = diff(prev.items[0], job.items[0]) if ok and not job.items[0]["error"] else {}
        start(job, state["runner"].check(job, inbox.names, settings.config, job.year, fixes=True), changes)
        return RedirectResponse(f"/job/{job.id}", status_code=303)

    async def batch(request):
        store = state["store"]
        form = await _form(request, settings)
        uploads = [u for u in form.getlist("files") if _is_file(u)]
        if not uploads:
            raise Refused("请选择要检查的报告文件或 .zip 压缩包")
        job = store.new("batch")
        inbox = _inbox(job, settings)
        with _or_drop(store, job):
            for u in uploads:
                await _save(inbox, u)
            if not inbox.names:
                raise Refused("没有可检查的报告：" + _reasons(inbox))
        job.skipped = inbox.skipped
        start(job, state["runner"].batch(job, inbox.names, settings.config, _year(form)))
        return RedirectResponse(f"/job/{job.id}", status_code=303)

    async def compare(request):
        """Two reports, or two .zip archives of a unit's reports paired by issuer."""
        store = state["store"]
        form = await _form(request, settings)
        last, this = form.get("last"), form.get("this")
        if not (_is_file(last) and _is_file(this)):
            raise Refused("请分别选择去年和今年的报告文件")
        zips = [safe_name(u.filename).lower().endswith(".zip") for u in (last, this)]
        if zips[0] != zips[1]:
            raise Refused("去年和今年应同为单份报告，或同为各单位报告的 .zip 压缩包")
        job = store.new("compare")
        names = []
        for side, u in (("去年", last), ("今年", this)):
            inbox = _inbox(job, settings, sub=side)
            with _or_drop(store, job):
                await _save(inbox, u)
                if not inbox.names:
                    raise Refused(_reasons(inbox) or f"“{u.filename}”中没有可对比的报告")
            names.append(side if zips[0] else f"{side}/{inbox.names[0]}")
        start(job, state["runner"].compare(job, names[0], names[1], settings.config))
        return RedirectResponse(f"/job/{job.id}", status_code=303)

    def _job(request):
        job = state["store"].get(request.path_params["job"])
        if job is None:
            raise HTTPException(404)
        return job

    async def job_page(request):
        job = _job(request)
        if job.state == "running":
            return HTMLResponse(pages.progress(job))
        if job.state == "failed":
            return HTMLResponse(pages.error(job.error), status_code=422)
        if job.kind == "batch":
            return HTMLResponse(pages.batch(job))
        name = job.items[0]["page"] if job.kind == "single" else "compare.html"
        html = (job.folder / "out" / name).read_text(encoding="utf-8")
        bar = pages.single_bar(job) if job.kind == "single" else pages.compare_bar(job)
        return HTMLResponse(pages.with_bar(html, bar))

    async def status(request):
        job = _job(request)
        return JSONResponse({"state": job.state, "done": job.done, "total": job.total, "error": job.error})

    async def output(request):
        job = _job(request)
        name = request.path_params["name"]
        path = job.output(name)
        if path is None or not path.is_file():
            raise HTTPException(404)
        suffix = path.suffix.lower()
        if suffix == ".html":
            return HTMLResponse(path.read_text(encoding="utf-8"))
        return FileResponse(path, media_type=MEDIA.get(suffix), filename=name)

    routes = [Route("/", home), Route("/check", check, methods=["POST"]), Route("/batch", batch, methods=["POST"]),
              Route("/compare", compare, methods=["POST"]), Route("/job/{job}", job_page),
              Route("/job/{job}/status", status), Route("/job/{job}/out/{name:path}", output)]
    handlers = {Refused: _refused, HTTPException: _http_error, Exception: _internal}
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    app.state.server = state
    return Guard(app, settings)


def _year(form):
    value = str(form.get("year") or "")
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else None


def _is_file(value) -> bool:
    return hasattr(value, "filename") and bool(value.filename)


@contextlib.contextmanager
def _or_drop(store, job):
    """A refused upload leaves nothing behind: the job and its folder are dropped."""
    try:
        yield
    except Refused:
        store.drop(job)
        raise


def _reasons(inbox: Inbox) -> str:
    """Why each skipped upload was not taken, in one line."""
    return "；".join(f"{n}：{why}" for n, why in inbox.skipped)


def _inbox(job, settings, sub=None) -> Inbox:
    folder = job.folder / "in" / sub if sub else job.folder / "in"
    folder.mkdir(exist_ok=True, mode=0o700)
    return Inbox(folder, settings.max_files, settings.max_file_bytes, settings.max_upload_bytes)


async def _save(inbox: Inbox, upload) -> None:
    """One uploaded file (a .zip is unpacked) into the job's folder, off the event loop."""
    name = safe_name(upload.filename)
    upload.file.seek(0)
    if name.lower().endswith(".zip"):
        await asyncio.to_thread(inbox.add_zip, name, upload.file)
    else:
        await asyncio.to_thread(inbox.add, name, iter(lambda: upload.file.read(CHUNK), b""), upload.size)


async def _form(request: Request, settings: Settings):
    try:
        return await request.form(max_files=settings.max_files + 2, max_fields=50,
                                  max_part_size=settings.max_file_bytes)
    except TooLarge:
        raise Refused(f"上传的内容超过 {settings.max_upload_mb:g} MB，已拒绝；请分批上传", 413) from None
    except (MultiPartException, HTTPException) as e:       # Starlette turns the first into the second
        why = getattr(e, "message", None) or getattr(e, "detail", "")
        if "maximum size" in why:
            raise Refused(f"粘贴的文字过多（超过 {settings.config.max_file_mb:g} MB），"
                          "可用配置项 max_file_mb 调整", 413) from None
        if "Too many files" in why:
            raise Refused(f"文件过多：一次最多上传 {settings.max_files} 份报告", 413) from None
        raise Refused(f"上传的表单无法读取（{why}）") from None


async def _sweep(store: Store):
    while True:
        await asyncio.sleep(30)
        store.sweep()


async def _refused(request, exc: Refused):
    return HTMLResponse(pages.error(exc.message), status_code=exc.status)


async def _http_error(request, exc: HTTPException):
    if exc.status_code == 404:
        return HTMLResponse(pages.error("页面不存在，或检查结果已过期删除（结果只保留一段时间）"), status_code=404)
    if exc.status_code == 405:
        return HTMLResponse(pages.error("不支持这种请求方式，请从首页上传报告"), status_code=405)
    return HTMLResponse(pages.error(f"请求无法处理（{exc.status_code}）"), status_code=exc.status_code)


async def _internal(request, exc):
    return HTMLResponse(pages.error("服务器内部错误，请重试；如仍出错请联系管理员"), status_code=500)
