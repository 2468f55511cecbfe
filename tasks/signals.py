"""Worker lifecycle hooks."""

from __future__ import annotations

import logging
from typing import Any

from celery.signals import worker_init, worker_ready

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


@worker_init.connect
def preload_classifier(sender: Any = None, **_: Any) -> None:
    """Load the classifier in the worker's parent process, before the pool forks.

    Children inherit it copy-on-write: no per-child load delay at start or after a
    ``worker_max_tasks_per_child`` recycle, and one copy of the model's memory instead of one per
    process. Skipped for workers that do not consume the ``classify`` queue.
    """
    consume_from = getattr(getattr(getattr(sender, "app", None), "amqp", None), "queues", None)
    selected = getattr(consume_from, "consume_from", None)
    if selected and "classify" not in selected:
        return
    from . import resources

    resources.classifier()
    log.info("classifier loaded before fork")
