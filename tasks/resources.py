"""Per-process resources of a worker: made on first use, never at import, reused after.

A prefork child creates its own Redis client (sockets must not be shared across fork) and loads
the classifier once; ``preload_classifier`` lets the parent load it before forking so children
share its memory copy-on-write.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from wirewatch.config import get_settings
from wirewatch.workers.store import Store

if TYPE_CHECKING:
    from wirewatch.workers.classify.classifier import Classifier


@lru_cache(maxsize=1)
def store() -> Store:
    return Store.from_settings(get_settings())


@lru_cache(maxsize=1)
def classifier() -> Classifier:
    from wirewatch.workers.classify.classifier import Classifier
    from wirewatch.workers.classify.embedding import mode_flag

    settings = get_settings()
    loaded = Classifier.load(
        threshold=settings.alert_threshold,
        max_chars=settings.max_classify_chars,
        embedding=mode_flag(settings.embedding),
    )
    _ = loaded.extractor  # the NER pipeline loads here, not in the middle of the first verdict
    return loaded
