"""robots.txt as pure functions: where it lives, which cache key it shares, and what it allows.

Fetching and caching are the pipeline's job; this module never touches the network. Parsing is
Protego's (Google's matching rules: longest match wins, ``*`` and ``$`` wildcards). A missing,
empty or unparseable robots.txt allows everything, as crawlers conventionally treat it.
"""

from __future__ import annotations

import logging

import httpx
from protego import Protego

from .errors import BadURL

log = logging.getLogger("wirewatch.robots")

# Google reads the first 500 KiB of a robots.txt and ignores the rest; so do we (parsing is linear,
# but a multi-megabyte file is either a mistake or an attempt to slow the worker down).
MAX_ROBOTS_CHARS = 500 * 1024


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, lowercase, default port omitted: one robots.txt per origin."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise BadURL(f"unparseable URL: {exc}", url=url) from exc
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        raise BadURL("robots.txt exists only for http(s) URLs with a host", url=url)
    host = parsed.raw_host.decode("ascii").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[parsed.scheme]
    port = f":{parsed.port}" if parsed.port not in (None, default) else ""
    return f"{parsed.scheme}://{host}{port}"


def robots_url(url: str) -> str:
    """The robots.txt URL that governs ``url``."""
    return f"{origin(url)}/robots.txt"


def is_allowed(robots_txt: str | None, url: str, user_agent: str) -> bool:
    """Whether ``user_agent`` may fetch ``url`` under ``robots_txt`` (``None``/empty: allowed).

    Protego matches a group when its name occurs in the user agent, so the full product string
    (``wirewatch/0.1 (+...)``) matches a ``User-agent: wirewatch`` group.
    """
    if not robots_txt or not robots_txt.strip():
        return True
    try:
        rules = Protego.parse(robots_txt[:MAX_ROBOTS_CHARS])
        return bool(rules.can_fetch(url, user_agent))
    except Exception as exc:  # a broken file must not block crawling, nor crash the task
        log.debug("unparseable robots.txt for %s: %s", url, exc)
        return True
