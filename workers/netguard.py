"""The SSRF guard: which URLs may be fetched, and which addresses may be connected to.

Feeds and articles are hostile input. A link may point at the metadata service of the cloud we run
in, at Redis on localhost, or at a router on the LAN, directly or through a redirect or a DNS name
that resolves there. This module decides, before any packet is sent:

* :func:`parse_url` accepts only plain ``http``/``https`` URLs whose host every parser reads the same
  way. Credentials, backslashes, whitespace and control characters are refused. IPv4 addresses must
  be written as canonical dotted quads: the legacy forms that ``inet_aton`` and browsers accept
  (``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1``) are refused as :class:`BadURL` rather
  than normalised, since no news site links that way and only filter evasion does.
* :func:`check_ip` refuses every address that is not public unicast, looking inside IPv6 forms that
  embed an IPv4 address (mapped, NAT64, 6to4). ``allowed_networks`` (operator configuration) is the
  only way to reach private space; cloud metadata endpoints stay refused even then.
* :func:`resolve_and_check` resolves a name once and refuses it if *any* address is refused; the
  fetcher then connects to one of exactly these addresses, so DNS rebinding cannot swap them.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import httpx

from .errors import BadURL, BlockedAddress, ConnectionFailed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]
"""``(host, port) -> IP address strings``; the default uses :func:`socket.getaddrinfo`."""

MAX_URL_LENGTH = 8192
DEFAULT_PORTS = {"http": 80, "https": 443}

# Refused whatever allowed_networks says: credentials live behind these.
METADATA_HOSTS = frozenset(
    {"metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"}
)
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean...
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS IMDS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
    )
)

# IANA special-purpose registries, with the reason given in the error message. Python's
# ``is_private``/``is_global`` flags are consulted as well; this table makes the reasons readable and
# does not depend on the Python version's idea of "private".
_V4_REFUSED: tuple[tuple[ipaddress.IPv4Network, str], ...] = tuple(
    (ipaddress.IPv4Network(net), reason)
    for net, reason in (
        ("0.0.0.0/8", "unspecified ('this network')"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "shared address space (CGNAT)"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignments"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay anycast"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
    )
)
_V6_REFUSED: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(net), reason)
    for net, reason in (
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("::/96", "IPv4-compatible (deprecated)"),
        ("64:ff9b:1::/48", "local-use NAT64"),
        ("100::/64", "discard-only"),
        ("2001::/23", "IETF protocol assignments (incl. Teredo)"),
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("fc00::/7", "unique-local"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local (deprecated)"),
        ("ff00::/8", "multicast"),
    )
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")

_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
_NUMERIC_LABEL = re.compile(r"0x[0-9a-f]*|[0-9]+")


@dataclass(frozen=True)
class Target:
    """A validated URL, split into what the fetcher needs to connect without a second parse."""

    url: httpx.URL
    scheme: str
    host: str  # ASCII (IDNA), lowercase, without IPv6 brackets
    port: int
    ip: IPAddress | None  # set when the URL names an address rather than a host name

    @property
    def host_header(self) -> str:
        """``Host`` as the server expects it: the name, brackets for IPv6, port only if non-default."""
        host = f"[{self.host}]" if isinstance(self.ip, ipaddress.IPv6Address) else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    def with_address(self, address: str) -> httpx.URL:
        """The URL with its host replaced by a checked address (the fetcher connects to this)."""
        return self.url.copy_with(host=address, port=self.port, fragment=None)


# --- URLs -----------------------------------------------------------------------------------------
def parse_url(url: str) -> Target:
    """Validate ``url`` and split it; raise :class:`BadURL` for anything but a plain http(s) URL."""
    check_url_characters(url)
    scheme, sep, rest = url.partition(":")
    if not sep or scheme.lower() not in DEFAULT_PORTS:
        raise BadURL(f"only http and https URLs are fetched, not {scheme[:20]!r}", url=url)
    if not rest.startswith("//") or rest.startswith("///"):
        raise BadURL("URL must be scheme://host/...", url=url)
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    if "@" in authority:
        raise BadURL("URLs with credentials (user@host) are refused", url=url)
    if not authority.startswith("["):  # before httpx, whose refusal of 0177.0.0.1 explains less
        _numeric_ipv4(authority.rpartition(":")[0].lower() or authority.lower(), url)
    try:
        parsed = httpx.URL(url)
        port = parsed.port if parsed.port is not None else DEFAULT_PORTS[parsed.scheme]
        host = parsed.raw_host.decode("ascii").lower()
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        raise BadURL(f"unparseable URL: {exc}", url=url) from exc
    if not 0 < port < 65536:
        raise BadURL(f"invalid port {port}", url=url)
    ip = _ipv6_literal(host, url) if authority.startswith("[") else _host_name_or_ipv4(host, url)
    return Target(url=parsed, scheme=parsed.scheme, host=host, port=port, ip=ip)


def check_url_characters(url: str) -> None:
    """Refuse characters that URL parsers disagree on or that hide what a URL says."""
    if not isinstance(url, str) or not url:
        raise BadURL("empty URL", url=str(url))
    if len(url) > MAX_URL_LENGTH:
        raise BadURL(f"URL longer than {MAX_URL_LENGTH} characters", url=url[:200])
    if "\\" in url:
        raise BadURL("backslash in URL (parsers disagree on its meaning)", url=url)
    for char in url:
        if ord(char) <= 0x20 or ord(char) == 0x7F or unicodedata.category(char)[0] in "CZ":
            raise BadURL(f"whitespace or control character {char!r} in URL", url=url)


def _ipv6_literal(host: str, url: str) -> ipaddress.IPv6Address:
    if "%" in host:
        raise BadURL("IPv6 zone identifiers are refused", url=url)
    try:
        return ipaddress.IPv6Address(host)
    except ValueError as exc:
        raise BadURL(f"invalid IPv6 literal [{host}]", url=url) from exc


def _host_name_or_ipv4(host: str, url: str) -> ipaddress.IPv4Address | None:
    """A canonical dotted quad, or ``None`` for a well-formed DNS name; anything else is BadURL."""
    name = host[:-1] if host.endswith(".") else host
    if not name:
        raise BadURL("URL has no host", url=url)
    address = _numeric_ipv4(name, url)
    if address is not None:
        return address
    if len(name) > 253 or not all(_LABEL.fullmatch(label) for label in name.split(".")):
        raise BadURL(f"invalid host name {host!r}", url=url)
    return None


def _numeric_ipv4(name: str, url: str) -> ipaddress.IPv4Address | None:
    """The address of a dotted-quad host, ``None`` for a name; BadURL for other numeric forms."""
    name = name[:-1] if name.endswith(".") else name
    if not _NUMERIC_LABEL.fullmatch(name.rpartition(".")[2]):
        return None
    # Ends in a number: an IP address to every URL parser and to inet_aton, never a DNS name.
    try:
        return ipaddress.IPv4Address(name)
    except ValueError:
        legacy = legacy_ipv4(name)
        meaning = f" (read as {legacy} by some parsers)" if legacy else ""
        raise BadURL(f"non-canonical IPv4 host {name!r}{meaning}", url=url) from None


def legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """How ``inet_aton`` and the WHATWG URL standard read a numeric host (``127.1``, ``0x7f.1``...).

    Used only to explain a refusal: such hosts are never connected to.
    """
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers: list[int] = []
    for part in parts:
        try:
            if part[:2].lower() == "0x":
                numbers.append(int(part[2:] or "0", 16))
            elif len(part) > 1 and part.startswith("0"):
                numbers.append(int(part, 8))
            else:
                numbers.append(int(part, 10))
        except ValueError:
            return None
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


# --- addresses ------------------------------------------------------------------------------------
def check_ip(ip: str | IPAddress, allowed_networks: Iterable[str | Network] = ()) -> None:
    """Raise :class:`BlockedAddress` unless ``ip`` is public unicast or inside ``allowed_networks``.

    An IPv4-mapped IPv6 address (``::ffff:127.0.0.1``) reaches the same host as its IPv4 address, so
    it is judged exactly as that address. Metadata endpoints are refused even inside an allowed
    network (an operator allowing 169.254.0.0/16 for a lab router still must not leak credentials).
    """
    address = _parse_ip(ip)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if _metadata(address):
        raise BlockedAddress(f"{ip} is a cloud metadata endpoint")
    if any(address in network for network in _networks(allowed_networks)):
        return
    reason = refusal_reason(address)
    if reason:
        raise BlockedAddress(f"{ip} is {reason}")


def refusal_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be connected to (ignoring allowed networks), or ``None``."""
    if isinstance(address, ipaddress.IPv4Address):
        return _v4_reason(address)
    return _v6_reason(address)


def _parse_ip(ip: str | IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return ip
    try:
        return ipaddress.ip_address(ip.strip("[]"))
    except ValueError:
        raise BlockedAddress(f"{ip!r} is not an IP address") from None


def _metadata(address: IPAddress) -> bool:
    embedded = _embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else None
    return address in METADATA_ADDRESSES or embedded in METADATA_ADDRESSES


def _v4_reason(address: ipaddress.IPv4Address) -> str | None:
    for network, reason in _V4_REFUSED:
        if address in network:
            return f"{reason} ({network})"
    if address.is_private or address.is_reserved or address.is_multicast or not address.is_global:
        return "not globally routable"
    return None


def _v6_reason(address: ipaddress.IPv6Address) -> str | None:
    if address.scope_id:
        return "a scoped (link-local) address"
    for network, reason in _V6_REFUSED:
        if address in network:
            return f"{reason} ({network})"
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        inner = _v4_reason(embedded)
        return f"an IPv6 form of {embedded}, which is {inner}" if inner else None
    if address not in _GLOBAL_UNICAST:
        return "outside global unicast (2000::/3)"
    if address.is_private or address.is_reserved or address.is_multicast or address.is_site_local:
        return "not globally routable"
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address that NAT64 (64:ff9b::/96) or 6to4 (2002::/16) traffic ends up at."""
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _SIX_TO_FOUR:
        return address.sixtofour
    return address.ipv4_mapped


def _networks(allowed: Iterable[str | Network]) -> list[Network]:
    return [n if not isinstance(n, str) else ipaddress.ip_network(n, strict=False) for n in allowed]


# --- names ----------------------------------------------------------------------------------------
def default_resolver(host: str, port: int) -> list[str]:
    """All addresses of ``host`` for TCP, in the order the system prefers them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


def resolve_and_check(
    host: str, port: int, allowed: Sequence[str | Network], resolver: Resolver | None = None
) -> list[str]:
    """Resolve ``host`` once and return its addresses if every one of them may be connected to.

    One refused address refuses the host: a name that resolves to both a public and a private
    address is either misconfigured or an attack that hopes the connection picks the private one.
    An IP literal is checked without a lookup. A failed lookup is :class:`ConnectionFailed`
    (transient: DNS outages end).
    """
    bare = host.strip("[]")
    if is_ip(bare):
        check_ip(bare, allowed)
        return [str(ipaddress.ip_address(bare))]
    if bare.rstrip(".").lower() in METADATA_HOSTS:
        raise BlockedAddress(f"{host} is a cloud metadata host name")
    try:
        addresses = list(dict.fromkeys((resolver or default_resolver)(bare, port)))
    except (OSError, UnicodeError) as exc:
        raise ConnectionFailed(f"DNS lookup of {host} failed: {exc}") from exc
    if not addresses:
        raise ConnectionFailed(f"DNS lookup of {host} returned no addresses")
    for address in addresses:
        try:
            check_ip(address, allowed)
        except BlockedAddress as exc:
            raise BlockedAddress(f"{host} resolves to a refused address: {exc}") from None
    return [str(ipaddress.ip_address(a)) for a in addresses]


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
