"""The HTML report and the batch overview in a real browser: headless Chromium (Debian's
``chromium``) driven by Playwright through ``executable_path``; nothing is downloaded at test time.

When Playwright or Chromium is missing these tests are skipped with the reason shown in pytest's
summary (``-rs`` is on in pyproject.toml); ``.ci/run`` installs Chromium where it can.

``LAWLINT_SCREENSHOTS=DIR`` saves the screenshots the README shows into DIR (docs/images).
"""
import os
from pathlib import Path

import pytest

from helpers import NO_CHROMIUM, ROOT, chromium, find_chromium

pytest.importorskip("playwright.sync_api", reason="未安装 Playwright（pip install '.[test]'），浏览器测试跳过")


CHROMIUM = find_chromium()
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM),
              pytest.mark.slow]          # starts a browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from helpers import run_cli
    out = tmp_path_factory.mktemp("browser") / "site"
    r = run_cli("check", "--format", "html", "-o", out, ROOT / "seeds")
    assert r.returncode == 1 and (out / "index.html").is_file(), r.stderr.decode()
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium(CHROMIUM) as b:
        yield b


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    pg.close()
    assert not errors, errors                         # no script error on any page


def _shot(pg, name, tmp_path):
    target = Path(os.environ.get("LAWLINT_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(target / name))
    assert (target / name).stat().st_size > 10_000


def _in_view(pg, selector) -> bool:
    return pg.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }""")


def test_clicking_a_finding_scrolls_to_it_and_highlights_it(site, page, tmp_path):
    page.goto((site / "2021-hebei-shijiazhuang-yuanshi.html").as_uri())
    _shot(page, "report-top.png", tmp_path)
    item = page.locator('.rule[data-rule="word.duplicated"] .find').first
    fid = item.get_attribute("data-f")
    mark = f"mark.f{fid}"
    assert not _in_view(page, mark)                   # 材料材料 is far down the page
    item.click()
    page.wait_for_function(f"""() => {{ const r = document.querySelector('{mark}').getBoundingClientRect();
        return r.top > 0 && r.bottom < window.innerHeight; }}""", timeout=5000)
    assert "active" in page.get_attribute(mark, "class")
    assert page.inner_text(mark) == "材料材料"
    assert "current" in item.get_attribute("class")
    assert page.evaluate("location.hash") == f"#f{fid}"
    page.wait_for_timeout(700)                        # let the smooth scroll settle for the picture
    _shot(page, "report.png", tmp_path)


def test_clicking_highlighted_text_finds_it_in_the_panel(site, page):
    page.goto((site / "2021-hebei-shijiazhuang-yuanshi.html").as_uri())
    page.locator("mark.sev-error").first.click()
    current = page.locator(".find.current")
    assert current.count() == 1 and "sev-error" in current.get_attribute("class")


def test_severity_filter_hides_findings(site, page):
    page.goto((site / "2021-hebei-shijiazhuang-yuanshi.html").as_uri())
    visible = page.locator('.find[data-sev="warning"]:visible').count()
    assert visible > 0
    page.uncheck('.filters input[data-sev="warning"]')
    assert page.locator('.find[data-sev="warning"]:visible').count() == 0
    assert page.locator('.find[data-sev="error"]:visible').count() > 0
    assert page.locator('mark.off[data-sev="warning"]').count() > 0


def test_coverage_map_jumps_to_the_part(site, page):
    page.goto((site / "2021-hebei-shijiazhuang-yuanshi.html").as_uri())
    link = page.locator('.parts li[data-part="plans"] a')
    line = link.get_attribute("data-line")
    link.click()
    page.wait_for_function(f"""() => {{ const r = document.getElementById('L{line}').getBoundingClientRect();
        return r.top > 0 && r.bottom < window.innerHeight; }}""", timeout=5000)
    assert "target" in page.get_attribute(f"#L{line}", "class")
    assert page.locator('.parts li.absent[data-part="causes"]').count() == 1


def test_overview_sorts_filters_and_links(site, page, tmp_path):
    page.goto((site / "index.html").as_uri())
    rows = page.locator("#reports tbody tr")
    assert rows.count() == 5
    _shot(page, "index.png", tmp_path)
    page.click('th[data-key="score"]')

    def scores():
        return [float(x) for x in page.eval_on_selector_all(
            "#reports tbody tr", "rows => rows.map(r => r.cells[3].dataset.v)")]
    assert scores() == sorted(scores())
    page.click('th[data-key="score"]')
    assert scores() == sorted(scores(), reverse=True)
    page.fill("#q", "元氏")
    assert page.locator("#reports tbody tr:visible").count() == 1
    assert page.inner_text("#shown") == "1"
    page.fill("#q", "")
    page.select_option("#grade", "不合格")
    assert page.locator("#reports tbody tr:visible").count() == 1
    page.select_option("#grade", "")
    page.check("#missing")
    assert page.locator("#reports tbody tr:visible").count() == 5     # every seed lacks 原因
    page.locator("#reports tbody tr:visible a").first.click()
    page.wait_for_load_state()
    assert page.locator("#doc .ln").count() > 10 and page.locator(".back").count() == 1


def test_print_layout_shows_every_finding(site, page, tmp_path):
    page.goto((site / "2021-henan-xinyang-pingqiao.html").as_uri())
    page.emulate_media(media="print")
    assert page.locator(".filters").is_hidden()
    assert page.eval_on_selector(".panel", "el => getComputedStyle(el).position") == "static"
    pdf = tmp_path / "r.pdf"
    page.pdf(path=str(pdf))
    assert pdf.stat().st_size > 20_000
