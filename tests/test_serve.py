"""``lawlint serve`` at the HTTP level (Starlette's TestClient, no socket): every route, the
limits, hostile uploads, the token, expiry. The browser tests are in test_serve_browser.py."""
import io
import re
import subprocess
import sys
import time
import zipfile

import pytest

from helpers import run_cli
from serve_helpers import TOWN_V1, TOWN_V2, bomb_bytes, docx_bytes, running_server, seed, zip_bytes

pytest.importorskip("starlette", reason="未安装 lawlint[serve]（pip install '.[test]'），服务测试跳过")
pytest.importorskip("httpx", reason="未安装 httpx（pip install '.[test]'），服务测试跳过")
pytestmark = pytest.mark.filterwarnings("ignore:.*httpx2")     # Starlette 1.x prefers httpx2; httpx works

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _client(**kw):
    from starlette.testclient import TestClient

    from lawlint.serve.app import create_app
    from lawlint.serve.settings import Settings
    return TestClient(create_app(Settings(**{"workers": 2, "max_files": 8, "max_upload_mb": 40, **kw})))


@pytest.fixture(scope="module")
def client():
    with _client() as c:
        yield c


def wait(c, location, limit=180):
    """Poll the job's status route until it is no longer running (bounded)."""
    deadline = time.time() + limit
    while True:
        s = c.get(location + "/status").json()
        if s["state"] != "running":
            return s
        assert time.time() < deadline, s
        time.sleep(0.2)


def submit(c, route, files, data=None):
    r = c.post(route, files=files, data=data or {}, follow_redirects=False)
    assert r.status_code == 303, r.text
    location = r.headers["location"]
    assert re.fullmatch(r"/job/[A-Za-z0-9_-]{16,}", location)
    return location, wait(c, location)


def downloads(html):
    return re.findall(r'href="(/job/[^"]+/out/[^"]+)" download', html)


def test_home_page_has_the_three_forms_and_nothing_external(client):
    r = client.get("/")
    assert r.status_code == 200 and 'name="viewport"' in r.text
    for action in ("/check", "/batch", "/compare"):
        assert f'action="{action}"' in r.text
    assert not re.search(r'(src|href)="(https?:)?//', r.text)          # offline offices


def test_single_report_page_downloads_and_fixes(client):
    loc, status = submit(client, "/check", {"file": ("青石镇报告.docx", docx_bytes(TOWN_V1), DOCX)})
    assert status == {"state": "done", "done": 1, "total": 1, "error": None}
    page = client.get(loc).text
    assert "青石镇人民政府" in page and "得分" in page and "报告年度：未识别" in page
    assert "文件：青石镇报告.docx" in page and "/tmp" not in page         # the user's name, not ours
    links = downloads(page)
    assert [link.rsplit("/", 1)[1] for link in links] == [
        "%E9%9D%92%E7%9F%B3%E9%95%87%E6%8A%A5%E5%91%8A-%E6%89%B9%E6%B3%A8.docx",     # 青石镇报告-批注.docx
        "%E9%9D%92%E7%9F%B3%E9%95%87%E6%8A%A5%E5%91%8A-%E4%BF%AE%E8%AE%A2.docx",     # -修订.docx
        "%E9%9D%92%E7%9F%B3%E9%95%87%E6%8A%A5%E5%91%8A-%E4%BF%AE%E6%AD%A3.txt"]      # -修正.txt
    import docx
    annotated = client.get(links[0])
    assert annotated.headers["content-type"] == DOCX and "attachment" in annotated.headers["content-disposition"]
    comments = [c.text for c in docx.Document(io.BytesIO(annotated.content)).comments if c.author == "lawlint"]
    assert any("材料材料" in c or "word.duplicated" in c for c in comments), comments
    fixed = client.get(links[1]).content
    xml = zipfile.ZipFile(io.BytesIO(fixed)).read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml and 'w:author="lawlint"' in xml
    text = client.get(links[2]).content.decode("utf-8")
    assert "确保真实准确" in text and "材料," not in text and "材料，" in text


def test_pasted_text_with_a_chosen_year(client):
    loc, _ = submit(client, "/check", {}, {"text": TOWN_V1, "year": "2023"})
    page = client.get(loc).text
    assert "报告年度：2023" in page and "粘贴的文本.txt" in page
    loc, _ = submit(client, "/check", {}, {"text": TOWN_V1.replace("法治政府建设情况", "2022年度法治政府建设情况"),
                                           "year": "2023"})
    assert "报告年度：2022" in client.get(loc).text       # the text's own year wins


def test_reupload_shows_what_changed(client):
    first, _ = submit(client, "/check", {"file": ("报告.txt", TOWN_V1.encode(), "text/plain")})
    second, _ = submit(client, "/check", {"file": ("报告.txt", TOWN_V2.encode(), "text/plain")},
                       {"prev": first.rsplit("/", 1)[1]})
    page = client.get(second).text
    m = re.search(r"已解决 (\d+) 条，新出现 (\d+) 条", page)
    assert m and int(m[1]) >= 2 and m[2] == "0", page[:3000]
    third, _ = submit(client, "/check", {"file": ("报告.txt", TOWN_V2.encode(), "text/plain")},
                      {"prev": "x" * 24})
    assert "上次检查的结果已过期删除" in client.get(third).text
    batch, _ = submit(client, "/batch", {"files": ("报告.txt", TOWN_V1.encode(), "text/plain")})
    fourth, _ = submit(client, "/check", {"file": ("报告.txt", TOWN_V2.encode(), "text/plain")},
                       {"prev": batch.rsplit("/", 1)[1]})
    page = client.get(fourth).text                     # a batch is not a previous check of one report
    assert "与上次检查相比" not in page and "已过期删除" not in page and "得分" in page


def test_batch_with_zip_overview_csv_and_copies(client):
    z = zip_bytes({"甲县/2021年报告.txt": seed("2021-henan-xinyang-pingqiao.txt"),
                   "乙县/报告.docx": docx_bytes(TOWN_V1), "说明.xlsx": b"not a report"})
    files = [("files", ("中原区.txt", seed("2021-henan-zhengzhou-zhongyuan.txt"), "text/plain")),
             ("files", ("各单位.zip", z, "application/zip"))]
    loc, status = submit(client, "/batch", files)
    assert status["done"] == status["total"] == 3
    page = client.get(loc).text
    assert "已检查 3 份报告，1 份未能检查" in page and "说明.xlsx" in page and "不支持的文件类型" in page
    overview = client.get(f"{loc}/out/index.html").text
    assert overview.count("<tr data-search") == 3 and "甲县/2021年报告.txt" in overview
    for href in re.findall(r'<td class="report"[^>]*><a href="([^"]+)"', overview):
        assert client.get(f"{loc}/out/{href}").status_code == 200
    csv = client.get(f"{loc}/out/报告检查结果.csv")
    assert csv.headers["content-type"].startswith("text/csv") and len(csv.text.strip().splitlines()) == 4
    copies = zipfile.ZipFile(io.BytesIO(client.get(f"{loc}/out/批注版报告.zip").content))
    assert len(copies.namelist()) == 3 and all(n.endswith("-批注.docx") for n in copies.namelist())


def test_compare_two_years(client):
    loc, status = submit(client, "/compare", {"last": ("2021.txt", seed("2021-henan-xinyang-pingqiao.txt"), "text/plain"),
                                              "this": ("2024.txt", seed("2024-henan-nanyang-dengzhou.txt"), "text/plain")})
    assert status["state"] == "done"
    page = client.get(loc).text
    assert "年度报告对比" in page and "返回首页" in page


@pytest.mark.parametrize("route, files, data, message", [
    ("/check", {}, {}, "请选择一份报告文件"),
    ("/batch", {}, {}, "请选择要检查的报告文件"),
    ("/compare", {"last": ("a.txt", b"x", "text/plain")}, {}, "请分别选择去年和今年的报告文件"),
    ("/check", {"file": ("a.exe", b"MZ", "application/octet-stream")}, {}, "不支持的文件类型"),
    ("/check", {"file": ("a.zip", zip_bytes({"a.txt": b"a"}), "application/zip")}, {}, "请用“批量检查”"),
    ("/batch", {"files": ("a.zip", b"PK not a zip", "application/zip")}, {}, "不是有效的 zip 压缩包"),
    ("/batch", {"files": ("坏.zip", zip_bytes({"../../etc/cron.d/x.txt": b"a"}), "application/zip")}, {},
     "不安全的文件名“../../etc/cron.d/x.txt”"),
    ("/batch", {"files": ("坏.zip", zip_bytes({"/etc/x.txt": b"a"}), "application/zip")}, {}, "不安全的文件名"),
    ("/batch", {"files": ("多.zip", zip_bytes({f"{i}.txt": b"a" for i in range(9)}), "application/zip")}, {},
     "超过一次最多 8 份的上限"),
    ("/batch", {"files": ("炸弹.zip", bomb_bytes(100), "application/zip")}, {}, "文件过大（100.0 MB，上限 20 MB）"),
    ("/check", {"file": ("大.txt", b"a" * (30 * 1024 * 1024), "text/plain")}, {}, "文件过大（30.0 MB，上限 20 MB）"),
])
def test_refused_uploads_say_why_and_the_server_keeps_serving(client, route, files, data, message):
    r = client.post(route, files=files, data=data, follow_redirects=False)
    assert r.status_code in (400, 413, 415) and message in r.text and "Traceback" not in r.text, r.text[-500:]
    assert client.get("/").status_code == 200


def test_request_body_and_file_count_bounds():
    with _client(max_upload_mb=1, max_files=2) as c:
        r = c.post("/batch", files={"files": ("a.txt", b"a" * (2 * 1024 * 1024), "text/plain")})
        assert r.status_code == 413 and "超过 1 MB" in r.text
        many = [("files", (f"{i}.txt", b"a", "text/plain")) for i in range(3)]
        r = c.post("/batch", files=many)
        assert r.status_code == 413 and "一次最多上传 2 份" in r.text


def test_bomb_beside_a_good_report_is_skipped_and_the_rest_checked(client):
    z = bomb_bytes(50)
    loc, status = submit(client, "/batch", [("files", ("炸弹.zip", z, "application/zip")),
                                            ("files", ("好.txt", TOWN_V1.encode(), "text/plain"))])
    page = client.get(loc).text
    assert status["total"] == 1 and "报告.txt：文件过大（50.0 MB" in page


def test_outputs_are_only_the_jobs_own_files(client):
    loc, _ = submit(client, "/check", {"file": ("r.txt", TOWN_V1.encode(), "text/plain")})
    for name in ("../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "nothing.docx", "%2Fetc%2Fpasswd"):
        r = client.get(f"{loc}/out/{name}")
        assert r.status_code == 404 and "root:" not in r.text
    assert client.get("/job/not-a-job-id").status_code == 404
    r = client.get("/job/" + "A" * 24)
    assert r.status_code == 404 and "已过期删除" in r.text
    assert client.get("/check").status_code == 405


def test_results_are_private_and_deleted_after_the_keeping_time():
    import os
    with _client(keep_minutes=1) as c:
        loc, _ = submit(c, "/check", {"file": ("r.txt", TOWN_V1.encode(), "text/plain")})
        store = c.app.app.state.server["store"]
        job = store.get(loc.rsplit("/", 1)[1])
        assert (os.stat(store.root).st_mode & 0o777) == 0o700 and store.private(job.folder / "in")
        assert store.sweep(time.time() + 30) == 0                   # still kept
        assert store.sweep(time.time() + 61) == 1 and not job.folder.exists()
        assert c.get(loc).status_code == 404
        root = store.root
    assert not root.exists()                                        # all of it when the server stops


def test_token(monkeypatch):
    with _client(token="s3cret") as c:
        r = c.get("/")
        assert r.status_code == 401 and "访问口令" in r.text
        assert c.get("/?token=wrong").status_code == 401
        r = c.get("/?token=s3cret", follow_redirects=False)
        assert r.status_code == 303 and "token" not in r.headers["location"]
        assert c.get("/").status_code == 200                        # the cookie from now on
        c.cookies.clear()
        assert c.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_internal_error_is_a_chinese_page_not_a_traceback(monkeypatch):
    from lawlint.serve import pages
    with _client() as c:
        monkeypatch.setattr(pages, "home", lambda s: 1 / 0)
        from starlette.testclient import TestClient
        quiet = TestClient(c.app, raise_server_exceptions=False)
        r = quiet.get("/")
        assert r.status_code == 500 and "服务器内部错误" in r.text and "ZeroDivision" not in r.text


def test_serve_help_and_bad_rule_pack(tmp_path):
    r = run_cli("serve", "-h")
    assert r.returncode == 0 and "--token" in r.stdout.decode()
    r = run_cli("serve", "--rules", tmp_path / "nope.yaml")
    assert r.returncode == 2 and r.stderr.decode().startswith("lawlint: ") and "Traceback" not in r.stderr.decode()


def test_other_commands_do_not_import_the_web_stack():
    code = ("import sys, io, contextlib\nfrom lawlint.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', '--format', 'json', sys.argv[1]])\n"
            "print(sorted(m for m in ('starlette', 'uvicorn', 'multipart', 'lawlint.serve') if m in sys.modules))")
    from helpers import SEEDS
    r = subprocess.run([sys.executable, "-c", code, str(SEEDS / "2021-henan-xinyang-pingqiao.txt")],
                       capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "[]", r.stderr


@pytest.mark.slow
def test_real_server_on_localhost_serves_and_stops_leaving_nothing(tmp_path):
    import os
    import urllib.request
    spool = tmp_path / "tmp"
    spool.mkdir()
    with running_server("--jobs", "1", "--keep-minutes", "5", env={"TMPDIR": str(spool)}) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "/", timeout=30) as r:
            assert r.status == 200 and "法治政府建设年度报告检查" in r.read().decode()
        (root,) = spool.iterdir()
        assert root.name.startswith("lawlint-serve-") and (os.stat(root).st_mode & 0o777) == 0o700
        assert (os.stat(root / "uploads").st_mode & 0o777) == 0o700        # spilled uploads go here
    assert list(spool.iterdir()) == []                                  # deleted when it stops

def test_a_dying_worker_fails_only_its_file_and_the_pool_is_replaced():
    import asyncio
    import os
    from concurrent.futures.process import BrokenProcessPool

    from lawlint.serve.runner import Runner
    runner = Runner(1)
    runner.start()
    try:
        first = runner.pool
        with pytest.raises(BrokenProcessPool):
            asyncio.run(runner.call(os._exit, 3))
        assert runner.pool is not first
        assert asyncio.run(runner.call(abs, -4)) == 4                 # the new pool works
    finally:
        runner.stop()


def test_a_file_whose_worker_died_is_listed_with_the_reason(client, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool
    runner = client.app.app.state.server["runner"]
    real = runner.call

    async def call(func, task):
        if task["name"] == "坏.txt":
            raise BrokenProcessPool("gone")
        return await real(func, task)
    monkeypatch.setattr(runner, "call", call)
    loc, status = submit(client, "/batch", [("files", ("坏.txt", TOWN_V1.encode(), "text/plain")),
                                            ("files", ("好.txt", TOWN_V2.encode(), "text/plain"))])
    page = client.get(loc).text
    assert status["state"] == "done" and "已检查 1 份报告，1 份未能检查" in page and "检查进程意外退出" in page
    assert "无法检查" in client.get(f"{loc}/out/index.html").text


def test_progress_page_refreshes_itself_until_the_job_is_done(client):
    store = client.app.app.state.server["store"]
    job = store.new("batch")
    job.total, job.done = 7, 3
    try:
        page = client.get(f"/job/{job.id}").text
        assert '<meta http-equiv="refresh" content="1">' in page and "已完成 3 / 7 份" in page
        assert '<progress id="progress" max="7" value="3">' in page and "<script" not in page
        assert client.get(f"/job/{job.id}/status").json() == {"state": "running", "done": 3, "total": 7, "error": None}
        job.state, job.error = "failed", "对比失败：文件无法读取"
        r = client.get(f"/job/{job.id}")
        assert r.status_code == 422 and "对比失败：文件无法读取" in r.text
    finally:
        store.drop(job)


def test_every_response_forbids_external_resources_and_caching(client):
    for r in (client.get("/"), client.get("/job/" + "B" * 24), client.post("/check")):
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["cache-control"] == "no-store" and r.headers["referrer-policy"] == "no-referrer"


def test_a_report_that_cannot_be_read_says_so_on_its_page(client):
    loc, status = submit(client, "/check", {"file": ("坏报告.docx", b"PK\x03\x04 broken", DOCX)})
    page = client.get(loc).text
    assert status["state"] == "done" and "无法检查：坏报告.docx" in page and "Traceback" not in page
    assert downloads(page) == []


def test_pasted_text_over_the_file_limit_is_refused_in_chinese():
    from lawlint.config import Config
    with _client(config=Config(max_file_mb=0.01)) as c:
        r = c.post("/check", data={"text": "法治" * 10000})
        assert r.status_code == 413 and "粘贴的文字过多（超过 0.01 MB）" in r.text


def test_a_malformed_form_is_refused_in_chinese(client):
    r = client.post("/check", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data"})
    assert r.status_code == 400 and "上传的表单无法读取" in r.text


def test_compare_two_archives_pairs_the_reports_by_issuer(client):
    v1 = TOWN_V1.replace("法治政府建设情况", "2022年度法治政府建设情况")
    v2 = TOWN_V2.replace("法治政府建设情况", "2023年度法治政府建设情况")
    other = seed("2021-henan-xinyang-pingqiao.txt")
    last = zip_bytes({"青石镇.txt": v1.encode()})
    this = zip_bytes({"a/青石镇2023.txt": v2.encode(), "平桥.txt": other})
    loc, status = submit(client, "/compare", {"last": ("2022.zip", last, "application/zip"),
                                              "this": ("2023.zip", this, "application/zip")})
    page = client.get(loc).text
    assert status["state"] == "done" and "未能配对的报告" in page and "平桥.txt" in page
    assert "青石镇2023.txt" in page
    r = client.post("/compare", files={"last": ("a.zip", last, "application/zip"),
                                       "this": ("b.txt", b"x", "text/plain")})
    assert r.status_code == 400 and "同为单份报告" in r.text


def test_without_the_serve_extra_it_says_what_to_install():
    code = "import sys\nsys.modules['uvicorn'] = None\nfrom lawlint.cli import main\nsys.exit(main(['serve']))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and 'pip install "lawlint[serve]"' in r.stderr and "Traceback" not in r.stderr
