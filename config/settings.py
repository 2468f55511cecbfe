"""The one settings object.

Read once per process from ``WIREWATCH_*`` environment variables and an optional ``.env`` file,
then passed down. The variable names are a public contract (see the README's table): rename
nothing without a deprecation.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="WIREWATCH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # --- Redis and broker -------------------------------------------------------------------
    redis_url: str | None = Field(
        default=None, description="Redis for state and alerts; unset: `wirewatch run` embeds one."
    )
    broker_url: str | None = Field(default=None, description="Celery broker; defaults to the Redis URL.")
    embedded_redis_port: int = Field(default=6390, description="Port of the embedded redis-server.")
    data_dir: Path = Field(
        default=Path("./wirewatch-data"), description="Embedded Redis data, beat schedule."
    )

    # --- Polling ------------------------------------------------------------------------------
    feeds_file: Path | None = Field(default=None, description="Feed list (text or OPML); default: bundled.")
    poll_interval: float = Field(
        default=60.0, gt=0, description="Seconds between polls of one feed (conditional GET keeps it cheap)."
    )
    scheduler_tick: float = Field(default=10.0, gt=0, description="Seconds between due-feed checks.")

    # --- Fetching -------------------------------------------------------------------------------
    connect_timeout: float = Field(default=5.0, gt=0)
    read_timeout: float = Field(default=15.0, gt=0)
    fetch_deadline: float = Field(default=30.0, gt=0, description="Total seconds for one fetch.")
    max_bytes: int = Field(default=5_000_000, gt=0, description="Cap on a decoded page or feed.")
    max_redirects: int = Field(default=5, ge=0)
    user_agent: str = "wirewatch/0.1 (+news monitoring; respects robots.txt)"
    allowed_networks: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="CIDRs that may be fetched although private/loopback (comma-separated).",
    )
    respect_robots: bool = Field(default=True, description="Skip articles that robots.txt disallows.")

    # --- Classification and alerts ---------------------------------------------------------------
    alert_threshold: float = Field(default=0.5, ge=0, le=1, description="Score at or above which we alert.")
    max_classify_chars: int = Field(default=100_000, gt=0, description="Text handed to spaCy is cut here.")
    embedding: Literal["auto", "on", "off"] = Field(
        default="auto",
        description="Second stage (the fine-tuned reader, numpy): auto (when the model has one), on, off.",
    )
    notify_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Apprise URLs that receive alerts (comma-separated)."
    )
    alerts_maxlen: int = Field(default=1_000_000, gt=0, description="Approximate cap of the alert stream.")
    article_ttl: int = Field(default=7 * 86400, gt=0, description="Seconds an article is kept.")
    seen_ttl: int = Field(default=90 * 86400, gt=0, description="Seconds a URL is remembered as seen.")

    # --- Workers and reliability -------------------------------------------------------------------
    worker_concurrency: int = Field(default=2, gt=0)
    task_time_limit: int = Field(default=120, gt=0, description="Hard limit of one task (seconds).")
    visibility_timeout: int = Field(
        default=600, gt=0, description="Unacked tasks are redelivered after this (must exceed time limit)."
    )
    max_retries: int = Field(default=5, ge=0)
    max_deliveries: int = Field(default=5, gt=0, description="Deliveries before a task is dead-lettered.")
    stall_after: int | None = Field(
        default=None,
        gt=0,
        description="Seconds without progress before an article is re-enqueued (default: 2 x visibility).",
    )

    @property
    def effective_stall_after(self) -> int:
        return self.stall_after or 2 * self.visibility_timeout

    # --- Operations --------------------------------------------------------------------------------
    flower_port: int = Field(default=5555)
    flower_user: str = "admin"
    flower_password: SecretStr | None = Field(default=None, description="Flower basic-auth password.")
    metrics_port: int = Field(default=9808, description="Prometheus metrics port of `wirewatch run`.")
    log_level: str = "INFO"

    @field_validator("allowed_networks", "notify_urls", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("allowed_networks")
    @classmethod
    def _valid_cidrs(cls, value: list[str]) -> list[str]:
        for cidr in value:
            ipaddress.ip_network(cidr, strict=False)
        return value

    @property
    def embedded_redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.embedded_redis_port}/0"

    @property
    def effective_redis_url(self) -> str:
        """The configured Redis, else the embedded one that `wirewatch run` starts."""
        return self.redis_url or self.embedded_redis_url

    @property
    def effective_broker_url(self) -> str:
        return self.broker_url or self.effective_redis_url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
