"""Properties of canonical URLs: deterministic, idempotent, tracking-free, always http(s)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from hypothesis import example, given, settings
from hypothesis import strategies as st

from wirewatch.workers.feeds import article_id, canonical_url

SCHEMES = st.sampled_from(["http", "https", "HTTP", "Https", "ftp", "javascript", "mailto", "file", ""])
LABEL = st.from_regex(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,8}[A-Za-z0-9])?", fullmatch=True)
HOSTS = st.one_of(
    st.lists(LABEL, min_size=2, max_size=4).map(".".join),
    st.sampled_from(
        [
            "example.com",
            "EXAMPLE.org.",
            "bücher.de",
            "xn--bcher-kva.de",
            "127.0.0.1",
            "[::1]",
            "[2001:DB8::1]",
            "localhost",
            "1.2.3",
            "a..b",
            "-bad-.com",
            "",
        ]
    ),
)
PORTS = st.one_of(st.just(""), st.sampled_from([":80", ":443", ":8080", ":0", ":99999", ":x", ":"]))
SEGMENT = st.one_of(
    st.sampled_from(
        [
            ".",
            "..",
            "",
            "%2e",
            "%2E%2e",
            "%7e",
            "%zz",
            "%",
            "a b",
            "ä",
            "&amp;",
            "{x}",
            "<b>",
            "http:",
            "index.html",
            ";p=1",
            "@",
            "~user",
            "%2F",
            "+",
        ]
    ),
    st.text(max_size=6),
)
PATHS = st.lists(SEGMENT, max_size=5).map(lambda parts: "/" + "/".join(parts))
KEYS = st.one_of(
    st.sampled_from(["utm_source", "UTM_Medium", "fbclid", "gclid", "ref", "id", "q", "page", "a", "b", ""]),
    st.text(max_size=4),
)
QUERIES = st.lists(st.tuples(KEYS, st.text(max_size=5)), max_size=4).map(
    lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)
)
FRAGMENTS = st.one_of(st.just(""), st.text(max_size=6).map(lambda f: "#" + f))


@st.composite
def urls(draw: st.DrawFn) -> str:
    query = draw(QUERIES)
    return (
        f"{draw(SCHEMES)}://{draw(HOSTS)}{draw(PORTS)}{draw(PATHS)}"
        f"{'?' + query if query else ''}{draw(FRAGMENTS)}"
    )


ANY_URL = st.one_of(
    urls(), st.text(max_size=40), st.text(max_size=20).map(lambda s: "http://example.com/" + s)
)
TRACKERS = ["utm_source=feed", "utm_medium=rss", "utm_campaign=x", "fbclid=IwAR0", "gclid=abc", "mc_cid=1"]


@settings(max_examples=1500)
@given(ANY_URL)
@example("http://a.com/a&amp;amp;b")
@example("HTTP://Example.COM:80/a/./b/../c?utm_source=x&b=2&a=1#frag")
@example("http://example.com/%2e%2e/%2E/x")
@example("http://example.com/x/http://b.com/")
def test_canonical_is_idempotent(url: str) -> None:
    first = canonical_url(url)
    if first is not None:
        assert canonical_url(first) == first


@settings(max_examples=500)
@given(ANY_URL)
def test_canonical_is_deterministic_and_http(url: str) -> None:
    first = canonical_url(url)
    assert canonical_url(url) == first
    if first is None:
        return
    parts = urlsplit(first)
    assert parts.scheme in ("http", "https")
    assert parts.netloc == parts.netloc.lower()
    assert parts.fragment == "" and "#" not in first
    assert not first.startswith(("http://:", "https://:"))
    assert parts.port != {"http": 80, "https": 443}[parts.scheme]
    assert not any(
        key.lower().startswith("utm_") or key in ("fbclid", "gclid") for key, _ in parse_qsl(parts.query)
    )
    assert len(article_id(first)) == 16


@settings(max_examples=500)
@given(urls(), st.lists(st.sampled_from(TRACKERS), min_size=1, max_size=3))
def test_tracking_parameters_do_not_change_identity(url: str, trackers: list[str]) -> None:
    base = canonical_url(url)
    if base is None:
        return
    separator = "&" if "?" in base else "?"
    assert canonical_url(base + separator + "&".join(trackers)) == base


@settings(max_examples=500)
@given(st.one_of(PATHS, SEGMENT, st.text(max_size=20)), urls())
def test_relative_links_resolve_to_absolute(link: str, base: str) -> None:
    resolved = canonical_url(link, base=base)
    if resolved is not None:
        assert resolved.startswith(("http://", "https://"))
        assert canonical_url(resolved) == resolved


PLAIN_PATH = st.lists(st.from_regex(r"[a-z0-9_-]{1,8}", fullmatch=True), max_size=4).map(
    lambda parts: "/" + "/".join(parts)
)


@settings(max_examples=500)
@given(
    st.sampled_from(["http", "https"]),
    st.lists(LABEL, min_size=2, max_size=3).map(".".join),
    PLAIN_PATH,
    st.booleans(),
)
def test_ordinary_urls_are_accepted_and_kept(scheme: str, host: str, path: str, slash: bool) -> None:
    if re.fullmatch(r"0x[0-9a-f]*|[0-9]+", host.rsplit(".", 1)[-1].lower()):
        return  # "a.1", "a.0x1": numeric last labels are IPv4 shorthands, refused by design
    url = f"{scheme}://{host.lower()}{path}{'/' if slash and path != '/' else ''}"
    assert canonical_url(url) == url
