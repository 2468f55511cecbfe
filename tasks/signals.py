"""Worker lifecycle hooks."""

from __future__ import annotations

import logging
from typing import Any

from celery.signals import worker_ready

log = logging.getLogger("wirewatch.tasks")


@worker_ready.connect
def poll_at_start(sender: Any = None, **_: Any) -> None:
    """The first poll happens at start, not one scheduler tick later.

    ``Store.due_feeds`` hands each feed to one poller per interval, so several workers starting
    at once still poll each feed once.
    """
    from .pipeline import poll_due

    task_consumer = getattr(sender, "task_consumer", None)  # sender is the worker's Consumer
    queues = {q.name for q in task_consumer.queues} if task_consumer is not None else {"feeds"}
    if "feeds" in queues:
        poll_due.delay()
        log.info("first poll enqueued at start")
