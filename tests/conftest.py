"""Shared test helpers: a small mixed corpus written into a temp folder, and paths."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"

ARTICLE = (
    "市政府召开常务会议，研究部署今冬明春安全生产工作。会议强调，要压实各方责任，"
    "加强重点行业领域隐患排查整治，坚决防范遏制重特大事故发生。\n\n"
    "会议还研究了其他事项。与会同志表示，将认真抓好各项工作落实，确保人民群众生命财产安全。"
)
#: Four unrelated articles, so that the corpus holds no duplicates unless a test adds one.
ARTICLES = (
    ARTICLE,
    "本市图书馆新馆今日起试运行，读者可凭身份证免费办理借阅证。新馆藏书逾三百万册，设有古籍阅览室和少儿阅读区。",
    "气象台发布寒潮蓝色预警，预计未来三天全市气温将下降八到十度，并伴有五级左右偏北风，请市民注意防寒保暖。",
    "区教育局公布今年义务教育阶段学校招生入学政策，适龄儿童家长可于下月一日起登录平台填报信息并预约审核。",
)


def build_corpus(root: Path) -> dict[str, str]:
    """Write a small mixed corpus under ``root``; return {id: expected status}."""
    files = {
        "news/a.html": (f"<html><head><title>通知</title></head><body><p>{ARTICLES[1]}</p></body></html>"
                        .encode("utf-8"), "ok"),
        "news/b.txt": (ARTICLES[0].encode("utf-8"), "ok"),
        "gbk/c.html": (f'<html><head><meta charset="gb2312"></head><body><p>{ARTICLES[2]}</p></body></html>'
                       .encode("gb18030"), "ok"),
        "d.txt.gz": (gzip.compress(ARTICLES[3].encode("utf-8"), mtime=0), "ok"),
        "notes.pdf": (b"%PDF-1.4 not a capture", "skipped"),
        "bad.html.gz": (b"\x1f\x8b\x08\x00broken gzip", "error"),
        "bin.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "error"),
        "blank.txt": (b"   \n\n", "empty"),
    }
    for name, (data, _) in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return {name: status for name, (_, status) in files.items()}


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-1 of every file under ``root`` (to prove inputs are never modified)."""
    return {str(p.relative_to(root)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "in"
    return root, build_corpus(root)
