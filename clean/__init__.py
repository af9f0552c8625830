"""pagewash's cleaning pipeline: capture -> decode -> blocks -> repair -> classify -> metadata.

The public API::

    from clean import clean_capture, CleanConfig, repair_mojibake
    result = clean_capture(raw_bytes)          # kind sniffed, defaults
    result.text, result.metadata, result.removed
"""

from clean.config import CleanConfig
from clean.errors import CaptureError
from clean.pipeline import CleanResult, Removal, clean_capture
from clean.repair import Repair, RepairResult, repair_mojibake

__all__ = [
    "CaptureError", "CleanConfig", "CleanResult", "Removal", "Repair", "RepairResult",
    "clean_capture", "repair_mojibake",
]
