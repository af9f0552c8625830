"""Text path vs HTML path on unseen pages without gold: how far the two agree, per renderer.

Why: pagewash's text front end is judged on pages "rendered by other tools" from sites
nobody on the team has seen. ``bench renderers`` measures it against gold, but only on the
69 gold pages it was tuned on. ``../shared`` also holds 143 real pages with no gold:
``dev/gne-pages/tests/**/*.htm*`` (62 pages of some 33 sites, Simplified),
``dev/twnews/html/*.htm*`` (7 Taiwanese sites, Traditional) and
``dev/netease-pages/html/*.htm*`` (74 pages of one portal: a batch where the site's
template is most of every page, the case ``clean.templates`` is for). On those the best
reference is pagewash's own HTML path on the same page (F1 0.97 against gold on the gold
pages).

What: every page is linked into one flat folder (``gne__163__2.html``: stems stay unique,
``../shared`` is never written) and cleaned by the real batch engine
(``pagewash.batch.clean_batch``) on the HTML path: the reference. Each available renderer
of ``bench.renderers`` prints the same pages to text, the batch engine cleans the dumps on
the text path, and each cleaned body is scored against the reference body of its page with
``DIR/tools/score_clean.py`` (character LCS, white space ignored): precision, recall, F1 per
page, macro means per renderer. The metadata table counts, per field, the pages where the
text path found the value the HTML path found (white space ignored). A page whose reference is empty is skipped (and counted); a
missing text output scores 0. ``seconds`` is render plus clean, wall clock.

Agreement is not accuracy: where the paths disagree either may be wrong (the HTML path
can keep a menu the text path drops, or the other way round), so the ``--worst`` list is
where to look, not a list of text-path bugs. Low precision means the text path kept text
the HTML path did not; low recall, that it lost text the HTML path kept.

Usage: ``python -m bench agreement [--shared DIR] [--renderer NAME ...] [--keep DIR]
[--jobs N] [--worst N]``
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

from bench.renderers import render_folder, renderer_arguments, run_setup, selected_renderers
from pagewash.batch import clean_batch

#: The page folders under the shared folder, by the prefix their flat stems get.
CORPORA = {"gne": Path("dev") / "gne-pages" / "tests", "tw": Path("dev") / "twnews" / "html",
           "ne": Path("dev") / "netease-pages" / "html"}
#: A page agrees with the HTML path "well" from this F1 on (the column ``F1>=0.9``).
GOOD_F1 = 0.9

#: The metadata fields compared (``keywords`` and ``subtitle`` are too rare to count).
FIELDS = ("title", "date", "source", "author", "editor")

Scores = dict[str, tuple[float, float, float]]


def find_pages(shared: Path) -> dict[str, Path]:
    """Flat stem -> page, for every ``*.htm*`` file of ``CORPORA`` under ``shared``.

    The stem is the corpus prefix and the page's path joined by ``__``
    (``gne/163/2.html`` -> ``gne__163__2``), so all pages fit in one folder; a page whose
    stem is taken (``a.htm`` beside ``a.html``) keeps its suffix in the stem.
    """
    pages: dict[str, Path] = {}
    for prefix, folder in CORPORA.items():
        root = shared / folder
        for page in sorted(root.rglob("*.htm*")) if root.is_dir() else ():
            if page.is_file():
                stem = "__".join((prefix, *page.relative_to(root).with_suffix("").parts))
                pages[stem + page.suffix.replace(".", "_") if stem in pages else stem] = page
    return pages


def link_pages(pages: dict[str, Path], folder: Path) -> None:
    """Put each page in ``folder`` as ``<stem><suffix>``: a symlink, or a copy where links fail."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, page in pages.items():
        target = folder / (stem + page.suffix)
        if target.exists() or target.is_symlink():
            continue
        try:
            target.symlink_to(page.resolve())
        except OSError:
            shutil.copyfile(page, target)


def read_bodies(folder: Path, stems: list[str]) -> dict[str, str]:
    """Stem -> the cleaned body the batch engine wrote to ``folder/<stem>.txt`` ("" if none)."""
    paths = {stem: folder / f"{stem}.txt" for stem in stems}
    return {stem: path.read_text(encoding="utf-8") if path.is_file() else "" for stem, path in paths.items()}


def read_metadata(folder: Path) -> dict[str, dict]:
    """Stem -> the metadata the batch engine wrote for it to ``folder/documents.jsonl``."""
    path = folder / "documents.jsonl"
    if not path.is_file():
        return {}
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {Path(record["id"]).stem: record.get("metadata") or {} for record in records}


def metadata_rows(reference: dict[str, dict], outputs: dict[str, dict[str, dict]], stems: list[str]) -> list[str]:
    """Per field, the pages whose HTML path found a value (row ``html``) and, per renderer,
    those where the text path found the same value (white space ignored)."""
    def value(meta: dict, field: str) -> str:
        return re.sub(r"\s+", "", str(meta.get(field) or ""))

    rows = [f"{'renderer':11} " + " ".join(f"{field:>7}" for field in FIELDS)]
    found = [sum(1 for stem in stems if value(reference.get(stem, {}), field)) for field in FIELDS]
    rows.append(f"{'html':11} " + " ".join(f"{n:7d}" for n in found))
    for name, metadata in outputs.items():
        same = [
            sum(1 for stem in stems
                if value(reference.get(stem, {}), field) and value(reference.get(stem, {}), field) == value(metadata.get(stem, {}), field))
            for field in FIELDS
        ]
        rows.append(f"{name:11} " + " ".join(f"{n:7d}" for n in same))
    return rows


def score_bodies(references: dict[str, str], outputs: dict[str, str], scorer) -> Scores:
    """Stem -> (P, R, F1) of each output against its page's reference (the scorer's order: gold first)."""
    return {stem: scorer.score(reference, outputs.get(stem, "")) for stem, reference in references.items()}


def summary_row(name: str, scores: Scores, seconds: float) -> str:
    """One table row: pages, mean P, R, F1, pages with F1 >= ``GOOD_F1``, seconds."""
    n = len(scores) or 1
    p, r, f = (sum(s[i] for s in scores.values()) / n for i in range(3))
    good = sum(1 for s in scores.values() if s[2] >= GOOD_F1)
    return f"{name:11} {len(scores):5d} {p:7.4f} {r:7.4f} {f:7.4f} {good:8d} {seconds:8.1f}"


def corpus_rows(results: dict[str, Scores]) -> list[str]:
    """Mean F1 per corpus (columns) for each renderer (rows), and each corpus's page count."""
    prefixes = [p for p in CORPORA if any(s.startswith(p + "__") for scores in results.values() for s in scores)]
    header = f"{'renderer':11} " + " ".join(f"{p:>8}" for p in prefixes)
    rows = [header]
    for name, scores in results.items():
        cells = []
        for prefix in prefixes:
            f1 = [s[2] for stem, s in scores.items() if stem.startswith(prefix + "__")]
            cells.append(f"{sum(f1) / len(f1):8.4f}" if f1 else f"{'-':>8}")
        rows.append(f"{name:11} " + " ".join(cells))
    counts = [sum(1 for s in next(iter(results.values())) if s.startswith(p + "__")) for p in prefixes]
    rows.append(f"{'pages':11} " + " ".join(f"{n:8d}" for n in counts))
    return rows


def worst_rows(results: dict[str, Scores], count: int) -> list[str]:
    """The ``count`` pages with the lowest F1 under any renderer: stem, then P/R per renderer."""
    stems = next(iter(results.values()), {}).keys()
    ranked = sorted(stems, key=lambda stem: (min(scores[stem][2] for scores in results.values()), stem))
    return [f"{stem:40} " + "  ".join(f"{name} {scores[stem][0]:.2f}/{scores[stem][1]:.2f}"
                                      for name, scores in results.items())
            for stem in ranked[:count]]


def main(argv: list[str]) -> int:
    parser = renderer_arguments("python -m bench agreement", __doc__.splitlines()[0])
    parser.add_argument("--worst", type=int, default=10, help="list this many least-agreeing pages (default: 10)")
    args = parser.parse_args(argv)
    pages = find_pages(args.shared)
    if not (args.shared / "tools" / "score_clean.py").is_file() or not pages:
        print(f"no shared pages at {args.shared} (give --shared DIR): nothing to compare, skipped")
        return 0
    scorer, config, work = run_setup(args, "pagewash-agreement-")
    try:
        link_pages(pages, work / "pages")
        started = time.monotonic()
        clean_batch([work / "pages"], work / "clean" / "html", config)
        bodies = read_bodies(work / "clean" / "html", sorted(pages))
        references = {stem: body for stem, body in bodies.items() if body.strip()}
        print(f"reference: the HTML path on {len(pages)} pages, {len(pages) - len(references)} skipped "
              f"(empty reference), {time.monotonic() - started:.1f} s")
        print(f"{'renderer':11} {'pages':>5} {'P':>7} {'R':>7} {'F1':>7} {'F1>=0.9':>8} {'seconds':>8}"
              "  (agreement with the HTML path; render + clean, wall clock)")
        results: dict[str, Scores] = {}
        metadata: dict[str, dict[str, dict]] = {}
        for name, renderer in selected_renderers(args.renderers):
            started = time.monotonic()
            failed = render_folder(renderer, work / "pages", work / "dumps" / name)
            clean_batch([work / "dumps" / name], work / "clean" / name, config)
            results[name] = score_bodies(references, read_bodies(work / "clean" / name, list(references)), scorer)
            metadata[name] = read_metadata(work / "clean" / name)
            print(summary_row(name, results[name], time.monotonic() - started))
            for line in failed:
                print(f"    render failed: {line}")
        if results:
            print("\nF1 by corpus:")
            print("\n".join(corpus_rows(results)))
        if results:
            print("\nmetadata: pages where the text path finds the HTML path's value (row html: pages it found one on)")
            print("\n".join(metadata_rows(read_metadata(work / "clean" / "html"), metadata, sorted(references))))
        if results and args.worst > 0:
            print("\nleast agreeing pages (lowest F1 under any renderer; P/R per renderer):")
            print("\n".join(worst_rows(results, args.worst)))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0
