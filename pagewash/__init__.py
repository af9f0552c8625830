"""pagewash: raw web captures in, clean article text and duplicate clusters out.

The cleaning and dedup stages live in the ``clean`` and ``dedup`` packages; this package
holds what runs them over folders: the one config object, the batch engine and the CLI.
"""

__version__ = "0.1.0"
