"""bench.renderers: decoding as a renderer does, skipping what is missing, and one page end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import renderers
from bench.renderers import decode_page, main
from tests.conftest import ARTICLE

#: A scorer of the shape ``score_clean.score`` has, written by the test (nothing copied from
#: ../shared): all or nothing on the white-space-free text.
SCORER = '''
import re
def score(gold, out):
    same = re.sub(r"\\s+", "", gold) == re.sub(r"\\s+", "", out)
    return (1.0, 1.0, 1.0) if same else (0.0, 0.0, 0.0)
'''


@pytest.mark.parametrize("raw, expected", [
    # 镕 is in GBK, not in GB2312: a page declaring gb2312 is read as gb18030.
    ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">朱镕基'.encode("gbk"), "朱镕基"),
    ('<meta charset="big5">臺灣'.encode("big5"), "臺灣"),
    ("<p>没有声明的页面</p>".encode("utf-8"), "没有声明的页面"),
    # A script's charset is not the page's: this UTF-8 page is not read as GB.
    ('<script src="x.js" charset="gb2312"></script>中文'.encode("utf-8"), "中文"),
    # A declaration that lies falls back to UTF-8.
    ('<meta charset="ascii">中文'.encode("utf-8"), "中文"),
])
def test_decode_page_reads_the_declared_charset_or_utf8(raw, expected):
    assert expected in decode_page(raw)


def test_decode_page_replaces_what_nothing_decodes():
    assert decode_page(b"abc\xff")[-1] == "\ufffd"


def test_no_shared_folder_is_a_clean_skip(tmp_path, capsys):
    assert main(["--shared", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def _fake_shared(root: Path) -> Path:
    """One GB2312 page with a menu and an article, its gold body, and a scorer."""
    (root / "tools").mkdir(parents=True)
    (root / "tools" / "score_clean.py").write_text(SCORER, encoding="utf-8")
    pages, gold = root / "dev" / "chinese-wce" / "original", root / "dev" / "chinese-wce" / "cleaned"
    pages.mkdir(parents=True)
    gold.mkdir(parents=True)
    html = ('<html><head><meta charset="gb2312"><title>新闻</title><script>var x = "脚本";</script></head>'
            "<body><div><a href='/'>首页</a> <a href='/n'>新闻</a></div>"
            + "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE.split("\n\n"))
            + "</body></html>")
    (pages / "page.html").write_bytes(html.encode("gb18030"))
    (gold / "page.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def test_one_page_rendered_cleaned_and_scored(tmp_path, capsys, monkeypatch):
    shared = _fake_shared(tmp_path / "shared")
    # As if w3m were not installed: the program it needs is one no machine has.
    monkeypatch.setattr(renderers, "_KNOWN", tuple(
        (renderer, kind, "pagewash-no-such-program" if renderer.name == "w3m" else needs)
        for renderer, kind, needs in renderers._KNOWN))
    keep = tmp_path / "keep"
    assert main(["--shared", str(shared), "--renderer", "bs", "--renderer", "w3m",
                 "--jobs", "1", "--keep", str(keep)]) == 0
    out = capsys.readouterr().out
    dump = (keep / "dumps" / "bs" / "page.txt").read_text(encoding="utf-8")
    assert "首页" in dump and "脚本" not in dump and ARTICLE.split("\n\n")[0] in dump
    assert (keep / "clean" / "bs" / "page.txt").is_file()
    row = next(line.split() for line in out.splitlines() if line.startswith("bs "))
    assert row[1:6] == ["1", "1.0000", "1.0000", "1.0000", "1"]  # docs, P, R, F1, exact
    assert "w3m         skipped (not installed)" in out
    assert not any(line.startswith(("inscriptis", "html2text", "html_text")) for line in out.splitlines())
