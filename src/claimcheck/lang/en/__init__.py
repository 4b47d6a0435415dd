"""English word lists shared by extraction and comparison (no spaCy import here)."""
