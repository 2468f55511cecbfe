"""The behaviour every wirewatch task shares, declared once.

- Retries: transient failures (timeouts, 5xx, Redis hiccups) and unexpected exceptions are retried
  with exponential backoff and full jitter, up to ``WIREWATCH_MAX_RETRIES``; then the task is
  dead-lettered with its error.
- Final failures (a 404, a feed that is not a feed, a blocked address) are logged once with the
  URL, counted under their code, and not retried.
- Poison messages: each delivery is counted in Redis before the task runs; a task delivered more
  than ``WIREWATCH_MAX_DELIVERIES`` times without finishing (its worker died each time) is
  dead-lettered instead of being run again.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from celery import Task
from celery.exceptions import Retry
from celery.utils.time import get_exponential_backoff_interval

from wirewatch.config import get_settings
from wirewatch.workers.errors import Transient, WirewatchError

from . import resources

log = logging.getLogger("wirewatch.tasks")


class PipelineTask(Task):
    acks_late = True
    reject_on_worker_lost = True
    retry_backoff_max = 600
    typing = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        store = resources.store()
        delivery_key = f"{self.request.id}:{self.request.retries}"
        settings = get_settings()
        if self.request.id and store.delivered(self.name, delivery_key) > settings.max_deliveries:
            store.dead_letter(
                self.name, list(args), "worker lost on every delivery (poison message)", self.request.id
            )
            log.error("%s%r dead-lettered: worker lost on every delivery", self.name, args)
            return None
        try:
            return self.run(*args, **kwargs)
        except Retry:
            raise
        except Exception as exc:
            if isinstance(exc, WirewatchError) and not isinstance(exc, Transient):
                self._count_failure(store, exc.code)
                log.warning("%s%r failed: %s: %s", self.name, args, exc.code, exc)
            else:
                self._retry_or_dead_letter(store, exc, args)
            return None
        finally:
            if self.request.id:
                store.forget_deliveries(self.name, delivery_key)

    def _retry_or_dead_letter(self, store: Any, exc: BaseException, args: tuple[Any, ...]) -> None:
        code = getattr(exc, "code", type(exc).__name__)
        if self.request.retries < (self.max_retries or 0):
            countdown = get_exponential_backoff_interval(
                factor=2, retries=self.request.retries, maximum=self.retry_backoff_max, full_jitter=True
            )
            store.count("retried")
            log.info("%s%r retry %d in %ss: %s", self.name, args, self.request.retries + 1, countdown, exc)
            raise self.retry(exc=exc, countdown=countdown)
        self._count_failure(store, str(code))
        store.dead_letter(
            self.name, list(args), "".join(traceback.format_exception(exc))[-2000:], self.request.id
        )
        log.error("%s%r dead-lettered after %d retries: %s", self.name, args, self.request.retries, exc)

    @staticmethod
    def _count_failure(store: Any, code: str) -> None:
        store.count("failed")
        store.count(f"failed:{code}")
