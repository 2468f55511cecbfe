"""Celery glue: the app, its configuration, and thin tasks that call :mod:`wirewatch.workers.pipeline`."""
