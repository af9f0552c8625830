"""Code in text captures: a stripped page source's scripts and styles, a tutorial's listings."""

from __future__ import annotations

from clean.blocks import BODY, CHROME
from clean.pipeline import SOURCE_CODE_REASON, clean_capture
from clean.sourcecode import code_lines, looks_like_code, split_source_code

PARAGRAPHS = [
    "青溪市住建局昨日通报，白沙河滨水步道全线贯通，沿线设置了十二处休息驿站和八处公共卫生间。",
    "步道建设期间，项目组在五个社区召开了二十余场座谈会，收集居民意见三百多条并逐条答复。",
    "据了解，下一步将在步道沿线增设智能健身设施和自助饮水点，方便市民早晚锻炼和休闲散步。",
]

#: What ``re.sub("<[^>]+>", "", page)`` leaves of a portal's article page.
STRIPPED = "\n".join([
    "步道全线贯通_城建_青溪新闻网",
    "body{margin:0;font:12px/1.5 \"宋体\",arial}",
    ".nav li{float:left}",
    "var _hmt = _hmt || [];",
    "(function() {",
    "  var hm = document.createElement(\"script\");",
    "  hm.src = \"https://hm.example/hm.js\";",
    "})();",
    "首页&nbsp;|&nbsp;新闻&nbsp;|&nbsp;城建",
    "步道全线贯通 市民多了一条&ldquo;家门口&rdquo;的休闲带",
    *(f"&nbsp;&nbsp;{p}" for p in PARAGRAPHS),
    "window._bd_share_config={\"common\":{\"bdText\":\"\",\"bdMini\":\"2\"},\"share\":{}};",
    "Copyright &copy; 2005-2025 qxnews.example.cn",
    "$(function(){",
    "  $(\".nav li\").hover(function(){ $(this).addClass(\"hover\"); });",
    "  url: url,",
    "});",
])


def test_a_stripped_source_loses_its_scripts_and_styles_and_keeps_its_text():
    result = clean_capture(STRIPPED, kind="text")
    assert result.text.split("\n") == PARAGRAPHS
    assert result.metadata["title"] == "步道全线贯通 市民多了一条“家门口”的休闲带"
    code = [r.text for r in result.removed if r.reason == SOURCE_CODE_REASON]
    assert ".nav li{float:left}" in code and "url: url," in code and "});" in code
    assert not any("青溪" in line for line in code)


def test_code_lines_know_css_javascript_python_and_data_but_not_text():
    code = ['alert("请输入用户名！");', "a:hover {", "color: #036;", "}", "import requests",
            "def parse(page):", "items.append(row)", ',"view":0,"like":50}', "# 每页休眠一秒", "main()"]
    text = ["今天是：", "首页 | 新闻", "#青溪马拉松#", "Copyright 2025 Example Inc.", "Zion.T",
            "2025-05-23 16:05", "本周均价 上周均价 环比"]
    assert [looks_like_code(line) for line in code] == [True] * len(code)
    assert [looks_like_code(line) for line in text] == [False] * len(text)


def test_lines_between_code_lines_are_code_unless_they_are_text():
    assert code_lines(["var a = 1;", "title: false", "b();"]) == [True, True, True]
    assert code_lines(["var a = 1;", "这是一句正文。", "b();"]) == [True, False, True]


def test_a_rendered_page_is_no_stripped_source():
    # a text browser prints "&amp;" in an image's address, and a tutorial's code comes
    # after its first sentence: neither makes the capture a stripped source
    lynx = "\n".join(["[640?wx_fmt=png&amp;tp=webp&amp;wx_lazy=1&amp;wx_co=1]", PARAGRAPHS[0],
                      "import json", "client = redis.Redis()", "data = client.lpop('test')"])
    assert split_source_code(lynx) is None


def test_a_tutorials_code_listing_is_kept_and_its_line_numbers_go():
    listing = ["import csv", "def main(max_page=30):", "for page in range(1, max_page + 1):",
               "rows = parse_page(page)", 'print(f"第{page}页完成")', "}"]
    text = "\n".join(["Python爬虫实战：抓取分页数据", "", PARAGRAPHS[0], "", *listing,
                      *(str(n) for n in range(1, len(listing) + 1)), "", *PARAGRAPHS[1:]])
    result = clean_capture(text, kind="text")
    assert result.text.split("\n") == [PARAGRAPHS[0], *listing, *PARAGRAPHS[1:]]
    numbers = [r for r in result.removed if r.text.isdigit()]
    assert len(numbers) == len(listing) and all("line numbers" in r.reason for r in numbers)


def test_code_outside_the_text_is_chrome():
    text = "\n".join([*PARAGRAPHS, "", "友情链接", "var s = document.getElementsByTagName('script')[0];",
                      "s.parentNode.insertBefore(hm, s);", "})();"])
    result = clean_capture(text, kind="text")
    assert result.text.split("\n") == PARAGRAPHS
    assert {r.label for r in result.removed if "script" in r.text or r.text == "})();"} == {CHROME}
    assert BODY not in {r.label for r in result.removed}
