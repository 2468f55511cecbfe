"""`wirewatch classify FILE`: the classifier on local text or HTML files, no service needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import alerts, extract, keys
from .classify.classifier import Classifier
from .models import Article


def _looks_like_html(path: Path, head: bytes) -> bool:
    if path.suffix.lower() in {".html", ".htm", ".xhtml"}:
        return True
    return head.lstrip()[:1] == b"<" and b"<html" in head[:2000].lower()


def read_article(path: Path) -> Article:
    """Text files are used as they are; HTML goes through the same extraction as fetched pages."""
    body = path.read_bytes()
    resolved = path.resolve()
    article = Article(id=keys.digest(str(resolved)), url=resolved.as_uri(), state="fetched")
    if _looks_like_html(path, body[:4096]):
        page = extract.extract(body, article.url)
        article.text, article.title = page.text, page.title
        article.published, article.sitename, article.language = page.published, page.sitename, page.language
    else:
        text = body.decode("utf-8", errors="replace")
        article.text = text
        article.title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
    return article


def classify_file(classifier: Classifier, path: Path) -> dict[str, Any]:
    article = read_article(path)
    reference = article.published.date() if article.published else None
    verdict = classifier.classify(article.text, article.title, reference=reference)
    article.verdict = verdict
    result = alerts.build_alert(article, verdict)
    result["source"] = result["source"] or path.name
    return {"path": str(path), "is_attack": verdict.is_attack, **result}
