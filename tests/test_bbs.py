"""BBS posts (PTT, 水木社区): read by their header, their closing ``--`` and their footer."""

from __future__ import annotations

from clean.bbs import split_bbs_post
from clean.blocks import BODY, CHROME, METADATA, TITLE, WIDGET
from clean.pipeline import clean_capture

#: A post as the board's web view prints it: each label glued to its value.
WEB_VIEW = "\n".join([
    "溪踢踢實業坊",
    "›",
    "看板 RiverTrail",
    "返回看板",
    "作者hillwalker (山行者)",
    "看板RiverTrail",
    "標題[心得] 北坡步道半日走 雲海比想像中還多",
    "時間Sat Apr 12 19:42:10 2025",
    "",
    "趁著連假第一天去走了北坡步道",
    "從登山口到觀景台大概兩個小時",
    "",
    "前半段都是石階，坡度不算太陡",
    "中間有兩個涼亭可以休息喝水",
    "",
    "給想去的人幾個提醒：",
    "1. 停車場八點前就滿了",
    "2. 山上收不到訊號，離線地圖先載好",
    "",
    "--",
    "        山不會跑  慢慢走就到了",
    "--",
    "※ 發信站: 溪踢踢實業坊(xtt.example), 來自: 198.51.100.7 (臺灣)",
    "※ 文章網址: https://www.xtt.example/bbs/RiverTrail/M.1744458130.A.2B4.html",
    "推 cloudsea: 雲海季快到了 推                                     04/12 19:50",
    "→ cloudsea: 石階那段下雨很滑                                     04/12 19:51",
    "噓 flatland: 兩小時也算半日？                                    04/12 20:03",
    "※ 編輯: hillwalker (198.51.100.7 臺灣), 04/12/2025 20:10:44",
    "推 trailcat: 收藏                                                04/12 20:15",
])


def test_a_web_view_post_keeps_its_paragraphs_and_reads_its_header():
    result = clean_capture(WEB_VIEW, kind="text")
    assert result.text.split("\n") == [
        "趁著連假第一天去走了北坡步道從登山口到觀景台大概兩個小時",
        "前半段都是石階，坡度不算太陡中間有兩個涼亭可以休息喝水",
        "給想去的人幾個提醒：",
        "1. 停車場八點前就滿了",
        "2. 山上收不到訊號，離線地圖先載好",
    ]
    assert result.metadata == {
        "author": "hillwalker", "title": "[心得] 北坡步道半日走 雲海比想像中還多", "date": "2025-04-12 19:42",
    }


def test_signature_footer_and_pushes_are_removed_each_with_its_reason():
    removed = clean_capture(WEB_VIEW, kind="text").removed

    def verdict(start: str) -> tuple[str, str]:
        return next((r.label, r.reason) for r in removed if r.text.startswith(start))

    assert verdict("山不會跑") == (CHROME, "chrome: the poster's signature (under the text's closing --)")
    assert verdict("※ 發信站")[0] == CHROME and "footer" in verdict("※ 發信站")[1]
    assert verdict("※ 編輯")[0] == CHROME
    assert verdict("推 cloudsea")[0] == verdict("噓 flatland")[0] == verdict("→ cloudsea")[0] == WIDGET
    assert verdict("溪踢踢實業坊")[1] == "chrome: the board's page above the post's header"
    assert verdict("看板RiverTrail")[1] == "chrome: the board's name in the post's header"


#: A 水木社区-style post, Simplified: one line names the poster and the board, the time
#: is in the 发信站 line, a reply quotes the post it answers.
NEWSMTH = "\n".join([
    "发信人: qingshan (青山), 信区: Hiking",
    "标  题: Re: 北坡步道周末人多吗",
    "发信站: 水木社区 (Sun Apr 13 09:05:31 2025), 站内",
    "",
    "周六上午去的，登山口停车场八点就满了，",
    "建议坐公交到山脚再走过去。",
    "",
    "【 在 xiaolu (小鹿) 的大作中提到: 】",
    ": 打算这周末去，不知道人多不多",
    "",
    "--",
    "",
    "※ 来源:·水木社区 newsmth.example·[FROM: 203.0.113.*]",
])


def test_a_newsmth_post_is_read_with_its_quote_removed():
    result = clean_capture(NEWSMTH, kind="text")
    assert result.text == "周六上午去的，登山口停车场八点就满了，建议坐公交到山脚再走过去。"
    assert result.metadata == {"author": "qingshan", "title": "Re: 北坡步道周末人多吗", "date": "2025-04-13 09:05"}
    quoted = [r for r in result.removed if "quoted" in r.reason]
    assert [r.text for r in quoted] == ["【 在 xiaolu (小鹿) 的大作中提到: 】", ": 打算这周末去，不知道人多不多"]


def test_a_browser_copy_with_each_label_over_its_value():
    copy = "作者\nhillwalker (山行者)\n標題\n[問題] 北坡步道有水嗎\n時間\nSat Apr 12 19:42:10 2025\n\n" \
           "想問山上有沒有補水的地方\n--\n※ 發信站: 溪踢踢實業坊"
    blocks = split_bbs_post(copy)
    assert [(b.label, b.text) for b in blocks if b.label in (TITLE, METADATA, BODY)] == [
        (METADATA, "hillwalker"), (TITLE, "[問題] 北坡步道有水嗎"), (METADATA, "Sat Apr 12 19:42:10 2025"),
        (BODY, "想問山上有沒有補水的地方"),
    ]


def test_wide_lines_are_paragraphs_and_latin_words_keep_their_space():
    wide = "這是一整段在網頁編輯器裡寫成的文字，沒有手動斷行，所以比終端機的一行還要寬很多很多很多。"
    post = "\n".join([
        "作者 hillwalker (山行者)", "標題 [閒聊] 手機", "時間 Sat Apr 12 19:42:10 2025", "",
        wide, "第二段緊接在下面。", "", "我用的是iPhone", "15 Pro，拍雲海還行", "--", "※ 發信站: 溪踢踢實業坊",
    ])
    assert clean_capture(post, kind="text").text.split("\n") == [wide, "第二段緊接在下面。", "我用的是iPhone 15 Pro，拍雲海還行"]


def test_a_dash_rule_far_above_the_footer_is_the_texts_own_and_not_its_end():
    paragraphs = [f"第{n}段的內容寫在這裡，說明步道的第{n}個路段。" for n in range(1, 9)]
    lines = [line for p in paragraphs[1:] for line in (p, "")]
    post = "\n".join(["作者 hillwalker (山行者)", "標題 [心得] 長文", "時間 Sat Apr 12 19:42:10 2025", "",
                      paragraphs[0], "", "--", "", *lines, "--", "※ 發信站: 溪踢踢實業坊"])
    result = clean_capture(post, kind="text")
    assert result.text.split("\n") == paragraphs
    assert any(r.text == "--" and "rule" in r.reason for r in result.removed)


def test_an_article_with_byline_labels_is_left_to_the_classifier():
    """A news page may print 標題：/作者：/時間： lines and a ``--`` under its text; a BBS
    prints its time as C's ctime() does, and a news page does not."""
    article = "標題：青溪步道啟用\n作者：王小明\n時間：2025-04-12 19:42\n\n青溪步道今天正式啟用，市長到場剪綵。\n"
    assert split_bbs_post(article) is None
    assert split_bbs_post(article + "--\n相關新聞\n") is None


def test_a_lynx_dump_of_a_post_loses_its_link_numbers_and_keeps_the_links_the_poster_gave():
    dump = "\n".join([
        "   [1]溪踢踢實業坊 › [2]看板 RiverTrail", "",
        "   作者hillwalker (山行者)", "   看板RiverTrail", "   標題[情報] 北坡步道封閉公告", "   時間Sat Apr 12 19:42:10 2025", "",
        "   管理處公告北坡步道下週封閉", "   原文在這裡", "   [3]https://trail.example/notice/0412", "",
        "   --", "   ※ 發信站: 溪踢踢實業坊(xtt.example)", "", "References", "",
        "   1. https://xtt.example/", "   2. https://xtt.example/bbs/RiverTrail/", "   3. https://trail.example/notice/0412",
    ])
    result = clean_capture(dump, kind="text")
    assert result.text.split("\n") == ["管理處公告北坡步道下週封閉原文在這裡", "https://trail.example/notice/0412"]
