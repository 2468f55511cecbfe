"""What each pipeline step does, given a Store: Celery-free, so tests and benchmarks call it directly.

Each step loads a record by ID, calls a pure stage, stores the result and says whether the next
step should run. Steps are idempotent: run twice, the second run finds the work done, changes
nothing, and still says "hand on" (so a step that died after storing but before enqueueing the
next is completed by its redelivery). That includes the per-article counters (``discovered``,
``fetched``, ``classified``, ``attacks``): they are incremented inside the atomic write of the
record (``Store.claim``, ``Store.save_article(count_once=...)``), once per article, never by a
separate ``Store.count`` that a re-run would repeat.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from wirewatch.config import Settings

from . import alerts, extract, feeds, robots
from .errors import MissingRecord, RobotsDisallowed, Transient, WirewatchError
from .fetch import fetch
from .models import Article, Verdict
from .store import Store

log = logging.getLogger("wirewatch.pipeline")


class Classifies(Protocol):
    def classify(self, text: str, title: str = "", *, reference: date | None = None) -> Verdict: ...


@dataclass(frozen=True)
class PollResult:
    feed_url: str
    status: int
    entries: int
    new_ids: list[str]


def poll_feed(store: Store, settings: Settings, feed_url: str) -> PollResult:
    """Fetch one feed (conditional GET), parse it and claim its new entries."""
    state = store.feed_state(feed_url)
    try:
        result = fetch(
            feed_url,
            settings,
            kind="feed",
            etag=state.get("etag") or None,
            last_modified=state.get("last_modified") or None,
        )
        if result.not_modified:
            store.update_feed_state(feed_url, last_status=304, last_polled=_now(), last_error="")
            store.count("polled")
            return PollResult(feed_url, 304, 0, [])
        entries = feeds.parse_feed(result.body, result.final_url, content_type=result.content_type)
    except WirewatchError as exc:
        store.update_feed_state(feed_url, last_polled=_now(), last_error=f"{exc.code}: {exc}")
        raise
    new_ids = [entry.article_id for entry in entries if store.claim(entry, feed_url) in (1, 2)]
    store.update_feed_state(
        feed_url,
        etag=result.etag,
        last_modified=result.last_modified,
        last_status=result.status,
        last_polled=_now(),
        last_entries=len(entries),
        last_new=len(new_ids),
        last_error="",
    )
    store.count("polled")  # `discovered` is counted by the claim itself, once per article
    return PollResult(feed_url, result.status, len(entries), new_ids)


def mark_queued(store: Store, article_id: str) -> None:
    """Record that the fetch of a claimed article was enqueued (see ``Store.claim``)."""
    article = store.load_article(article_id)
    if article is not None and article.state == "discovered":
        article.state = "queued"
        store.save_article(article)


def _load(store: Store, article_id: str) -> Article:
    article = store.load_article(article_id)
    if article is None:
        raise MissingRecord(f"article {article_id} not found (expired?)")
    return article


def _robots_allowed(store: Store, settings: Settings, url: str) -> bool:
    if not settings.respect_robots:
        return True
    origin = robots.origin(url)
    body = store.cached_robots(origin)
    if body is None:
        try:
            body = fetch(robots.robots_url(url), settings, kind="robots").body.decode("utf-8", "replace")
        except WirewatchError:
            body = ""  # no readable robots.txt: allowed, as crawlers conventionally treat it
        store.cache_robots(origin, body)
    return robots.is_allowed(body, url, settings.user_agent)


def fetch_article(store: Store, settings: Settings, article_id: str) -> bool:
    """Fetch and clean one article. True when the classify step should run."""
    article = _load(store, article_id)
    if article.state in ("fetched", "classified"):
        return True
    if article.state == "failed":
        return False
    try:
        if not _robots_allowed(store, settings, article.url):
            raise RobotsDisallowed("robots.txt disallows this URL", url=article.url)
        result = fetch(article.url, settings, kind="page")
        page = extract.extract(result.body, result.final_url, charset=result.charset)
    except WirewatchError as exc:
        if not _is_transient(exc):
            article.state = "failed"
            article.error = f"{exc.code}: {exc}"
            store.save_article(article)
        raise
    article.final_url = result.final_url
    article.title = page.title or article.entry_title
    article.author = page.author
    article.published = page.published or article.entry_published
    article.language = page.language
    article.sitename = page.sitename
    article.text = page.text
    article.fetched_at = _now()
    article.state = "fetched"
    store.save_article(article, count_once=("fetched",))
    return True


def classify_article(store: Store, classifier: Classifies, settings: Settings, article_id: str) -> bool:
    """Classify one fetched article. True when it is an attack and the alert step should run."""
    article = _load(store, article_id)
    if article.state == "classified" and article.verdict is not None:
        return article.verdict.is_attack
    if article.state != "fetched":
        raise MissingRecord(f"article {article_id} is {article.state}, not fetched")
    published = article.published or article.entry_published
    verdict = classifier.classify(
        article.text[: settings.max_classify_chars],
        article.title,
        reference=published.date() if published else None,
    )
    article.verdict = verdict
    article.classified_at = _now()
    article.state = "classified"
    store.save_article(
        article, count_once=("classified", "attacks") if verdict.is_attack else ("classified",)
    )
    return verdict.is_attack


def emit_alert(store: Store, settings: Settings, article_id: str) -> str | None:
    """Write the article's alert once; notify on the first report of an event. Stream ID or None."""
    article = _load(store, article_id)
    if article.verdict is None or not article.verdict.is_attack:
        return None
    alert = alerts.build_alert(article, article.verdict)
    entry = store.emit_alert(alert["id"], alerts.dumps(alert))
    if entry is None:
        return None  # written by an earlier delivery
    log.info("alert %s: %s", alert["id"], alerts.summary(alert))
    if settings.notify_urls and store.first_of_event(alert["event_id"], alert["id"]):
        if alerts.notify(alert, settings.notify_urls):
            store.count("notified")
        else:
            store.count("failed:notify")
    return entry


def sweep_stalled(store: Store, settings: Settings, now: float | None = None) -> dict[str, list[str]]:
    """Articles that stopped moving, grouped by the step that must run again for them.

    Why: a broker can lose a message outright (a Redis killed between kombu taking a task off
    its queue and recording it as unacknowledged). Any article that has made no progress for
    ``WIREWATCH_STALL_AFTER`` seconds is handed to its next step again; the steps are
    idempotent, so a task that was merely slow does no harm by running twice.
    """
    due: dict[str, list[str]] = {"fetch": [], "classify": [], "alert": []}
    for article_id in store.stalled(settings.effective_stall_after, now=now):
        article = store.load_article(article_id)
        if article is None:  # expired
            store.forget_inflight(article_id)
            continue
        if article.state in ("discovered", "queued"):
            due["fetch"].append(article_id)
        elif article.state == "fetched":
            due["classify"].append(article_id)
        elif article.state == "classified" and article.verdict is not None and article.verdict.is_attack:
            due["alert"].append(article_id)
        else:
            store.forget_inflight(article_id)
            continue
        store.touch(article_id, now)
    swept = sum(len(ids) for ids in due.values())
    if swept:
        store.count("swept", swept)
        log.warning("re-enqueueing %d stalled articles: %s", swept, {k: len(v) for k, v in due.items()})
    return due


def _is_transient(exc: WirewatchError) -> bool:
    return isinstance(exc, Transient)


def _now() -> datetime:
    return datetime.now(UTC)
