"""Typed records that travel between stages (stored in Redis as JSON, never passed in messages)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field


def utcnow() -> datetime:
    return datetime.now(UTC)


class FeedEntry(BaseModel):
    """One item of a feed, normalised. ``url`` is canonical (tracking parameters stripped)."""

    url: str
    article_id: str
    guid: str | None = None
    title: str = ""
    published: datetime | None = None
    summary: str = ""


class FetchResult(BaseModel):
    """A capped, decoded-transfer HTTP response. ``body`` is bytes as served (not yet charset-decoded)."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Location(BaseModel):
    name: str
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None


class Incident(BaseModel):
    """One attack reported by an article."""

    type: str
    location: Location | None = None
    killed: int | None = None
    injured: int | None = None
    actors: list[str] = Field(default_factory=list)
    # Who or what was attacked, short phrases as written, most specific first (at most three).
    targets: list[str] = Field(default_factory=list)
    # The date expression as written ("on Tuesday", "last week") and its ISO date when it resolves
    # (a year given, or a reference date such as the article's publication date).
    date: str | None = None
    date_iso: str | None = None
    sentence: str
    # An earlier attack the article recalls as background ("the same area where a Maoist ambush
    # had killed 27 people last year"): listed, but not in the article's types, totals or places.
    earlier: bool = False


class Verdict(BaseModel):
    """What the classifier says about one text."""

    is_attack: bool
    score: float = Field(ge=0.0, le=1.0)
    attack_types: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    locations: list[Location] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    classifier: dict[str, str] = Field(default_factory=dict)


ArticleState = Literal["discovered", "queued", "fetched", "classified", "failed"]


class Article(BaseModel):
    """An article's record, from discovery in a feed to its verdict."""

    id: str
    url: str
    feed_url: str | None = None
    guid: str | None = None
    state: ArticleState = "discovered"
    discovered_at: datetime = Field(default_factory=utcnow)
    # From the feed entry (used when the page lacks them).
    entry_title: str = ""
    entry_published: datetime | None = None
    # From the fetched page.
    final_url: str | None = None
    title: str = ""
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    sitename: str | None = None
    text: str = ""
    fetched_at: datetime | None = None
    classified_at: datetime | None = None
    error: str | None = None
    verdict: Verdict | None = None


class ExtractedPage(BaseModel):
    """What :func:`wirewatch.workers.extract.extract` finds in one page."""

    title: str = ""
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    sitename: str | None = None
    text: str
