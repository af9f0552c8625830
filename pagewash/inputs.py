"""Find the captures under the INPUT paths, lazily and in a stable order.

Every file found becomes one ``InputFile``, including the ones pagewash will skip (so the
manifest accounts for every input). Hidden directories (``.git`` ...) and the output folder
itself are not entered.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from clean.capture import kind_from_name


@dataclass(frozen=True)
class InputFile:
    """One file found under an INPUT path.

    Attributes:
        path: where it is.
        id: its path relative to its INPUT root (POSIX separators): the document id.
        kind: ``html`` / ``text``, or None when pagewash does not read such files.
        output: the relative path of its cleaned text, ``<id without .gz, suffix .txt>``.
    """

    path: Path
    id: str
    kind: str | None
    output: str


def discover(inputs: Iterable[Path], exclude: Path | None = None) -> Iterator[InputFile]:
    """Yield every file under ``inputs`` (files or folders, recursive), sorted per folder."""
    exclude = exclude.resolve() if exclude is not None else None
    for given in inputs:
        given = Path(given)
        if given.is_dir():
            yield from _walk(given, exclude)
        else:
            yield from _files_of_folder(given.parent, [given.name], PurePosixPath())


def _walk(root: Path, exclude: Path | None) -> Iterator[InputFile]:
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and (exclude is None or Path(folder, d).resolve() != exclude)
        )
        relative = PurePosixPath(Path(folder).relative_to(root).as_posix())
        yield from _files_of_folder(Path(folder), sorted(filenames), relative)


def _files_of_folder(folder: Path, names: list[str], relative: PurePosixPath) -> Iterator[InputFile]:
    """Name each file's output; where two names in one folder would share an output
    (``a.html`` and ``a.txt``), the later keeps its full name (``a.html.txt``)."""
    taken: set[str] = set()
    for name in names:
        output = output_name(name)
        if output in taken:
            output = name + ".txt"
        taken.add(output)
        yield InputFile(folder / name, str(relative / name), kind_from_name(name), str(relative / output))


def output_name(name: str) -> str:
    """``a.html.gz`` -> ``a.txt``; ``a.txt`` -> ``a.txt``; ``a.pdf`` -> ``a.pdf.txt``.

    >>> output_name("page.HTML.gz"), output_name("dump.txt"), output_name("x.pdf")
    ('page.txt', 'dump.txt', 'x.pdf.txt')
    """
    base = name[:-3] if name.lower().endswith(".gz") else name
    stem, dot, _suffix = base.rpartition(".")
    if dot and kind_from_name(base) is not None:
        return stem + ".txt"
    return name + ".txt"
