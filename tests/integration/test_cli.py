"""The `wirewatch` command line, run as a user runs it (subprocesses, real Redis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import service_env, wirewatch

pytestmark = pytest.mark.integration


def test_classify_json_one_object_per_file_in_order(tmp_path: Path, shared_data: Path) -> None:
    seed = shared_data / "seed" / "isis-guerrilla-attacks.txt"
    calm = tmp_path / "markets.txt"
    calm.write_text(
        "Markets rose on Tuesday as investors welcomed the central bank's decision "
        "to hold interest rates. Shares in retailers gained most.\n"
    )
    html_page = tmp_path / "page.html"
    html_page.write_text(
        "<html><head><title>Suicide bombing in Kabul</title></head><body><article>"
        "<p>A suicide bomber blew himself up at a checkpoint in Kabul on Monday, killing "
        "12 people and wounding 30 others, officials said. The Islamic State group "
        "claimed responsibility for the attack.</p><p>The blast damaged nearby shops "
        "and cars, witnesses said.</p></article></body></html>"
    )
    result = wirewatch(
        service_env("redis://127.0.0.1:1/0", tmp_path),
        "classify",
        str(seed),
        str(calm),
        str(html_page),
        "--json",
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in rows] == [str(seed), str(calm), str(html_page)]
    assert [r["is_attack"] for r in rows] == [True, False, True]
    for row in rows:
        assert 0.0 <= row["score"] <= 1.0
        assert {"id", "url", "title", "evidence", "incidents", "classifier", "detected_at"} <= set(row)
    assert any("Kabul" in s for s in rows[0]["evidence"])


def test_feeds_and_status_commands(redis_url: str, tmp_path: Path) -> None:
    env = service_env(redis_url, tmp_path)
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        '<outline text="World"><outline type="rss" text="A" xmlUrl="https://a.example.org/rss"/>'
        '<outline type="rss" text="B" xmlUrl="https://b.example.org/atom.xml"/></outline>'
        "</body></opml>"
    )
    assert wirewatch(env, "feeds", "add", "https://c.example.org/feed").returncode == 0
    assert wirewatch(env, "feeds", "import-opml", str(opml)).returncode == 0
    bad = wirewatch(env, "feeds", "add", "ftp://d.example.org/feed")
    assert bad.returncode == 2
    listed = wirewatch(env, "feeds", "list", "--json")
    urls = [json.loads(line)["url"] for line in listed.stdout.splitlines()]
    assert urls == [
        "https://a.example.org/rss",
        "https://b.example.org/atom.xml",
        "https://c.example.org/feed",
    ]
    assert wirewatch(env, "feeds", "remove", "https://a.example.org/rss").returncode == 0

    status = wirewatch(env, "status", "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["queues"] == {"feeds": 0, "fetch": 0, "classify": 0, "alerts": 0}
    assert len(report["feeds"]) == 2
    assert report["alerts"] == 0 and report["dead_letters"] == 0


def test_dead_letters_can_be_listed_and_requeued(redis_url: str, tmp_path: Path) -> None:
    import redis as redis_lib

    from wirewatch.workers.store import Store, connect

    store = Store(connect(redis_url), article_ttl=60, seen_ttl=60, alerts_maxlen=10)
    store.dead_letter("wirewatch.fetch_article", ["0123456789abcdef"], "Traceback...\nKaboom: page", "t1")
    env = service_env(redis_url, tmp_path)
    listed = wirewatch(env, "dead", "list")
    assert "wirewatch.fetch_article" in listed.stdout and "Kaboom" in listed.stdout
    assert wirewatch(env, "dead", "requeue", "--all").returncode == 0
    client = redis_lib.Redis.from_url(redis_url)
    assert client.llen("wirewatch:dead") == 0
    # Back on its own queue, and only there.
    assert [client.llen(q) for q in ("feeds", "fetch", "classify", "alerts")] == [0, 1, 0, 0]


def test_alerts_tail_prints_the_stream(redis_url: str, tmp_path: Path) -> None:
    import redis as redis_lib

    client = redis_lib.Redis.from_url(redis_url)
    for n in range(3):
        alert = {
            "id": f"{n:016x}",
            "url": f"https://news.example.org/{n}",
            "title": f"Blast {n}",
            "source": "Example",
            "attack_types": ["bombing"],
            "locations": [{"name": "Kabul"}],
            "killed": n,
            "injured": None,
            "evidence": [f"A bomb exploded in Kabul, killing {n}."],
            "incidents": [],
            "score": 0.9,
            "published": None,
        }
        client.xadd("wirewatch:alerts", {"id": alert["id"], "data": json.dumps(alert)})
    env = service_env(redis_url, tmp_path)
    as_json = wirewatch(env, "alerts", "tail", "--json", "--last", "2", "--no-follow")
    assert as_json.returncode == 0, as_json.stderr
    assert [json.loads(line)["title"] for line in as_json.stdout.splitlines()] == ["Blast 1", "Blast 2"]
    pretty = wirewatch(env, "alerts", "tail", "--last", "1", "--no-follow")
    assert "bombing in Kabul (2 killed)" in pretty.stdout
    assert "A bomb exploded in Kabul, killing 2." in pretty.stdout
