"""Celery configuration derived from the one Settings object (loaded lazily by the app).

Delivery guarantee: at least once. ``acks_late`` + ``task_reject_on_worker_lost`` put a task back
on its queue when the worker dies mid-task, and the Redis transport's visibility timeout
redelivers tasks whose worker vanished without a word; every task is idempotent, so running one
twice changes nothing. The visibility timeout must exceed both the hard time limit and the
longest retry countdown, or a slow task would be delivered twice while still running.
"""

from __future__ import annotations

from kombu import Exchange, Queue

from wirewatch.config import get_settings

QUEUES = ("feeds", "fetch", "classify", "alerts")

_settings = get_settings()
_retry_backoff_max = max(1, min(600, _settings.visibility_timeout // 2 - _settings.task_time_limit))

broker_url = _settings.effective_broker_url
if broker_url.startswith("redis://"):
    broker_transport = "wirewatch.tasks.broker:Transport"  # survives a Redis restart (see broker.py)
broker_connection_retry_on_startup = True
broker_connection_max_retries = None  # a Redis restart must never end a worker
broker_transport_options = {
    "visibility_timeout": _settings.visibility_timeout,
    # kombu scans for expired unacknowledged tasks every interval * throttle seconds (10 * 10 by
    # default): a vanished worker's tasks would wait up to 100 s beyond the visibility timeout.
    "unacked_restore_interval": max(1, min(10, _settings.visibility_timeout // 4)),
    "unacked_restore_throttle": 1,
    "socket_keepalive": True,
    "health_check_interval": 15,
    "retry_on_timeout": True,
}
broker_heartbeat = 30

task_serializer = "json"
result_serializer = "json"
accept_content = ["json"]
event_serializer = "json"
task_ignore_result = True
result_backend = None

task_acks_late = True
task_reject_on_worker_lost = True
task_acks_on_failure_or_timeout = True
# A task killed by the hard time limit is requeued, not acknowledged: acknowledged, it would vanish
# without a retry or a dead letter. Requeued, its delivery counter (tasks/base.py) dead-letters it
# after WIREWATCH_MAX_DELIVERIES, like any task whose process dies on every delivery.
task_acks_on_timeout = False
task_time_limit = _settings.task_time_limit
task_soft_time_limit = max(1, _settings.task_time_limit - 10)
task_annotations = {"*": {"max_retries": _settings.max_retries, "retry_backoff_max": _retry_backoff_max}}

# Each queue gets its own direct exchange and routing key: a shared default exchange would bind
# every queue to the same key and copy each message into all four queues.
task_queues = [Queue(name, Exchange(name, type="direct"), routing_key=name) for name in QUEUES]
task_default_queue = "fetch"
task_routes = {
    "wirewatch.poll_due": {"queue": "feeds"},
    "wirewatch.poll_feed": {"queue": "feeds"},
    "wirewatch.fetch_article": {"queue": "fetch"},
    "wirewatch.classify_article": {"queue": "classify"},
    "wirewatch.emit_alert": {"queue": "alerts"},
}

worker_prefetch_multiplier = 1
worker_max_tasks_per_child = 2000  # bounds slow leaks in months-long runs
worker_send_task_events = True
task_send_sent_event = True

beat_schedule = {
    "poll-due-feeds": {"task": "wirewatch.poll_due", "schedule": _settings.scheduler_tick},
}
beat_schedule_filename = str(_settings.data_dir / "celerybeat-schedule")
timezone = "UTC"
enable_utc = True
