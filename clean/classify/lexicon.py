"""Phrase lexicons kept as data (``clean/lexicons/*.txt``) and matched against blocks.

Lexicons hold Simplified phrases only. Traditional-script captures are matched by
converting the *document* once with opencc (``t2s``) before matching (see ``fold``):
one conversion per document is cheaper than one per block and keeps one lexicon for
both scripts. The conversion only feeds matching; block text is never rewritten.

Pattern syntax, one a line (a line starting with ``#`` is a comment):

* ``phrase`` -- the phrase occurs anywhere in the folded block, outside quotation
  marks (a quoted phrase is talked about, not used);
* ``^phrase`` -- the folded block starts with it;
* ``$phrase`` -- the folded block ends with it;
* ``=phrase`` -- the folded block, with brackets, bullets and punctuation around it
  removed, is exactly the phrase, perhaps followed by a count (``热门评论 7条``,
  ``全部评论(12)``: section headers often say how many items they hold) or spaced out
  with middle dots (``延伸 · 推荐``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

#: Characters peeled off both ends of a block before an ``=`` comparison.
#: Marks before a line's first word that a prefix pattern looks past: an arrow or a
#: guillemet pointing to the link (``« 上一篇：…``). (Not a bullet: ``• 版权声明来源：…``
#: is a byline run into a tab's label, not a copyright notice.)
_PREFIX_LEAD = "«‹←<"
_FRAME = " \t\u3000#[]【】()（）<>《》〈〉「」『』|｜·•●◆◇■□▪▶►*-—_:：.。,，;；!！?？…>»›«‹/\\~～+←→↑↓"
_SPACE = re.compile(r"\s+")
#: The count a header may end with, after its frame is peeled off: ``7条`` / ``(12`` / ``：3``.
_COUNTED = "条篇个则项"
_COUNT = re.compile(rf"[\d,]{{1,7}}[{_COUNTED}]?$")
_QUOTE_PAIRS = ("“”", "「」", "『』", "‘’")


def _quoted(text: str, position: int) -> bool:
    """Whether ``position`` lies inside a quotation: a phrase quoted is talked about, not used."""
    before = text[:position]
    return any(before.count(o) > before.count(c) for o, c in _QUOTE_PAIRS)


@dataclass(frozen=True)
class Lexicon:
    """One category of phrases, compiled for fast matching."""

    name: str
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    phrases: tuple[str, ...]
    _phrase_re: re.Pattern[str] | None

    def match(self, folded: str) -> str | None:
        """Return the pattern (as written in the file) that matches ``folded``, or None."""
        bare = folded.strip(_FRAME)
        if bare in self.exact:
            return "=" + bare
        if "·" in bare or "・" in bare:
            # a header spaced out with middle dots: 延伸 · 推荐
            bare = bare.replace("·", "").replace("・", "")
            if bare in self.exact:
                return "=" + bare
        if bare and (bare[-1].isdigit() or bare[-1] in _COUNTED):
            uncounted = _COUNT.sub("", bare).strip(_FRAME)
            if uncounted in self.exact:
                return "=" + uncounted
        prefixed = self.match_prefix(folded)
        if prefixed:
            return prefixed
        if folded.endswith(self.suffixes):  # one call for the usual miss; then which one
            return "$" + next(suffix for suffix in self.suffixes if folded.endswith(suffix))
        if self._phrase_re is not None:
            for found in self._phrase_re.finditer(folded):
                if not _quoted(folded, found.start()):
                    return found.group(0)
        return None

    def match_prefix(self, folded: str) -> str | None:
        """The ``^`` pattern that opens ``folded``, or None (only the prefixes are tried)."""
        if folded[:1] in _PREFIX_LEAD:
            folded = folded.lstrip(_PREFIX_LEAD)
        if not folded.startswith(self.prefixes):  # one call for the usual miss
            return None
        return "^" + next(prefix for prefix in self.prefixes if folded.startswith(prefix))


def parse_lexicon(name: str, lines: list[str]) -> Lexicon:
    """Build a ``Lexicon`` from the lines of a lexicon file."""
    exact: set[str] = set()
    prefixes: list[str] = []
    suffixes: list[str] = []
    phrases: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        entry = fold_text(line[1:] if line[0] in "=^$" else line)
        if line[0] == "=":
            exact.add(entry.strip(_FRAME))
        elif line[0] == "^":
            prefixes.append(entry)
        elif line[0] == "$":
            suffixes.append(entry)
        else:
            phrases.append(entry)
    # longest first so that the reported entry is the most specific one
    phrases.sort(key=len, reverse=True)
    phrase_re = re.compile("|".join(map(re.escape, phrases))) if phrases else None
    return Lexicon(name, frozenset(exact), tuple(prefixes), tuple(suffixes), tuple(phrases), phrase_re)


@lru_cache(maxsize=None)
def load_lexicon(name: str, directory: Path = LEXICON_DIR) -> Lexicon:
    """Load ``<directory>/<name>.txt`` (cached: lexicons are read once per process)."""
    path = directory / f"{name}.txt"
    return parse_lexicon(name, path.read_text(encoding="utf-8").splitlines())


def fold_text(text: str) -> str:
    """Matching form of a Simplified string: white space removed, case folded."""
    return _SPACE.sub("", text).casefold()


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _t2s() -> opencc.OpenCC:
    return _converter("t2s")


def to_simplified(text: str) -> str:
    """``text`` in Simplified script (opencc t2s), for matching only."""
    return _t2s().convert(text)


def fold(texts: list[str]) -> list[str]:
    """Matching forms of a document's block texts, Traditional converted to Simplified.

    The document is converted in one opencc call (blocks joined by newlines, which the
    converter leaves in place) instead of one call per block.
    """
    if not texts:
        return []
    joined = "\n".join(t.replace("\n", " ") for t in texts)
    converted = _t2s().convert(joined).split("\n")
    if len(converted) != len(texts):  # defensive: never mis-align blocks
        converted = [_t2s().convert(t) for t in texts]
    return [fold_text(t) for t in converted]
