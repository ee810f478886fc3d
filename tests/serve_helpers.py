"""Shared by the ``lawlint serve`` tests: small reports of our own, .docx and .zip builders, a
bounded wait for a job, and a real server on 127.0.0.1 that stops by itself."""
import contextlib
import io
import os
import socket
import subprocess
import sys
import time
import zipfile

from helpers import ROOT

# A township report that does not say its year, with a half-width comma (fixable) and a
# duplicated word; the second version has both corrected.
TOWN_V1 = ("青石镇人民政府关于法治政府建设情况的报告\n\n一、主要举措和成效\n"
           "镇政府认真审核申报材料材料,确保真实准确。全面推行行政执法公示制度。\n"
           "二、存在的不足和原因\n基层执法力量薄弱,法治培训覆盖面不够。\n"
           "三、下一步工作安排\n继续加强执法队伍建设。\n")
TOWN_V2 = TOWN_V1.replace("材料材料", "材料").replace(",", "，")


def docx_bytes(text: str) -> bytes:
    import docx
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def zip_bytes(entries: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def bomb_bytes(mb: int = 200) -> bytes:
    """One entry declaring and holding ``mb`` MB of zeros, compressed to a fraction of a MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("报告.txt", "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(mb):
                fh.write(block)
    return buf.getvalue()


def seed(name: str) -> bytes:
    return (ROOT / "seeds" / name).read_bytes()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(*extra, env=None, timeout=90):
    """``lawlint serve`` on 127.0.0.1 and a free port; yields its URL; always stopped."""
    port = free_port()
    full_env = dict(os.environ, NO_COLOR="1", **(env or {}))
    proc = subprocess.Popen([sys.executable, "-m", "lawlint", "serve", "--port", str(port), *extra],
                            cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read().decode())
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            assert time.time() < deadline, "server did not start"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
