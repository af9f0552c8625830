"""bench.agreement: pages laid out like ../shared, linked flat, cleaned both ways, scored."""

from __future__ import annotations

from pathlib import Path

from bench.agreement import find_pages, main
from tests.conftest import ARTICLE

#: A scorer of the shape ``score_clean.score`` has, written by the test (nothing copied from
#: ../shared): matched characters of the white-space-free texts, as precision/recall/F1.
SCORER = '''
import re
from difflib import SequenceMatcher
def score(gold, out):
    g, o = re.sub(r"\\s+", "", gold), re.sub(r"\\s+", "", out)
    if not g and not o:
        return 1.0, 1.0, 1.0
    common = sum(m.size for m in SequenceMatcher(None, g, o, autojunk=False).get_matching_blocks())
    p, r = (common / len(o) if o else 0.0), (common / len(g) if g else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
'''
TAIWAN_ARTICLE = ("行政院今日召開院會，通過明年度總預算案，將送立法院審議。院長表示，預算編列以照顧弱勢、"
                  "強化治安與推動數位轉型為重點，盼各界支持。\n\n財政部指出，明年歲入預估較今年成長百分之三。")


#: The headline and byline of the Simplified page, for the metadata table.
HEADER = "<h1>市政府召开常务会议部署安全生产工作</h1><p>2025-11-03 10:00 来源：青溪日报</p>"


def _page(article: str, charset: str, header: str = "") -> bytes:
    html = (f'<html><head><meta charset="{charset}"><title>新聞</title><script>var x = 1;</script></head>'
            "<body><div><a href='/'>首頁</a> <a href='/n'>新聞</a></div>"
            + header + "".join(f"<p>{paragraph}</p>" for paragraph in article.split("\n\n"))
            + "</body></html>")
    return html.encode("gb18030" if charset == "gb2312" else "big5hkscs" if charset == "big5" else "utf-8")


def _fake_shared(root: Path) -> Path:
    """A GB2312 page in gne-pages, a Big5 page in twnews, a page with no text, and a scorer."""
    (root / "tools").mkdir(parents=True)
    (root / "tools" / "score_clean.py").write_text(SCORER, encoding="utf-8")
    gne, tw = root / "dev" / "gne-pages" / "tests" / "site", root / "dev" / "twnews" / "html"
    gne.mkdir(parents=True)
    tw.mkdir(parents=True)
    (gne / "1.html").write_bytes(_page(ARTICLE, "gb2312", HEADER))
    (gne / "2.html").write_bytes(b"<html><body><div></div></body></html>")
    (tw / "news.html").write_bytes(_page(TAIWAN_ARTICLE, "big5"))
    return root


def test_pages_get_flat_unique_stems(tmp_path):
    shared = _fake_shared(tmp_path / "shared")
    (shared / "dev" / "gne-pages" / "tests" / "site" / "1.htm").write_bytes(b"<p>x</p>")
    assert sorted(find_pages(shared)) == ["gne__site__1", "gne__site__1_html", "gne__site__2", "tw__news"]


def test_pages_cleaned_both_ways_and_scored(tmp_path, capsys):
    shared = _fake_shared(tmp_path / "shared")
    keep = tmp_path / "keep"
    assert main(["--shared", str(shared), "--renderer", "bs", "--jobs", "1", "--keep", str(keep)]) == 0
    out = capsys.readouterr().out
    assert (keep / "pages" / "tw__news.html").is_symlink()
    assert "".join(ARTICLE.split()) in "".join((keep / "clean" / "html" / "gne__site__1.txt").read_text().split())
    assert "on 3 pages, 1 skipped (empty reference)" in out
    row = next(line.split() for line in out.splitlines() if line.startswith("bs "))
    pages, p, r, f, good = int(row[1]), *map(float, row[2:5]), int(row[5])
    assert pages == 2 and good == 2
    assert 0.9 <= min(p, r, f) and max(p, r, f) <= 1.0
    assert not any(line.startswith(("w3m", "inscriptis", "html2text", "html_text")) for line in out.splitlines())
    assert "least agreeing pages" in out and "tw__news" in out
    by_corpus = out.split("F1 by corpus:")[1].splitlines()
    assert by_corpus[1].split() == ["renderer", "gne", "tw"] and by_corpus[2].startswith("bs ")
    assert by_corpus[3].split() == ["pages", "1", "1"]
    table = out.split("metadata: ")[1].splitlines()
    assert table[1].split() == ["renderer", "title", "date", "source", "author", "editor"]
    found, same = table[2].split(), table[3].split()
    assert found[0] == "html" and same[0] == "bs"
    assert all(0 <= int(s) <= int(f) <= 2 for f, s in zip(found[1:], same[1:]))
    assert same[1:4] == ["1", "1", "1"]  # the title, date and source of the page whose headline is its text's


def test_no_shared_folder_is_a_clean_skip(tmp_path, capsys):
    assert main(["--shared", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out
