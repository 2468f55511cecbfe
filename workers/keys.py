"""Every Redis key wirewatch uses, built in one place.

All keys start with ``wirewatch:`` so that one Redis can be shared and ``redis-cli --scan
--pattern 'wirewatch:*'`` shows the whole state. TTLs are applied by :mod:`store`; each builder
says which one.
"""

from __future__ import annotations

import hashlib

PREFIX = "wirewatch"

#: Stream of alerts (public contract: field ``data`` holds the alert JSON). Capped by
#: ``WIREWATCH_ALERTS_MAXLEN`` (approximate trim), never expired.
ALERTS_STREAM = f"{PREFIX}:alerts"
#: Pub/sub channel that receives each alert as it is written.
ALERTS_CHANNEL = f"{PREFIX}:alerts:live"
#: Set of feed URLs to poll. No TTL: it is configuration.
FEEDS = f"{PREFIX}:feeds"
#: Hash of pipeline counters (fetched, classified, alerted, failed, failed:<code>...). No TTL.
#: The per-article ones (discovered, fetched, classified, attacks, alerted) are exact: each is
#: incremented in the same Lua script as the write it counts, once per article.
STATS = f"{PREFIX}:stats"
#: List of dead-lettered tasks (JSON), newest first. No TTL: an operator must look at them.
DEAD_LETTERS = f"{PREFIX}:dead"
#: Sorted set: article ID -> time of its last progress, for articles not yet settled (settled:
#: failed, classified as no attack, or alerted). The sweeper re-enqueues the ones that stall. An
#: ID leaves the set when it settles; no TTL (entries of expired articles are dropped by the sweep).
INFLIGHT = f"{PREFIX}:inflight"


def digest(text: str, length: int = 16) -> str:
    """Short stable hex digest used for IDs derived from URLs and GUIDs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def feed(feed_url: str) -> str:
    """Hash of one feed's polling state (etag, last_modified, last result). No TTL."""
    return f"{PREFIX}:feed:{digest(feed_url)}"


def poll_slot(feed_url: str, slot: int) -> str:
    """Set-if-absent marker: this feed was handed to a poller in this interval slot.
    TTL one interval plus a minute."""
    return f"{feed(feed_url)}:slot:{slot}"


def event(event_id: str) -> str:
    """Marker of the first alert of an event (only that one is notified). TTL three days."""
    return f"{PREFIX}:events:{event_id}"


def seen_url(article_id: str) -> str:
    """Marker that a canonical URL was discovered. TTL ``WIREWATCH_SEEN_TTL``."""
    return f"{PREFIX}:seen:url:{article_id}"


def seen_guid(guid: str) -> str:
    """Marker that an entry GUID was discovered. TTL ``WIREWATCH_SEEN_TTL``."""
    return f"{PREFIX}:seen:guid:{digest(guid)}"


def article(article_id: str) -> str:
    """JSON of an article record (discovered -> fetched -> classified). TTL ``WIREWATCH_ARTICLE_TTL``."""
    return f"{PREFIX}:article:{article_id}"


def counted(article_id: str) -> str:
    """Set of the per-article counters (fetched, classified, attacks) already incremented for one
    article, so that a step run again never counts it again. TTL ``WIREWATCH_ARTICLE_TTL``,
    refreshed with the article record."""
    return f"{PREFIX}:counted:{article_id}"


def alert_marker(alert_id: str) -> str:
    """Set-if-absent guard that makes the alert write idempotent. TTL ``WIREWATCH_SEEN_TTL``."""
    return f"{PREFIX}:alerted:{alert_id}"


def deliveries(task_name: str, article_id: str) -> str:
    """Counter of deliveries of one task for one ID, to dead-letter poison pages. TTL one day."""
    return f"{PREFIX}:deliveries:{task_name}:{article_id}"


def robots(origin: str) -> str:
    """Cached robots.txt body of an origin. TTL one day."""
    return f"{PREFIX}:robots:{digest(origin)}"
