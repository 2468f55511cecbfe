"""The `wirewatch` command line (typer): run the service, inspect it, classify files."""

from __future__ import annotations

import contextlib
import json
import logging
import signal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.panel import Panel
from rich.table import Table

from wirewatch.config import data_path, get_settings

app = typer.Typer(help="wirewatch: news monitoring for political violence.", no_args_is_help=True)
feeds_app = typer.Typer(help="The feeds being polled (kept in Redis).", no_args_is_help=True)
alerts_app = typer.Typer(help="The alert stream.", no_args_is_help=True)
dead_app = typer.Typer(help="Dead-lettered tasks.", no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")
app.add_typer(alerts_app, name="alerts")
app.add_typer(dead_app, name="dead")

console = Console()
err = Console(stderr=True)

FeedsOption = Annotated[
    Path | None, typer.Option("--feeds", help="Feed list: text file (one URL per line) or OPML.")
]


def _setup_logging() -> None:
    level = get_settings().log_level.upper()
    logging.basicConfig(
        level=level, format="%(message)s", handlers=[RichHandler(console=err, show_path=False)]
    )


def _store() -> Any:
    from .store import Store

    return Store.from_settings(get_settings())


def _celery_app() -> Any:
    from wirewatch.tasks.app import app as celery_app

    return celery_app


def _feed_list(path: Path | None) -> list[str]:
    from .feedlist import load_feed_list

    settings = get_settings()
    source = path or settings.feeds_file or data_path("feeds.txt")
    return load_feed_list(Path(source))


# --- running ---------------------------------------------------------------------------------
@app.command()
def run(
    feeds: FeedsOption = None,
    flower: Annotated[bool, typer.Option(help="Also run Flower.")] = True,
    metrics: Annotated[bool, typer.Option(help="Also serve Prometheus metrics.")] = True,
) -> None:
    """Everything on one machine: (embedded) Redis, worker, scheduler, Flower and metrics."""
    from .service import Service

    _setup_logging()
    service = Service(get_settings(), feeds=_feed_list(feeds), flower=flower, metrics=metrics)

    def _stop(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        url = service.start()
        console.print(f"[bold green]wirewatch running[/] on {url.split('@')[-1]}; Ctrl-C stops it.")
        service.supervise()
    except KeyboardInterrupt:
        console.print("stopping...")
    finally:
        service.stop()


@app.command()
def worker(
    queues: Annotated[str, typer.Option(help="Comma-separated queues.")] = "feeds,fetch,classify,alerts",
    concurrency: Annotated[
        int | None, typer.Option(help="Processes (default WIREWATCH_WORKER_CONCURRENCY).")
    ] = None,
    pool: Annotated[str, typer.Option(help="prefork, solo or threads.")] = "prefork",
    hostname: Annotated[str | None, typer.Option(help="Worker name (Celery -n).")] = None,
) -> None:
    """A Celery worker for the pipeline's queues."""
    settings = get_settings()
    argv = [
        "worker",
        f"--queues={queues}",
        f"--concurrency={concurrency or settings.worker_concurrency}",
        f"--pool={pool}",
        f"--loglevel={settings.log_level}",
        "--task-events",
    ]
    if hostname:
        argv.append(f"--hostname={hostname}")
    _celery_app().worker_main(argv)


@app.command()
def beat() -> None:
    """The scheduler: every WIREWATCH_SCHEDULER_TICK seconds it enqueues the feeds that are due."""
    settings = get_settings()
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
    _celery_app().start(["beat", f"--loglevel={settings.log_level}"])


@app.command()
def flower(
    port: Annotated[int | None, typer.Option(help="Default WIREWATCH_FLOWER_PORT.")] = None,
    address: Annotated[str, typer.Option(help="Listen address (0.0.0.0 inside a container).")] = "127.0.0.1",
) -> None:
    """Flower, the Celery web monitor (basic auth when WIREWATCH_FLOWER_PASSWORD is set)."""
    settings = get_settings()
    argv = ["flower", f"--port={port or settings.flower_port}", f"--address={address}"]
    if settings.flower_password is not None:
        argv.append(f"--basic-auth={settings.flower_user}:{settings.flower_password.get_secret_value()}")
    elif address in ("127.0.0.1", "localhost", "::1"):
        # Loopback only and no password configured: Flower's API may answer without credentials.
        import os

        os.environ.setdefault("FLOWER_UNAUTHENTICATED_API", "true")
    else:
        err.print("[red]refusing to serve Flower beyond loopback without WIREWATCH_FLOWER_PASSWORD[/]")
        raise typer.Exit(2)
    celery_app = _celery_app()
    # Flower reads queue lengths only from transports it knows by name; the workers' Redis
    # transport subclass (tasks/broker.py) is not one, and Flower needs none of its fixes.
    celery_app.conf.broker_transport = None
    celery_app.start(argv)


@app.command("metrics")
def metrics_cmd(
    port: Annotated[int | None, typer.Option(help="Default WIREWATCH_METRICS_PORT.")] = None,
    address: Annotated[str, typer.Option(help="Listen address (0.0.0.0 inside a container).")] = "127.0.0.1",
) -> None:
    """Serve Prometheus metrics (counters, queue depths) until interrupted."""
    import threading

    from wirewatch.tasks.inspect import queue_depths

    from .metrics import serve

    settings = get_settings()
    serve(_store(), lambda: queue_depths(_celery_app()), port or settings.metrics_port, address)
    console.print(f"metrics on http://{address}:{port or settings.metrics_port}/metrics")
    with contextlib.suppress(KeyboardInterrupt):
        threading.Event().wait()


# --- feeds -------------------------------------------------------------------------------------
@feeds_app.command("list")
def feeds_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Feeds and the result of their last poll."""
    store = _store()
    rows = _feed_rows(store)
    if as_json:
        for row in rows:
            print(json.dumps(row))
        return
    console.print(_feeds_table(rows))


def _feed_rows(store: Any) -> list[dict[str, str]]:
    return [{"url": url, **store.feed_state(url)} for url in store.feeds()]


def _feeds_table(rows: list[dict[str, str]]) -> Table:
    """Feeds and the result of their last poll (shared by `feeds list` and `status`)."""
    table = Table("feed", "status", "entries", "new", "last polled", "error", title=f"Feeds ({len(rows)})")
    for row in rows:
        table.add_row(
            row["url"],
            row.get("last_status", "-"),
            row.get("last_entries", "-"),
            row.get("last_new", "-"),
            row.get("last_polled", "-")[:19],
            row.get("last_error", "")[:60],
        )
    return table


@feeds_app.command("add")
def feeds_add(urls: list[str]) -> None:
    """Add feed URLs."""
    from .feeds import canonical_url

    bad = [u for u in urls if canonical_url(u) is None]
    if bad:
        err.print(f"[red]not http(s) URLs:[/] {' '.join(bad)}")
        raise typer.Exit(2)
    console.print(f"added {_store().add_feeds(urls)} feed(s)")


@feeds_app.command("remove")
def feeds_remove(urls: list[str]) -> None:
    """Remove feed URLs."""
    console.print(f"removed {_store().remove_feeds(urls)} feed(s)")


@feeds_app.command("import-opml")
def feeds_import_opml(path: Path) -> None:
    """Add every feed of an OPML file."""
    from .feedlist import parse_opml

    urls = parse_opml(path.read_bytes())
    console.print(f"added {_store().add_feeds(urls)} of {len(urls)} feed(s)")


# --- alerts ------------------------------------------------------------------------------------
def _print_alert(alert: dict[str, Any], as_json: bool) -> None:
    from .alerts import summary

    if as_json:
        print(json.dumps(alert, ensure_ascii=False), flush=True)
        return
    body = [f"[bold]{summary(alert)}[/]", f"score {alert.get('score')}   published {alert.get('published')}"]
    for inc in alert.get("incidents") or []:
        loc = (inc.get("location") or {}).get("name", "?")
        body.append(
            f"  • {'[dim](earlier) ' if inc.get('earlier') else ''}{inc['type']} in {loc}: "
            f"killed {inc.get('killed')}, injured {inc.get('injured')}; "
            f"actors {', '.join(inc.get('actors') or []) or '?'}{'[/]' if inc.get('earlier') else ''}"
        )
    body += [f"  [dim]“{s}”[/]" for s in (alert.get("evidence") or [])[:3]]
    body.append(f"[link={alert['url']}]{alert['url']}[/link]")
    console.print(Panel("\n".join(body), title=f"alert {alert['id']}", title_align="left"))


@alerts_app.command("tail")
def alerts_tail(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    last: Annotated[int, typer.Option(help="Show the last N alerts first.")] = 10,
    follow: Annotated[bool, typer.Option(help="Keep waiting for new alerts.")] = True,
    limit: Annotated[int | None, typer.Option(help="Exit after N alerts.")] = None,
) -> None:
    """Follow the alert stream (pretty by default)."""
    from . import keys

    store = _store()
    shown = 0
    rows = store.r.xrevrange(keys.ALERTS_STREAM, count=last) if last else []
    cursor = rows[0][0] if rows else "$"
    for _entry, fields in reversed(rows):
        _print_alert(json.loads(fields["data"]), as_json)
        shown += 1
        if limit and shown >= limit:
            return
    try:
        while follow:
            for _stream, entries in store.r.xread({keys.ALERTS_STREAM: cursor}, block=5000, count=100) or []:
                for entry_id, fields in entries:
                    cursor = entry_id
                    _print_alert(json.loads(fields["data"]), as_json)
                    shown += 1
                    if limit and shown >= limit:
                        return
    except KeyboardInterrupt:
        pass


# --- status and dead letters ------------------------------------------------------------------------
@app.command()
def status(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Queue depths, counters, feeds and dead letters."""
    from wirewatch.tasks.inspect import queue_depths

    from . import keys

    store = _store()
    report = {
        "queues": queue_depths(_celery_app()),
        "counters": store.stats(),
        "alerts": store.r.xlen(keys.ALERTS_STREAM),
        "dead_letters": store.r.llen(keys.DEAD_LETTERS),
        "feeds": _feed_rows(store),
    }
    if as_json:
        print(json.dumps(report, default=str))
        return
    queues = Table("queue", "waiting", title="Queues")
    for name, depth in report["queues"].items():
        queues.add_row(name, "?" if depth is None else str(depth))
    counters = Table("counter", "value", title="Counters")
    for name, value in sorted(report["counters"].items()):
        counters.add_row(name, str(value))
    console.print(queues, counters)
    console.print(f"alerts in stream: {report['alerts']}   dead letters: {report['dead_letters']}")
    console.print(_feeds_table(report["feeds"]))


@dead_app.command("list")
def dead_list() -> None:
    """Dead-lettered tasks, newest first."""
    for i, record in enumerate(_store().dead_letters()):
        console.print(f"[{i}] {record['failed_at']} {record['task']}{tuple(record['args'])}")
        console.print(f"    [dim]{record['error'].strip().splitlines()[-1] if record['error'] else ''}[/]")


@dead_app.command("requeue")
def dead_requeue(
    all_: Annotated[bool, typer.Option("--all", help="Requeue every dead letter.")] = False,
) -> None:
    """Send dead-lettered tasks (oldest first; one, or --all) back to their queues."""
    store = _store()
    celery_app = _celery_app()
    count = 0
    while True:
        record = store.pop_dead_letter()
        if record is None:
            break
        celery_app.send_task(record["task"], args=record["args"])
        count += 1
        if not all_:
            break
    console.print(f"requeued {count} task(s)")


# --- classification ------------------------------------------------------------------------------------
@app.command()
def classify(
    files: Annotated[list[Path], typer.Argument(help="Text or HTML files.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file, in order.")] = False,
) -> None:
    """Classify files offline: is each an attack report, and what happened."""
    from wirewatch.tasks.resources import classifier

    from .classify_files import classify_file

    clf = classifier()
    for path in files:
        result = classify_file(clf, path)
        if as_json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            verdict = "[bold red]ATTACK[/]" if result["is_attack"] else "[green]no attack[/]"
            console.print(f"{path}: {verdict} score {result['score']:.3f}")
            if result["is_attack"]:
                _print_alert(result, as_json=False)


def _register_classifier_commands() -> None:
    try:
        from .classify.commands import register
    except ImportError:  # the trained-classifier commands ship with the classifier package
        return
    register(app)


_register_classifier_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
