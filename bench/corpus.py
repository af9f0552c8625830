"""Seeded synthetic corpus for scale benchmarks: N captures with planted reprints.

Articles are random Chinese prose (GB2312 level-1 characters with a Zipf-like frequency,
clauses and sentences of natural length) generated as code-point arrays with numpy and
decoded in one go, so a million 1,500-character documents take seconds, not hours. A
share of the documents are reprints of an earlier one: truncated, lightly edited, with an
editor's note on top, or converted to Traditional script. Each capture is wrapped in one
of a few site chromes, so the cleaning path has real work to do.

The same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_LEVEL1 = bytes(b for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
#: The 3,755 most common simplified characters (GB2312 level 1). The standard orders them
#: by pinyin; a fixed shuffle decides which are frequent, so they are not all "a" syllables.
COMMON_HANZI = np.random.default_rng(1980).permutation(
    np.frombuffer(_LEVEL1.decode("gb2312", "ignore").encode("utf-32-le"), dtype=np.uint32))
_COMMA, _STOP, _NEWLINE = ord("，"), ord("。"), ord("\n")

CHROMES = (
    ("首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流", "您当前的位置：首页 > 新闻中心 > 工作动态",
     "【打印本页】【关闭窗口】", "版权所有：某某市人民政府办公室 备案号：京ICP备00000000号"),
    ("设为首页 | 加入收藏 | 联系我们", "当前位置：首页>>要闻",
     "分享到：微信 微博 QQ空间", "主办单位：某某日报社 技术支持：某某网络"),
    ("網站首頁 | 新聞 | 評論 | 專題", "首頁 > 新聞 > 兩岸",
     "延伸閱讀", "本網站所有內容，未經授權不得轉載"),
)


@dataclass(frozen=True)
class Capture:
    """One generated capture and what the benchmark knows about it."""

    id: str
    body: str
    capture: str
    original: str  # id of the document this one reprints (its own id for an original)


def generate(n: int, *, seed: int = 0, chars: int = 1500, reprint_share: float = 0.1) -> Iterator[Capture]:
    """Yield ``n`` captures of about ``chars`` body characters; ``reprint_share`` of them
    reprint one of the previous 1,000 originals."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(COMMON_HANZI) + 1) ** 0.9
    cumulative = np.cumsum(weights / weights.sum())
    recent: deque[tuple[str, str]] = deque(maxlen=1000)
    converter = None
    for index in range(n):
        doc_id = f"{index // 1000:04d}/doc{index:07d}.txt"
        if recent and rng.random() < reprint_share:
            original_id, original_body = recent[rng.integers(len(recent))]
            body, traditional = _reprint(original_body, rng)
            if traditional:
                if converter is None:
                    import opencc

                    converter = opencc.OpenCC("s2twp")
                body = converter.convert(body)
        else:
            original_id, body = doc_id, _article(rng, cumulative, chars)
            recent.append((doc_id, body))
        chrome = CHROMES[int(rng.integers(len(CHROMES)))]
        title = body[: int(rng.integers(12, 24))].replace("\n", "").replace("，", "").replace("。", "")
        capture = "\n".join([chrome[0], chrome[1], "", title, f"发布时间：2024-0{1 + index % 9}-1{index % 10}",
                             "", body, "", chrome[2], chrome[3]])
        yield Capture(doc_id, body, capture + "\n", original_id)


def _article(rng: np.random.Generator, cumulative: np.ndarray, chars: int) -> str:
    """Random prose: Zipf-distributed characters, a comma or full stop every 6–17
    characters, a paragraph break after about one sentence in five."""
    codes = COMMON_HANZI[np.searchsorted(cumulative, rng.random(chars), side="right").clip(0, len(COMMON_HANZI) - 1)]
    marks = np.cumsum(rng.integers(6, 18, size=chars // 6))
    marks = marks[marks < chars - 1]
    kinds = rng.random(len(marks))
    codes[marks] = np.where(kinds < 0.6, _COMMA, np.where(kinds < 0.92, _STOP, _NEWLINE))
    codes[-1] = _STOP
    return codes.tobytes().decode("utf-32-le").replace("\n", "。\n")


def _reprint(body: str, rng: np.random.Generator) -> tuple[str, bool]:
    """A reprint of ``body``: one or two of truncation, 1–3% edits, a note on top; and
    whether to convert it to Traditional script."""
    kind = rng.random()
    if kind < 0.3:
        body = body[: int(len(body) * rng.uniform(0.6, 0.9))]
    elif kind < 0.7:
        codes = np.frombuffer(body.encode("utf-32-le"), dtype=np.uint32).copy()
        edits = rng.choice(len(codes), size=max(1, int(len(codes) * rng.uniform(0.01, 0.03))), replace=False)
        codes[edits] = COMMON_HANZI[rng.integers(len(COMMON_HANZI), size=len(edits))]
        body = codes.tobytes().decode("utf-32-le")
    else:
        body = "编者按：本文转载自合作媒体，内容有删节。\n" + body
    return body, bool(rng.random() < 0.2)


def write_captures(folder: Path, n: int, *, seed: int = 0, chars: int = 1500) -> Path:
    """Write ``n`` text captures under ``folder`` plus ``truth.jsonl`` (id, original)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for capture in generate(n, seed=seed, chars=chars):
            path = folder / "captures" / capture.id
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(capture.capture, encoding="utf-8")
            truth.write(json.dumps({"id": capture.id, "original": capture.original}) + "\n")
    return folder / "captures"


def write_documents(path: Path, n: int, *, seed: int = 0, chars: int = 1500) -> Path:
    """Write ``n`` cleaned documents as ``documents.jsonl`` (the input of dedup)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for capture in generate(n, seed=seed, chars=chars):
            out.write(json.dumps({"id": capture.id, "text": capture.body,
                                  "metadata": {"original": capture.original}}, ensure_ascii=False) + "\n")
    return path
