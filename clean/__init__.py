"""pagewash's cleaning pipeline: capture -> decode -> blocks -> repair -> classify -> metadata."""
