"""The Celery application. Configuration is read lazily, on first use, from Settings."""

from __future__ import annotations

from celery import Celery

app = Celery("wirewatch", include=["wirewatch.tasks.pipeline", "wirewatch.tasks.signals"])
app.config_from_object("wirewatch.tasks.celeryconfig")
