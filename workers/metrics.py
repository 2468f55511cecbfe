"""Prometheus metrics, read from Redis at scrape time.

Why not in-process counters: work is spread over prefork children and machines that come and go;
the counters every task already keeps in Redis (``wirewatch:stats``) are the single truth, and
they survive restarts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from . import keys
from .store import Store


class PipelineCollector(Collector):
    def __init__(self, store: Store, queue_depths: Callable[[], dict[str, int | None]]) -> None:
        self.store = store
        self.queue_depths = queue_depths

    def collect(self) -> Iterator[Any]:
        stats = self.store.stats()
        events = CounterMetricFamily("wirewatch_events", "Pipeline events by kind", labels=["event"])
        failures = CounterMetricFamily("wirewatch_failures", "Failed steps by error code", labels=["code"])
        for name, value in sorted(stats.items()):
            if name.startswith("failed:"):
                failures.add_metric([name.split(":", 1)[1]], value)
            else:
                events.add_metric([name], value)
        yield events
        yield failures
        depth = GaugeMetricFamily("wirewatch_queue_depth", "Messages waiting per queue", labels=["queue"])
        for queue, count in self.queue_depths().items():
            if count is not None:
                depth.add_metric([queue], count)
        yield depth
        r = self.store.r
        yield GaugeMetricFamily(
            "wirewatch_alerts_stream_length", "Entries in the alert stream", value=r.xlen(keys.ALERTS_STREAM)
        )
        yield GaugeMetricFamily(
            "wirewatch_dead_letters", "Dead-lettered tasks", value=r.llen(keys.DEAD_LETTERS)
        )
        yield GaugeMetricFamily("wirewatch_feeds", "Feeds polled", value=r.scard(keys.FEEDS))


def serve(
    store: Store, queue_depths: Callable[[], dict[str, int | None]], port: int, address: str = "127.0.0.1"
) -> Any:
    """Start the metrics HTTP server in a daemon thread; returns the server."""
    from prometheus_client import CollectorRegistry, start_http_server

    registry = CollectorRegistry()
    registry.register(PipelineCollector(store, queue_depths))
    server, _thread = start_http_server(port, addr=address, registry=registry)
    return server
