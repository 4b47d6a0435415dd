"""Language data (word lists), one folder per language, each list defined once."""
