"""docker-compose.yml cannot run here (no Docker engine): check what can be checked."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.main import get_command

from wirewatch.workers.cli import app

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())


def _cli_commands() -> set[str]:
    return set(get_command(app).commands)  # type: ignore[attr-defined]


def test_every_wirewatch_service_runs_a_cli_command() -> None:
    commands = _cli_commands()
    roles = {name: svc["command"][0] for name, svc in COMPOSE["services"].items() if name != "redis"}
    assert roles == {"worker": "worker", "beat": "beat", "flower": "flower", "metrics": "metrics"}
    assert set(roles.values()) <= commands


def test_redis_is_persistent_password_protected_and_local() -> None:
    redis = COMPOSE["services"]["redis"]
    command = " ".join(redis["command"])
    assert "--appendonly yes" in command
    assert "--appendfsync everysec" in command
    assert "--maxmemory-policy noeviction" in command
    assert "--requirepass" in command
    assert all(port.startswith("127.0.0.1:") for port in redis["ports"])


def test_published_ports_are_loopback_only() -> None:
    for name, svc in COMPOSE["services"].items():
        for port in svc.get("ports", []):
            assert port.startswith("127.0.0.1:"), (name, port)


def test_flower_requires_a_password() -> None:
    env = COMPOSE["x-wirewatch"]["environment"]
    assert "WIREWATCH_FLOWER_PASSWORD" in env and ":?" in env["WIREWATCH_FLOWER_PASSWORD"]
    assert ":?" in env["WIREWATCH_REDIS_URL"]
