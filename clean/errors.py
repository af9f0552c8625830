"""Why a capture cannot be cleaned.

A ``CaptureError`` is a property of the input (binary, too large, undecodable), not a bug:
the batch engine turns it into an ``error`` row of the manifest with ``str(error)`` as the
reason and carries on. Any other exception is a bug in pagewash and stays loud in tests.
"""


class CaptureError(ValueError):
    """The capture cannot be cleaned; the message says why, in one line."""


class UnsupportedCapture(CaptureError):
    """Not a kind of file pagewash reads (by name or by content)."""


class CaptureTooLarge(CaptureError):
    """Larger than the configured limit, compressed or once decompressed."""


class BinaryCapture(CaptureError):
    """Holds binary data (NUL bytes, an image, an archive) rather than text."""
