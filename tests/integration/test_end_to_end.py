"""User story: an analyst points wirewatch at a feed; exactly the attack reports become alerts.

Real components: redis-server, a `wirewatch worker` subprocess (Celery, prefork), and a local HTTP
server serving real articles from ../shared/data.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import redis

from conftest import broker_for, queue_depth, service_env, wait_until
from sitebuilder import load_articles, serve_site
from wirewatch.config import data_path
from wirewatch.workers import keys

pytestmark = pytest.mark.integration


def _articles_settled(client: redis.Redis, expected: int) -> bool:
    records = [json.loads(client.get(k)) for k in client.scan_iter(keys.article("*"))]
    settled = [r for r in records if r["state"] in ("classified", "failed")]
    return len(records) >= expected and len(settled) == len(records)


def _send(redis_url: str, task: str, *args: str) -> None:
    from celery import Celery
    from kombu import Exchange, Queue

    sender = Celery("wirewatch-test", broker=broker_for(redis_url))
    sender.conf.task_queues = [Queue("feeds", Exchange("feeds", type="direct"), routing_key="feeds")]
    sender.send_task(task, args=list(args), queue="feeds")


def test_feed_to_alerts_exactly_the_attacks(redis_url: str, httpserver, start_worker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    articles = load_articles()
    feed_url = serve_site(httpserver, articles)
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.sadd(keys.FEEDS, feed_url)

    # Given a worker: it polls the due feeds as soon as it is ready.
    worker = start_worker(service_env(redis_url, tmp_path), "--concurrency=2")
    wait_until(lambda: _articles_settled(client, len(articles)), timeout=180, message="articles classified")
    wait_until(
        lambda: queue_depth(broker_for(redis_url), "alerts") == 0, timeout=30, message="alert queue drained"
    )

    alerts = [json.loads(fields["data"]) for _id, fields in client.xrange(keys.ALERTS_STREAM)]
    alerted_paths = sorted(a["url"].rsplit("/", 1)[-1] for a in alerts)
    expected = sorted(f"{a.slug}.html" for a in articles if a.expect_attack)
    assert alerted_paths == expected, worker.log()[-4000:]

    schema = json.loads(data_path("alert.schema.json").read_text())
    for alert in alerts:
        jsonschema.validate(alert, schema)
        assert alert["evidence"], alert
        assert alert["source"] == "Test Wire"
    assert len({a["id"] for a in alerts}) == len(alerts)

    # When the same feed is polled again, and a second feed carries the same articles under
    # tracking-parameter URLs...
    second_feed = serve_site(httpserver, articles, "/wire2.xml", utm=True)
    polled = int(client.hget(keys.STATS, "polled") or 0)
    _send(redis_url, "wirewatch.poll_feed", feed_url)
    _send(redis_url, "wirewatch.poll_feed", second_feed)
    wait_until(lambda: int(client.hget(keys.STATS, "polled") or 0) >= polled + 2, message="re-polls")
    for queue in ("feeds", "fetch", "classify", "alerts"):
        wait_until(
            lambda q=queue: queue_depth(broker_for(redis_url), q) == 0, timeout=60, message=f"{queue} drained"
        )

    # ...then nothing new is fetched and no alert is added.
    assert client.xlen(keys.ALERTS_STREAM) == len(alerts)
    stats = client.hgetall(keys.STATS)
    assert int(stats["discovered"]) == len(articles)
    assert int(stats["alerted"]) == len(alerts)


def test_the_second_stage_runs_in_forked_workers(
    redis_url: str, httpserver, start_worker, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """With ``WIREWATCH_EMBEDDING=on`` the worker's parent loads the fine-tuned reader (numpy)
    before the pool forks; its children read, alert exactly the attacks, and each alert names the
    second stage that scored it."""
    from wirewatch.workers.classify.embedding import READER_NAME

    articles = load_articles()
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.sadd(keys.FEEDS, serve_site(httpserver, articles))

    worker = start_worker(service_env(redis_url, tmp_path, WIREWATCH_EMBEDDING="on"), "--concurrency=2")
    wait_until(lambda: _articles_settled(client, len(articles)), timeout=240, message="articles classified")
    wait_until(
        lambda: queue_depth(broker_for(redis_url), "alerts") == 0, timeout=30, message="alert queue drained"
    )

    alerts = [json.loads(fields["data"]) for _id, fields in client.xrange(keys.ALERTS_STREAM)]
    alerted_paths = sorted(a["url"].rsplit("/", 1)[-1] for a in alerts)
    assert alerted_paths == sorted(f"{a.slug}.html" for a in articles if a.expect_attack), worker.log()[
        -4000:
    ]
    assert {a["classifier"]["stage2"] for a in alerts} == {READER_NAME}
