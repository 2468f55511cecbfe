"""Build, check and announce alerts: the product's public output.

An alert is a JSON object appended to the Redis Stream ``wirewatch:alerts`` (field ``data``) and
published on ``wirewatch:alerts:live``; its shape is ``config/alert.schema.json``. The alert ID is
the article ID, so a redelivered or re-polled article can never produce a second alert.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from . import keys
from .models import Article, Verdict

log = logging.getLogger("wirewatch.alerts")

SCHEMA_VERSION = 1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(text: str | None, limit: int = 2000) -> str:
    """Alert fields are plain text: no control characters, bounded length."""
    if not text:
        return ""
    return _CONTROL.sub("", text).strip()[:limit]


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def event_id(verdict: Verdict, published: datetime | None) -> str:
    """Key that groups reports of one event: main attack type, place, and day.

    Several outlets report the same bombing; they get the same ``event_id`` so that a consumer
    (and our notifier) can show one event with many sources instead of ten alerts. The day is the
    attack's own date when the text gives one that resolves ("late on Tuesday"), so that the next
    morning's follow-up is the same event; otherwise the day of publication.
    """
    kind = verdict.attack_types[0] if verdict.attack_types else "attack"
    place = ""
    if verdict.locations:
        loc = verdict.locations[0]
        place = f"{loc.country_code or ''}/{loc.name.lower()}"
    reference = (published or datetime.now(UTC)).astimezone(UTC).date()
    return keys.digest(f"{kind}|{place}|{event_day(verdict, reference).isoformat()}", 12)


# An incident date further from publication than this is not trusted as the event's day (a text
# recalling an old attack still reports today's news, and a misread date must not split events).
_EVENT_DAY_WINDOW = timedelta(days=7)


def event_day(verdict: Verdict, published: date) -> date:
    """The day of the article's main incident when its date resolves near publication, else ``published``."""
    kind = verdict.attack_types[0] if verdict.attack_types else None
    # the main type's first; an earlier attack the article recalls never dates its event
    ranked = sorted((i for i in verdict.incidents if not i.earlier), key=lambda inc: inc.type != kind)
    for incident in ranked:
        if not incident.date_iso:
            continue
        try:
            day = date.fromisoformat(incident.date_iso[:10])
        except ValueError:
            continue
        if published - _EVENT_DAY_WINDOW <= day <= published + timedelta(days=1):
            return day
    return published


def build_alert(article: Article, verdict: Verdict, *, detected_at: datetime | None = None) -> dict[str, Any]:
    """The alert object for an article the classifier judged to report an attack."""
    published = article.published or article.entry_published
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article.id,
        "event_id": event_id(verdict, published),
        "url": article.final_url or article.url,
        "title": plain(article.title or article.entry_title, 500),
        "source": plain(article.sitename, 200) or _host(article.url),
        "feed": article.feed_url,
        "published": _iso(published),
        "language": article.language,
        "score": round(verdict.score, 4),
        "attack_types": verdict.attack_types,
        "killed": verdict.killed,
        "injured": verdict.injured,
        "locations": [loc.model_dump() for loc in verdict.locations],
        "actors": [plain(a, 200) for a in verdict.actors],
        "evidence": list(dict.fromkeys(plain(s, 1000) for s in verdict.evidence)),
        "incidents": [
            {
                "type": inc.type,
                "location": inc.location.model_dump() if inc.location else None,
                "killed": inc.killed,
                "injured": inc.injured,
                "actors": [plain(a, 200) for a in inc.actors],
                "targets": [plain(t, 200) for t in inc.targets],
                "date": plain(inc.date, 100) or None,
                "date_iso": inc.date_iso,
                "sentence": plain(inc.sentence, 1000),
                "earlier": inc.earlier,
            }
            for inc in verdict.incidents
        ],
        "classifier": dict(verdict.classifier),
        "detected_at": _iso(detected_at or datetime.now(UTC)),
    }


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


def dumps(alert: dict[str, Any]) -> str:
    return json.dumps(alert, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def summary(alert: dict[str, Any]) -> str:
    """One line for notifications and logs: what, where, how many, source."""
    kinds = ", ".join(t.replace("_", " ") for t in alert.get("attack_types") or []) or "attack"
    places = ", ".join(loc["name"] for loc in (alert.get("locations") or [])[:3])
    toll = []
    if alert.get("killed") is not None:
        toll.append(f"{alert['killed']} killed")
    if alert.get("injured") is not None:
        toll.append(f"{alert['injured']} injured")
    parts = [kinds]
    if places:
        parts.append(f"in {places}")
    if toll:
        parts.append("(" + ", ".join(toll) + ")")
    return f"{' '.join(parts)}: {alert.get('title') or alert.get('url')} [{alert.get('source')}]"


def notify(alert: dict[str, Any], urls: list[str]) -> bool:
    """Send the alert to every Apprise URL; False (logged) if any target failed."""
    if not urls:
        return True
    import apprise

    sender = apprise.Apprise()
    for url in urls:
        sender.add(url)
    body = summary(alert) + "\n" + "\n".join(f"> {s}" for s in alert.get("evidence", [])[:3])
    body += f"\n{alert.get('url')}"
    ok = bool(sender.notify(title=f"wirewatch: {alert.get('title', '')[:120]}", body=body))
    if not ok:
        log.warning("notification failed for alert %s", alert.get("id"))
    return ok
