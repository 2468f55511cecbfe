"""The one place that reads and writes wirewatch's state in Redis.

Multi-key updates that must not be left half-done (claiming a new URL, saving an article and
counting it, writing an alert) are Lua scripts, so a worker killed between two commands cannot
leave a claimed-but-lost article, a counter that missed or repeated a step, or a second copy of an
alert. Key names come from :mod:`keys`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry
from redis.typing import EncodableT

from . import keys
from .models import Article, FeedEntry

# Claim a discovered entry. Returns 1 when new (the caller enqueues it), 2 when seen before but
# never handed on (a poll that died between claim and enqueue: enqueue it now), 0 when known.
# `discovered` is counted here, on the one claim that returns 1, so a re-offered entry (2) or a
# re-run poll never counts an article twice.
_CLAIM = """
local seen_url, seen_guid, article_key, inflight, stats = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
if redis.call('EXISTS', seen_url) == 1 or redis.call('EXISTS', seen_guid) == 1 then
  local raw = redis.call('GET', article_key)
  if raw then
    local ok, record = pcall(cjson.decode, raw)
    if ok and record['state'] == 'discovered' then return 2 end
  end
  return 0
end
redis.call('SET', seen_url, '1', 'EX', ARGV[1])
redis.call('SET', seen_guid, '1', 'EX', ARGV[1])
redis.call('SET', article_key, ARGV[2], 'EX', ARGV[3])
redis.call('ZADD', inflight, ARGV[4], ARGV[5])
redis.call('HINCRBY', stats, 'discovered', 1)
return 1
"""

# Save an article record, keep the in-flight set in step, and count the article into stages, all
# at once. Each counter named in ARGV[6..] is incremented only if it is not yet in the article's
# `counted` set, so a step that runs again (redelivery after a crash between save and ack, two
# copies of one message racing) saves again but never counts again. Why a set and not a
# comparison of the stored state with the new one: two racing copies of a step can write out of
# order (a late fetch saves `fetched` over `classified`, and the classify step then runs again);
# a state comparison would count that article twice, the set does not. Returns how many counters
# were incremented.
_SAVE = """
local article_key, counted, stats, inflight = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
redis.call('SET', article_key, ARGV[1], 'EX', ARGV[2])
if ARGV[3] == '1' then
  redis.call('ZREM', inflight, ARGV[5])
else
  redis.call('ZADD', inflight, ARGV[4], ARGV[5])
end
local incremented = 0
for i = 6, #ARGV do
  if redis.call('SADD', counted, ARGV[i]) == 1 then
    redis.call('HINCRBY', stats, ARGV[i], 1)
    incremented = incremented + 1
  end
end
redis.call('EXPIRE', counted, ARGV[2])
return incremented
"""

# Write an alert exactly once: guard key, stream entry and live publication in one step.
_EMIT = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[4]) then
  local entry = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'id', ARGV[1], 'data', ARGV[2])
  redis.call('SET', KEYS[1], entry, 'KEEPTTL')
  redis.call('PUBLISH', KEYS[3], ARGV[2])
  redis.call('HINCRBY', KEYS[4], 'alerted', 1)
  redis.call('ZREM', KEYS[5], ARGV[1])
  return entry
end
redis.call('ZREM', KEYS[5], ARGV[1])
return false
"""


def connect(url: str) -> redis.Redis:
    """A client that reconnects by itself (Redis restarts must not need a worker restart)."""
    return redis.Redis.from_url(
        url,
        decode_responses=True,
        socket_connect_timeout=5,
        socket_timeout=30,
        socket_keepalive=True,
        health_check_interval=15,
        retry=Retry(ExponentialBackoff(cap=5.0, base=0.2), retries=8),
        retry_on_error=[redis.exceptions.ConnectionError, redis.exceptions.TimeoutError],
    )


class Store:
    def __init__(self, client: redis.Redis, *, article_ttl: int, seen_ttl: int, alerts_maxlen: int) -> None:
        self.r = client
        self.article_ttl = article_ttl
        self.seen_ttl = seen_ttl
        self.alerts_maxlen = alerts_maxlen
        self._claim = client.register_script(_CLAIM)
        self._save = client.register_script(_SAVE)
        self._emit = client.register_script(_EMIT)

    @classmethod
    def from_settings(cls, settings: Any) -> Store:
        return cls(
            connect(settings.effective_redis_url),
            article_ttl=settings.article_ttl,
            seen_ttl=settings.seen_ttl,
            alerts_maxlen=settings.alerts_maxlen,
        )

    # --- articles ------------------------------------------------------------------------------
    def claim(self, entry: FeedEntry, feed_url: str) -> int:
        """Register a feed entry; 1 new, 2 claimed earlier but never handed on, 0 known."""
        article = Article(
            id=entry.article_id,
            url=entry.url,
            feed_url=feed_url,
            guid=entry.guid,
            entry_title=entry.title,
            entry_published=entry.published,
        )
        guid_key = (
            keys.seen_guid(f"{feed_url}\n{entry.guid}") if entry.guid else keys.seen_url(entry.article_id)
        )
        return int(
            self._claim(
                keys=[
                    keys.seen_url(entry.article_id),
                    guid_key,
                    keys.article(entry.article_id),
                    keys.INFLIGHT,
                    keys.STATS,
                ],
                args=[
                    self.seen_ttl,
                    article.model_dump_json(),
                    self.article_ttl,
                    time.time(),
                    entry.article_id,
                ],
            )
        )

    def load_article(self, article_id: str) -> Article | None:
        raw = self.r.get(keys.article(article_id))
        return Article.model_validate_json(raw) if raw else None

    def save_article(self, article: Article, count_once: Iterable[str] = ()) -> int:
        """Store the record; track it in the in-flight set until it settles.

        ``count_once`` names the stats counters this save moves the article into (``fetched``,
        ``classified``, ``attacks``): each is incremented in the same script as the write, and only
        the first time for this article, so counters are exact however often a step re-runs.
        Returns how many counters were incremented now.
        """
        settled = article.state == "failed" or (
            article.state == "classified" and not (article.verdict and article.verdict.is_attack)
        )
        return int(
            self._save(
                keys=[keys.article(article.id), keys.counted(article.id), keys.STATS, keys.INFLIGHT],
                args=[
                    article.model_dump_json(),
                    self.article_ttl,
                    "1" if settled else "0",
                    time.time(),
                    article.id,
                    *count_once,
                ],
            )
        )

    def stalled(self, older_than: float, now: float | None = None, limit: int = 500) -> list[str]:
        """IDs of unsettled articles with no progress for ``older_than`` seconds (oldest first)."""
        now = time.time() if now is None else now
        found = self.r.zrangebyscore(keys.INFLIGHT, "-inf", now - older_than, start=0, num=limit)
        return [str(member) for member in found]

    def touch(self, article_id: str, now: float | None = None) -> None:
        self.r.zadd(keys.INFLIGHT, {article_id: time.time() if now is None else now}, xx=True)

    def forget_inflight(self, article_id: str) -> None:
        self.r.zrem(keys.INFLIGHT, article_id)

    # --- alerts --------------------------------------------------------------------------------
    def emit_alert(self, alert_id: str, alert_json: str) -> str | None:
        """Append the alert once; the stream entry ID when written now, None when it already was."""
        entry = self._emit(
            keys=[
                keys.alert_marker(alert_id),
                keys.ALERTS_STREAM,
                keys.ALERTS_CHANNEL,
                keys.STATS,
                keys.INFLIGHT,
            ],
            args=[alert_id, alert_json, self.alerts_maxlen, self.seen_ttl],
        )
        return str(entry) if entry else None

    def first_of_event(self, event_id: str, alert_id: str, window_s: int = 3 * 86400) -> bool:
        """True for the first alert of an event in the window: only that one is notified."""
        return bool(self.r.set(keys.event(event_id), alert_id, nx=True, ex=window_s))

    def alerts(self, count: int = 100, start: str = "-") -> list[tuple[str, dict[str, Any]]]:
        rows = self.r.xrange(keys.ALERTS_STREAM, min=start, count=count) or []
        return [(str(entry_id), json.loads(fields["data"])) for entry_id, fields in rows if fields]

    # --- feeds ---------------------------------------------------------------------------------
    def add_feeds(self, urls: Iterable[str]) -> int:
        urls = list(urls)
        return int(self.r.sadd(keys.FEEDS, *urls)) if urls else 0

    def remove_feeds(self, urls: Iterable[str]) -> int:
        urls = list(urls)
        return int(self.r.srem(keys.FEEDS, *urls)) if urls else 0

    def feeds(self) -> list[str]:
        return sorted(str(url) for url in self.r.smembers(keys.FEEDS))

    def feed_state(self, feed_url: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in self.r.hgetall(keys.feed(feed_url)).items()}

    def update_feed_state(self, feed_url: str, **fields: object) -> None:
        values: dict[EncodableT, EncodableT] = {k: ("" if v is None else str(v)) for k, v in fields.items()}
        values["url"] = feed_url
        self.r.hset(keys.feed(feed_url), mapping=values)

    def due_feeds(self, interval: float, now: float | None = None) -> list[str]:
        """Feeds whose next poll time has come; their next time is pushed on by ``interval``.

        SET NX on a short-lived per-feed slot makes two schedulers (or a re-run) pick a feed once.
        """
        now = time.time() if now is None else now
        due = []
        for url in self.feeds():
            state = self.r.hget(keys.feed(url), "next_poll")
            if state and float(state) > now:
                continue
            slot = keys.poll_slot(url, int(now // max(interval, 1)))
            if self.r.set(slot, "1", nx=True, ex=int(interval) + 60):
                self.r.hset(keys.feed(url), mapping={"next_poll": now + interval, "url": url})
                due.append(url)
        return due

    # --- counters, delivery guard and dead letters ------------------------------------------------
    def count(self, field: str, amount: int = 1) -> None:
        """Count an event (a poll, a retry, a failure...): at least once, as the step that counts
        it may run again. Per-article stages are counted exactly by ``save_article``/``claim``."""
        self.r.hincrby(keys.STATS, field, amount)

    def stats(self) -> dict[str, int]:
        return {str(k): int(v) for k, v in self.r.hgetall(keys.STATS).items()}

    def delivered(self, task_name: str, delivery_key: str) -> int:
        """Count one delivery of a task; a count above the limit marks a poison message."""
        key = keys.deliveries(task_name, delivery_key)
        pipe = self.r.pipeline()
        pipe.incr(key)
        pipe.expire(key, 86400)
        return int(pipe.execute()[0])

    def forget_deliveries(self, task_name: str, delivery_key: str) -> None:
        self.r.delete(keys.deliveries(task_name, delivery_key))

    def dead_letter(self, task_name: str, args: list[Any], error: str, task_id: str | None) -> None:
        record = {
            "task": task_name,
            "args": args,
            "error": error[:2000],
            "task_id": task_id,
            "failed_at": datetime.now(UTC).isoformat(),
        }
        pipe = self.r.pipeline()
        pipe.lpush(keys.DEAD_LETTERS, json.dumps(record))
        pipe.hincrby(keys.STATS, "dead_lettered", 1)
        pipe.execute()

    def dead_letters(self) -> list[dict[str, Any]]:
        return [json.loads(raw) for raw in self.r.lrange(keys.DEAD_LETTERS, 0, -1)]

    def pop_dead_letter(self, index: int = -1) -> dict[str, Any] | None:
        """Remove and return one dead letter (oldest by default)."""
        raw = self.r.lindex(keys.DEAD_LETTERS, index)
        if raw is None:
            return None
        self.r.lrem(keys.DEAD_LETTERS, 1, str(raw))
        return dict(json.loads(raw))

    # --- robots.txt cache ----------------------------------------------------------------------
    def cached_robots(self, origin: str) -> str | None:
        cached = self.r.get(keys.robots(origin))
        return None if cached is None else str(cached)

    def cache_robots(self, origin: str, body: str) -> None:
        self.r.set(keys.robots(origin), body, ex=86400)

    def close(self) -> None:
        self.r.close()
