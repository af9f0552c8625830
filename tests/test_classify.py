"""The shared block classifier: each phenomenon it removes, and what it must keep."""

from __future__ import annotations

import pytest

from clean.blocks import BODY, CAPTION, CHROME, DISCLAIMER, METADATA, RELATED, TITLE, WIDGET, Block
from clean.classify import classify_blocks
from clean.classify.lexicon import fold_text, parse_lexicon
from clean.classify.signals import compute_signals
from clean.config import ClassifyConfig
from clean.metadata import extract_metadata
from clean.pipeline import clean_capture
from clean.textblocks import split_text_blocks

CONFIG = ClassifyConfig()

#: Prose paragraphs that make an article body (government-news register).
P1 = "9月29日，区委河湖治理工作会议召开。会议强调，要增强做好新时期河湖治理工作的责任意识、担当意识、协作意识，奋力开创水环境治理新局面。"
P2 = "会上，区委常委、副区长传达了省、市河湖长制工作会议精神。各街道分管负责同志逐一介绍了辖区河道整治工作的具体做法和初步成效。"
P3 = "会议要求，各级党组织要切实履行主体责任，把河湖治理纳入重要议事日程，推动基层巡河护河工作落到日常、落到网格管理、落到群众身边。"


def classify(*lines: str) -> list[Block]:
    return classify_blocks(split_text_blocks("\n".join(lines)), CONFIG)


def labels_of(blocks: list[Block], text: str) -> str:
    return next(b.label for b in blocks if b.text == text)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("设为首页 | 加入收藏 | 联系我们", CHROME),
        ("您当前的位置: 首页>>统战新闻", CHROME),
        ("首頁>黨派·聲音>統一戰線", CHROME),  # Traditional, matched through opencc
        ("分享到：微信 朋友圈 微博", CHROME),
        ("返回顶部", CHROME),
        ("【打印】 【关闭】", CHROME),
        ("版权所有：北京市人民政府 京ICP备05060933号", CHROME),
        ("免责声明：本站文章均来源于网络，不代表本站立场，如有侵权请联系删除。", DISCLAIMER),
        ("轉載請註明出處", DISCLAIMER),
        ("青溪日報社版權所有，非經授權，不許轉載本網站內容 © qingxi.tw All Rights Reserved.", DISCLAIMER),
        ("自殺防治諮詢安心專線：1925；", DISCLAIMER),  # the help line Taiwanese reports must print
        ("您此时的心情", WIDGET),
        ("[图片]", CAPTION),
        ("（完）", CHROME),
        ("雅虎 - 财经 - 新闻 - 科技 - 旅游", CHROME),
        ("点击阅读更多青溪财经资讯", CHROME),
        ("扫描下方二维码获取更多攻略", CHROME),
        ("打印 字体： 放大 正常 缩小 分享", CHROME),
        ("责编|沈若溪", METADATA),
        ("光明日报记者 高建林 刘书远", METADATA),
        ("□ 本报记者 葛青", METADATA),  # a newspaper marks its byline with a square
        ("青溪日报·溪客记者 王小明/文 受访者供图", METADATA),  # a paper and its app; words and photos credited
        ("记者 张三/文 李四/图", METADATA),
        ("放大 缩小 默认", CHROME),
        ("附件：1.青溪县河湖治理考核办法（全文）.pdf", CHROME),  # a download link
        ("下载：报名表.DOCX", CHROME),
        ("中小企业声明函（格式）.doc（36KB）", CHROME),  # a download link with the file's size
        ("相關附件：", CHROME),  # the downloads' header
        ("—— 已显示全部内容 ——", CHROME),  # the end of a feed's entries
        ("« 上一篇：家庭NAS折腾记（二）", RELATED),  # a guillemet pointing to the link
        ("分类：Linux, NAS  标签：Samba, 家庭NAS", CHROME),  # a post's category line
        ("［筆陣］文章純屬作者個人意見，不代表本報立場。歡迎投稿", DISCLAIMER),
        ("+ 责任编辑: 刘响", METADATA),  # inscriptis bullets a second-level list item with '+'
        ("* 来源：青溪日报 编辑：苏小河", METADATA),
        ("您是本文第 154 个阅览者", WIDGET),
        ("正在读取评论……", WIDGET),
        ("新华网黑龙江频道 记者 乔琳 白清芳", METADATA),
        ("[图片说明1：漫画/林苇]", CAPTION),
        ("[图解]", CAPTION),  # an image's alt text in brackets
        ("#夜間公車 #青溪 #大眾運輸", CHROME),
        ("← 返回", CHROME),
        ("(本文已被阅读178次)", WIDGET),
        ("此前报道：青溪河湖治理进入攻坚阶段", RELATED),  # a link to the story's earlier part
        ("1 2 下一页 余下全文", CHROME),
        ("点击进入专题：", CHROME),
        ("您的浏览器暂时无法播放此视频.", CHROME),  # a video player's message reads as prose
        ("1/6 上一张下一张查看原图", CAPTION),  # a gallery's pager
        ("本文僅供參考，不能取代醫師診斷。如有身體不適，請儘速就醫。", DISCLAIMER),
        ("回复内容：", WIDGET),  # a mailbox page's field label
    ],
)
def test_tail_phenomena_are_removed(line, label):
    blocks = classify("新闻中心", P1, P2, P3, line)
    assert labels_of(blocks, line) == label
    assert labels_of(blocks, P3) == BODY


def test_reasons_name_the_rule_and_the_lexicon_entry():
    blocks = classify(P1, P2, "分享到")
    assert blocks[-1].reason == "chrome: lexicon 'share' matched '分享到'"
    # the font-size control between the byline and the text, smallest size first
    blocks = classify("青溪河湖治理会议召开", "2017年12月9日 00:26", "小 中 大", P1, P2)
    assert labels_reason(blocks, "小 中 大") == "chrome: lexicon 'chrome' matched '=小中大'"


def test_related_tail_is_dropped_as_a_whole():
    teaser = "他们研制出一种新型低温储能材料，使续航延长近4倍，为极地科考等场景带来新的选择。"
    blocks = classify(P1, P2, P3, "推荐阅读", teaser, "2026-01-15 04:05", teaser.replace("4倍", "5倍"), "2026-01-15 04:55")
    assert [b.label for b in blocks[:3]] == [BODY] * 3
    assert {b.label for b in blocks[3:]} == {RELATED}
    assert "推荐阅读" in blocks[5].reason



def test_a_health_pages_doctor_box_and_its_medical_disclaimer_are_not_the_text():
    bio = "医学硕士，从事心血管内科临床工作十余年，擅长高血压、冠心病的诊断与治疗。"
    note = "本文仅供健康科普参考，不能代替医生面诊。如有不适，请及时到正规医院就诊。"
    blocks = classify(P1, P2, P3, "专家简介", "周文博", "心内科 主治医师", bio, "出诊时间：周二上午", "预约挂号", note)
    assert [b.label for b in blocks[:3]] == [BODY] * 3
    assert labels_of(blocks, "专家简介") == RELATED and labels_of(blocks, bio) == RELATED
    assert labels_of(blocks, note) == DISCLAIMER

def test_related_box_inside_an_article_does_not_cut_it():
    blocks = classify(P1, "相关新闻", "区委召开全会", P2, P3)
    assert labels_of(blocks, P2) == labels_of(blocks, P3) == BODY
    assert labels_of(blocks, "相关新闻") == labels_of(blocks, "区委召开全会") == RELATED
    # its headlines, however many, up to the next paragraph
    headlines = ["青溪区河长制工作会议召开", "溪北街道启动河道清淤 三个月完成", "区委常委会研究部署治水工作"]
    blocks = classify(P1, P2, "相关新闻", *headlines, P3, P1.replace("9月29日", "10月8日"))
    assert [b.label for b in blocks if b.text in headlines] == [RELATED] * 3
    assert "相关新闻" in blocks[3].reason and labels_of(blocks, P3) == BODY


def test_comment_section_after_the_article_is_removed():
    comment = "说得很好，我们单位也要认真学习贯彻会议精神，把各项工作落到实处。"
    blocks = classify(P1, P2, "网友评论", comment, comment + "支持！")
    assert [b.label for b in blocks[:2]] == [BODY, BODY]
    assert all(b.label != BODY for b in blocks[2:])


def test_title_and_byline_go_to_metadata():
    blocks = classify("首页 > 要闻", "中共青溪区委河湖治理工作会议召开", "来源:北京市东城区人民政府2022-09-30 16:04", P1, P2, "[ 责编:季芳遥 ]")
    assert [(b.label, b.field) for b in blocks] == [
        (CHROME, ""),
        (TITLE, "title"),
        (METADATA, "source"),
        (BODY, ""),
        (BODY, ""),
        (METADATA, "editor"),
    ]


# -- negatives: what must stay in the body --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "会议推荐了一批优秀青年干部，并分享了基层治理的经验做法。",
        "代表们表示，要把免责条款写清楚，让基层干部敢于担当、放手干事。",
        "相关部门要加强协调配合，形成工作合力，共同推动政策落地见效。",
        "他在发言中分享到：“只有扎根基层，才能真正了解群众的需求。”",
    ],
)
def test_body_sentences_with_lexicon_words_are_kept(sentence):
    blocks = classify(P1, sentence, P2)
    assert labels_of(blocks, sentence) == BODY, blocks


def test_numbered_policy_list_of_short_lines_is_kept():
    items = ["一、加强组织领导；", "二、健全工作机制；", "三、强化督促检查；", "四、营造良好氛围。"]
    blocks = classify(P1, *items, P2)
    assert [labels_of(blocks, item) for item in items] == [BODY] * 4


def test_names_and_headings_between_paragraphs_are_kept():
    blocks = classify(P1, "青溪区委常委、组织部部长", "温国栋", P2, "溪南区委常委、宣传部部长", "贺川", P3)
    assert all(b.label == BODY for b in blocks)


def test_a_short_body_is_kept():
    blocks = classify("新的正文内容。")
    assert [b.label for b in blocks] == [BODY]


def test_empty_input():
    assert classify_blocks([], CONFIG) == []


def test_html_blocks_use_tag_and_link_density():
    blocks = [
        Block("要闻 时政 国际 财经", tag="ul", link_density=0.95),
        Block("区委河湖治理工作会议召开", tag="h1"),
        Block(P1, tag="p"),
        Block(P2, tag="p"),
    ]
    classify_blocks(blocks, CONFIG)
    assert [b.label for b in blocks] == [CHROME, TITLE, BODY, BODY]
    assert "link density" in blocks[0].reason


def test_multi_column_dump_drops_the_sidebar_column():
    side = " " * 60
    text = "\n".join(
        [f"  {P1[:40]}{side}· 热点新闻一", f"  {P1[40:]}", f"{side}  · 专题报道二", f"  {P2}", f"  {P3}{side}· 图片新闻三"]
    )
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1[:40], P1[40:], P2, P3]


def test_lexicon_syntax():
    lexicon = parse_lexicon("t", ["# comment", "=分享", "^您的位置", "设为首页"])
    assert lexicon.match("【分享】") == "=分享"
    assert lexicon.match("您的位置：首页") == "^您的位置"
    assert lexicon.match("点此设为首页吧") == "设为首页"
    assert lexicon.match("分享经验") is None
    suffixed = parse_lexicon("t", ["$[编辑]", "$[修改]", "^当前位置", "^位置"])
    assert suffixed.match("历史[编辑]") == "$[编辑]" and suffixed.match("历史[修改]") == "$[修改]"
    assert suffixed.match("位置：首页") == "^位置" and suffixed.match("当前位置：首页") == "^当前位置"
    assert suffixed.match("点[编辑]按钮") is None


@pytest.mark.parametrize("header", ["热门评论 7条", "全部评论(12)", "评论（0）", "网友评论：1,024"])
def test_an_exact_header_may_say_how_many_items_it_holds(header):
    lexicon = parse_lexicon("t", ["=热门评论", "=全部评论", "=评论", "=网友评论"])
    assert lexicon.match(fold_text(header)) is not None
    # a count is all it may add: another word makes it another header
    assert lexicon.match(fold_text(header + "规则")) is None


@pytest.mark.parametrize(
    ("text", "sentence_like"),
    [
        (P1, True),
        ("简虹:用脚量、用眼看、用心记、用力干 把全市河湖长制会议要求落到实处", False),
        ("连日来，沿河各村广泛关注、热烈讨论，认真学习河湖长制会议要求。大家一致认为...", False),
        ("（作者系青溪市委常委、宣传部部长）", True),
        # a sentence with a note after its stop: a photo's credit, the wire's end mark
        ("青溪縣一名男子墜樓不治。（圖／翻攝畫面）", True),
        ("会议要求各级党组织切实履行主体责任。(完)", True),
        ("青溪县召开河湖治理工作会议（图）", False),
        # a hard-wrapped line of prose pauses at commas without ending a sentence ...
        ("青溪县今年新建高标准农田十二万亩，改造提升老旧灌区三处，带动周边农户", True),
        # ... a row of headlines a renderer ran together hardly ever does
        ("".join(f"青溪{n}號案凶嫌遭聲押 檢方首度發英文版新聞稿說明{'！' if n % 9 == 0 else ''}" for n in range(20)), False),
    ],
)
def test_sentence_signal(text, sentence_like):
    assert compute_signals(text).sentence_like is sentence_like


def test_markdown_dump_from_another_renderer():
    """html2text/pandoc-style output: link rows, '#' headings, a related list at the end."""
    text = "\n".join(
        [
            "* [首页](http://www.example.gov.cn/) * [新闻](http://www.example.gov.cn/news/)",
            "# 区委河湖治理工作会议召开",
            "发布时间：2022-09-30 16:04",
            P1,
            P2,
            "## 相关阅读",
            "* [区政协召开常委会议](http://www.example.gov.cn/a.html)",
            "* [区人大常委会举行专题讲座](http://www.example.gov.cn/b.html)",
        ]
    )
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2]
    assert blocks[0].label == CHROME and "links" in blocks[0].reason
    assert (blocks[1].label, blocks[2].field) == (TITLE, "date")
    assert {b.label for b in blocks[5:]} == {RELATED}


def test_english_page_chrome():
    prose = "The city council approved the new budget on Tuesday, after a debate that lasted well into the night."
    more = "Officials said the plan would fund road repairs and two new libraries over the next three years."
    blocks = classify("Home", "Sign in", "Council approves budget", prose, more, "Share this article", "Related stories", "Budget talks stall")
    assert [b.text for b in blocks if b.label == BODY] == [prose, more]
    assert labels_of(blocks, "Council approves budget") == TITLE


def test_a_second_copy_of_the_article_is_not_body():
    blocks = classify("标题", P1, P2, "打印本页", "关闭窗口", P1, P2)
    assert [b.label for b in blocks[1:3]] == [BODY, BODY]
    assert all(b.label != BODY for b in blocks[3:])


def test_a_headline_printed_as_every_images_alt_text_is_not_body():
    """A text browser prints each image's alt text; sites set it to the headline."""
    headline = "青溪县启动河湖治理三年行动，沿江六镇同步推进"
    rule = "-" * 30
    blocks = classify("首页 | 要闻", headline, "2025-06-09 10:30", P1, headline, P2, headline, rule, P3, rule, rule)
    assert [b.label for b in blocks if b.text == headline] == [TITLE, CHROME, CHROME]
    assert [b.label for b in blocks if b.text in (P1, P2, P3)] == [BODY] * 3
    # a repeated rule is no copy of anything: it still cuts what follows it off the text
    blocks = classify("首页 | 论坛", P1, P2, rule, "楼主有病!", rule, "我赞成", rule)
    assert labels_of(blocks, "我赞成") != BODY


def test_an_images_alt_text_printed_with_its_caption_is_kept_once():
    """Renderers print an image's alt text and then its caption, on one line or two."""
    caption = "青溪县沿江六镇巡河现场（资料图）"
    for printed in (f"{caption}{caption}", f"{caption} {caption}", f"{caption}\n{caption}"):
        blocks = classify("区委河湖治理工作会议召开", P1, printed, P2, P3)
        assert [b.label for b in blocks if b.text == caption] == [BODY, CHROME]
    # a short word said twice is a word, and a line is never cut in two unless both halves match
    blocks = classify("区委河湖治理工作会议召开", P1, "谢谢谢谢", P2, "加油！加油！", P3)
    assert {"谢谢谢谢", "加油！加油！"} <= {b.text for b in blocks}


def test_title_is_the_line_that_shares_words_with_the_article():
    blocks = classify("首页 | 要闻", "区委河湖治理工作会议召开", "专题报道", P1, P2)
    assert [(b.label, b.field) for b in blocks[:3]] == [(CHROME, ""), (TITLE, "title"), (CHROME, "")]


def test_no_title_when_no_line_above_matches_the_article():
    blocks = classify("网站首页", "专题报道", P1, P2)
    assert TITLE not in {b.label for b in blocks}


def test_a_notice_keeps_its_closing_signature():
    blocks = classify("关于市民中心停车场临时封闭的公告", P1, "青溪市机关事务管理局", "2025年6月5日", "【打印】【关闭】")
    assert [b.label for b in blocks[1:4]] == [BODY, BODY, BODY]
    assert blocks[4].label == CHROME


def test_quoted_lexicon_phrases_are_talked_about_not_used():
    sentence = "法院指出，原告在文末明确写有“未经授权禁止转载”，被告的行为不符合合理使用的法定情形。"
    blocks = classify(P1, sentence, P2)
    assert labels_of(blocks, sentence) == BODY


def test_a_list_announced_by_a_colon_is_kept():
    items = ["中央圖書館", "沙田公共圖書館", "荃灣公共圖書館", "屯門公共圖書館"]
    blocks = classify("網站首頁", P1, "延長開放時間的圖書館名單如下：", *items, "（另外五間圖書館名單載於附件。）", "返回頂部")
    assert [b.label for b in blocks[1:-1]] == [BODY] * 7
    assert blocks[-1].label == CHROME


@pytest.mark.parametrize("promo", [
    "想追蹤更多在地消息嗎？歡迎下載青溪日報APP，每天簽到還能換好禮！",
    "下載溪北電台手機應用程式，隨時隨地收聽新聞及直播節目。",
])
def test_inline_promotions_are_removed_even_as_sentences(promo):
    blocks = classify(P1, promo, P2)
    assert labels_of(blocks, promo) == CHROME
    assert "promo" in blocks[1].reason


def test_html_keeps_what_the_front_end_chose_unless_evidence_speaks_against_it():
    schedule = ["8:30－8:50 开幕式", "主持人：某大学管理学院副院长", "9:00－10:00 主题演讲"]
    blocks = [
        Block("年会议程", tag="h1"),
        Block(P1, tag="p"),
        *(Block(line, tag="p") for line in schedule),
        Block("（完）", tag="p"),
        Block("香港时间15时30分", tag="p"),
    ]
    classify_blocks(blocks, CONFIG)
    assert [b.label for b in blocks[1:5]] == [BODY, BODY, BODY, BODY]
    assert blocks[5].label == CHROME and blocks[6].label != BODY


def test_a_text_dump_without_prose_keeps_its_listing():
    rows = [f"第{n}场 {n}号会议室 专题讨论{'（上）' * (n % 3)} 主持人：某大学 某教授 评论人：某研究所" for n in range(1, 30)]
    text = "\n\n".join(["首页 | 新闻 | 会议", "会议议程", *rows, "版权所有 京ICP备05060933号"])
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert all(labels_of(blocks, row) == BODY for row in rows)
    assert labels_of(blocks, "首页 | 新闻 | 会议") == CHROME


def test_a_menu_of_headlines_above_a_short_article_is_no_listing():
    """A portal prints its whole menu (sections, then a dozen headlines each) as plain
    lines above a one-paragraph wire story: the menu is the longest stretch without
    prose, but it ends where the article starts, so the article is the text."""
    sections = ["即時", "政治", "國際", "兩岸", "產經", "證券", "科技", "生活", "社會", "地方", "文化", "運動"]
    headlines = [f"青溪{place}第{n}屆{event}今開幕" for n in range(1, 9)
                 for place, event in (("縣", "農產品展銷會"), ("鎮", "龍舟邀請賽"), ("港", "海洋音樂節"))]
    menu = [line for section in sections for line in (section, *headlines[: len(headlines) // 2])]
    story = "（青溪社記者林小雨青溪19日電）青溪縣一家輪胎行今天清晨發生大火，7人從火場中疏散；由於火勢延燒猛烈，一名女子逃生不及。"
    footer = [*sections, "關於我們", "聯絡我們", "隱私權聲明"]
    blocks = classify("首頁", *menu, "首頁 / 社會", "輪胎行惡火 1人不治", "2016/03/19 10:48", story, *footer)
    assert labels_of(blocks, story) == BODY
    assert all(b.label != BODY for b in blocks if b.text != story)


def test_the_empty_rows_of_a_bordered_layout_table_cost_nothing():
    """w3m draws a page laid out in a bordered table with its sides on every line (the
    table's rules broken up by the cells beside it, so it is not read as one table); the
    empty rows between paragraphs (│ … │) are blank lines, not walls inside the text."""
    heading = "│ 第二章　监察机关及其职责 │"
    blocks = classify("首页 | 法规", f"│ {P1} │", "│          │", heading, "│          │",
                      "│          │", f"│ {P2} │", "│          │", "│          │", f"│ {P3} │")
    assert labels_of(blocks, f"│ {P1} │") == BODY and labels_of(blocks, f"│ {P3} │") == BODY
    assert labels_of(blocks, heading) == BODY
    assert "frame" in blocks[2].reason


def test_nested_list_bullets_of_a_text_browser_mark_list_items():
    """w3m prints a nested list's items after a white square; they are link lists."""
    assert compute_signals("□ 青溪縣第一屆農產品展銷會今開幕").bullet
    assert compute_signals("□本报记者 葛青").bullet is False  # a newspaper's byline mark
    assert compute_signals("□□□年□月□日").bullet is False  # illegible characters


def test_interview_questions_are_not_bylines():
    question = "记者：请问你怎样看待今年的农业补贴政策，对农民有什么影响？"
    blocks = classify("记者：张三", P1, question, P2, P3)
    assert labels_of(blocks, question) == BODY
    assert labels_of(blocks, "记者：张三") == METADATA


def test_comment_header_quoting_the_post_title():
    blocks = classify(P1, P2, "《短视频热潮席卷校园 冲击传统课堂》已有1件评论", P3)
    assert labels_of(blocks, P3) != BODY


def test_a_post_dated_below_its_text():
    blocks = classify("首页 | 博客", P1, P2, "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)", "评论", "2004-12-28 09:00 网友：好文章")
    assert labels_of(blocks, "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)") == METADATA
    assert labels_of(blocks, "2004-12-28 09:00 网友：好文章") != METADATA


@pytest.mark.parametrize("line", ["Saturday, September 10th, 2005", "March 2nd, 2009 at 9:40 pm", "10 Sep 2005 14:05"])
def test_an_english_date_line_is_a_date_line(line):
    """Blog themes print the post's date in English, also above a Chinese post."""
    blocks = classify("首页 | 博客", line, P1, P2)
    assert labels_of(blocks, line) == METADATA


def test_a_profile_box_above_a_dated_post_header_is_not_the_post():
    profile = "我是一个普通的男生，一个喜欢爬山的男生。"
    blocks = classify("首页 | 博客", profile, "昨天去溪口钓鱼 (图)  2005-03-21 01:20:44", P1, P2, P3)
    assert labels_of(blocks, profile) != BODY
    assert labels_of(blocks, P1) == BODY
    # ... and a site's notice above a headline and its labelled dateline
    notice = "本刊提供免费订阅，任何第三方平台的赠送或售卖行为均未获得本刊授权！"
    headline = "区委召开河湖治理工作会议：网格巡河“一次顶十次”"
    blocks = classify("杂志声明", notice, "广告", headline, "时间：2019-09-25 作者：网络整理 阅读：1644", P1, P2, P3)
    assert [b.label for b in blocks[1:5]] == [CHROME, CHROME, TITLE, METADATA]
    # ... or a headline that exclaims over its author's name and a dateline with no year
    headline = "区委召开河湖治理工作会议，巡河变网格！街道负责同志逐一发言"
    blocks = classify("百度首页", "个人中心", headline, "青溪必读", "发布时间：10-08 12:00", P1, P2, P3)
    assert [b.label for b in blocks[2:5]] == [TITLE, CHROME, METADATA]
    # a schedule's time line names no day: the text goes on above it
    blocks = classify("首页 | 会议", P1, "时  间：下午2:30", P2, P3, P2[::-1], P3[::-1])
    assert labels_of(blocks, P1) == BODY


def test_a_news_ticker_above_the_headline_and_its_date_is_not_the_article():
    """A ticker's headlines, run into one line by the renderer, read as a paragraph of prose."""
    ticker = "河道清淤工程本周启动！沿岸居民纷纷点赞：终于等到了...暴雨过后道路积水严重　市政连夜抽排...结局令人意外！青溪夜市人气爆棚，摊主：忙不过来"
    blocks = classify("快讯", ticker, "青溪河湖治理会议召开", "2017年12月9日 00:26", P1, P2, P3, P1[8:], P2[8:])
    assert labels_of(blocks, ticker) != BODY
    assert labels_of(blocks, "青溪河湖治理会议召开") == TITLE


def test_the_headline_printed_again_as_image_alt_text_is_not_body():
    """A text browser prints an image's alt text, often the headline, where the image was."""
    headline = "青溪河湖治理会议召开，经典治理办法与网格巡河结合"
    share_box = ["首页 / 新闻 / 正文", "转发", "微博", headline, "微信"]
    blocks = classify(*share_box, headline, "原创 青溪发布 2019-09-04 22:18:34", P1, P2, headline, headline, headline, P3)
    assert [b.label for b in blocks].count(BODY) == 3
    assert labels_of(blocks, P3) == BODY


def test_a_table_announced_at_the_end_of_the_article_is_kept():
    cells = ["发动机总排量：1171ml", "最大功率：51Kw／6000rpm", "驱动型式：前置前驱", "变速箱：手动五速"]
    text = "\n\n".join(["首页 | 汽车", P1, P2, "动力系统主要参数：", *cells, "【打印】 【关闭】", "版权所有 京ICP备05060933号"])
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert all(labels_of(blocks, cell) == BODY for cell in cells)
    assert labels_of(blocks, "【打印】 【关闭】") == CHROME


def test_symbol_lines_inside_the_text_are_its_own_rules_are_not():
    blocks = classify(P1, "“……”", P2, "------------------------------", P3)
    assert labels_of(blocks, "“……”") == BODY
    assert labels_of(blocks, "------------------------------") == CHROME
    assert labels_of(classify("* * *", P1, P2), "* * *") == CHROME
    blanks = "“______________，______________。”"  # an exercise's line of blanks
    assert labels_of(classify(P1, blanks, P2), blanks) == BODY


# -- wikis, figures, decorated headings ------------------------------------------------


def _wiki(*sections: tuple[str, list[str]]) -> list[Block]:
    lines = ["跳到导航 跳到搜索", P1]
    for heading, body in sections:
        lines += [f"{heading} [ 编辑 ]", *body]
    return classify(*lines, "* 查", "* 论", "* 编", "相关条目", "* 东城区", "* 西城区", "隐私政策")


def test_a_wiki_article_runs_through_its_edited_sections():
    works = ["* 《青溪志》（1998年）", "* 《青溪风物》（2004年）", "发行日期：2004年6月19日"]
    blocks = _wiki(("历史", [P2]), ("作品", works), ("外部链接", ["* 青溪镇人民政府网站"]))
    kept = [b.text for b in blocks if b.label == BODY]
    assert kept == [P1, "历史 [ 编辑 ]", P2, "作品 [ 编辑 ]", *works, "外部链接 [ 编辑 ]", "* 青溪镇人民政府网站"]
    assert all(b.field == "" for b in blocks)  # a table's 发行日期 cell is not the page's date
    assert "tail" in blocks[-3].reason  # the navigation box after the view/talk/edit links


def test_an_infobox_photos_file_name_does_not_end_a_wiki_articles_head():
    """Above the lead, the infobox's cells belong to the article up to the page's
    navigation; its photo's file name is removed, but is no end of it."""
    infobox = ["青溪镇", "所属", "南岭市", "Qingxi_town_hall_2014.jpg", "驻地", "青溪街", "面积", "128平方公里"]
    lines = ["跳到导航 跳到搜索", *infobox, P1]
    for heading, body in (("历史", [P2]), ("地理", [P3]), ("经济", [P2[::-1]])):
        lines += [f"{heading} [ 编辑 ]", *body]
    blocks = classify(*lines, "* 查", "* 论", "* 编", "隐私政策")
    assert labels_of(blocks, "Qingxi_town_hall_2014.jpg") == CAPTION
    assert [labels_of(blocks, line) for line in infobox[:3]] == [BODY] * 3


def test_two_edit_links_do_not_make_a_wiki():
    comment = "说得很好，我们单位也要认真学习贯彻会议精神，把各项工作落到实处。"
    blocks = classify(P1, P2, "网友评论", comment, "个人资料 [编辑]", "我的相册 [编辑]", "* 阳台 (12)")
    assert [b.label for b in blocks[:2]] == [BODY, BODY]
    assert all(b.label != BODY for b in blocks[2:])


@pytest.mark.parametrize("line", ["1. 点标题下方的[编辑]", "欢迎你 | 退出 | [编辑]", "改完以后再点一次[编辑]。"])
def test_steps_link_rows_and_sentences_are_not_wiki_headings(line):
    blocks = classify(P1, line, P2, "历史 [编辑]", P3, "网友评论", "说得很好，我们单位也要认真学习贯彻会议精神。")
    assert labels_of(blocks, "说得很好，我们单位也要认真学习贯彻会议精神。") != BODY


def test_a_figure_announced_by_the_last_sentence_is_kept():
    figure = ["申请人取号", "│", "↓", "窗口受理 ──→ 一次性告知补正", "↓", "领取证书"]
    blocks = classify("首页 | 办事指南", P1, "具体办理流程见下图：", *figure, "【打印本页】")
    assert [b.text for b in blocks if b.label == BODY] == [P1, "具体办理流程见下图：", *figure]
    # a table's frame is no figure: without arrows its rules stay layout
    table = ["┌────┬────┐", "型号    价格", "├────┼────┤", "A1    120元", "└────┴────┘"]
    blocks = classify("首页 | 产品", P1, "主要参数如下：", *table, "【打印本页】")
    assert [b.text for b in blocks if b.label == BODY] == [P1, "主要参数如下：", "型号", "价格", "A1", "120元"]


def test_a_heading_framed_by_the_same_mark_is_not_a_list_item():
    assert not compute_signals("·温馨提示·").bullet
    assert compute_signals("· 热点新闻一").bullet
    blocks = classify(P1, "·温馨提示·", P2)
    assert labels_of(blocks, "·温馨提示·") == BODY


def test_teaser_snippets_in_a_far_sidebar_column_are_not_body():
    """Portal sidebars show a headline and a cut-off snippet that reads like prose."""
    snippet = "记者从市水务集团获悉，居民用水价格调整听证会将于下月中旬举行，目前正"
    side = " " * 100
    text = "\n".join([f"  {P1}{side}水价听证会下月举行", f"  {side}{snippet}", f"  {P2}{side}热点专题", f"  {P3}"])
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]
    assert "column" in labels_reason(blocks, snippet)


def labels_reason(blocks: list[Block], text: str) -> str:
    return next(b.reason for b in blocks if b.text == text)


def test_a_comment_below_the_comment_header_is_not_the_article():
    """A reader's comment may quote a whole article; its name and time line give it away."""
    quoted = [p[i:] + p[:i] for p in (P1, P2, P3) for i in (0, 5, 10, 15)]  # longer than the article
    header = ["《区委河湖治理工作会议召开》已有1件评论", "1. 新宠的评论", "September 19th, 2005 at 7:32 pm"]
    blocks = classify(P1[5:], P2[5:], P3[5:], *header, *quoted)
    assert [b.label for b in blocks[:3]] == [BODY] * 3
    assert all(b.label != BODY for b in blocks[3:])


def test_a_comment_whose_stamp_opens_its_text_is_not_the_article():
    """A renderer may run a comment's time into its text: the line is prose, stamped at its head."""
    # a long comment: even discounted after its header, it outweighs the article
    quoted = "".join(p[i:] + p[:i] for p in (P1, P2, P3) for i in (0, 5)) * 3
    for stamp in ("September 19th, 2005 at 7:32 pm", "2005-09-19 19:32"):
        comment = f"{stamp}  {quoted}"
        blocks = classify(P1, P2, P3, "《区委河湖治理工作会议召开》已有1件评论", "1. 新宠的评论", comment)
        assert [b.label for b in blocks[:3]] == [BODY] * 3
        assert labels_of(blocks, comment) != BODY


def test_leaked_page_source_is_debris_with_all_its_paragraphs():
    """A template's paragraphs (indented with full-width spaces) go with its tags."""
    source = (
        '<li><a href="#p=1"><img src="s_1.jpg" /></a> <p>导语写在这里，不是正文。　　'
        "这一段在模板的中间，两头都没有标签，也不是正文。　　末段也在模板里。</p> <i>http://img.example.cn/1.jpg</i></li>"
    )
    blocks = classify(P1, P2, P3, source)
    assert [b.label for b in blocks[:3]] == [BODY] * 3
    assert all(b.label == CHROME and "markup" in b.reason for b in blocks[3:])


def test_teasers_ending_with_a_link_to_the_rest_are_related_reading():
    teasers = [P2[6:] + "【详细】", P3[6:] + "【详细】"]
    assert compute_signals(teasers[0]).truncated and compute_signals("更多新闻请看 更多>>").truncated
    blocks = classify(P1, P2, P3, "(责编：汤小瑶)", "推荐阅读", *teasers)
    assert [labels_of(blocks, t) for t in teasers] == [RELATED, RELATED]


def test_a_teaser_box_printing_each_headline_twice_is_related_reading():
    """The second copy of a teaser's headline may run into its snippet: still a repeat."""
    headline = "河湖治理攻坚战打响 各街道全面开展巡河"
    snippet = (
        "近日，青溪区各街道全面开展河道巡查工作，累计出动巡河人员三百余人次，清理河道垃圾二十余吨，"
        "整改问题点位四十余处。区河长办表示，下一步将建立巡河台账，对发现的问题实行销号管理，确保件件有落实。"
    )
    blocks = classify(P1, P2, P3, "延伸 · 推荐", headline, snippet, headline + snippet)
    assert [b.label for b in blocks[:3]] == [BODY] * 3
    assert {b.label for b in blocks[3:]} == {RELATED}
    assert "'=延伸推荐'" in blocks[3].reason


def test_a_related_label_with_its_link_is_one_line_not_a_section_header():
    """此前報道：<title> links one earlier story; the editor's line below it is still the byline's."""
    link = "此前報道：青溪區推出「樂齡科技」試用計劃 逾千名長者受惠 首批名額已滿"
    blocks = classify(P1, P2, P3, link, "(責編：麥嘉欣、唐志遠)", "推薦閱讀", "• 社區藥房延長開放時間")
    assert labels_reason(blocks, link) == "related: lexicon 'related' matched '^此前报道：'"
    assert labels_of(blocks, "(責編：麥嘉欣、唐志遠)") == METADATA
    assert extract_metadata(blocks)["editor"] == "麥嘉欣 唐志遠"


def test_the_link_of_a_control_broken_onto_the_next_line_goes_with_it():
    blocks = classify(P1, "点击进入专题：", "聚焦河湖治理", P2, P3)
    assert labels_of(blocks, "聚焦河湖治理") == CHROME
    assert labels_reason(blocks, "聚焦河湖治理") == "chrome: the link of '点击进入专题：' on the line above"
    # a share bar's label owns nothing: the headline often follows it
    blocks = classify("分享到：", "河湖治理会议召开", P1, P2, P3)
    assert labels_of(blocks, "河湖治理会议召开") == TITLE
    # a sentence or a numbered heading after a control is the text's own
    blocks = classify(P1, "点击进入专题：", "一、总体要求", P2, P3)
    assert labels_of(blocks, "一、总体要求") == BODY


def test_a_bulleted_byline_label_is_still_a_label():
    blocks = classify(P1, P2, P3, "□ 责任编辑: 刘响", "小编最近文章", "他对政治没兴趣2015-09-22")
    assert labels_of(blocks, "□ 责任编辑: 刘响") == METADATA
    assert labels_of(blocks, "小编最近文章") == RELATED


def test_short_closing_lines_above_the_editor_line_are_the_texts():
    """A post in short lines ends in lines that weigh against the text one by one; the
    editor's line below them says where the article ends."""
    closing = ["此外", "码头商业街也在同步招商", "这么气派的游船码头", "周末约起来了！！！"]
    blocks = classify(P1, P2, P3, *closing, "编辑|张小青", "责编|李大川", "分享到", "热门推荐", "青溪女排夺得省运会冠军")
    assert [labels_of(blocks, line) for line in closing] == [BODY] * 4
    assert labels_of(blocks, "编辑|张小青") == METADATA
    # a link to a special topic between them: the text ended before it
    blocks = classify(P1, P2, P3, "点击进入专题：", "聚焦河湖治理", "编辑|张小青")
    assert labels_of(blocks, "聚焦河湖治理") != BODY
    # without an editor's line nothing says they belong to the text
    blocks = classify(P1, P2, P3, *closing, "分享到", "热门推荐", "青溪女排夺得省运会冠军")
    assert labels_of(blocks, "此外") != BODY


def test_a_post_footer_ends_the_post_on_a_blog_front_page():
    """A blog's front page prints its latest posts one after the other: the first is the page's."""
    posts = [
        ("会议侧记 (图) 2007-04-15 21:36:02", [P1, P2], "由山间小溪发表 @ 2007-04-15 21:36:02 (阅读 212) 共 4 条评论 发表评论 >>>"),
        ("会议再记 2007-04-12 08:10:45", [P3, P1[5:], P2[5:]], "posted @ 2007-04-12 08:10 山间小溪 阅读(167) 评论(2)"),
    ]
    lines = ["溪边博客首页 | 登录 | 帮助", "教学手记 (30)"]
    for header, paragraphs, footer in posts:
        lines += [header, *paragraphs, "[ 打印 ]", footer]
    blocks = classify(*lines)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2]
    assert labels_of(blocks, posts[0][2]) != BODY
    # the post's header holds its title and time; an archive link with its count is no title
    assert extract_metadata(blocks) == {"title": "会议侧记 (图)", "date": "2007-04-15 21:36"}


def test_a_reply_list_run_together_on_one_line_is_not_the_article():
    """A renderer that flattens a table cell prints a forum's reply tree as one long line."""
    replies = "".join(f"+ 回复{k}：说得对，我也遇到过这种事【网友{k}】08-{10 + k} {8 + k % 12:02d}:30 0字 [{k}/0]" for k in range(14))
    assert len(replies) > CONFIG.teaser_max_chars
    blocks = classify("论坛首页 | 网闻贴吧", P1, P2, P3, replies)
    assert labels_of(blocks, replies) == CHROME
    assert "14 dated items" in next(b.reason for b in blocks if b.text == replies)
    # prose that mentions a few dates is prose however long it runs
    history = "".join(f"{2000 + k}年3月{k + 1}日，{P1}" for k in range(4))
    assert labels_of(classify("首页 | 新闻", history, P2), history) == BODY


def test_a_breadcrumb_ending_with_the_page_title_is_chrome():
    crumb = "青溪论坛 → 数码生活 → [原创]旧手机别急着扔，改成家里的监控摄像头 【全文搜索】"
    blocks = classify(crumb, P1, P2)
    assert labels_of(blocks, crumb) == CHROME and "breadcrumb" in blocks[0].reason
    step = "苹果手机先到 设置 > 通用 > 关于本机 里确认系统版本，太老的系统装不上新软件。"
    assert labels_of(classify(P1, step, P2), step) == BODY


def test_a_comment_link_in_the_navigation_discounts_nothing():
    notice = "公告：论坛将于本周六凌晨两点至四点停机维护，届时无法发帖和回复，敬请谅解。"
    blocks = classify("青溪论坛", notice, "首页", "版块", "留言", "帮助", "登录", P1, P2)
    assert [b.label for b in blocks[-2:]] == [BODY] * 2
    assert labels_of(blocks, notice) != BODY


def test_image_placeholders_between_paragraphs_are_removed_and_cost_nothing():
    """w3m prints an image as its file name in brackets; an image inside the text is
    no evidence against it."""
    names = ["[1749630521]", "[0543172fdf]", "[menu_b_03]", "[图片]"]
    blocks = classify("首页 | 新闻", P1[:30] + "。", *names, P2)
    assert labels_of(blocks, P1[:30] + "。") == BODY
    assert [labels_of(blocks, name) for name in names] == [CAPTION] * 4
    assert compute_signals("未归类 (88)").counter and not compute_signals("[1749630521]").counter
    references = classify(P1, P2, "参考文献", "[1]", "林子墨. 县域农产品电商的冷链配送问题研究[D]. 青溪理工大学, 2011.")
    assert labels_of(references, "[1]") == BODY  # a reference's number, not an image


def test_a_table_printed_one_cell_a_line_is_kept():
    """get_text-style renderers put every table cell on its own line; numbers give it away."""
    cells = ["序号", "单位", "人数", "金额", "1", "青溪市第一人民医院", "12", "104400", "2", "青溪市图书馆", "3", "32400",
             "合计", "15", "136800"]
    blocks = classify("首页 | 公示", P1, *cells, P2)
    assert [b.label for b in blocks[1:-1]] == [BODY] * (len(cells) + 1)
    pager = ["1", "2", "3", "4", "5", "6"]  # counting numbers are a pager, not data
    blocks = classify(P1, *pager, P2, P3)
    assert labels_of(blocks, "4") != BODY


def test_lines_of_characters_lost_before_capture_cost_nothing():
    blocks = classify("首页 | 新闻", P1, "\ufffd\ufffd\ufffd\ufffd", "\ufffd\ufffd", P2)
    assert [b.label for b in blocks[1:]] == [BODY, CHROME, CHROME, BODY]
    assert "U+FFFD" in blocks[2].reason


def test_a_bullet_printed_on_its_own_line_costs_nothing():
    """get_text puts a list item's bullet on a line of its own; it is layout, not a wall
    between an article's first paragraph and the rest."""
    lead = "零花钱是外公外婆以及舅舅、姑姑给我们的，应该由自己安排。"
    blocks = classify("首页 | 财经", lead, "·", "青溪楼市迎来政策窗口期", "·", "公积金贷款额度上调", P1, P2)
    assert labels_of(blocks, lead) == BODY
    assert "bullet" in blocks[2].reason
    # ... nor between a list's lead-in and its items
    names = ["阿峰被撞成“熊猫眼”", "林雨桐遇险后首露面", "高岚", "罗家明亲述受伤经过", "邓子航心有余悸"]
    items = [line for name in names for line in ("·", name)]
    blocks = classify("首页 | 娱乐", "片场受伤事件屡见不鲜。下面一起盘点几位演员受伤事件：", *items, P1, P2)
    assert [b.label for b in blocks[1:]] == [BODY] + [CHROME, BODY] * len(names) + [BODY, BODY]


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("「原告人某某与同事林某某、韩某某于1996年8月14日离开本地到省城反映情况", True),  # date mid-line
        ("由于水价的调整可以追溯到2007年9月12日，青溪水务的一位负责人显得格外", True),  # clauses
        ("2006年4月11日至6月2日，来自青溪县城的退休老教师在溪口镇翠屏山景区里", True),
        ("2022年02月13日 星期日 青溪日报社主办", False),  # a dateline: few words
        ("由山丫头张贴 @ 2005-03-21 01:20:44 (359) 共 3 篇评论 发表评论 >>>", False),  # a post stamp
        ("青溪夏季用电负荷创新高全市日最高负荷突破五百万千瓦 2025-06-09", False),  # a teaser's stamp
        ("《光明日报》（2022年02月13日02版）", False),
    ],
)
def test_a_date_mentioned_in_prose_is_no_stamp(line, prose):
    """Hard-wrapped dumps cut prose into lines; a line that holds a date amid words is
    prose, not a date line (the date line verdict would drop it from the middle of the text)."""
    sig = compute_signals(line)
    assert sig.dated and sig.dated_prose == prose and sig.stamped != prose


def test_a_wrapped_line_of_prose_with_a_date_stays_in_the_text():
    wrapped = ["9月29日，区委河湖治理工作会议召开。会议回顾了该区河长制工作自", "1983年4月12日恢复建制以来走过的历程，总结了主要经验和", "做法。", P2, P3]
    blocks = classify("首页 | 新闻", "2022-09-30 08:00 来源：青溪日报", P1, *wrapped)
    assert [labels_of(blocks, line) for line in wrapped] == [BODY] * 5
    assert blocks[1].label == METADATA


def test_an_interviewers_short_question_is_speech():
    blocks = classify("首页 | 访谈", P1, "记者：费用由谁承担？", P2, "记者：张三", "责任编辑：李四")
    assert labels_of(blocks, "记者：费用由谁承担？") == BODY
    assert labels_of(blocks, "记者：张三") == METADATA


def test_the_text_starts_at_its_lead_in_lines():
    """A first line cut off after a clause, and the first of the text's numbered
    section headings, open the text although neither reads as prose."""
    cut = "为了贯彻落实市委关于新时期河湖治理工作的部署，"
    blocks = classify("首页 | 报告", "区委河湖治理工作会议召开", cut, P1, P2)
    assert labels_of(blocks, cut) == BODY and labels_of(blocks, "区委河湖治理工作会议召开") == TITLE
    first = "2022年9月29日至30日，区委河湖治理工作会议在区行政中心召开会议听取了"
    blocks = classify("首页 | 报告", "区委河湖治理工作会议召开", first, "各街道工委的汇报。" + P2, P3)
    assert labels_of(blocks, first) == BODY and labels_of(blocks, "区委河湖治理工作会议召开") == TITLE
    blocks = classify("首页 | 文章", "三、河湖治理的新局面", P1, P2, "四、基层河湖治理工作", P3)
    assert labels_of(blocks, "三、河湖治理的新局面") == BODY
    # a numbered line whose kind of numbering the text does not use is not its heading
    blocks = classify("首页 | 文章", "热门文章", "3. 河湖治理工作会议召开", P1, P2, "四、基层河湖治理工作", P3)
    assert labels_of(blocks, "3. 河湖治理工作会议召开") != BODY


def test_a_share_bar_of_empty_bullets_does_not_part_the_title_and_byline_from_the_text():
    """A renderer prints a share bar's icons as empty bullets, one a line, between the
    dateline and the text: the window the title and byline are looked for in counts
    lines with words. The headline printed again inside the text is a copy of the title,
    and a portal's footer names its reporter before the labels (张三 本文来源：…)."""
    title = "二十三家基金公司联合公告稳定市场"
    blocks = classify(
        "首页 | 财经 | 股票 | 理财", title, "2015-07-04 16:15:40　来源: 青溪财经日报", "分享到：", *["•"] * 8, "0",
        P1, title, P2, "张三 本文来源：青溪财经日报 责任编辑：NF055", "热门评论", "网友：说得好", "返回顶部",
    )
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2]
    assert extract_metadata(blocks) == {
        "title": title, "date": "2015-07-04 16:15", "source": "青溪财经日报", "editor": "NF055",
    }
    assert next(b.reason for b in blocks[14:] if b.text == title) == "chrome: repeats the title"


def test_the_lead_in_of_a_notice_goes_with_it():
    """Taiwanese reports on suicide must print the help lines, introduced by a line of their own."""
    blocks = classify("首页 | 社会", P1, P2, "●《青溪通讯社》提醒您，请给自己机会：", "自杀防治咨询安心专线：1925；", "生命线协谈专线：1995")
    assert [b.label for b in blocks[-3:]] == [DISCLAIMER] * 3
    assert blocks[-3].reason.startswith("disclaimer: introduces the notice below")
    # an article's own lead-in to a list is text (no notice follows it)
    blocks = classify("首页 | 社会", P1, "会议要求：", P2)
    assert labels_of(blocks, "会议要求：") == BODY


def test_relative_time_stamps_date_a_listing():
    """Portals stamp their teasers with relative times (6小时前, 35分钟前, 3天前): a run of
    them on one line is a list, and a short line with one is a teaser."""
    run = "6小时前 青溪指数小幅回调退守3000点 听分析师谈后市 7小时前 【收盘点评】指数震荡回落，下周行情怎么看？ 7小时前 青溪基金市场一周观察"
    blocks = classify("首页 | 财经", P1, P2, P3, run)
    assert labels_of(blocks, run) != BODY
    assert compute_signals("青溪基金市场一周观察 35分鐘前").stamped
    assert not compute_signals("会议要求，各级党组织要切实履行主体责任。").stamped


def test_a_teasers_day_and_time_run_together_still_stamp_it():
    """Two elements (``<span>12-27</span><span>18:40</span>``) printed with nothing between
    them: the stamp still makes the headlines under a related-reading header teasers, even
    when each headline is whole and ends a sentence."""
    assert compute_signals("12-2718:40").stamped and compute_signals("发布于 12-27 18:40").stamped
    assert not compute_signals("全年增长12.2718%").stamped and not compute_signals("电话 0571-87654321").stamped
    teasers = ["作者最新文章", "* 青溪县召开河湖长制工作推进会，六镇通报整治进展！", "12-2718:40",
               "* 市图书馆延长开放时间，上班族下班后也能借书了！", "12-2717:52"]
    blocks = classify("首页 | 新闻", P1, P2, P3, *teasers)
    assert [labels_of(blocks, line) for line in teasers] == [RELATED] * len(teasers)


def test_a_text_browsers_marks_of_elements_it_cannot_show_are_placeholders():
    """lynx prints a frame as ``IFRAME:`` (its address on the next line, the end of the
    address on the line after, where it wrapped) and an empty ad slot as ``[INS: :INS]``,
    in the middle of the text. A formula in the text is not an address."""
    marks = ("IFRAME:", "http://ad.qingxi.cn/r?site=news&type=logo30", "0x250&location=12", "[INS: :INS]")
    formula = "研发投入按R&D=经费/营收计算，今年为百分之三。"
    blocks = classify("首页 | 新闻", P1, *marks, P2, formula, P3)
    assert [labels_of(blocks, line) for line in (P1, *marks, P2, formula)] == [BODY, CAPTION, CHROME, CHROME, CAPTION, BODY, BODY]


def test_a_previous_and_next_link_in_brackets_is_related_reading():
    line = "【上一篇】 青溪县召开河湖长制工作推进会 【下一篇】 沿江六镇通报整治进展"
    blocks = classify("首页 | 新闻", P1, P2, line, "责任编辑：李四")
    assert labels_of(blocks, line) == RELATED
    assert labels_of(blocks, "责任编辑：李四") == METADATA  # a link line, not a header over what follows


def test_a_share_bar_of_named_buttons_does_not_part_the_title_from_the_text():
    """A portal's share box printed one button a line, with its QR code's caption and a
    font-size control, stands between the dateline and the text; the browser's title line
    at the top of the page is the headline with the site's name after it."""
    title, lead = "区委召开河湖治理工作会议", "青溪日报讯 " + P1  # the site's name in the text too
    share = ["分享到：", "• 易信", "• 微信", "• QQ空间", "• 微博", "• 更多", "□", "□", "用微信扫码二维码", "分享至好友和朋友圈"]
    blocks = classify(
        f"{title}_青溪日报", "首页 | 新闻 | 政务 | 民生", "青溪网首页 > 新闻频道 > 正文", title,
        "2015-07-04 16:15:40　来源: 青溪日报举报", "15867", *share, "T + -", lead, P2, P3,
    )
    assert [b.text for b in blocks if b.label == BODY] == [lead, P2, P3]
    assert extract_metadata(blocks) == {"title": title, "date": "2015-07-04 16:15", "source": "青溪日报"}


def test_a_bylines_value_on_the_line_below_its_label():
    """``soup.get_text("\\n")`` prints every element on a line of its own: the source's name
    under its label, the dateline's source under the date."""
    blocks = classify("首页 | 新闻", "区委召开河湖治理工作会议", "2015-07-03 22:57:52　来源:", "青溪日报", P1, P2, P3,
                      "责任编辑：", "李四", "热门推荐")
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]
    assert extract_metadata(blocks) == {
        "title": "区委召开河湖治理工作会议", "date": "2015-07-03 22:57", "source": "青溪日报", "editor": "李四",
    }
    # ... and a link's note in brackets on the line under it (<a>青溪日报</a>(青溪))
    blocks = classify("区委召开河湖治理工作会议", "2015-07-03 22:57:52　来源:", "青溪日报", "(青溪)", "分享到：", P1, P2)
    assert extract_metadata(blocks)["source"] == "青溪日报(青溪)"
    # a label ending a line of prose is no byline's
    blocks = classify("首页 | 新闻", P1, "会议强调的重点如下：", "河湖治理", P2)
    assert labels_of(blocks, "河湖治理") != METADATA


def test_a_headline_printed_twice_has_no_subtitle_and_a_call_to_vote_is_no_lead():
    headline = "区委召开河湖治理工作会议"
    vote = "“2025青溪十大人物评选”火热进行中！【点击投票】选出你心目中的青溪人物"
    blocks = classify("首页 | 要闻", headline, headline, "2018年12月28日 19:55", vote,
                      "青溪日报讯（记者张三）" + P1, P2, P3)
    assert extract_metadata(blocks) == {"title": headline, "date": "2018-12-28 19:55", "author": "张三"}
    assert labels_of(blocks, vote) != BODY


def test_who_interviewed_and_wrote_the_story_signs_it_below():
    blocks = classify("首页 | 要闻", "区委召开河湖治理工作会议", "2018年12月28日 19:55", P1, P2, P3,
                      "采写：青溪晚报见习记者林小川", "热门推荐")
    assert extract_metadata(blocks)["author"] == "林小川"


def test_a_last_updated_stamp_is_metadata_not_the_headline():
    """... and its date is not the publication's, whichever comes first."""
    headline, dateline, stamp = "区委召开河湖治理工作会议", "2019-09-07 15:10:53 来源：青溪日报", "最后更新: 2019-09-08 09:14:21"
    for byline in ([dateline, stamp], [stamp, dateline]):
        blocks = classify("首页 | 财经", headline, "分享到：", *byline, P1, P2, P3)
        assert labels_of(blocks, stamp) == METADATA
        assert extract_metadata(blocks) == {
            "title": headline, "date": "2019-09-07 15:10", "updated": "2019-09-08 09:14", "source": "青溪日报",
        }


def test_share_buttons_printed_by_name_put_no_distance_between_title_and_text():
    """A text renderer prints a share bar's icons as their names, one a line."""
    share_bar = ["* Facebook", "* Line", "* Weibo", "* Twitter", "* 複製連結"]
    headline = "區委召開河湖治理工作會議"
    blocks = classify("1. 首頁", "2. 社會", headline, "15:31 2018/09/16", "青溪時報", "王小明", *share_bar,
                      "會議現場。", *share_bar, "字級設定： 小中大特", P1, P2)
    assert labels_of(blocks, "* Facebook") == CHROME
    assert extract_metadata(blocks) == {"title": headline, "date": "2018-09-16 15:31"}


def test_a_headline_may_ask_or_exclaim_but_not_stop_a_sentence():
    """``京东为何不直接公布GMV？`` reads as a sentence and is a headline all the same, and
    so does a digest's ``……；……``; a line that stops a sentence (。) in its middle is a
    caption or prose, not a title."""
    question = "青溪县河湖治理为何见效？"
    blocks = classify("首页 | 新闻", question, "2015-07-04 16:15　来源：青溪日报", P1, P2)
    assert labels_of(blocks, question) == TITLE
    # a digest's headline lists its stories with semicolons
    digest = "午间公告：区委召开河湖治理工作会议；青溪县网格巡河全覆盖"
    blocks = classify("首页 | 快讯", digest, "2019-09-26 12:11 来源：青溪日报", P1, P2)
    assert labels_of(blocks, digest) == TITLE
    caption = "区委河湖治理工作会议召开。记者张三／摄"
    blocks = classify("首页 | 新闻", caption, P1, P2)
    assert labels_of(blocks, caption) != TITLE


def test_the_headline_above_the_dateline_shares_only_a_word_or_two_with_its_text():
    """A headline in words of its own (a pun, an image) is the line above the dateline,
    whatever the page prints between the dateline and the text (a share bar, a QR box),
    when it shares a word or two with the text; the line above it that shares words too
    is a headline over a subtitle or a column's name."""
    headline = "一条老河的新生：青溪样本观察"
    lead = "青溪日报讯 " + P1
    closing = "沿河群众说，这条河获得了新生。"
    share = ["分享到：", "• 微信", "• 微博", "用微信扫码二维码", "T + -"]
    blocks = classify("首页 | 新闻 | 民生", headline, "2015-07-04 16:15:40　来源: 青溪日报", *share, lead, P2, closing)
    assert [b.text for b in blocks if b.label == TITLE] == [headline]
    assert [b.text for b in blocks if b.label == BODY] == [lead, P2, closing]
    blocks = classify("首页 | 新闻 | 民生", headline, "河湖专栏", "2015-07-04 16:15:40　来源: 青溪日报", lead, P2, closing)
    assert [(b.text, b.field) for b in blocks if b.label == TITLE] == [(headline, "title")]


def test_the_pages_title_line_names_the_headline_among_lines_that_share_its_words():
    """A source that breaks its first paragraph mid-sentence prints half a sentence above
    the text: it shares more words with the text than the headline does, but the page's
    title line at the top (``headline | channel | site``) names the headline."""
    headline = "青溪轮胎行清晨失火 七人疏散"
    half, rest = "青溪县一家轮胎行19日清晨发生大火，7人从火", "场中疏散，店主报警后消防人员赶到现场扑灭大火。"
    lead = "（青溪日报记者张三19日电）青溪县一家轮胎行今天清晨发生大火，7人从火场中疏散，无人受伤。"
    blocks = classify(f"{headline} | 社会 | 青溪日报", "首页 | 社会 | 国际", headline, "最新更新：", "2016/03/19 10:48",
                      half, rest, lead, P2)
    assert extract_metadata(blocks)["title"] == headline


def test_a_title_the_page_labels_wins_over_the_line_the_classifier_took():
    blocks = [
        Block("游客 欢迎你！", TITLE, field="title"),
        Block("主题： 青溪县河湖治理见闻", METADATA, field="title"),
        Block("作者：张三 时间：2005-08-22 19:13:18", METADATA, field="author"),
        Block(P1),
    ]
    assert extract_metadata(blocks)["title"] == "青溪县河湖治理见闻"


def test_a_forms_next_label_is_no_value_of_the_label_above_it():
    """A reply form prints its fields' labels one a line (``标题：`` / ``内容：``)."""
    blocks = [Block(P1), Block("标题：", METADATA, field="title"), Block("内容：", METADATA, field="title")]
    assert "title" not in extract_metadata(blocks)


def test_a_dumps_standfirst_is_the_prose_between_headline_and_byline():
    """A text dump has no front end to vouch for the lines around the text: a line of
    prose right under the headline with the byline below it is the standfirst; the
    credits (文 / …, 发布 / …, 更新 / …) are metadata."""
    standfirst = "建屋发展局今后推出的部分预购组屋项目，将按较低比例规划停车位，一些准屋主担心届时难找车位。"
    text = [
        "武吉白沙第12街一带的组屋停车场，平日晚上9时过后已很难找到空位，不少居民要绕两三圈才能停好车。",
        "建屋发展局星期一回复本报询问时证实，今年5月推出的三个预购组屋项目，停车位比例将比以往低约两成。",
        "建屋局说，这三个项目都位于地铁站步行五分钟范围内，居民搭乘公共交通出行十分方便。",
    ]
    result = clean_capture("\n".join([
        "首页 | 新加坡 | 国际", "武吉白沙新组屋车位比例下调", standfirst, "文 / 陈佩琪", "摄影 / 黄志强",
        "发布 / 2025年3月4日 5:30 AM", "更新 / 2025年3月4日 1:05 PM", "分享", *text,
    ]), kind="text")
    assert result.text.split("\n") == [standfirst, *text]
    assert (result.metadata["date"], result.metadata["updated"]) == ("2025-03-04 05:30", "2025-03-04 13:05")
    assert result.metadata["author"] == "陈佩琪" and result.metadata["title"] == "武吉白沙新组屋车位比例下调"
    # a teaser (a list item cut off) in that place is no standfirst
    teaser = "·青溪P2P：高速下载免费影音、娱乐……"
    page = ["首页 | 新加坡 | 国际", "武吉白沙新组屋车位比例下调", teaser, "文 / 陈佩琪", "发布 / 2025年3月4日 5:30 AM", *text]
    assert clean_capture("\n".join(page), kind="text").text.split("\n") == text


def test_a_question_headline_over_its_byline_stays_the_title():
    """A headline that reads as a sentence (a question) right over the byline is the
    title, and the byline no line of the text."""
    result = clean_capture("\n".join([
        "首页 | 健康", "春季过敏找上门：鼻子痒眼睛红？哪些东西该少碰你知道吗？",
        "青溪网 | 发布: 2021-1-29 13:18 | 点击: 313 | 来自: 互联网", P1, P2, P3,
    ]), kind="text")
    assert result.metadata["title"] == "春季过敏找上门：鼻子痒眼睛红？哪些东西该少碰你知道吗？"
    assert result.text.split("\n") == [P1, P2, P3]


def test_a_headline_shaped_line_under_the_title_is_no_standfirst():
    """HTML: a question under the kicker is the page's other headline line, not prose
    that opens the article (a standfirst)."""
    blocks = [
        Block("首页 | 新闻", tag="div", link_density=0.9),
        Block("青溪河道整治屡遇难题 责任落实不到位", tag="p"),
        Block("谁来为清淤费用“埋单”？", tag="p"),
        Block("2003-7-24 青溪日报", tag="p"),
        Block(P1, tag="p"),
        Block(P2, tag="p"),
    ]
    classify_blocks(blocks, CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2]


def test_a_headlines_gaps_are_one_space_as_in_the_html_paths_title():
    blocks = [Block("和男友口角鎖門  青溪女子送醫\u3000平安", TITLE, field="title"), Block(P1)]
    assert extract_metadata(blocks)["title"] == "和男友口角鎖門 青溪女子送醫 平安"


def test_a_site_template_line_that_is_a_bylines_value_is_not_the_title():
    """In a batch, a source's name printed under its label (``来源:`` / ``青溪日报``) is a
    template line of the site's other captures: it stays the byline's value, not a
    headline the site also lists on its other pages."""
    headline, source = "八部委谈河湖治理新生态", "青溪日报河湖治理周刊"
    lines = ["首页 > 财经频道 > 正文", headline, "2015-05-21 05:03:58　来源:", source, "(广州)", "分享到：",
             f"{source}记者 张三 " + P1, P2, P3]
    blocks = split_text_blocks("\n".join(lines))
    for block in blocks:
        block.template = 7 if block.text == f"{source}(广州)" else 0
    classify_blocks(blocks, CONFIG)
    assert {k: v for k, v in extract_metadata(blocks).items() if k in ("title", "source")} == {
        "title": headline, "source": f"{source}(广州)",
    }


def test_an_image_caption_above_or_below_the_text_is_the_articles():
    """A photo's caption (a sentence and its credit) printed above the first paragraph or
    under the last belongs to the article; printed twice (alt text and caption), once; a
    teaser's ``（图）`` after a headline is no caption."""
    above, below = "青溪河畔新建的生态步道。（圖／記者張三攝）", "沿河村民在步道上散步。（消防局提供）"
    teaser = "青溪县召开河湖治理工作会议（图）"
    blocks = classify("首页 | 新闻", "Line", "FB", above, above, P1, P2, P3, below, teaser, "热门推荐")
    assert [b.text for b in blocks if b.label == BODY] == [above, P1, P2, P3, below]
    assert labels_of(blocks, teaser) != BODY


def test_an_authors_latest_articles_and_a_one_letter_image_name_are_not_the_article():
    blocks = classify("首页 | 新闻", P1, "[u]", P2, P3, "[u]", "作者最新文章", "• 青溪县召开河湖长制工作推进会", "12-2718:40",
                      "• 沿江六镇通报整治进展", "12-2717:52")
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]
    assert labels_of(blocks, "作者最新文章") == RELATED and labels_of(blocks, "[u]") == CAPTION


def test_the_dateline_names_the_reporter_and_a_photo_credit_is_no_name():
    """``……記者王小明／青溪報導`` on the dateline names the author; a caption's
    ``（圖／記者王小明攝）`` says who took the photo: 攝 is no part of the name."""
    caption = "沿河村民在步道上散步。（圖／記者王小明攝）"
    blocks = classify("首页 | 新闻", "青溪河湖治理 沿河步道啟用", "2024/05/21 11:44　青溪日報記者王小明／青溪報導", P1, P2, caption)
    assert extract_metadata(blocks)["author"] == "王小明"
    blocks = classify("首页 | 新闻", "青溪河湖治理 沿河步道啟用", P1, P2, caption)
    assert extract_metadata(blocks)["author"] == "王小明"


def test_a_sidebar_header_beside_the_text_does_not_cut_it_a_comment_header_does():
    """A blog's sidebar (``最新文章`` and its links) printed in a far column between the
    article's paragraphs cuts nothing: the article goes on in its own column. A comment
    section's header, centred off the text's column, still heads the comments below."""
    side = " " * 100
    p4 = "会议指出，要把河湖长制落实情况纳入年度考核，对工作不力的单位和个人严肃问责，确保各项任务按期完成。"
    text = "\n".join([
        f"  {P1}", f"  {P2}{side}最新文章", f"{side}* 沿江六镇通报整治进展", f"  {P3}{side}* 青溪县召开河湖长制工作推进会",
        f"  {p4}",
    ])
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3, p4]
    comment = "赞同楼上所说的，河道治理要靠大家共同努力，不能只靠政府部门单方面投入。"
    text = "\n".join([
        f"  {P1}{side}* 沿江六镇通报整治进展", f"  {P2}{side}* 青溪县召开河湖长制工作推进会", f"  {P3}{side}* 青溪县召开会议",
        f"{' ' * 40}热门评论", f"{' ' * 20}青溪网友[219.130.79.*] 认为：{' ' * 20}支持 (2) 2004-12-13 09:02:13", f"  {comment}",
    ])
    blocks = classify_blocks(split_text_blocks(text), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]


def test_notes_the_text_cites_are_kept_wherever_they_are_printed():
    """An article's notes come last: after a related-reading list, or after the site's
    footer where Markdown prints a page's footnotes. A block below the text that opens
    with a mark the text cites is the article's; one with a mark nobody cites, and a mark
    that numbers a list at its lines' starts, are not citations."""
    cited = P1.replace("责任意识", "责任意识[1]").replace("新局面", "新局面①")
    listed = "①加强组织领导；②压实工作责任；③强化督查考核。"
    blocks = classify(
        "首页 | 新闻 | 政务", "河湖治理工作会议召开", cited, P2, listed, P3,
        "相关阅读", "青溪县召开河长制工作推进会 2025-03-19", "沿江六镇深入学习贯彻会议精神 2025-03-12",
        "版权所有：青溪县人民政府 赣ICP备10002318号",
        "[1] 责任意识，指各级河长对所辖河湖负总责的意识。", "① 见《青溪县河湖治理三年行动方案》。",
        "[3] 本站所载文章仅供参考。", "② 欢迎转载，请注明出处。",
    )
    kept = [b.text for b in blocks if b.label == BODY]
    assert kept == [cited, P2, listed, P3, "[1] 责任意识，指各级河长对所辖河湖负总责的意识。", "① 见《青溪县河湖治理三年行动方案》。"]


@pytest.mark.parametrize(
    ("head", "author"),
    [
        (["巡河的革命", "胡平", "——论河湖治理工作的责任意识"], "胡平"),  # between headline and subtitle
        (["以小切口推动城市基层治理大提升", "周立新", "（2025年3月18日）"], "周立新"),  # under the title
        (["首页 | 专栏", "社会资本与下岗职工的再就业", "赵延东、风笑天"], "赵延东、风笑天"),  # right above the text
        (["河湖治理的青溪经验", "2025-03-20 08:30", "陳志明"], "陳志明"),  # under the dateline; Traditional
        (["河湖治理的青溪经验", "社會"], None),  # a channel's name
        (["河湖治理的青溪经验", "茉莉"], None),  # a pen name, no surname: not known for a name
        (["河湖治理的青溪经验", "新华社"], None),  # an agency
        (["河湖治理的青溪经验", "王强", "李明", "张伟"], None),  # a menu's items, one a line
    ],
)
def test_a_name_alone_under_the_headline_is_the_author(head, author):
    blocks = classify(*head, P1, P2, P3)
    assert extract_metadata(blocks).get("author") == author
    assert [b.label for b in blocks[-3:]] == [BODY] * 3


@pytest.mark.parametrize(
    ("credit", "author"),
    [
        ("文/图 苏小满", "苏小满"),
        ("圖/文：秘書室公共事務組　李佳穎", "李佳穎"),
        ("文：校团委宣传部 张三", "张三"),
        ("作者：王建科 李明", "王建科 李明"),
    ],
)
def test_a_credit_for_words_and_pictures_names_the_author_after_the_office(credit, author):
    """Features credit one person for words and photos (文/图); school and government
    sites name the office before the person."""
    blocks = classify("首页 | 校园", "河湖治理工作会议召开", "2025-04-18 10:06", credit, P1, P2, P3)
    assert extract_metadata(blocks)["author"] == author


@pytest.mark.parametrize(
    ("closing", "author"),
    [("（袁源）", "袁源"), ("( 张伟  李娜 )", "张伟 李娜"), ("（待续）", None), ("（李明摄）", None), ("（完）", None)],
)
def test_names_alone_in_brackets_after_the_text_are_its_reporters(closing, author):
    blocks = classify("首页 | 新闻", "河湖治理工作会议召开", P1, P2, P3, closing, "版权所有：青溪日报社")
    assert extract_metadata(blocks).get("author") == author
    assert (labels_of(blocks, closing) == METADATA) == (author is not None)


@pytest.mark.parametrize(
    ("dateline", "author"),
    [("（瀛海社記者陳柏宇溪南6日電）", "陳柏宇"), ("（青溪社记者王明、李大同台北6日电）", "王明 李大同")],
)
def test_a_wire_datelines_reporters_are_the_author_and_the_editor_line_ends_at_its_bracket(dateline, author):
    """A wire story names its reporters glued to the place and day in the dateline that
    opens a paragraph; its editor's line closes with a filing code after the bracket."""
    blocks = classify("首页 | 政治", "溪南市分區減壓供水", P1, dateline + P2, P3, "（編輯：林郁文）1140306")
    metadata = extract_metadata(blocks)
    assert (metadata["author"], metadata["editor"]) == (author, "林郁文")
    assert labels_of(blocks, dateline + P2) == BODY


@pytest.mark.parametrize("editor_line", ["【编辑:周敏】 返回首页，查看更多", "[责任编辑：周敏] 返回频道"])
def test_an_editor_line_in_square_brackets_ends_at_its_bracket(editor_line):
    """A portal closes the editor's bracket and prints its own links after it."""
    blocks = classify("首页 | 社会", "河湖治理工作会议召开", P1, P2, P3, editor_line, "版权所有：青溪日报社")
    assert extract_metadata(blocks)["editor"] == "周敏"


def test_a_forum_posts_signature_is_its_footer_with_its_author_and_date():
    """Forums sign a post under it: who posted it when, ending with a full stop or not."""
    signature = "本贴由溪客于2005年8月12日16:12:21在〖青溪论坛〗发表."
    blocks = classify("首页 | 论坛", "河湖治理讨论", P1, P2, P3, signature, "郑重声明", "1. 任何言论纯属作者个人观点。")
    assert labels_of(blocks, signature) == METADATA
    assert extract_metadata(blocks) | {"title": None} == {"author": "溪客", "date": "2005-08-12 16:12", "title": None}
    # ... not a sentence of the text that says who did what when
    told = "该项目由青溪县水利局于2005年8月开工建设，目前已完成主体工程的百分之八十，预计明年汛期前全面完工并投入使用。"
    assert labels_of(classify("首页 | 新闻", "河湖治理工作会议召开", P1, told, P2, P3), told) == BODY


@pytest.mark.parametrize("found", [True, False])
def test_a_line_opening_with_a_dash_is_the_subtitle_under_the_headline(found):
    """``——对……的分析`` under a headline (and the author's name) is the subtitle, whether
    it was taken for the title (it shares words with the text) or nothing was; the dash
    marks it and is not kept."""
    subtitle = "——论河湖治理工作的责任意识" if found else "——一位乡村教师的三十年"
    blocks = classify("首页 | 专栏", "巡河的革命", "胡平", subtitle, P1, P2, P3)
    meta = extract_metadata(blocks)
    assert (meta.get("title"), meta.get("subtitle"), meta.get("author")) == ("巡河的革命", subtitle[2:], "胡平")


def test_a_caption_credited_to_a_reporter_is_no_byline():
    """A photo's caption run into its credit names a reporter after a long sentence, not
    after a paper's name: it stays where the text has it."""
    caption = "排污口已全部封堵完毕本报记者王小明摄"
    blocks = classify("首页 | 新闻", "河湖治理工作会议召开", P1, caption, P2, P3)
    assert labels_of(blocks, caption) == BODY


def test_the_html_front_end_may_open_the_text_with_the_authors_name():
    """The article's subtree the HTML front end chose may start with the name printed
    under the headline: it is the author, not the text's first paragraph."""
    html = ("<html><head><meta charset='utf-8'><title>社会资本与再就业_青溪社会论坛</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> | <a href='/a'>学术前沿</a></div>"
            "<h1>社会资本与再就业</h1><div class='content'><p>赵延东、风笑天</p>"
            + "".join(f"<p>{p}</p>" for p in (P1, P2, P3)) + "</div></body></html>")
    result = clean_capture(html.encode(), kind="html")
    assert result.metadata.get("author") == "赵延东、风笑天"
    assert result.text.splitlines() == [P1, P2, P3]


def test_a_clock_in_the_page_header_is_not_the_articles_date():
    """A site's header shows today's date (with its weekday) above the headline; the
    article's dated byline under the headline, even one ending with an empty counter's
    label, is the article's."""
    byline = "2025年10月9日　来源：溪北镇党委　点击数："
    blocks = classify("青溪党建网", "2025年10月11日 星期六", "首页 | 要闻 | 基层党建", "溪北镇为村级党组织配发档案盒",
                      byline, P1, P2, P3)
    meta = extract_metadata(blocks)
    assert (meta.get("date"), meta.get("source")) == ("2025-10-09", "溪北镇党委")
    assert labels_of(blocks, "2025年10月11日 星期六") == CHROME
    # ... and with no dated byline under the headline, a date above it is the article's
    blocks = classify("首页 | 要闻", "2025年10月9日 星期四", "溪北镇为村级党组织配发档案盒", P1, P2, P3)
    assert extract_metadata(blocks).get("date") == "2025-10-09"


def test_ideographs_are_counted_in_runs_and_slices():
    from clean.classify.signals import _cjk_count

    text = "2025年青溪县（Qingxi）发布《通知》，共3条。"
    assert _cjk_count(text) == sum("\u4e00" <= c <= "\u9fff" for c in text) == 10
    assert _cjk_count(text, 0, 8) == 4 and _cjk_count(text, 8) == 6
    assert compute_signals(text).cjk == 10


DECISION = "\n".join([
    "青溪县人民政府 | 政务公开 | 互动交流", "当前位置：首页 > 政务公开 > 行政处罚", "",
    "发文字号：", "青溪市监罚〔2025〕12号", "",
    "青溪县市场监督管理局行政处罚决定书", "发布时间：2025-05-12 15:40 来源：青溪县市场监督管理局", "【打印】【关闭】", "",
    "青溪市监罚〔2025〕12号", "当事人：青溪县溪北镇好邻居超市有限公司", "住所：青溪县溪北镇新华路118号", "法定代表人：陈立新", "",
    "2025年3月12日，本局执法人员对当事人位于溪北镇新华路118号的经营场所进行检查，发现其销售超过保质期的食品。",
    "本局认为，当事人的行为违反了《中华人民共和国食品安全法》第三十四条的规定，依法应予处罚。",
    "当事人如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，也可以在六个月内提起行政诉讼。",
    "附件：1.行政处罚告知书.pdf", "2.送达回证.docx",
    "青溪县市场监督管理局", "2025年5月8日", "", "（此件公开发布）", "",
    "上一篇：青溪县市场监督管理局行政处罚决定书（青溪市监罚〔2025〕11号）", "版权所有：青溪县人民政府 溪ICP备05012345号",
])


def test_an_official_document_keeps_its_number_parties_attachments_gap_and_signature_note():
    """A decision opens with its number (文号) and its parties (当事人：…) under the page's
    byline, and closes with its signature after the attachments' links and a note in
    brackets under the date: all the document's own. The number in the page's info
    table stays out, and is no headline."""
    result = clean_capture(DECISION, kind="text")
    lines = result.text.split("\n")
    assert lines[:4] == ["青溪市监罚〔2025〕12号", "当事人：青溪县溪北镇好邻居超市有限公司",
                         "住所：青溪县溪北镇新华路118号", "法定代表人：陈立新"]
    assert lines[-3:] == ["青溪县市场监督管理局", "2025年5月8日", "（此件公开发布）"]
    # ... also when the note ended up on the date's line
    glued = clean_capture(DECISION.replace("2025年5月8日\n\n（此件公开发布）", "2025年5月8日（此件公开发布）"), kind="text")
    assert glued.text.split("\n")[-2:] == ["青溪县市场监督管理局", "2025年5月8日（此件公开发布）"]
    assert not any(line.endswith((".pdf", ".docx")) for line in lines)
    assert result.metadata["title"] == "青溪县市场监督管理局行政处罚决定书"


TENDER = "\n".join([
    "首页 | 交易信息 | 政府采购", "当前位置：首页 > 交易信息 > 采购公告", "",
    "青溪县人民医院设备采购项目公开招标公告", "发布时间：2025-04-21 09:30", "【打印】【关闭】", "",
    "青溪县人民医院设备采购项目的潜在投标人应在青溪县公共资源交易网获取招标文件，并于2025年5月13日前递交投标文件。",
    "一、项目基本情况", "项目编号：QXZC2025-0087", "采购方式：公开招标", "预算金额：186.50万元",
    "二、获取招标文件", "时间：2025年04月22日至2025年04月28日，每天上午09:00至12:00",
    "方式：投标人凭数字证书登录青溪县公共资源交易网免费下载招标文件，逾期不予受理。",
    "三、提交投标文件截止时间和开标时间", "投标截止时间：2025年05月13日 09点30分（北京时间）",
    "开标时间：2025年05月13日 09点30分（北京时间）",
    "地点：青溪县公共资源交易中心开标三室，投标人应派代表准时参加开标会议，并携带有效身份证明。",
    "相关附件：", "设备采购项目招标文件.pdf（2.31MB）", "中小企业声明函（格式）.doc（36KB）",
    "采购人：青溪县人民医院", "2025年4月21日", "",
    "【打印本页】【关闭窗口】", "版权所有：青溪县公共资源交易中心",
])


def test_a_date_line_amid_the_text_is_the_texts_once_the_page_is_dated():
    """A tender's dates (时间：…至…, 开标时间：…) are its own text; the page's date is the
    one under the headline; the downloads' header and links (with their sizes) go."""
    result = clean_capture(TENDER, kind="text")
    lines = result.text.split("\n")
    assert "时间：2025年04月22日至2025年04月28日，每天上午09:00至12:00" in lines
    assert "开标时间：2025年05月13日 09点30分（北京时间）" in lines
    assert "投标截止时间：2025年05月13日 09点30分（北京时间）" in lines
    assert not any("附件" in line or "KB" in line for line in lines)
    assert lines[-2:] == ["采购人：青溪县人民医院", "2025年4月21日"]
    assert result.metadata["date"] == "2025-04-21 09:30"


def test_a_chronicle_runs_on_through_its_entries_below_its_prose():
    """A chronicle's entries open with their day and are mostly no sentences: those below
    the last sentence are the chronicle's too, up to the first other line."""
    entries = [
        "一月", "1月5日　县委全体会议召开，部署全年重点工作。", "1月9日　全县重点项目集中开工仪式在溪北工业园举行，总投资36亿元。",
        "1月下旬　全县开展春节前安全生产大检查，检查企业1120家，整改隐患356处。",
        "1月31日　县委、县政府召开全县优化营商环境大会，表彰先进企业20家。", "二月", "2月2日　南岭至溪北高速公路溪北段建成通车",
        "是月　溪北县被命名为省级示范县", "三月", "3月20日　县人民医院新院区门诊楼投入使用",
    ]
    blocks = classify("首页 | 地情资料 | 大事记", "溪北县2024年大事记", "发布日期：2024-08-16", *entries,
                      "【打印本页】【关闭窗口】", "近期更新", "· 1949年5月　溪北县城解放", "2024-05-06")
    assert [b.text for b in blocks if b.label == BODY] == entries


def test_a_cut_off_copy_of_a_paragraph_is_no_paragraph():
    """A live report's ticker repeats its newest entry cut off with an ellipsis."""
    ticker = "最新：【22:10】截至22时，全市累计转移安置群众13620人……"
    entry = "截至22时，全市累计转移安置群众13620人，未接到人员伤亡报告。"
    blocks = classify("首页 | 直播", "南岭市防汛直播", "2025-07-08 07:30 来源：南岭新闻网", ticker, P1, "【22:10】", entry, P2, P3)
    assert labels_of(blocks, ticker) == CHROME and labels_of(blocks, entry) == BODY
    # a paragraph trailing off copies nothing
    trailing = "他望着远去的渡船，心里想着那些再也回不来的日子……"
    assert labels_of(classify(P1, trailing, P2), trailing) == BODY


def test_shell_commands_with_paths_are_no_link_rows():
    """A slash next to a path's letters separates no links."""
    commands = ["sudo cp /etc/samba/smb.conf /etc/samba/smb.conf.bak", "sudo chown -R root:nasusers /mnt/data"]
    blocks = classify(P1, "装好以后先把默认配置备份一份：", *commands, P2, P3)
    assert [labels_of(blocks, c) for c in commands] == [BODY, BODY]
    assert compute_signals("/etc/samba 首页/新闻/政务").separators == 2


def test_the_headline_over_the_dateline_beats_a_series_list_naming_it():
    """A post that is part of a series lists the series' parts between its byline and
    its text; the line over the byline is the title, not the list's item."""
    parts = ["青溪古道探访记：出发（一）", "青溪古道探访记：翻越石门岭（二）", "青溪古道探访记：石门岭下的老茶亭（三）"]
    text = [
        "翻过石门岭，古道在一片竹林里拐了个弯，老茶亭就藏在拐角处，亭柱上还留着民国年间的题字。",
        "守亭的老人说，石门岭下的老茶亭从前每天都有挑夫歇脚，如今只剩进山的游客偶尔坐一坐。",
    ]
    blocks = classify("首页 | 游记", "青溪古道探访记：石门岭下的老茶亭（三）", "作者 阿木 发布于 2025年3月9日 21:30",
                      "本系列文章：", *parts, *text)
    assert extract_metadata(blocks)["title"] == "青溪古道探访记：石门岭下的老茶亭（三）"
    assert labels_of(blocks, text[0]) == BODY


def test_a_documents_number_label_is_no_font_size_control():
    from clean.classify import _lexicons

    chrome = _lexicons(ClassifyConfig())["chrome"]
    assert chrome.match(fold_text("发文字号：")) is None
    assert chrome.match(fold_text("【字号：大 中 小】")) is not None
    assert chrome.match(fold_text("字号：T|T|T")) is not None


@pytest.mark.parametrize(("line", "label"), [
    ("6–8 分钟", CHROME),  # a reader view's reading time
    ("阅读时长约5分钟", CHROME),
    ("图源：声澜科技", CAPTION),  # a picture's credit
    ("播放量：1.3万", WIDGET),
    ("画中画", CAPTION),  # a video player's controls
])
def test_reading_times_picture_credits_and_player_controls_are_not_the_text(line, label):
    blocks = classify(P1, line, P2, P3)
    assert labels_of(blocks, line) == label


@pytest.mark.parametrize("pager", ["1 2 3 4 5 6 下一頁", "首页 上一页 1 2 3 … 12 下一页 尾页"])
def test_a_pager_is_chrome_wherever_it_stands(pager):
    """Page numbers with a next-page link, above the text too, where it is no headline."""
    blocks = classify("首页 | 论坛", pager, "作者：阿德　2025-03-02 21:15", P1, P2, P3)
    assert next(b for b in blocks if b.text == pager).reason == "chrome: a pager (1 2 3 下一页)"


@pytest.mark.parametrize(
    ("page_title", "upper", "lower", "title"),
    [
        # a browser's print header names the headline the page wraps
        ("2025/4/8 10:32 区委河湖治理工作会议召开_青溪区人民政府", "区委河湖治理工作会", "议召开", "区委河湖治理工作会议召开"),
        # an official document's title ends on a short line of its own
        ("青溪区人民政府", "关于切实做好2025年河湖治理巡河护河工", "作的通知", "关于切实做好2025年河湖治理巡河护河工作的通知"),
    ],
)
def test_a_headline_wrapped_at_the_page_width_is_one_title(page_title, upper, lower, title):
    blocks = classify(page_title, "首页 | 政务公开", upper, lower, "发布时间：2025-04-07 16:20", P1, P2, P3)
    metadata = extract_metadata(blocks)
    assert (metadata["title"], metadata.get("subtitle")) == (title, None)


def test_a_subtitle_under_its_headline_is_not_a_wrap():
    headline, subtitle = "区委河湖治理工作会议召开", "各街道介绍河道整治做法"
    blocks = classify("青溪区人民政府", "首页 | 政务公开", headline, subtitle, "发布时间：2025-04-07 16:20", P1, P2, P3)
    assert extract_metadata(blocks)["title"] == headline


def test_the_same_days_date_with_its_time_wins_over_the_bare_day():
    """An info box gives the day (发布日期： 2025-04-22), the byline under the headline
    the day and the time: the page's date is the more precise one."""
    blocks = classify("首页 | 政务公开", "发布日期： 2025-04-22", "青溪县河湖治理工作会议召开", "发布时间：2025-04-22 09:40", P1, P2, P3)
    assert extract_metadata(blocks)["date"] == "2025-04-22 09:40"


def test_a_bylines_date_before_its_labels_is_the_pages():
    """A wire page's byline opens with the story's date, unlabelled, before its
    "last updated" stamp and its source."""
    byline = "2025/04/12 22:41　最後更新：2025/04/12 23:05　來源：瀛海社"
    metadata = extract_metadata(classify("首頁 | 政治", "溪南縣立委補選結果揭曉", byline, P1, P2, P3))
    assert (metadata["date"], metadata["updated"], metadata["source"]) == ("2025-04-12 22:41", "2025-04-12 23:05", "瀛海社")


@pytest.mark.parametrize(
    ("credit", "author"),
    [("本报记者　刘晓峰　孙琳　通讯员　杜明", "刘晓峰 孙琳 杜明"), ("記者 王小明 實習生 林佳蓉", "王小明 林佳蓉")],
)
def test_a_credit_line_with_several_roles_names_them_all(credit, author):
    blocks = classify("首页 | 新闻", "河湖治理工作会议召开", "2025-06-20 19:12", credit, P1, P2, P3)
    assert extract_metadata(blocks)["author"] == author


@pytest.mark.parametrize(
    "head",
    [
        ["溪山观察", "关注", "粉丝 12.6万 · 获赞 86.3万", "2025-07-02 08:15·发布于浙江"],
        ["南岭老周", "2025-04-06 10:12·河南", "+关注"],
        ["林知远", "城市观察领域创作者", "发布时间：2025-03-12 18:47", "关注"],
    ],
)
def test_a_self_media_accounts_name_above_its_follow_button_is_the_author(head):
    blocks = classify("首页 | 推荐 | 热点", "河湖治理工作会议召开", *head, P1, P2, P3)
    assert extract_metadata(blocks)["author"] == head[0]
    assert labels_of(blocks, head[0]) == METADATA


def test_a_menus_follow_item_names_no_author():
    blocks = classify("首页", "要闻", "关注", "财经", "科技", "当前位置：首页 > 要闻", "河湖治理工作会议召开", "2025-06-20 19:12", P1, P2, P3)
    assert "author" not in extract_metadata(blocks)


def test_a_title_under_its_forms_label_without_a_colon_is_the_title():
    """A letter page's field table prints its title after the cell's label (来信标题)."""
    blocks = classify("首页 | 互动交流", "信件编号 QX2025031400187", "来信标题 关于溪北路白沙小区门口雨天积水问题的反映",
                      "来信时间 2025-03-14 09:21", "关于溪北路白沙小区门口雨天积水的问题，" + P1, P2, P3)
    assert extract_metadata(blocks)["title"] == "关于溪北路白沙小区门口雨天积水问题的反映"


@pytest.mark.parametrize("salutation", ["主席：", "各位代表：", "尊敬的张先生：", "親愛的同學們："])
def test_a_speechs_salutation_opens_its_text(salutation):
    blocks = classify("首页 | 议会发言", "青溪天桥加建升降机不能再拖", salutation, P1, P2)
    assert labels_of(blocks, salutation) == BODY
    # a short line ending with a colon that addresses no one is no salutation
    blocks = classify("首页 | 议会发言", "青溪天桥加建升降机不能再拖", "全文如下：", P1, P2)
    assert labels_of(blocks, "全文如下：") != BODY


def test_a_line_hanging_under_the_box_above_the_headline_is_no_kicker():
    """A dump prints a button under the doctor's profile box (no blank line between) and
    a blank line before the headline: the two lines are no title and subtitle, though
    the button names the text's words. A headline and subtitle printed together are."""
    button, headline = "预约河湖治理门诊", "区委河湖治理工作会议召开"
    page = ["首页 | 健康", "", "门诊时间：星期一上午", button, "", headline, "发布时间：2025-04-07 16:20", "", P1, "", P2]
    metadata = extract_metadata(classify_blocks(split_text_blocks("\n".join(page)), ClassifyConfig()))
    assert (metadata["title"], metadata.get("subtitle")) == (headline, None)
    page[3:5] = ["", button]
    metadata = extract_metadata(classify_blocks(split_text_blocks("\n".join(page)), ClassifyConfig()))
    assert (metadata["title"], metadata.get("subtitle")) == (button, headline)


def test_a_notice_of_numbered_fields_is_text_from_its_first_section_to_its_last():
    """A procurement result's first sections hold labelled fields only (一、项目编号：…) and
    its last one the contacts (九、… / 1.采购人信息 / 名　称：…): the text runs from its
    first section heading through the items of its last."""
    fields = ["一、项目编号：XBZC2025-045", "二、项目名称：青溪县第二中学家具采购项目", "三、中标信息", "供应商名称：南岭华美家具有限公司"]
    contacts = ["九、凡对本次公告内容提出询问，请按以下方式联系。", "1.采购人信息", "名　称：青溪县第二中学", "联系人：汪老师", "联系方式：0799-5238811"]
    blocks = classify("首页 | 政府采购", "【字体：大 中 小】", *fields, "四、评审情况", P1, "五、其他补充事宜", P2, *contacts,
                      "打印 关闭", "二维码", "扫一扫在手机上查看当前页面")
    assert [b.text for b in blocks if b.label == BODY] == [*fields, "四、评审情况", P1, "五、其他补充事宜", P2, *contacts]


def test_who_attended_closes_a_meetings_report():
    attended = ["出席：王建军、陈晓燕、李国华", "列席：市政府副秘书长刘海涛，市发展改革委主要负责同志"]
    blocks = classify("首页 | 政务要闻", "市政府召开第48次常务会议", P1, P2, P3, *attended, "【打印本页】", "上一篇：市长调研重大项目")
    assert [labels_of(blocks, line) for line in attended] == [BODY, BODY]


def test_a_court_report_closes_with_its_case_number():
    blocks = classify("首頁 > 港聞 > 法庭", "前會計盜取公司款項 判監兩年", P1, P2, P3, "案件編號：DCCC 412/2025",
                      "標籤： 區域法院 盜竊", "相關新聞")
    assert labels_of(blocks, "案件編號：DCCC 412/2025") == BODY


def test_a_one_sentence_disclaimer_heads_no_section():
    """A short disclaimer that is a sentence of its own goes alone: the byline under it
    still gives the date and the source."""
    blocks = classify("首页 | 政策问答", "问：失业保险金怎么领？", P1, P2, "以上问答仅供参考，具体以政策文件为准。",
                      "发布日期：2025-04-09 16:20", "来源：失业保险处", "相关问答")
    assert labels_of(blocks, "以上问答仅供参考，具体以政策文件为准。") == DISCLAIMER
    assert extract_metadata(blocks)["source"] == "失业保险处"


def test_a_blogs_category_line_is_no_title():
    blocks = classify("小鱼的海线日记", "首页 | 关于小鱼 | 海线旅游", "個人分類：燈塔步道", "白沙湾灯塔步道一日游", "發表於 2025-06-21",
                      "白沙湾灯塔步道全长大约1.2公里，一路都是木栈道跟石阶，坡度不大，很适合一日游。", P2)
    assert extract_metadata(blocks)["title"] == "白沙湾灯塔步道一日游"


def test_a_galleys_counters_and_controls_are_caption_noise():
    controls = ["大图模式", "列表模式", "1/3", "3/3", "上一图", "下一图"]
    blocks = classify("首页 | 图片", "渡口的最后一个夏天", "2025-07-12 10:30 来源：溪风网", P1, *controls[:3], P2, "2/3", P3, *controls[3:])
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]
    assert {labels_of(blocks, line) for line in controls} == {CAPTION}


def test_a_values_em_space_separator_is_trimmed():
    blocks = classify("首页 | 新闻", "青溪老街完成修缮", "来源：白沙日报\u2003作者：陈雨桐\u2003时间：2025-07-14 08:30", P1, P2)
    assert extract_metadata(blocks)["source"] == "白沙日报"


def test_a_correction_is_titled_by_its_kind():
    blocks = classify("首页 | 本报声明", "热点新闻", "更正", "2025-07-11 09:05 来源：南岭晨报",
                      "本报7月10日A03版《溪北新区今年新建12所中小学》一文中，“12所”应为“10所”。", "特此更正，并向读者致歉。")
    assert extract_metadata(blocks)["title"] == "更正"


def test_a_table_of_contents_over_the_text_is_chrome():
    """A column lists its section headings above its first paragraph; the headings come
    back inside the text, where they are the text's."""
    heads = ["一、新市场为什么冷清", "二、老市场回来了"]
    blocks = classify("首页 | 专栏", "县城的老菜市场为什么又回来了", "编辑于 2025-02-11 15:30", "目录", *heads, P1, heads[0], P2, heads[1], P3)
    assert [b.text for b in blocks if b.label == BODY] == [P1, heads[0], P2, heads[1], P3]
    assert blocks[4].reason == "chrome: the text's table of contents (its headings, listed above it)"
    # headings that do not come back below are the text's own
    blocks = classify("首页 | 专栏", "县城的老菜市场为什么又回来了", "编辑于 2025-02-11 15:30", *heads, P1, P2, P3)
    assert not any("table of contents" in b.reason for b in blocks)


def test_a_pictures_alt_text_over_its_caption_is_caption_noise():
    caption = "卷好的面剂子要盖上保鲜膜，不然表面会干裂。"
    page = "\n".join(["首页 | 美食", "手撕葱油饼", "发布于 2025年4月3日", "", P1, "", "做油酥步骤图", "", P2, "", "卷好的面剂子", caption, "", P3])
    assert clean_capture(page, kind="text").text.splitlines() == [P1, P2, caption, P3]
    # a heading over its paragraph, a blank line between, stays
    page = page.replace("卷好的面剂子\n", "卷好的面剂子\n\n")
    assert "卷好的面剂子" in clean_capture(page, kind="text").text.splitlines()
    # a term heading the paragraph that opens with it, right over it, stays too
    page = "\n".join(["首页 | 百科", "青溪水利概况", "", P1, "", "水闸", "水闸是调节青溪水位、拦蓄汛水的主要设施。", "", P2, "", "堤防的来历", P3])
    assert clean_capture(page, kind="text").text.splitlines()[1] == "水闸"


def test_a_forums_edit_stamp_is_the_updated_date_not_a_posts_header():
    """Discuz prints who last edited a post and when over its text (本帖最后由 某某 于 …
    编辑): the page's updated date, not a blog post's header with its title before the date."""
    stamp = "本帖最后由 溪北老街坊 于 2025-1-8 11:05 编辑"
    blocks = classify("首页 | 论坛", "楼主", "发表于 2025-1-8 10:22 | 只看该作者", stamp, P1, P2)
    assert labels_of(blocks, stamp) == METADATA
    metadata = extract_metadata(blocks)
    assert (metadata.get("title"), metadata["date"], metadata["updated"]) == (None, "2025-01-08 10:22", "2025-01-08 11:05")


def test_a_novel_sites_slogan_over_the_chapter_is_a_promotion():
    slogan = "天才一秒记住【溪南书屋】地址：www.xinan-books.example，最快更新！无广告！"
    blocks = classify("溪南书屋 | 首页 | 排行榜", "南岭旧事", "作者：沈墨舟", "第三章 旧信", "上一章 ← 目录 → 下一章",
                      slogan, P1, P2, P3, "上一章 ← 目录 → 下一章")
    assert labels_of(blocks, slogan) == CHROME
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]


def test_a_judgments_signature_block_is_its_text():
    """A court judgment ends with its judges' and clerk's names, the day in Chinese
    numerals and the clerk's note; none reads as prose, all are the judgment's."""
    signature = ["审　判　长 陈　立　新", "人民陪审员 周　国　强", "二〇二五年三月五日", "本件与原本核对无异", "书　记　员", "吴　晓　雨"]
    closing = "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于青溪市中级人民法院。"
    blocks = classify("首页 | 审务公开 | 裁判文书", "张某与李某民间借贷纠纷一审民事判决书", P1, P2, P3, closing, *signature,
                      "【打印】【关闭】", "版权所有：青溪市溪东区人民法院")
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3, closing, *signature]
    # a name alone is a signature's only under an officer's title
    blocks = classify("首页 | 审务公开", "张某与李某民间借贷纠纷一审民事判决书", P1, P2, P3, closing, "陈立新", "【打印】【关闭】")
    assert labels_of(blocks, "陈立新") != BODY


def test_a_news_apps_share_page_loses_its_banner_and_the_platforms_notice():
    banner = "打开溪北新闻 查看精彩图片"
    notice = ("Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of "
              "Xibei Hao, which is a social media platform and only provides information storage services.")
    blocks = classify("溪北新闻", banner, "白沙街道开了家长者食堂", P1, banner, P2, P3,
                      "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。", notice, "0 评论")
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]
    assert labels_of(blocks, notice) == DISCLAIMER


def test_a_live_reports_last_entry_keeps_its_text_under_its_time():
    more = "相关部门已安排人员在沿线值守，请市民关注官方发布的最新消息，不要前往江边观看水情。"
    entries = [("18:30", "市教育局通知，受洪水影响，沿江中小学明天停课一天，具体复课时间另行通知。" + more),
               ("16:05", "市气象台发布暴雨橙色预警信号，预计未来六小时沿江地区仍有强降雨。" + more),
               ("14:02", "南岭水库十四时起加大下泄流量，下游沿线乡镇已提前转移低洼地带群众。" + more),
               ("06:40", "青溪市防汛抗旱指挥部决定，自今日六时起启动防汛三级应急响应。")]
    lines = [line for entry in entries for line in entry]
    blocks = classify("首页 | 直播", "直播｜青溪启动防汛应急响应", P1, *lines, "—— 没有更多了 ——", "责任编辑：陈蔚", "分享到：")
    assert [b.text for b in blocks if b.label == BODY] == [P1, *lines]


def test_an_institutions_credit_line_under_its_news_is_a_byline():
    credit = "（供稿：化学与材料学院 摄影：周子涵 审核：林国栋）"
    blocks = classify("首页 | 学院新闻", "我院学子在省化学竞赛中获佳绩", P1, P2, P3, credit, "上一篇：学院召开教学工作会议")
    assert labels_of(blocks, credit) == METADATA
    assert extract_metadata(blocks)["source"] == "化学与材料学院"


def test_a_pictures_file_name_and_the_dish_named_under_it_are_no_text():
    lines = ["IMG_2846.JPG", "紅燒半筋半肉麵", "", P2, "", "IMG_2855.JPG", "滷味拼盤", "IMG_2857.JPG", "燙青菜", "", P3]
    blocks = classify_blocks(split_text_blocks("\n".join(["溪北美食日記", "", "阿銓牛肉麵", "", P1, "", *lines])), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3]
    assert {b.label for b in blocks if b.text in ("IMG_2846.JPG", "紅燒半筋半肉麵", "滷味拼盤", "燙青菜")} == {CAPTION}


def test_a_posts_signed_footer_below_its_related_box_names_the_author():
    blocks = classify("阿彬的美食日記", "阿銓牛肉麵", P1, P2, P3, "延伸閱讀", "【溪北美食】老街口豆花", "【溪北美食】車站前早午餐",
                      "阿彬 發表在 筆客邦 留言(5) 人氣(1,234)", "分享")
    assert extract_metadata(blocks)["author"] == "阿彬"


def test_a_video_players_clock_among_a_live_reports_entries_is_the_players():
    more = "相关部门已安排人员在沿线值守，请市民关注官方发布的最新消息，不要前往江边观看水情。"
    player = ["播放", "00:00", "/", "01:36", "全屏"]
    lines = ["18:30", "市教育局通知，沿江中小学明天停课一天。" + more, "17:12", "溪南镇沿江三个村已完成人员转移。" + more, *player,
             "16:05", "市气象台发布暴雨橙色预警信号。" + more, "14:02", "南岭水库加大下泄流量。" + more]
    blocks = classify("首页 | 直播", "直播｜青溪启动防汛应急响应", P1, *lines, "—— 没有更多了 ——", "分享到：")
    assert [b.text for b in blocks if b.label == BODY] == [P1, *[line for line in lines if line not in player]]


def test_a_pull_quote_is_a_sentence_of_the_text_printed_again():
    quote = "「鐵不會騙人，你偷懶，它就會裂給你看。」"
    paragraph = f"他開始研究不同鋼材的特性，把打農具的手法改用在刀具上。{quote}他說，淬火的溫度差個幾十度，刀就廢了。"
    blocks = classify("溪北生活誌", "爐火六十年：老街最後一間打鐵鋪", P1, paragraph, quote, P2, P3)
    assert [b.text for b in blocks if b.label == BODY] == [P1, paragraph, P2, P3]
    # the same sentence as a paragraph of its own, far from any that holds it, is text
    blocks = classify("溪北生活誌", "爐火六十年：老街最後一間打鐵鋪", P1, paragraph, P2, P3, P1 + P2, quote, "相關文章")
    assert labels_of(blocks, quote) == BODY


def test_a_paywalls_notice_ends_the_text():
    box = ["本文為會員專屬內容，全文約6,800字", "訂閱解鎖全文，閱讀完整故事，以及每月更新的職人專題。", "首月只要新臺幣99元，隨時可以取消。"]
    cut = "他說，這間店還能開多久，他自己也不知道……"
    blocks = classify("溪北生活誌", "爐火六十年：老街最後一間打鐵鋪", P1, P2, cut, *box, "立即訂閱", "已是會員？登入")
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, cut]


def test_a_taiwanese_credit_line_with_full_width_slashes_names_the_writer():
    blocks = classify("溪北生活誌", "爐火六十年：老街最後一間打鐵鋪", "文／李佳穎　攝影／陳大同", "2025.05.06", P1, P2, P3)
    assert extract_metadata(blocks)["author"] == "李佳穎"


def test_short_closing_lines_above_the_source_and_the_platforms_notice_are_the_text():
    closing = ["道路施工会给大家的出行带来不便，", "但短暂的维修换来的是", "日后的更安全、更畅通。", "愿大家都能", "平安出行，安全到家。"]
    notice = "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“溪易号”用户上传并发布，本平台仅提供信息存储服务。"
    page = ["溪易号", "城区主干道夜间施工通告", P1, P2, P3, *closing, "来源：青溪交警", notice, "0 评论"]
    blocks = classify_blocks(split_text_blocks("\n\n".join(page)), CONFIG)
    assert [b.text for b in blocks if b.label == BODY] == [P1, P2, P3, *closing]
    assert extract_metadata(blocks)["source"] == "青溪交警"


def test_a_headline_in_the_pages_now_reading_line_is_no_pull_quote():
    headline = "儿歌一分钱被改成一元钱 原作者女儿：改成这样不觉得拗口吗？"
    blocks = classify("首页 | 育儿", f"正在阅读：{headline}", "一键登录", headline, "2019-09-07", P1, P2, P3)
    assert "pull quote" not in next(b.reason for b in blocks if b.text == headline)
