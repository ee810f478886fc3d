"""``lawlint serve`` in a real browser: a real server (``lawlint serve`` on 127.0.0.1, a free
port, stopped at the end) driven by headless Chromium through Playwright, as in test_browser.py.
Skipped with the reason when Playwright, Chromium or the serve extra is missing.

``LAWLINT_SCREENSHOTS=DIR`` saves the screenshot the README shows into DIR (docs/images)."""
import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from helpers import NO_CHROMIUM, chromium, find_chromium
from serve_helpers import TOWN_V1, bomb_bytes, docx_bytes, running_server, seed, zip_bytes

pytest.importorskip("playwright.sync_api", reason="未安装 Playwright（pip install '.[test]'），浏览器测试跳过")
pytest.importorskip("starlette", reason="未安装 lawlint[serve]（pip install '.[test]'），服务测试跳过")


CHROMIUM = find_chromium()
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM),
              pytest.mark.slow]
WAIT = 180_000          # ms: a slow shared CI machine


@pytest.fixture(scope="module")
def server():
    with running_server("--jobs", "2", "--max-files", "30", "--keep-minutes", "10") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium(CHROMIUM) as b:
        yield b


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("uploads")
    (d / "青石镇报告.docx").write_bytes(docx_bytes(TOWN_V1))
    for i in range(10):           # enough for the progress page to be seen
        (d / f"单位{i:02d}.txt").write_bytes(seed(sorted(os.listdir(Path(__file__).parent.parent / "seeds"))[i % 5]))
    (d / "各单位.zip").write_bytes(zip_bytes({"甲县/报告.docx": docx_bytes(TOWN_V1)}))
    (d / "炸弹.zip").write_bytes(bomb_bytes(100))
    (d / "越界.zip").write_bytes(zip_bytes({"../../evil.txt": b"x"}))
    (d / "大文件.txt").write_bytes(b"a" * (30 * 1024 * 1024))
    return d


def _download(page, label, target):
    with page.expect_download(timeout=WAIT) as info:
        page.get_by_text(label).click()
    info.value.save_as(target)
    return target


def test_drafter_uploads_a_docx_and_downloads_both_copies(server, page, files, tmp_path):
    import docx
    page.goto(server + "/")
    page.set_input_files("#file", str(files / "青石镇报告.docx"))
    page.get_by_role("button", name="开始检查").click()
    page.wait_for_selector(".ll-bar", timeout=WAIT)
    assert "得分" in page.content() and "青石镇人民政府" in page.content()
    if os.environ.get("LAWLINT_SCREENSHOTS"):
        target = Path(os.environ["LAWLINT_SCREENSHOTS"])
        target.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target / "serve.png"))
    annotated = _download(page, "下载批注版 Word", tmp_path / "a.docx")
    comments = [c for c in docx.Document(annotated).comments if c.author == "lawlint"]
    assert len(comments) >= 2
    fixed = _download(page, "下载修订版 Word", tmp_path / "f.docx")
    xml = zipfile.ZipFile(fixed).read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml
    assert docx.Document(fixed).paragraphs[0].text.startswith("青石镇人民政府")   # opens again


def test_reviewer_batch_shows_progress_then_a_sortable_overview(server, page, files):
    page.goto(server + "/")
    batch = sorted(str(p) for p in files.glob("单位*.txt")) + [str(files / "各单位.zip")]
    page.set_input_files("#files", batch)
    page.get_by_role("button", name="批量检查").click()
    page.wait_for_url("**/job/*", timeout=WAIT)
    saw_progress = page.locator("#progress").count() > 0
    page.wait_for_selector("#summary", timeout=WAIT)
    assert saw_progress                                   # 11 reports on 2 workers take seconds
    assert "已检查 11 份报告" in page.inner_text("#summary")
    page.get_by_text("查看总览").click()
    page.wait_for_selector("#reports", timeout=WAIT)
    assert page.locator("#reports tbody tr").count() == 11
    page.click('th[data-key="score"]')
    scores = [float(s) for s in page.eval_on_selector_all('#reports tbody td[data-v].num:nth-child(4)',
                                                          "els => els.map(e => e.dataset.v)")]
    assert len(scores) == 11 and scores in (sorted(scores), sorted(scores, reverse=True))


@pytest.mark.parametrize("form, name, message", [
    ("#files", "炸弹.zip", "文件过大（100.0 MB"),
    ("#files", "越界.zip", "不安全的文件名“../../evil.txt”"),
    ("#file", "大文件.txt", "文件过大（30.0 MB，上限 20 MB）"),
])
def test_hostile_upload_is_refused_with_its_message_and_the_server_keeps_serving(server, page, files, form, name, message):
    page.goto(server + "/")
    page.set_input_files(form, str(files / name))
    page.get_by_role("button", name="开始检查" if form == "#file" else "批量检查").click()
    page.wait_for_selector(".ll-err", timeout=WAIT)
    assert message in page.inner_text(".ll-err")
    assert "Traceback" not in page.content()
    page.goto(server + "/")
    assert page.title() == "lawlint 报告检查"


def test_two_users_at_once(server, browser, files):
    contexts = [browser.new_context() for _ in range(2)]
    try:
        a, b = (c.new_page() for c in contexts)
        a.goto(server + "/")
        a.set_input_files("#files", sorted(str(p) for p in files.glob("单位*.txt")))
        b.goto(server + "/")
        b.set_input_files("#file", str(files / "青石镇报告.docx"))
        a.get_by_role("button", name="批量检查").click()
        b.get_by_role("button", name="开始检查").click()
        started = time.time()
        b.wait_for_selector(".ll-bar", timeout=WAIT)
        b_took = time.time() - started
        a.wait_for_selector("#summary", timeout=WAIT)
        assert "青石镇人民政府" in b.content() and "已检查 10 份报告" in a.inner_text("#summary")
        assert a.url != b.url
        assert b_took < 120, b_took
    finally:
        for c in contexts:
            c.close()


def test_pages_fit_a_phone(server, browser, files):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        pg = context.new_page()
        pg.goto(server + "/")
        fits = "() => document.documentElement.scrollWidth <= window.innerWidth + 1"
        assert pg.evaluate(fits)
        pg.set_input_files("#file", str(files / "青石镇报告.docx"))
        pg.get_by_role("button", name="开始检查").click()
        pg.wait_for_selector(".ll-bar", timeout=WAIT)
        assert pg.evaluate(fits)
        box = pg.locator(".ll-bar a.ll-btn").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 391
        pg.goto(server + "/")
        pg.set_input_files("#files", sorted(str(p) for p in files.glob("单位*.txt"))[:2])
        pg.get_by_role("button", name="批量检查").click()
        pg.wait_for_selector("#summary", timeout=WAIT)
        assert pg.evaluate(fits)
        pg.get_by_text("查看总览").click()
        pg.wait_for_selector("#reports", timeout=WAIT)
        assert pg.evaluate(fits)                     # the wide table scrolls inside its own box
    finally:
        context.close()
