"""User story: ten outlets report one bombing; the analyst gets one notification, not ten.

Alerts go to the stream for every article (with a shared ``event_id``); Apprise notifications go
out for the first report of an event only, and a redelivered alert task notifies nobody again.
A local HTTP server receives the notifications (Apprise ``json://`` target).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from wirewatch.config import Settings
from wirewatch.workers import keys, pipeline
from wirewatch.workers.models import Article, Location, Verdict
from wirewatch.workers.store import Store, connect

pytestmark = pytest.mark.integration


def _report(n: int, place: str) -> Article:
    url = f"https://outlet{n}.example.org/news/kabul-blast"
    verdict = Verdict(
        is_attack=True,
        score=0.97,
        attack_types=["suicide_attack"],
        killed=41,
        locations=[Location(name=place, country_code="AF")],
        evidence=[f"A suicide bomber killed 41 people in {place}, outlet {n} reports."],
        classifier={"name": "wirewatch-triage", "version": "test"},
    )
    return Article(
        id=keys.digest(url),
        url=url,
        title=f"Suicide bombing in {place} ({n})",
        sitename=f"Outlet {n}",
        state="classified",
        published=datetime(2026, 11, 25, 8, n, tzinfo=UTC),
        verdict=verdict,
    )


def test_one_notification_per_event(redis_url: str, httpserver) -> None:  # type: ignore[no-untyped-def]
    received: list[dict[str, object]] = []

    def collect(request):  # type: ignore[no-untyped-def]
        received.append(json.loads(request.get_data()))
        return "ok"

    httpserver.expect_request("/notify", method="POST").respond_with_handler(collect)
    target = httpserver.url_for("/notify").replace("http://", "json://")
    settings = Settings(_env_file=None, notify_urls=[target])
    store = Store(connect(redis_url), article_ttl=3600, seen_ttl=3600, alerts_maxlen=100)

    # Given ten reports of the same bombing and one of a bombing elsewhere the same day...
    reports = [_report(n, "Kabul") for n in range(10)] + [_report(10, "Kandahar")]
    for article in reports:
        store.save_article(article)
    # ...when each is alerted, and the first one is delivered twice...
    for article in reports:
        pipeline.emit_alert(store, settings, article.id)
    pipeline.emit_alert(store, settings, reports[0].id)

    # ...then the stream holds eleven alerts, two events, and two notifications went out.
    alerts = [a for _id, a in store.alerts()]
    assert len(alerts) == 11
    assert len({a["event_id"] for a in alerts}) == 2
    assert len(received) == 2, received
    assert "Kabul" in str(received[0]["message"]) and "Kandahar" in str(received[1]["message"])
    assert store.stats()["notified"] == 2
