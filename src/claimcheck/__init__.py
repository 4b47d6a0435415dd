"""claimcheck: who claimed what, with which figures and dates, and where news outlets disagree.

The library API mirrors the command line: `extract_folder` builds a ledger of claims from a
folder of articles, `compare` aligns claims across outlets, `evaluate_folder` scores extraction
against a gold file.
"""

__version__ = "0.1.0"

from claimcheck.api import compare, evaluate_folder, extract_folder

__all__ = ["__version__", "compare", "evaluate_folder", "extract_folder"]
