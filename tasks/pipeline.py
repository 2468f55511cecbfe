"""Thin tasks: load by ID, call a step of :mod:`wirewatch.workers.pipeline`, hand on the ID.

Nothing but IDs and feed URLs travels in messages; records live in Redis.
"""

from __future__ import annotations

from wirewatch.config import get_settings
from wirewatch.workers import pipeline

from . import resources
from .app import app
from .base import PipelineTask


@app.task(base=PipelineTask, name="wirewatch.poll_due")
def poll_due() -> int:
    """Beat's tick: poll the feeds whose interval has elapsed; re-enqueue stalled articles."""
    store = resources.store()
    settings = get_settings()
    due = store.due_feeds(settings.poll_interval)
    for url in due:
        poll_feed.delay(url)
    stalled = pipeline.sweep_stalled(store, settings)
    for article_id in stalled["fetch"]:
        fetch_article.delay(article_id)
    for article_id in stalled["classify"]:
        classify_article.delay(article_id)
    for article_id in stalled["alert"]:
        emit_alert.delay(article_id)
    return len(due)


@app.task(base=PipelineTask, name="wirewatch.poll_feed")
def poll_feed(feed_url: str) -> int:
    store = resources.store()
    result = pipeline.poll_feed(store, get_settings(), feed_url)
    for article_id in result.new_ids:
        fetch_article.delay(article_id)
        pipeline.mark_queued(store, article_id)
    return len(result.new_ids)


@app.task(base=PipelineTask, name="wirewatch.fetch_article")
def fetch_article(article_id: str) -> None:
    if pipeline.fetch_article(resources.store(), get_settings(), article_id):
        classify_article.delay(article_id)


@app.task(base=PipelineTask, name="wirewatch.classify_article")
def classify_article(article_id: str) -> None:
    settings = get_settings()
    if pipeline.classify_article(resources.store(), resources.classifier(), settings, article_id):
        emit_alert.delay(article_id)


@app.task(base=PipelineTask, name="wirewatch.emit_alert")
def emit_alert(article_id: str) -> None:
    pipeline.emit_alert(resources.store(), get_settings(), article_id)
