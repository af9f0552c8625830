"""A seeded reprint corpus built from real article bodies, with gold clusters.

Each original body gets zero or more reprints made with the transformations issue 6
lists (script conversion and back, punctuation width, title lines, editor's notes,
来源/责编 lines, paragraph re-splitting, 1–3 % character edits, truncation to 60–90 %,
excerpts), and the corpus carries hard negatives: leftover site chrome shared by
different articles, the five seeds (one subject, five articles) and follow-up articles
quoting two sentences of another. Dedup runs on cleaned bodies, so chrome appears only
as the few lines a cleaner may leave behind.
"""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import opencc

_SITES = [  # (name, chrome lines a cleaner might leave behind)
    (
        "新华网",
        [
            "首页 | 时政 | 国际 | 财经 | 体育 | 娱乐 | 科技 | 图片",
            "版权所有 新华网 京ICP备10040315号",
            "扫一扫在手机打开当前页",
        ],
    ),
    (
        "人民网",
        [
            "人民网首页 > 时政频道 > 正文",
            "分享到：微信 微博 QQ空间",
            "人民日报社概况 | 关于人民网 | 招聘英才 | 广告服务",
        ],
    ),
    (
        "央视网",
        [
            "央视网 > 新闻频道 > 国内新闻",
            "更多精彩内容请下载央视新闻客户端",
            "本网站所刊登的央视网各种新闻、信息和各种专题专栏资料均为央视网版权所有",
        ],
    ),
    (
        "澎湃新闻",
        [
            "澎湃新闻客户端 下载APP",
            "关键词 >> 时事 社会 民生",
            "澎湃新闻报料：021-962866 沪ICP备14003370号",
        ],
    ),
    (
        "中國時報",
        [
            "首頁 > 政治 > 兩岸",
            "加入LINE好友 訂閱電子報",
            "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用",
        ],
    ),
    (
        "東方日報",
        [
            "主頁 | 要聞港聞 | 兩岸國際 | 財經 | 娛樂 | 體育",
            "訂閱東方日報電子版",
            "版權所有不得轉載 Copyright © Oriental Press Group Limited",
        ],
    ),
    (
        "地方政府网",
        [
            "当前位置：首页 > 政务公开 > 工作动态",
            "主办单位：市人民政府办公室 承办单位：市大数据中心",
            "网站标识码 1234000001 政府网站找错",
        ],
    ),
    (
        "统战新闻网",
        [
            "首页 > 统战要闻 > 地方动态",
            "【字体：大 中 小】【打印本页】【关闭窗口】",
            "主办：中共中央统战部 技术支持：人民网",
        ],
    ),
]
_NOTES = [
    "编者按：本文转载自合作媒体，观点仅代表作者本人，不代表本网立场。",
    "编者按：近日，这一话题引发广泛关注，本网特转发此文，供读者参考。",
    "【编者按】为便于读者了解相关情况，现将有关报道整理刊发如下。",
    "编辑说明：本文有删节，标题为编者所加。",
]
_EDITORS = ["张明", "李华", "王芳", "陈静", "刘洋", "赵磊"]


@dataclass(frozen=True)
class Doc:
    """One benchmark document with its gold label and how it was made."""

    id: str
    text: str
    metadata: dict
    gold: str  #: gold cluster (the original's name)
    kind: str  #: original / reprint / truncated / excerpt / followup
    transforms: tuple[str, ...] = ()
    site: str = ""
    negatives: tuple[str, ...] = field(default=())  #: gold clusters this doc must never join


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").strip()


def load_originals(shared: Path) -> list[tuple[str, str, bool]]:
    """(name, body, is_seed) for the hand-cleaned bodies: chinese-wce gold and the seeds."""
    wce = sorted((shared / "dev/chinese-wce/cleaned").glob("*.txt"))
    out = [(f"wce-{p.stem[:8]}", _read(p), False) for p in wce]
    out += [(f"seed-{p.stem[:3]}", _read(p), True) for p in sorted((shared / "seeds/gold").glob("*.txt"))]
    return [o for o in out if o[1]]


def load_fresh_bodies(shared: Path, min_chars: int = 800) -> list[tuple[str, str]]:
    """Bodies of other dev pages (paragraphs of ≥15 Han characters), used as the new
    articles of follow-ups; they are never reprinted, so their noise cannot make gold wrong."""
    out = []
    pages = sorted((shared / "dev/gne-pages/tests").glob("*/*.html"))
    pages += sorted((shared / "dev/twnews/html").glob("*.html"))
    for page in pages:
        root = lxml.html.fromstring(page.read_bytes())
        paras = [re.sub(r"\s+", "", p.text_content()) for p in root.iter("p")]
        body = "\n".join(p for p in paras if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 15)
        if len(body) >= min_chars:
            out.append((f"fresh-{page.parent.name}-{page.stem}", body))
    return out


_CC: dict[str, opencc.OpenCC] = {}


def _convert(text: str, config: str) -> str:
    if config not in _CC:
        _CC[config] = opencc.OpenCC(config)
    return _CC[config].convert(text)


_FULL = "，。！？；：（）“”"
_HALF = ",.!?;:()\"\""


def _width(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return text.translate(str.maketrans(_FULL, _HALF))
    return text.translate(str.maketrans(",!?;:()", "，！？；：（）"))


def _resplit(text: str, rng: random.Random) -> str:
    paras = text.split("\n")
    if rng.random() < 0.5 and len(paras) > 1:  # merge neighbours
        out = []
        for p in paras:
            if out and rng.random() < 0.5:
                out[-1] += p
            else:
                out.append(p)
        return "\n".join(out)
    return "\n".join(re.sub(r"(。)(?=.)", lambda m: m.group(1) + ("\n" if rng.random() < 0.4 else ""), p) for p in paras)


def _edit(text: str, rng: random.Random) -> str:
    """1–3 % of the characters substituted, deleted or doubled with another of the text's."""
    chars = list(text)
    pool = [c for c in text if "\u4e00" <= c <= "\u9fff"] or chars
    for _ in range(max(1, int(len(chars) * rng.uniform(0.01, 0.03)))):
        pos = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.5:
            chars[pos] = rng.choice(pool)
        elif op < 0.75:
            chars[pos] = ""
        else:
            chars[pos] += rng.choice(pool)
    return "".join(chars)


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？\n]+[。！？]", text) if len(s) >= 15]


def _reprint(body: str, traditional: bool, rng: random.Random, kind: str, source: str) -> tuple[str, tuple[str, ...]]:
    steps = []
    text = body
    if kind == "truncated":
        cut = rng.uniform(0.6, 0.9)
        text = text[: int(len(text) * cut)].rstrip() + "\n" + rng.choice(["阅读全文", "（未完）", "点击查看全文>>"])
        steps.append(f"truncate{cut:.2f}")
    elif kind == "excerpt":
        share = rng.uniform(0.25, 0.45)
        length = int(len(text) * share)
        start = rng.randrange(0, len(text) - length + 1)
        text = text[start : start + length] + f"\n（摘编自{source}）"
        steps.append(f"excerpt{share:.2f}")
    if rng.random() < 0.6:
        config = rng.choice(["t2s", "tw2sp"] if traditional else ["s2t", "s2tw", "s2twp", "s2hk"])
        text = _convert(text, config)
        steps.append(config)
        if rng.random() < 0.3:  # and back
            text = _convert(text, "tw2sp" if config.startswith("s2") else "s2t")
            steps.append("back")
    if rng.random() < 0.5:
        text, _ = _width(text, rng), steps.append("width")
    if rng.random() < 0.5:
        text, _ = _resplit(text, rng), steps.append("resplit")
    if rng.random() < 0.6:
        text, _ = _edit(text, rng), steps.append("edits")
    if rng.random() < 0.3:
        text, _ = rng.choice(_NOTES) + "\n" + text, steps.append("note")
    if rng.random() < 0.3:
        text, _ = "【转载】" + text.split("\n", 1)[0][:20] + "\n" + text, steps.append("title")
    if rng.random() < 0.7:
        text = f"来源：{source}\n{text}\n责任编辑：{rng.choice(_EDITORS)}"
        steps.append("source-lines")
    return text, tuple(steps)


def _with_chrome(text: str, site: int, rng: random.Random) -> str:
    """Leave 1–3 of the site's chrome lines around the body, as a cleaner might."""
    lines = _SITES[site][1]
    picked = rng.sample(lines, rng.randint(1, 3))
    return "\n".join([picked[0], text, *picked[1:]])


def generate(shared: Path, seed: int = 0, followups: int = 15) -> list[Doc]:
    """The benchmark corpus, shuffled, with ids that reveal nothing about the gold."""
    rng = random.Random(seed)
    originals = load_originals(shared)
    fresh = load_fresh_bodies(shared)
    docs: list[Doc] = []
    seeds = tuple(name for name, _, is_seed in originals if is_seed)
    for name, body, is_seed in originals:
        simplified = _convert(body, "t2s")
        traditional = sum(a != b for a, b in zip(body, simplified)) > len(body) / 50
        site = rng.randrange(len(_SITES))
        negatives = tuple(s for s in seeds if s != name) if is_seed else ()
        text = _with_chrome(body, site, rng) if rng.random() < 0.5 else body
        meta = {"source": _SITES[site][0], "date": "2023-01-01"}
        docs.append(Doc("", text, meta, name, "original", (), _SITES[site][0], negatives))
        kinds = ["reprint"] * rng.choice([0, 1, 1, 2, 3])
        kinds += ["truncated"] * (rng.random() < 0.4) + ["excerpt"] * (rng.random() < 0.3)
        for kind in kinds:
            other = rng.choice([i for i in range(len(_SITES)) if i != site])
            text, steps = _reprint(body, traditional, rng, kind, _SITES[site][0])
            if rng.random() < 0.5:
                text, steps = _with_chrome(text, other, rng), steps + ("chrome",)
            meta = {"source": _SITES[site][0], "date": f"2023-01-0{rng.randint(2, 9)}", "title": f"reprint of {name}"}
            docs.append(Doc("", text, meta, name, kind, steps, _SITES[other][0], negatives))
    quotable = [(n, b) for n, b, _ in originals if len(_sentences(b)) >= 4]
    quoted_articles = rng.sample(quotable, min(followups, len(quotable)))
    for (fresh_name, fresh_body), (quoted, quoted_body) in zip(fresh[:followups], quoted_articles):
        first = rng.randrange(len(_sentences(quoted_body)) - 1)
        quote = "".join(_sentences(quoted_body)[first : first + 2])
        paras = fresh_body.split("\n")
        at = rng.randrange(1, len(paras)) if len(paras) > 1 else 1
        text = "\n".join(paras[:at] + [f"此前有报道称：“{quote}”"] + paras[at:])
        docs.append(Doc("", text, {"source": "跟进报道"}, fresh_name, "followup", ("quotes:" + quoted,), "", (quoted,)))
    rng.shuffle(docs)
    return [dataclasses.replace(d, id=f"doc{k:04d}") for k, d in enumerate(docs)]
