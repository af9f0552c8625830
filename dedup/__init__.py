"""pagewash's near-duplicate detection: normalise -> shingle -> sign -> index -> verify -> cluster."""
