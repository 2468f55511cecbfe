"""The settings object: environment names are a public contract."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wirewatch.config import Settings


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_REDIS_URL", "redis://127.0.0.1:7000/0")
    monkeypatch.setenv("WIREWATCH_ALLOWED_NETWORKS", "127.0.0.0/8, 10.1.0.0/16")
    monkeypatch.setenv("WIREWATCH_POLL_INTERVAL", "60")
    monkeypatch.setenv("WIREWATCH_NOTIFY_URLS", "json://127.0.0.1:1/a,mailto://x@example.org")
    settings = Settings(_env_file=None)
    assert settings.redis_url == "redis://127.0.0.1:7000/0"
    assert settings.effective_broker_url == "redis://127.0.0.1:7000/0"
    assert settings.allowed_networks == ["127.0.0.0/8", "10.1.0.0/16"]
    assert settings.poll_interval == 60
    assert len(settings.notify_urls) == 2


def test_defaults_point_at_the_embedded_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WIREWATCH_REDIS_URL", "WIREWATCH_BROKER_URL", "WIREWATCH_ALLOWED_NETWORKS"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=None, embedded_redis_port=6391)
    assert settings.redis_url is None
    assert settings.effective_redis_url == "redis://127.0.0.1:6391/0"
    assert settings.allowed_networks == []


def test_broker_can_differ_from_state_redis() -> None:
    settings = Settings(
        _env_file=None, redis_url="redis://a:1/0", broker_url="amqp://guest:guest@127.0.0.1//"
    )
    assert settings.effective_broker_url.startswith("amqp://")
    assert settings.effective_redis_url == "redis://a:1/0"


def test_env_file_is_read(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("WIREWATCH_ALERT_THRESHOLD", raising=False)
    env = tmp_path / ".env"
    env.write_text("WIREWATCH_ALERT_THRESHOLD=0.7\n")
    assert Settings(_env_file=str(env)).alert_threshold == 0.7


@pytest.mark.parametrize("bad", ["not-a-cidr", "300.0.0.0/8"])
def test_invalid_allowed_network_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, allowed_networks=bad)


def test_secrets_are_not_printed() -> None:
    settings = Settings(_env_file=None, flower_password="hunter2")
    assert "hunter2" not in repr(settings)
