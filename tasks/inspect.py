"""Read-only views of the broker for `wirewatch status` and the metrics endpoint."""

from __future__ import annotations

from celery import Celery

from .celeryconfig import QUEUES


def queue_depths(app: Celery) -> dict[str, int | None]:
    """Messages waiting in each stage queue (None when the broker cannot say)."""
    depths: dict[str, int | None] = {}
    with app.connection_for_read() as conn:
        channel = conn.default_channel
        for name in QUEUES:
            try:
                # Not passive: on Redis an empty queue has no key and a passive declare says
                # NOT_FOUND; declaring is harmless (workers declare the same queues).
                depths[name] = int(
                    channel.queue_declare(queue=name, durable=True, auto_delete=False).message_count
                )
            except Exception:  # noqa: BLE001 - a missing queue is reported, not fatal
                depths[name] = None
    return depths
