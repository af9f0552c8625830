"""The HTML front end: main content, block structure and metadata, one phenomenon per page.

Pages are written inline (small, made up for the test); the real-page checks read
``../shared`` and skip when it is absent.
"""

from __future__ import annotations

import importlib.util

import pytest

from clean import clean_capture
from clean.config import HtmlConfig
from clean.decode import decode_bytes
from clean.html.meta import strip_site_name
from clean.metadata import byline_fields, trailing_author
from clean.htmlblocks import extract_html_blocks

from .conftest import SHARED

P1 = "市政府召开常务会议，研究部署今冬明春安全生产工作，要求压实各方责任。"
P2 = "会议强调，要加强重点行业领域隐患排查整治，坚决防范遏制重特大事故发生。"
P3 = "与会同志表示，将认真抓好各项工作落实，确保人民群众生命财产安全。"
ARTICLE = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
LINKS = "".join(f'<li><a href="/n{i}">栏目{i}</a></li>' for i in range(12))
TEASERS = "".join(f'<li><a href="/a{i}">某地召开第{i}次专题会议部署重点工作</a> 2022-01-0{i % 9 + 1}</li>'
                  for i in range(8))


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def texts(html: str) -> list[str]:
    return [block.text for block in extract_html_blocks(html, HtmlConfig()).blocks]


def metadata(html: str) -> dict:
    return extract_html_blocks(html, HtmlConfig()).metadata


#: (phenomenon, page, text that must be among the blocks, text that must not be)
CASES = [
    ("nav, sidebar and footer landmarks",
     page(f"<nav><ul>{LINKS}</ul></nav><div class=main>{ARTICLE}</div>"
          f"<aside><p>热门推荐：本站其他文章很多，欢迎阅读。</p></aside><footer><p>版权所有，网站备案号。</p></footer>"),
     [P1, P2, P3], ["栏目1", "热门推荐", "版权所有"]),
    ("furniture by class and id",
     page(f'<div id="topnav"><ul>{LINKS}</ul></div><div class="content">{ARTICLE}</div>'
          f'<div class="related-news"><ul>{TEASERS}</ul></div>'
          f'<div class="share-bar"><p>分享到：微信，微博。</p></div>'),
     [P1, P3], ["栏目2", "专题会议", "分享到"]),
    ("paragraphs straight in a layout cell beside a link column",
     page(f"<table><tr><td><ul>{LINKS}</ul></td><td>{P1}<br><br>{P2}<br>{P3}</td>"
          f"<td><ul>{TEASERS}</ul></td></tr></table>"),
     [P1, P2, P3], ["栏目3", "专题会议"]),
    ("paragraphs as siblings of furniture in one cell",
     page(f"<table><tr><td><ul>{LINKS}</ul>{ARTICLE}<ul>{TEASERS}</ul></td></tr></table>"),
     [P1, P2, P3], ["栏目4", "专题会议"]),
    ("footnotes are not the footer",
     page(f'<div class="text">{ARTICLE}<div class="footnote"><p>注释一：本文数据来自统计年鉴，经作者整理。</p></div></div>'
          f'<div class="foot"><p>主办单位：某某网，备案号：京ICP备000号。</p></div>'),
     [P1, "注释一"], ["主办单位"]),
    ("comment thread after the article",
     page(f'<div class=post>{ARTICLE}</div><div id="comments">'
          + "".join(f"<div><p>网友{i} 2022-01-01 10:0{i}</p><p>说得很好，支持一下，希望多多报道此类新闻！</p></div>"
                    for i in range(10)) + "</div>"),
     [P1, P3], ["支持一下"]),
    ("hidden pop-ups",
     page(f'<div style="display: none"><p>请登录后发表评论，感谢您的支持与理解。</p></div><div>{ARTICLE}</div>'
          f'<div hidden><p>这是一个隐藏的弹窗，包含很多很多的说明文字。</p></div>'),
     [P1], ["请登录", "隐藏的弹窗"]),
    ("script, style and form widgets",
     page(f"<script>var x = '正文里不该出现的脚本文字，很长很长。';</script><style>p{{color:red}}</style>"
          f"<div>{ARTICLE}<select><option>选项一</option></select></div>"),
     [P1], ["脚本文字", "color", "选项一"]),
]


@pytest.mark.parametrize("name,html,kept,dropped", CASES, ids=[c[0] for c in CASES])
def test_main_content(name, html, kept, dropped):
    found = "\n".join(texts(html))
    for text in kept:
        assert text in found, f"{name}: lost {text!r}"
    for text in dropped:
        assert text not in found, f"{name}: kept {text!r}"


def test_forum_thread_is_cut_to_its_opening_post():
    post = '<table class=post><tr><td>{who} 发表于 2005-05-1{n} 22:11</td></tr><tr><td>{text}</td></tr></table>'
    replies = "".join(post.format(who=f"网友{n}", n=n, text="说得好，顶一下，支持楼主的观点！") for n in range(1, 6))
    found = texts(page(f"<div>{post.format(who='楼主', n=0, text=P1 + P2 + P3)}{replies}</div>"))
    assert P1 + P2 + P3 in found and not any("顶一下" in t for t in found)


def test_paragraphs_with_dates_are_not_a_listing():
    dated = [f"<div class=para><p>2022年1月{n}日，{P1}</p></div>" for n in range(1, 6)]
    found = texts(page("".join(dated)))
    assert len(found) == 5


def test_official_document_keeps_its_signature_date():
    html = page(f"<div class=art><p>{P1}</p><p>{P2}</p><p>某某市人民政府办公室</p><p>2025年11月20日</p></div>"
                f"<div class=share>分享到：微信 微博</div>")
    assert texts(html)[-2:] == ["某某市人民政府办公室", "2025年11月20日"]


def test_one_block_per_paragraph_and_line_break():
    blocks = texts(page(f"<div><p>{P1}</p><p>{P2}<br>{P3}</p></div>"))
    assert blocks == [P1, P2, P3]


def test_preformatted_text_keeps_its_lines():
    blocks = texts(page(f"<div><p>{P1}</p><pre>床前明月光，\n疑是地上霜。\n\n举头望明月，</pre><p>{P2}</p></div>"))
    assert blocks == [P1, "床前明月光，", "疑是地上霜。", "举头望明月，", P2]


def test_inline_markup_stays_inside_its_paragraph():
    blocks = texts(page(f"<div><p>全市<b>召开</b>常务会议，<a href=/x>研究部署</a>今冬明春安全生产工作。</p>{ARTICLE}</div>"))
    assert blocks[0] == "全市召开常务会议，研究部署今冬明春安全生产工作。"


def test_data_table_rows_become_lines():
    table = ("<table><tr><th>地区</th><th>产值（亿元）</th></tr>"
             "<tr><td>东城区</td><td>120.5</td></tr><tr><td>西城区</td><td>98.1</td></tr></table>")
    blocks = extract_html_blocks(page(f"<div><p>{P1}</p>{table}<p>{P2}</p></div>"), HtmlConfig()).blocks
    rows = [b for b in blocks if b.tag == "tr"]
    assert [b.text for b in rows] == ["地区 产值（亿元）", "东城区 120.5", "西城区 98.1"]


def test_data_tables_can_be_left_out():
    table = "<table><tr><td>东城区</td><td>120.5</td></tr><tr><td>西城区</td><td>98.1</td></tr></table>"
    html = page(f"<div><p>{P1}</p>{table}<p>{P2}</p></div>")
    assert texts(html) == [P1, "东城区 120.5", "西城区 98.1", P2]
    blocks = extract_html_blocks(html, HtmlConfig(keep_tables=False)).blocks
    assert [b.text for b in blocks] == [P1, P2]


def test_short_list_items_inside_the_article_are_kept():
    items = "<ol><li>一、总体要求</li><li>二、重点任务</li><li>三、保障措施</li></ol>"
    blocks = texts(page(f"<nav><ul>{LINKS}</ul></nav><div><p>{P1}</p>{items}<p>{P2}</p><p>{P3}</p></div>"))
    assert blocks == [P1, "一、总体要求", "二、重点任务", "三、保障措施", P2, P3]


def test_image_only_blocks_are_dropped():
    blocks = texts(page(f'<div><p><img src="a.jpg" alt="图片说明文字"></p>{ARTICLE}<p> <img src=b.jpg> </p></div>'))
    assert blocks == [P1, P2, P3]


def test_blocks_carry_tag_and_link_density():
    html = page(f'<div><p>{P1}</p><p><a href="/x">点击这里</a>查看全文</p><p>{P2}</p><p>{P3}</p></div>')
    block = next(b for b in extract_html_blocks(html, HtmlConfig()).blocks if "点击" in b.text)
    assert block.tag == "p" and block.link_density == pytest.approx(4 / 8)


def test_headline_and_byline_above_the_article_are_handed_on():
    html = page(f'<div class=crumb><a href=/>首页</a> &gt; <a href=/n>新闻</a></div>'
                f"<h1>全市部署安全生产工作</h1><div class=info>2022-01-27 10:30 来源：某某日报</div>"
                f'<div class=tools>字号：大 中 小</div><div class=text>{ARTICLE}</div>',
                head="<title>全市部署安全生产工作_新闻中心_某某网</title>")
    blocks = extract_html_blocks(html, HtmlConfig()).blocks
    assert [(b.tag, b.text) for b in blocks[:2]] == [
        ("h1", "全市部署安全生产工作"), ("div", "2022-01-27 10:30 来源：某某日报")]
    assert "字号：大 中 小" not in [b.text for b in blocks]


def test_a_headline_in_other_words_than_its_text_is_the_title_not_body():
    """The page's markup names its headline (the ``<title>`` holds it): it is the title
    however few words it shares with the text, and never body."""
    headline = "一场雪后，这座城为何连夜出动？"
    html = page(f"<div class=head><h2>{headline}</h2><p>青溪发布</p><div>发布时间：10-08 12:00</div></div>"
                f"<div class=text>{ARTICLE}</div>", head=f"<title>{headline}</title>")
    blocks = extract_html_blocks(html, HtmlConfig()).blocks
    assert [b.headline for b in blocks] == [True] + [False] * (len(blocks) - 1)
    result = clean_capture(html.encode("utf-8"))
    assert result.metadata["title"] == headline
    assert result.text.split("\n") == [P1, P2, P3]


def test_metadata_from_meta_tags_and_json_ld():
    head = ('<title>标题_站点</title><meta property="og:title" content="全市部署安全生产工作">'
            '<meta property="article:published_time" content="2022-01-27T10:30:00+08:00">'
            '<meta name="keywords" content="安全生产,常务会议">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",'
            ' "dateModified": "2022-01-28T08:05:00+08:00",'
            ' "author": [{"@type": "Person", "name": "张三"}, {"name": "李四"}]}</script>')
    found = metadata(page(f"<div>{ARTICLE}</div>", head))
    assert found["date"] == "2022-01-27 10:30"
    assert found["updated"] == "2022-01-28 08:05"
    assert found["author"] == "张三 李四"
    assert found["keywords"] == ["安全生产", "常务会议"]
    assert found["title"] == "全市部署安全生产工作"


def test_a_blog_posts_dates_and_author_from_its_microformats():
    """WordPress themes mark the post's own time and author (hAtom): the comments below it
    have marked authors of their own, which are not the post's."""
    post = ('<h1>阳台种菜的第二年</h1><div class="entry-meta"><a href="/p/1"><time class="entry-date published" '
            'datetime="2025-03-16T20:42:11+08:00">2025年3月16日</time><time class="updated" '
            'datetime="2025-03-18T09:05:37+08:00">2025年3月18日</time></a> 作者 <span class="author vcard">'
            '<a class="url fn n" href="/author/q">青禾</a></span></div>')
    comments = ('<ol><li><div class="comment-author vcard"><b class="fn">阿秀</b> 说：</div>'
                '<time datetime="2025-03-17T08:21:40+08:00">2025年3月17日</time><p>说得对。</p></li></ol>')
    found = clean_capture(page(f"{post}<div>{ARTICLE}</div>{comments}").encode("utf-8")).metadata
    assert (found["date"], found["updated"], found["author"]) == ("2025-03-16 20:42", "2025-03-18 09:05", "青禾")


def test_the_reporter_the_text_signs_beats_the_themes_author_link():
    """A portal's theme marks the account that posted (``<a class="author">扬眼 企鹅号``);
    the reporter the article signs at its end is the author."""
    account = '<div class="info"><a class="author" href="/author/51"><div>青溪</div><span>号</span></a></div>'
    signed = f"<div>{ARTICLE}<p>青溪晚报记者 王五</p></div>"
    assert clean_capture(page(account + signed).encode("utf-8")).metadata["author"] == "王五"
    assert clean_capture(page(account + f"<div>{ARTICLE}</div>").encode("utf-8")).metadata["author"] == "青溪号"


def test_a_utc_meta_tag_is_read_on_the_pages_own_clock():
    """Sites may state the instant in UTC in their meta tags while the page's own stamps
    (what its readers see) carry the local offset: the date is given on the page's clock,
    and left as written when the page shows no other clock."""
    head = ('<meta property="article:published_time" content="2025-03-16T12:42:11+00:00">'
            '<meta property="article:modified_time" content="2025-03-17T23:05:00Z">')
    local = '<p class="info"><time datetime="2025-03-16T20:42:11+08:00">3月16日</time></p>'
    found = metadata(page(f"{local}<div>{ARTICLE}</div>", head))
    assert (found["date"], found["updated"]) == ("2025-03-16 20:42", "2025-03-18 07:05")
    assert metadata(page(f"<div>{ARTICLE}</div>", head))["date"] == "2025-03-16 12:42"


def test_an_author_box_holding_another_label_gives_no_author():
    from clean.html.dom import parse_html
    from clean.html.meta import marked_author

    assert marked_author(parse_html(page(f'<div class="author">责任编辑：赵六</div><div>{ARTICLE}</div>'))) is None
    assert marked_author(parse_html(page(f'<div class="author">作者：王五</div><div>{ARTICLE}</div>'))) == "王五"
    biography = "王五，青溪人，长期从事地方史研究，著有多部专著，现任青溪大学历史系教授。"
    assert marked_author(parse_html(page(f'<div class="author">{biography}</div>'))) is None


def test_metadata_from_chinese_byline():
    html = page(f"<h1>全市部署安全生产工作</h1><p>发布时间：2022年1月27日 10:30 来源：某某日报 作者：王五</p>"
                f"<div>{ARTICLE}<p>（责任编辑：赵六）</p></div>", head="<title>全市部署安全生产工作-某某网</title>")
    found = metadata(html)
    assert {k: found.get(k) for k in ("title", "date", "source", "author", "editor")} == {
        "title": "全市部署安全生产工作", "date": "2022-01-27 10:30", "source": "某某日报",
        "author": "王五", "editor": "赵六"}


def test_keywords_from_the_byline_when_the_markup_has_none():
    html = page(f"<h1>全市部署安全生产工作</h1><p>关键词：安全生产 常务会议</p><div>{ARTICLE}</div>")
    assert metadata(html)["keywords"] == ["安全生产", "常务会议"]


@pytest.mark.parametrize("author", ["www.example.cn,某某日报社", "104363", "Discuz! Team"])
def test_site_author_meta_is_not_a_person(author):
    head = f'<meta name="author" content="{author}">'
    assert "author" not in metadata(page(f"<div>{ARTICLE}</div>", head))


def test_byline_key_inside_a_meta_tag_is_dropped():
    head = '<meta name="source" content="来源：某某日报">'
    assert metadata(page(f"<div>{ARTICLE}</div>", head))["source"] == "某某日报"


@pytest.mark.parametrize("title,expected", [
    ("全市部署安全生产工作_新闻中心_某某网", "全市部署安全生产工作"),
    ("某某网 - 全市部署安全生产工作", "全市部署安全生产工作"),
    ("Council approves the new budget | The Daily", "Council approves the new budget"),
])
def test_title_without_the_site_name(title, expected):
    assert strip_site_name(title) == expected


def test_byline_fields_stop_at_the_next_key_and_at_non_names():
    assert byline_fields("2020-11-26 08:04 来源：[ 中国新闻网 ] 作者：张三 阅读(120)") == {
        "date": "2020-11-26 08:04", "source": "中国新闻网", "author": "张三"}
    assert byline_fields("原文：这不是一个署名") == {}
    assert byline_fields("（责任编辑：王晓雯、李嘉 阅读(120)）") == {"editor": "王晓雯 李嘉"}
    assert byline_fields("责任编辑：NF055") == {"editor": "NF055"}


@pytest.mark.parametrize("text,author", [
    ("由山丫头张贴 @ 2005-03-21 01:20:44 (359) 共 3 篇评论", "山丫头"),
    ("〓 留言板 发布时间 2005/05/17 22:11:42 by 青衫客 〓", "青衫客"),
    ("By Martin Hale, Local Democracy Reporter", "Martin Hale"),
    ("新京报记者 钟岩 河北青溪报道", "钟岩"),
    ("信息来源：就业促进科 阅读次数：416", None),
])
def test_who_signs(text, author):
    assert byline_fields(text).get("author") == author


def test_signature_date_and_time_on_two_lines():
    html = page(f"<div><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>2025年3月4日（星期二）<br>香港時間15時30分</p></div>")
    found = metadata(html)
    assert found["date"] == "2025-03-04 15:30" and "author" not in found


@pytest.mark.parametrize("text,expected", [
    ("……确保安全。（记者 张三 李四）", "张三 李四"),
    ("……确保安全。（完）", None),
    ("……确保安全。（新华社）", None),
    ("2025年3月4日（星期二）", None),
])
def test_trailing_reporter(text, expected):
    assert trailing_author(text) == expected


def test_english_news_page():
    para = ("The city council approved the new budget on Tuesday, after a long debate about "
            "school funding and road repairs that lasted well into the night.")
    html = page(f'<nav><ul>{"".join(f"<li><a href=/s{i}>Section {i}</a></li>" for i in range(10))}</ul></nav>'
                f"<article><h1>Council approves budget</h1><p>{para}</p><p>{para.upper()}</p></article>"
                f'<div class="related"><ul>{"".join(f"<li><a href=/r{i}>Other story {i}</a></li>" for i in range(6))}'
                f"</ul></div>")
    found = texts(html)
    assert para in found and para.upper() in found
    assert not any("Section" in t or "Other story" in t for t in found)


def test_english_labels_between_sections_are_furniture():
    para = "Residents said the new timetable, which starts in April, would make evening trips easier."
    html = page(f"<div><div class=body><p>{para}</p><p>Advertisement</p><p>{para[::-1]}</p></div>"
                "<div><p>Most Read Stories</p><p>Sign up today</p></div></div>")
    assert texts(html)[-1] == para[::-1]


def test_deeply_nested_broken_markup_keeps_its_text():
    unclosed = page("<font>" * 1200 + ARTICLE)
    assert texts(unclosed) == [P1, P2, P3]


def test_text_after_an_early_closing_html_tag_is_kept():
    assert texts(f"<html><body><div>页眉</div></body></html><div>{ARTICLE}</div>") == [P1, P2, P3]


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "纯文本，没有标签。",
                                  '<?xml version="1.0" encoding="gb2312"?><html><body><p>正文。</p></body></html>'])
def test_degenerate_pages_do_not_fail(html):
    extract_html_blocks(html, HtmlConfig())


def _lcs_f1(gold: str, out: str) -> float:
    spec = importlib.util.spec_from_file_location("score_clean", SHARED / "tools" / "score_clean.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(gold, out)[2]


def test_chinese_wce_front_end_floor():
    """The front end alone (no classifier) already finds the article on real pages."""
    root = SHARED / "dev" / "chinese-wce"
    if not root.is_dir():
        pytest.skip("../shared is absent")
    scores = []
    for path in sorted((root / "original").glob("*.html")):
        blocks = extract_html_blocks(decode_bytes(path.read_bytes()).text, HtmlConfig()).blocks
        gold = (root / "cleaned" / f"{path.stem}.txt").read_text(encoding="utf-8")
        scores.append(_lcs_f1(gold, "\n".join(b.text for b in blocks)))
    assert sum(scores) / len(scores) >= 0.90


@pytest.mark.parametrize("folder", ["dev/gne-pages/tests", "dev/netease-pages/html", "dev/twnews/html"])
def test_pages_without_gold_give_an_article(folder):
    root = SHARED / folder
    if not root.is_dir():
        pytest.skip("../shared is absent")
    for path in sorted(root.rglob("*.htm*")):
        blocks = extract_html_blocks(decode_bytes(path.read_bytes()).text, HtmlConfig()).blocks
        body = "".join(b.text for b in blocks)
        assert len(body) >= 100, f"{path.name}: only {len(body)} characters found"
