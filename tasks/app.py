"""The Celery application. Configuration is read lazily, on first use, from Settings."""

from __future__ import annotations

from celery import Celery

app = Celery("wirewatch", include=["wirewatch.tasks.pipeline"])
app.config_from_object("wirewatch.tasks.celeryconfig")

# Worker lifecycle hooks must be connected before the worker starts (``include`` is imported too
# late for ``worker_init``). Importing them opens no connection.
from . import signals  # noqa: E402,F401
