"""Every error claimcheck raises on purpose derives from `ClaimcheckError`: one thing to catch.

Each subclass also keeps the built-in base it had before (ValueError, RuntimeError), so code that
caught those keeps working.
"""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base of claimcheck's errors; the message is one plain line a user can act on."""


class ArticleError(ClaimcheckError, ValueError):
    """An input that cannot be read as an article."""


class LedgerError(ClaimcheckError, ValueError):
    """A ledger that cannot be read or written."""


class GoldError(ClaimcheckError, ValueError):
    """A gold annotation file that does not follow the gold format."""


class ModelNotFoundError(ClaimcheckError, RuntimeError):
    """No spaCy model of that name is installed (nothing is ever downloaded)."""


class EngineUnavailableError(ClaimcheckError, RuntimeError):
    """The requested extraction engine (Ray) is not installed or cannot start."""


class OutputError(ClaimcheckError, ValueError):
    """An output path claimcheck refuses to write (a folder, a device, an input, another ledger)."""


class WriteError(ClaimcheckError, OSError):
    """A file that could not be written (a full disk, a file size limit), named with the reason;
    still an OSError, as it was before it named the file."""


class ArticleFailedError(ClaimcheckError, RuntimeError):
    """Under `strict`, the first article whose extraction failed or ran out of time (named)."""


class CacheError(ClaimcheckError, RuntimeError):
    """A cache directory claimcheck will not trust (another user's, or writable by others)."""


class ConfigError(ClaimcheckError, ValueError):
    """A `--config` file that cannot be read, or that sets something claimcheck does not have."""
