"""pagewash's cleaning pipeline: capture -> decode -> blocks -> repair -> classify -> metadata.

The public API::

    from clean import clean_capture, CleanConfig, repair_mojibake
    result = clean_capture(raw_bytes)          # kind sniffed, defaults
    result.text, result.metadata, result.removed

Several text captures of a batch: ``survey_capture`` each, ``find_templates`` over the
surveys, then ``clean_capture(data, templates=...)`` with each capture's template lines.
"""

from clean.config import CleanConfig
from clean.errors import CaptureError
from clean.pipeline import CleanResult, Removal, clean_capture, survey_capture
from clean.repair import Repair, RepairResult, repair_mojibake
from clean.templates import Survey, find_templates

__all__ = [
    "CaptureError", "CleanConfig", "CleanResult", "Removal", "Repair", "RepairResult", "Survey",
    "clean_capture", "find_templates", "repair_mojibake", "survey_capture",
]
