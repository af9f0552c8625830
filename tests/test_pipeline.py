"""clean_capture end to end: how the stages hand over to each other."""

import pytest

from clean import clean_capture
from clean.capture import sniff_kind

ARTICLE = "统一战线是凝聚人心、汇聚力量的重要法宝。各级党委要切实加强对统战工作的领导，把统战工作摆上重要议事日程。"


def test_mojibake_saved_as_utf8_is_repaired_as_text_not_redecoded():
    """Valid UTF-8 bytes are UTF-8; their mojibake (GBK read as cp1251) is the text repairs' job."""
    damaged = ARTICLE.encode("gbk").decode("cp1251", "replace")
    result = clean_capture(damaged.encode("utf-8"), kind="text")
    assert result.text == ARTICLE
    assert [r.kind for r in result.repairs] == ["encoding_mixup"]


def test_gbk_bytes_are_decoded_not_repaired():
    text = f"{ARTICLE}\n会议要求，各级统战部门要加强调查研究，及时反映各方面的意见和建议。"
    result = clean_capture(text.encode("gbk"), kind="text")
    assert result.encoding == "gb18030" and result.text == text and not result.repairs


def test_blocks_of_an_html_page_keep_their_lines_through_repair():
    page = f"<html><body><p>{ARTICLE}</p><p>&amp;#20013;国的&nbsp;发展。{ARTICLE}</p></body></html>"
    result = clean_capture(page.encode("utf-8"))
    assert result.kind == "html"
    assert result.text.split("\n")[0] == ARTICLE and "中国的" in result.text.split("\n")[1]


@pytest.mark.parametrize("head", [
    "<!DOCTYPE html><html><body>",
    '<text id="x" title="y">' + "<script>var a = 1;</script>" * 400 + "<body><div><p>正文</p></div>",
])
def test_pages_are_sniffed_as_html(head):
    assert sniff_kind(head) == "html"


def test_a_text_dump_mentioning_a_tag_is_text():
    assert sniff_kind("首页 | 新闻\n如何在网页中使用<p>标签？\n" + ARTICLE * 50) == "text"


def test_empty_capture_is_empty_not_an_error():
    result = clean_capture(b"   \n", kind="text")
    assert result.status == "empty" and result.reason
