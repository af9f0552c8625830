"""Text path across renderers: the same real pages printed to text by several tools, cleaned, scored.

Why: pagewash's text front end is judged on dumps "rendered by other tools" that nobody on
the team has seen. One renderer's dumps (``dev/chinese-wce-text``) can be fitted by accident;
the same pages printed by several renderers, each cleaned with the TEXT path and scored
against the same gold, show whether the text path generalises across renderers.

What: every ``DIR/dev/chinese-wce/original/*.html`` (69 real Chinese pages, about half
GB2312/GBK) is decoded as a renderer would (the charset a ``<meta>`` declares in the first 64 KB, with
gb2312/gbk read as gb18030 and big5 as big5hkscs; else UTF-8; else gb18030 with
replacement characters) and printed to text by each renderer that is available:

- ``bs``: BeautifulSoup over lxml, ``<script>``/``<style>`` dropped, ``get_text("\\n")``;
- ``w3m``: ``w3m -dump -cols 200`` (only when ``w3m`` is on PATH);
- ``inscriptis``: ``inscriptis.get_text`` (layout-aware, tables as columns);
- ``html2text``: Markdown, ``body_width=0`` (saved as ``.md``: the Markdown front end);
- ``html_text``: ``html_text.extract_text(guess_layout=True)``;
- ``markdownify``: Markdown with ``#`` headings (saved as ``.md``), as many crawlers save pages;
- ``resiliparse``: ``resiliparse.extract.html2text.extract_plain_text`` over the whole page
  (``main_content=False``), the plain-text renderer of Common Crawl-scale corpus pipelines;
- ``lynx``: ``lynx -dump -nolist`` at its default width (only when ``lynx`` is on PATH):
  every line indented, bullets drawn as ``*``, images as ``[name]``, form fields as
  ``____``, and paragraphs hard-wrapped at 80 columns, as ``lynx -dump URL > page.txt``
  saves a page;
- ``lynx_links``: ``lynx -dump`` with its defaults, which number the links: ``[12]`` where
  each link starts, and the addresses listed under ``References`` at the end;
- ``chromium``: a browser's ``document.body.innerText`` (what "select all, copy" gives),
  from headless Chromium driven by Playwright (only when the ``playwright`` module and
  ``/usr/bin/chromium`` are there), the page's scripts off and nothing fetched, so
  external stylesheets do not apply;
- ``tagstrip``: no renderer at all: the page's source with its tags cut out by a regular
  expression (``re.sub("<[^>]+>", "", page)``, as ``sed 's/<[^>]*>//g'`` and many
  crawlers do), so the bodies of scripts and styles, the HTML entities and the source's
  indentation and line breaks are all still there.

The renderers are not project dependencies; a missing one is reported as skipped. Each
renderer's folder of dumps is cleaned by the real batch engine
(``pagewash.batch.clean_batch``, the text path: the dumps are ``.txt``/``.md``) and the
cleaned ``<stem>.txt`` are scored against ``cleaned/<stem>.txt`` with
``DIR/tools/score_clean.py`` (character-level LCS, macro means; ``exact`` counts documents
with F1 = 1). ``seconds`` is the time to render plus the time to clean.

None of these renderers is the gold's: the gold bodies were copied by hand from a browser,
so line breaks and spacing of every renderer differ from the gold's (the scorer ignores
white space, the text path does not). A renderer scoring lower is a renderer the text path
handles less well, not a wrong gold.

Usage: ``python -m bench renderers [--shared DIR] [--renderer NAME ...] [--keep DIR] [--jobs N]``
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench.quality import REPO, load_scorer, score_set
from pagewash.config import BatchConfig, Config

#: The gold set every renderer prints: (pages, gold bodies) under the shared folder.
PAGES = Path("dev") / "chinese-wce" / "original"
GOLD = Path("dev") / "chinese-wce" / "cleaned"
#: How far into a page a renderer looks for a declared charset.
CHARSET_WINDOW = 64 * 1024
#: A charset declared in a ``<meta>`` element (``charset=`` or ``http-equiv`` content); a
#: ``<script charset=...>`` names the script's encoding, not the page's.
_DECLARATION = r"""(<meta\b[^>]*?charset\s*=\s*["']?)([A-Za-z0-9_.:-]+)"""
_CHARSET = re.compile(_DECLARATION.encode("ascii"), re.IGNORECASE)
#: ... and in a decoded page (lynx is told it says UTF-8).
_DECLARED_TEXT = re.compile(_DECLARATION, re.IGNORECASE)
#: Declared names that renderers read as a wider superset (GB2312 pages hold GBK characters;
#: Big5 pages hold HKSCS characters).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "big5": "big5hkscs"}
#: w3m's page width, as the hand-made dumps were printed.
W3M_COLUMNS = 200
#: The browser the ``chromium`` renderer drives (Debian's package).
CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's switches on a machine with no network: nothing that phones home at start.
_CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass(frozen=True)
class Renderer:
    """A way of printing a decoded page to text: its name, its dumps' suffix and the function."""

    name: str
    suffix: str
    render: Callable[[str], str]


def decode_page(raw: bytes) -> str:
    """Decode a page the way a renderer does: declared charset, else UTF-8, else gb18030.

    >>> decode_page('<meta charset="gb2312">中文'.encode("gbk"))[-2:]
    '中文'
    >>> decode_page(b"\\xff\\xfe\\xe4\\xb8")[-1]
    '\\ufffd'
    """
    declared = _CHARSET.search(raw[:CHARSET_WINDOW])
    candidates = []
    if declared:
        name = declared.group(2).decode("ascii").lower()
        candidates.append(_SUPERSETS.get(name, name))
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("gb18030", errors="replace")


def _render_bs(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.get_text("\n")


def _render_w3m(html: str) -> str:
    # The page goes in already decoded, as UTF-8: w3m's own charset guess would override
    # the declared one (gb2312, not gb18030) and wrap lines differently.
    done = subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", str(W3M_COLUMNS)],
        input=html.encode("utf-8"), capture_output=True, check=True, timeout=60,
    )
    return done.stdout.decode("utf-8", errors="replace")


def _render_lynx(html: str, options: tuple[str, ...] = ("-nolist",)) -> str:
    # As with w3m, the page goes in decoded to UTF-8. lynx has no switch that overrides a
    # charset the page declares, so the declaration is rewritten to say UTF-8.
    declared = _DECLARED_TEXT.sub(r"\1utf-8", html[:CHARSET_WINDOW], count=1)
    done = subprocess.run(
        ["lynx", "-dump", *options, "-stdin", "-assume_charset=UTF-8", "-display_charset=UTF-8"],
        input=(declared + html[CHARSET_WINDOW:]).encode("utf-8"), capture_output=True, check=True, timeout=60,
    )
    return done.stdout.decode("utf-8", errors="replace")


class _Browser:
    """One headless Chromium for the whole run (a start costs a second; a page, a tenth),
    started at the first page and closed when the interpreter exits."""

    def __init__(self) -> None:
        self._page = None

    def __call__(self, html: str) -> str:
        if self._page is None:
            self._page = self._start()
        try:
            self._page.set_content(html, wait_until="domcontentloaded", timeout=30_000)
            return self._page.evaluate("document.body ? document.body.innerText : ''")
        except Exception as error:  # Playwright's errors: report the page, go on
            raise ValueError(f"chromium: {error}") from error

    def _start(self):
        import atexit

        from playwright.sync_api import sync_playwright

        driver = sync_playwright().start()
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=_CHROMIUM_ARGS)
        atexit.register(driver.stop)
        atexit.register(browser.close)
        page = browser.new_page(java_script_enabled=False)
        # only the page itself: no stylesheet, image or frame is fetched (there is no network)
        page.route("**/*", lambda route: route.abort() if route.request.resource_type != "document"
                   else route.continue_())
        return page


def _render_inscriptis(html: str) -> str:
    import inscriptis

    return inscriptis.get_text(html)


def _render_html2text(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    return converter.handle(html)


def _render_html_text(html: str) -> str:
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def _render_markdownify(html: str) -> str:
    import markdownify

    return markdownify.markdownify(html, heading_style="ATX")


#: A tag, as the crudest crawlers strip them (comments and all, scripts' bodies left).
_TAG = re.compile(r"<[^>]+>")


def _render_tagstrip(html: str) -> str:
    return _TAG.sub("", html)


def _render_resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=False)


#: Every renderer the benchmark knows, with what it needs: a Python module or a program.
_KNOWN: tuple[tuple[Renderer, str, str], ...] = (
    (Renderer("bs", ".txt", _render_bs), "module", "bs4"),
    (Renderer("w3m", ".txt", _render_w3m), "program", "w3m"),
    (Renderer("inscriptis", ".txt", _render_inscriptis), "module", "inscriptis"),
    (Renderer("html2text", ".md", _render_html2text), "module", "html2text"),
    (Renderer("html_text", ".txt", _render_html_text), "module", "html_text"),
    (Renderer("markdownify", ".md", _render_markdownify), "module", "markdownify"),
    (Renderer("resiliparse", ".txt", _render_resiliparse), "module", "resiliparse"),
    (Renderer("lynx", ".txt", _render_lynx), "program", "lynx"),
    (Renderer("lynx_links", ".txt", partial(_render_lynx, options=())), "program", "lynx"),
    (Renderer("chromium", ".txt", _Browser()), "browser", "playwright"),
    (Renderer("tagstrip", ".txt", _render_tagstrip), "module", "re"),
)
NAMES = tuple(renderer.name for renderer, _, _ in _KNOWN)


def available_renderers() -> dict[str, Renderer | None]:
    """Name -> renderer, or None when what it needs is not installed here."""
    found: dict[str, Renderer | None] = {}
    for renderer, kind, needs in _KNOWN:
        if kind == "program":
            present = shutil.which(needs)
        else:
            present = importlib.util.find_spec(needs) and (kind == "module" or CHROMIUM.is_file())
        found[renderer.name] = renderer if present else None
    return found


def render_folder(renderer: Renderer, pages: Path, out: Path) -> list[str]:
    """Print every ``*.htm*`` under ``pages`` to ``out/<same path, renderer's suffix>``.

    Returns the pages the renderer failed on, with why; a failed page leaves no dump, so
    it scores zero (the renderers are third-party code: one bad page must not end the run).
    """
    failed = []
    for page in sorted(pages.rglob("*.htm*")):
        target = out / page.relative_to(pages).with_suffix(renderer.suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            text = renderer.render(decode_page(page.read_bytes()))
        except (subprocess.SubprocessError, ValueError, RecursionError) as error:
            failed.append(f"{page.name}: {type(error).__name__}: {error}")
            continue
        target.write_text(text, encoding="utf-8")
    return failed


class _Tally:
    """The scorer, remembering every score it gives (``score_set`` returns means only)."""

    def __init__(self, scorer) -> None:
        self._scorer = scorer
        self.scores: list[tuple[float, float, float]] = []

    def score(self, gold: str, out: str) -> tuple[float, float, float]:
        result = self._scorer.score(gold, out)
        self.scores.append(result)
        return result

    @property
    def exact(self) -> int:
        return sum(1 for _, _, f in self.scores if f == 1.0)


def renderer_arguments(prog: str, description: str) -> argparse.ArgumentParser:
    """The options every renderer benchmark takes: shared folder, renderers, keep, jobs."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared data folder (default: ../shared next to the repository)")
    parser.add_argument("--renderer", dest="renderers", action="append", choices=NAMES,
                        help="run only this renderer (repeatable; default: all available)")
    parser.add_argument("--keep", type=Path, help="keep the pages, dumps and cleaned outputs in this folder")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    return parser


def work_folder(keep: Path | None, prefix: str) -> Path:
    """The folder to render and clean in: ``keep``, or a new temporary one. Cleaned
    outputs kept from an earlier run are removed first: the batch engine would resume
    from them and the benchmark would score a stale run."""
    work = keep or Path(tempfile.mkdtemp(prefix=prefix))
    shutil.rmtree(work / "clean", ignore_errors=True)
    return work


def run_setup(args, prefix: str) -> tuple[object, Config, Path]:
    """What a run over the renderers needs, from its parsed arguments: the team's scorer,
    the batch configuration (``--jobs``) and the work folder (``--keep`` or a new one)."""
    return load_scorer(args.shared), Config(batch=BatchConfig(jobs=args.jobs)), work_folder(args.keep, prefix)


def selected_renderers(wanted: list[str] | None) -> Iterator[tuple[str, Renderer]]:
    """The renderers asked for (all by default) that are installed; the others are
    reported as skipped."""
    for name, renderer in available_renderers().items():
        if wanted and name not in wanted:
            continue
        if renderer is None:
            print(f"{name:11} skipped (not installed)")
            continue
        yield name, renderer


def main(argv: list[str]) -> int:
    args = renderer_arguments("python -m bench renderers", __doc__.splitlines()[0]).parse_args(argv)
    pages, gold = args.shared / PAGES, args.shared / GOLD
    if not (args.shared / "tools" / "score_clean.py").is_file() or not pages.is_dir():
        print(f"no shared pages at {args.shared} (give --shared DIR): nothing to render, skipped")
        return 0
    scorer, config, work = run_setup(args, "pagewash-renderers-")
    try:
        print(f"{'renderer':11} {'docs':>5} {'P':>7} {'R':>7} {'F1':>7} {'exact':>6} {'seconds':>8}"
              "  (render + clean, wall clock)")
        for name, renderer in selected_renderers(args.renderers):
            started = time.monotonic()
            failed = render_folder(renderer, pages, work / "dumps" / name)
            render_seconds = time.monotonic() - started
            tally = _Tally(scorer)
            n, p, r, f, clean_seconds = score_set(work / "dumps" / name, gold, tally, config, work / "clean" / name)
            print(f"{name:11} {n:5d} {p:7.4f} {r:7.4f} {f:7.4f} {tally.exact:6d} {render_seconds + clean_seconds:8.1f}")
            for line in failed:
                print(f"    render failed: {line}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0
