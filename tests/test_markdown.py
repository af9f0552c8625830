"""Markdown dumps: the syntax is undone, link text counts as links, look-alikes stay text."""

from __future__ import annotations

import pytest

from clean import clean_capture
from clean.capture import kind_from_name
from clean.markdown import looks_like_markdown, split_markdown_blocks, unmark_inline

LINK_MARKS = str.maketrans("", "", "\ufdd0\ufdd1")


def plain(text: str) -> str:
    return unmark_inline(text).translate(LINK_MARKS)


@pytest.mark.parametrize(
    ("marked", "shown"),
    [
        ("见[青溪县通知](http://qx.gov.cn/a/1.html \"通知\")。", "见青溪县通知。"),
        ("[[打印](javascript:print())] [[关闭](#)]", "[打印] [关闭]"),
        ("[![Image 1: 微信](http://qx.cn/wx.png)](http://qx.cn/wx)扫码", "扫码"),
        ("![](../images/pixel.gif)图为春耕现场。", "图为春耕现场。"),
        ("参见[报告][3]与<http://qx.gov.cn/r>", "参见报告与http://qx.gov.cn/r"),
        ("这是**重点**，也是__要点__，还有*强调*和_斜体_。", "这是重点，也是要点，还有强调和斜体。"),
        ("**  叛逆的元素。 **", "叛逆的元素。"),
        ("运行`pip install pagewash`即可", "运行pip install pagewash即可"),
        (r"价格\*打折\*，1\. 非列表，\[注\]", "价格*打折*，1. 非列表，[注]"),
        # the end of a link opened above a blank line (markdownify: a link around a heading)
        ("榮民過年爆口角](/VOD.aspx?newsid=349300)", "榮民過年爆口角"),
        # a bold run across a line break: html2text opens it on one line, closes it on the next
        ("**“学而不思则罔，", "“学而不思则罔，"),
        ("思而不学则殆。”**", "思而不学则殆。”"),
    ],
)
def test_inline_markdown_is_undone(marked: str, shown: str) -> None:
    assert plain(marked) == shown


@pytest.mark.parametrize(
    "text",
    [
        "5*3=15，2*4=8", "变量file_name与__init__", "话题#青溪春耕#", "C# 与 F#", "见附件(1)与[编辑]", "a_b_c 和 x*y",
        "学而不思则______，思而不学则______。",  # blanks to fill in, not emphasis
    ],
)
def test_look_alikes_stay_text(text: str) -> None:
    assert plain(text) == text


def test_block_markers_and_layout_lines() -> None:
    dump = "\n".join([
        "[首页](/) | [新闻](/news) | [政务](/gov)",
        "",
        "青溪县春耕进度过半",
        "==========",
        "",
        "## 一、总体情况",
        "",
        "> 县农业农村局负责人表示，今年春耕比往年提前一周。",
        "",
        "* [相关新闻一](/n/1)",
        "- 第二条列表项",
        "",
        "* * *",
        "[1]: http://qx.gov.cn/ref",
        "#青溪春耕# 话题页",
    ])
    blocks = split_markdown_blocks(dump)
    assert [b.text for b in blocks] == [
        "首页 | 新闻 | 政务", "青溪县春耕进度过半", "一、总体情况",
        "县农业农村局负责人表示，今年春耕比往年提前一周。", "相关新闻一", "第二条列表项", "#青溪春耕# 话题页",
    ]
    density = {b.text: b.link_density for b in blocks}
    assert density["相关新闻一"] == 1.0 and density["第二条列表项"] == 0.0
    assert density["首页 | 新闻 | 政务"] > 0.6


def test_real_table_is_one_block_per_row_and_layout_table_cells_are_blocks() -> None:
    real = "| 项目 | 金额 |\n| --- | --- |\n| 种子补贴 | 120万元 |\n| [农机](/nj) 补贴 | 80万元 |"
    assert [b.text for b in split_markdown_blocks(real)] == ["项目 金额", "种子补贴 120万元", "农机 补贴 80万元"]
    # html2text prints layout tables with a rule under the first row and no outer pipes
    layout = "[首页](/) | ![](/logo.gif) | [登录](/login)\n---|---|---\n正文第一段很长很长。 | [热点一](/h1)"
    texts = [b.text for b in split_markdown_blocks(layout)]
    assert texts == ["首页", "登录", "正文第一段很长很长。", "热点一"]


def test_a_pipe_table_holding_the_article_is_a_layout_table() -> None:
    """markdownify prints an old page's layout table as a pipe table: the article in one
    cell, its paragraphs set apart by wide gaps, nested tables flattened into the row."""
    paragraphs = [
        "青溪县今年春耕进度过半，全县已完成早稻育秧四万亩，比去年同期提前一周。" * 3,
        "县农业农村局负责人表示，下一步将组织农技人员下乡，指导农户做好病虫害防治。" * 3,
    ]
    cell = "　　".join(["**春耕进度过半**", *paragraphs])
    dump = "\n".join([
        "|  |  |  |", "| --- | --- | --- |",
        f"|  | [首页](/) 现在位置：正文 | | --- | --- | | {cell} | | [热点](/h) |",
    ])
    texts = [b.text for b in split_markdown_blocks(dump)]
    assert texts[-4:] == ["春耕进度过半", *paragraphs, "热点"]
    assert "---" not in "".join(texts)


def test_detection_needs_markdown_links_not_brackets() -> None:
    assert looks_like_markdown("[a](http://x.cn/1) [b](/2) ![](/3.png)")
    assert not looks_like_markdown("首页 [编辑] 图片 [2025061101] 附件(1) [注1](见下文)")


def test_markdown_capture_cleans_links_out_of_the_body() -> None:
    dump = "\n\n".join([
        "[首页](http://qx.cn/) | [新闻](http://qx.cn/news) | [视频](http://qx.cn/v) | [登录](http://qx.cn/login)",
        "# 青溪县春耕进度过半",
        "来源：青溪日报 2025-03-02",
        "今年以来，[青溪县](http://qx.cn/county)抓住有利天气，组织农机具下田作业，全县春耕进度已经过半。",
        "县农业农村局介绍，**早稻育秧**工作也已全面铺开，预计本月底完成全部育秧任务。",
        "## 相关新闻",
        "* [青溪县召开春耕动员会](http://qx.cn/n/1)",
        "* [青溪县农机合作社扩大规模](http://qx.cn/n/2)",
    ])
    result = clean_capture(dump.encode(), kind="text")
    assert result.text.splitlines() == [
        "今年以来，青溪县抓住有利天气，组织农机具下田作业，全县春耕进度已经过半。",
        "县农业农村局介绍，早稻育秧工作也已全面铺开，预计本月底完成全部育秧任务。",
    ]
    assert result.metadata["title"] == "青溪县春耕进度过半"
    assert any("link density" in r.reason for r in result.removed)


def test_markdown_files_are_text_captures() -> None:
    assert kind_from_name("site/page.md") == "text" and kind_from_name("a.markdown.gz") == "text"


def test_markers_are_taken_only_at_the_start_of_a_line() -> None:
    blocks = split_markdown_blocks("**海姑娘** , 27岁\n\n正文里说：> 这不是引用，* 这也不是列表。")
    assert [b.text for b in blocks] == ["海姑娘 , 27岁", "正文里说：> 这不是引用，* 这也不是列表。"]


def test_script_targets_are_emptied_even_over_several_lines() -> None:
    dump = "[打印本文](javascript:if(window.print!=null){window.print();}else{alert('no print')}) 正文\n\n" \
           "收藏[回复此帖](javascript:\ndocument.getElementById(\"t\").value=\"re:标题\";\nfocus();)[引用](javascript:q())"
    assert [b.text for b in split_markdown_blocks(dump)] == ["打印本文 正文", "收藏回复此帖引用"]


def test_a_paragraph_wrapped_over_lines_is_one_block_and_footnotes_are_text() -> None:
    dump = "\n".join([
        "城市基层党建的重心在社区，难点在新建小区、",
        "商务楼宇和“两新”组织[^1]。去年以来，",
        "全市新建小区党支部46个。  ",
        "硬换行之后的一行。",
        "- 列表项不接上一行",
        "    - 嵌套的列表项也不接",
        "",
        "[^1]: “两新”组织，指新经济组织",
        "    和新社会组织。",
    ])
    assert [b.text for b in split_markdown_blocks(dump)] == [
        "城市基层党建的重心在社区，难点在新建小区、商务楼宇和“两新”组织[1]。去年以来，全市新建小区党支部46个。",
        "硬换行之后的一行。",
        "列表项不接上一行",
        "嵌套的列表项也不接",
        "[1] “两新”组织，指新经济组织和新社会组织。",
    ]


def test_a_lone_link_inside_the_text_is_removed_without_ending_it() -> None:
    dump = "\n\n".join([
        "[首页](http://qx.cn/) | [政务公开](http://qx.cn/zw) | [互动交流](http://qx.cn/hd)",
        "本批次共有17个主体符合补贴条件，补贴资金合计186.4万元，名单详见附件。各乡镇要认真核对名单。",
        "[附件：补贴发放名单.xlsx](http://qx.cn/f/1.xlsx)",
        "公示期为七天，请相互转告。",
        "* [上一篇：春季动物疫病防控通知](http://qx.cn/a/1) * [下一篇：低保资金发放公示](http://qx.cn/a/2)",
    ])
    result = clean_capture(dump.encode(), kind="text")
    assert result.text.splitlines() == [
        "本批次共有17个主体符合补贴条件，补贴资金合计186.4万元，名单详见附件。各乡镇要认真核对名单。",
        "公示期为七天，请相互转告。",
    ]


def test_a_fenced_block_is_code_only_when_it_is_closed() -> None:
    closed = split_markdown_blocks("示例如下：\n\n```python\nimport json\n```\n\n运行即可。")
    assert [(b.text, b.verbatim) for b in closed] == [("示例如下：", False), ("import json", True), ("运行即可。", False)]
    # html2text writes an empty <del> as ~~~~ before a label: no fence, the rest is text
    unclosed = split_markdown_blocks("~~~~ 扫一扫\n下载APP\n\n正文第一段写在这里。")
    assert not any(b.verbatim for b in unclosed)
    assert unclosed[-1].text == "正文第一段写在这里。"


def test_links_over_several_lines_and_mail_forms_leave_no_markup() -> None:
    dump = "\n".join([
        "[![青溪文化节开幕",
        "专题|图集|视频](/img/a.png)](http://qx.cn/zt)",
        "",
        "[分享](mailto:?subject=青溪  文化节&body=（青溪社记者电）全文(节选)……)正文第一段。",
    ])
    assert [b.text for b in split_markdown_blocks(dump)] == ["分享正文第一段。"]


def test_a_link_opened_above_a_blank_line_is_still_a_link() -> None:
    """markdownify prints a link around an image and a heading over several paragraphs."""
    dump = "[首页](/) | [新闻](/n) | [影音](/v)\n\n[![榮民過年爆口角]()\n\n## 榮民過年爆口角](/VOD.aspx?newsid=349300)\n"
    blocks = split_markdown_blocks(dump)
    heading = next(b for b in blocks if "榮民" in b.text)
    assert (heading.text, heading.link_density) == ("榮民過年爆口角", 1.0)


def test_a_reader_services_preamble_gives_the_title_line_without_its_label():
    """Jina Reader heads its Markdown with ``Title:`` (the page's title line, the site's
    name after the headline), the address, the time and ``Markdown Content:``: the title
    is the headline where the page prints it, never the label's line."""
    page = "\n\n".join([
        "Title: 白沙河老码头改造完工 滨水步道向市民开放-南岭晚报网",
        "URL Source: https://www.nlwb.example/shehui/content_1843207.html",
        "Published Time: 2025-09-02T10:20:00+08:00",
        "Markdown Content:",
        "[首页](https://www.nlwb.example/) | [社会](https://www.nlwb.example/shehui/)",
        "# 白沙河老码头改造完工 滨水步道向市民开放",
        "2025-09-02 10:20 来源：南岭晚报",
        "白沙河老码头改造工程日前完工，新建的滨水步道全长一点二公里，沿线设置了休息座椅和照明设施，市民可以沿河散步。",
        "据介绍，改造保留了老码头的石砌驳岸和系缆桩，并在步道旁设置了展示牌，介绍码头的历史和当年的航运情况。",
        "工程负责人表示，下一步还将对上游河段进行整治，争取明年汛期前全线贯通，让更多市民享受到滨水空间。",
    ])
    result = clean_capture(page.encode(), kind="text")
    assert result.metadata["title"] == "白沙河老码头改造完工 滨水步道向市民开放"
    assert result.metadata["date"] == "2025-09-02 10:20"
    assert [b.text for b in split_markdown_blocks(page)][0] == "白沙河老码头改造完工 滨水步道向市民开放-南岭晚报网"
