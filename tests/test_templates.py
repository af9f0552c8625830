"""Site templates: lines many captures of one batch print are chrome, reprinted paragraphs are not."""

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from clean import clean_capture
from clean.config import CleanConfig, TemplateConfig
from clean.templates import find_templates, line_key, survey_blocks
from clean.textblocks import split_text_blocks
from pagewash.batch import clean_batch
from pagewash.config import Config
from tests.conftest import FIXTURES

SITE = FIXTURES / "batches" / "site-template"
NAV = "首页 | 新闻 | 政务 | 图片"
BOX = "本网由晨报社主办，欢迎读者提供新闻线索，一经采用即付稿酬。"
REPRINT = ["老街改造一年半后重新开街，三十家老字号陆续回迁开业。", "改造保留了原有街巷格局，只更新管网和立面，青石板按原样铺回。"]


def page(*body: str) -> str:
    return "\n".join([NAV, "一条标题", *body, BOX, "版权所有"])


def article(n: int) -> list[str]:
    return [f"第{n}篇稿件的第一段正文写了本地新闻，内容各不相同。", f"第{n}篇稿件的第二段正文说明了后续安排，也各不相同。"]


def templates_of(*pages: str, config: TemplateConfig = TemplateConfig()) -> list[dict[int, int]]:
    return find_templates([survey_blocks(split_text_blocks(p)) for p in pages], config)


def test_lines_printed_by_pages_with_their_own_articles_are_template_lines():
    found = templates_of(*(page(*article(n)) for n in range(4)))
    for lines in found:
        assert lines == {line_key(NAV): 4, line_key("一条标题"): 4, line_key(BOX): 4, line_key("版权所有"): 4}


def test_a_reprinted_article_is_never_a_template_however_often_it_is_printed():
    pages = [page(*article(n)) for n in range(3)] + [page(*REPRINT) for _ in range(4)]
    found = templates_of(*pages)
    for lines in found:
        assert line_key(NAV) in lines
        assert not {line_key(p) for p in REPRINT} & set(lines)


def test_a_paragraph_several_articles_quote_is_a_template_line_but_stays_in_the_text():
    quoted = "市气象台提醒：近期天气多变，市民出行请关注最新预报，注意防范强对流天气。"
    pages = [page(article(n)[0], quoted, article(n)[1]) for n in range(3)]
    found = templates_of(*pages)
    assert line_key(quoted) in found[0]
    result = clean_capture(pages[0], kind="text", templates=found[0])
    assert result.text.split("\n") == [article(0)[0], quoted, article(0)[1]]


def test_too_few_captures_too_few_letters_or_disabled_find_nothing():
    assert templates_of(page(*article(1)), page(*article(2))) == [{}, {}]
    with_numbers = templates_of(*(page(*article(n), "12", "日") for n in range(3)))
    assert line_key("12") not in with_numbers[0] and line_key("日") not in with_numbers[0]
    off = TemplateConfig(enabled=False)
    assert templates_of(*(page(*article(n)) for n in range(4)), config=off) == [{}] * 4


def test_a_site_notice_after_the_article_is_removed_with_its_reason():
    pages = [page(*article(n)) for n in range(3)]
    alone = clean_capture(pages[0], kind="text")
    assert BOX in alone.text  # one capture cannot tell the site's notice from the text
    result = clean_capture(pages[0], kind="text", templates=templates_of(*pages)[0])
    assert result.text.split("\n") == article(0)
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons[BOX] == "chrome: site template (the same line is in 3 captures of the batch)"


def test_a_headline_the_site_lists_on_its_other_pages_is_still_this_pages_title():
    headlines = [f"第{n}篇稿件的本地新闻标题" for n in range(4)]
    pages = ["\n".join([NAV, headlines[n], *article(n), "热门文章", *headlines, "版权所有"]) for n in range(4)]
    found = templates_of(*pages)
    assert line_key(headlines[0]) in found[0]
    result = clean_capture(pages[0], kind="text", templates=found[0])
    assert result.metadata["title"] == headlines[0] and result.text.split("\n") == article(0)


@pytest.fixture
def site(tmp_path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(SITE / "pages", folder)
    return folder


def test_the_site_fixture_batch_cleans_to_gold_and_each_page_alone_does_not(site, tmp_path):
    out = tmp_path / "out"
    clean_batch([site], out, Config())
    rows = {json.loads(line)["id"]: json.loads(line) for line in (out / "manifest.jsonl").open(encoding="utf-8")}
    assert len(rows) == len(list((SITE / "gold").glob("*.txt")))
    for gold in sorted((SITE / "gold").glob("*.txt")):
        assert (out / gold.name).read_text(encoding="utf-8") == gold.read_text(encoding="utf-8"), gold.name
        meta = json.loads(gold.with_suffix(".meta.json").read_text(encoding="utf-8"))
        assert {k: rows[gold.name]["metadata"].get(k) for k in meta} == meta, gold.name
    site_pages = sorted(p.name for p in (SITE / "pages").glob("a-*.txt"))
    for name in site_pages:
        assert any("site template" in r["reason"] for r in rows[name]["removed"]), name
        alone = clean_capture((SITE / "pages" / name).read_bytes(), kind="text")
        assert alone.text + "\n" != (SITE / "gold" / name).read_text(encoding="utf-8"), name
    for name in ("b-reprint.txt", "c-reprint.txt"):
        assert not any("site template" in r["reason"] for r in rows[name]["removed"])


def test_a_rerun_redoes_the_pages_whose_template_lines_changed(site, tmp_path):
    out = tmp_path / "out"
    clean_batch([site], out, Config())
    assert clean_batch([site], out, Config()).resumed == 7
    (site / "a-5.txt").unlink()  # the notice quoted by a-3, a-4, a-5 is in two pages now
    rerun = clean_batch([site], out, Config())
    assert rerun.resumed == 4  # a-1, a-2 and the two reprints; a-3 and a-4 are redone
    fewer = Config(clean=dataclasses.replace(CleanConfig(), templates=TemplateConfig(min_captures=10)))
    assert clean_batch([site], out, fewer).resumed == 0
