"""Settings and default data (feed list, alert schema, classifier patterns and model).

Everything configurable lives in :mod:`wirewatch.config.settings`; the files beside it are data
that ships with the package so that the service runs offline.
"""

from importlib.resources import files
from pathlib import Path

from .settings import Settings, get_settings


def data_path(name: str) -> Path:
    """Path of a data file shipped in this package (e.g. ``alert.schema.json``)."""
    return Path(str(files(__name__).joinpath(name)))


__all__ = ["Settings", "data_path", "get_settings"]
