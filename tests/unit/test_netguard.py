"""The SSRF guard as tables of addresses and URLs, plus properties over all of IPv4.

No sockets: resolvers are plain functions, and nothing here connects anywhere.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.workers.errors import BadURL, BlockedAddress, ConnectionFailed
from wirewatch.workers.netguard import (
    METADATA_ADDRESSES,
    check_ip,
    legacy_ipv4,
    parse_url,
    refusal_reason,
    resolve_and_check,
)

REFUSED = [
    # IPv4
    "0.0.0.0",
    "0.1.2.3",
    "10.0.0.1",
    "10.255.255.255",
    "100.64.0.1",
    "100.127.255.254",
    "127.0.0.1",
    "127.255.255.254",
    "169.254.0.1",
    "169.254.169.254",
    "172.16.0.1",
    "172.31.255.255",
    "192.0.0.192",
    "192.0.2.1",
    "192.88.99.1",
    "192.168.0.1",
    "198.18.0.1",
    "198.51.100.7",
    "203.0.113.9",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "255.255.255.255",
    # IPv6
    "::",
    "::1",
    "::127.0.0.1",  # IPv4-compatible
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:0.0.0.0",
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b:1::1",  # local-use NAT64
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
    "2001::1",  # Teredo
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2001:db8::1",
    "100::1",
    "fc00::1",
    "fd00::1",
    "fd00:ec2::254",
    "fe80::1",
    "febf::1",
    "fec0::1",
    "ff02::1",
    "ff05::1:3",
    "4000::1",  # outside 2000::/3
    "fe80::1%eth0",
]

PUBLIC = [
    "1.1.1.1",
    "8.8.8.8",
    "93.184.215.14",
    "151.101.1.69",
    "100.63.255.255",  # just below CGNAT
    "100.128.0.0",  # just above CGNAT
    "172.15.255.255",
    "172.32.0.0",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",  # NAT64 of 8.8.8.8
    "2002:808:808::1",  # 6to4 of 8.8.8.8
]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address: str) -> None:
    with pytest.raises(BlockedAddress, match="is"):
        check_ip(address, [])


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    check_ip(address, [])
    check_ip(ipaddress.ip_address(address), [])


@pytest.mark.parametrize("garbage", ["", "localhost", "example.com", "1.2.3", "::g", "[", "999.1.1.1"])
def test_strings_that_are_not_addresses_are_refused(garbage: str) -> None:
    with pytest.raises(BlockedAddress, match="not an IP address"):
        check_ip(garbage, [])


@pytest.mark.parametrize(
    ("address", "allowed", "passes"),
    [
        ("127.0.0.1", ["127.0.0.0/8"], True),
        ("127.9.9.9", ["127.0.0.0/8"], True),
        ("::ffff:127.0.0.1", ["127.0.0.0/8"], True),  # the same host as 127.0.0.1
        ("::1", ["127.0.0.0/8"], False),
        ("10.0.0.1", ["127.0.0.0/8"], False),
        ("64:ff9b::7f00:1", ["127.0.0.0/8"], False),  # NAT64 would reach the gateway's loopback
        ("10.1.2.3", ["10.1.0.0/16"], True),
        ("10.2.0.1", ["10.1.0.0/16"], False),
        ("fd12::5", ["fd12::/16"], True),
        ("169.254.1.1", ["169.254.0.0/16"], True),
        ("169.254.169.254", ["169.254.0.0/16"], False),  # metadata stays refused
        ("169.254.169.254", ["0.0.0.0/0"], False),
        ("::ffff:169.254.169.254", ["0.0.0.0/0", "::/0"], False),
        ("64:ff9b::a9fe:a9fe", ["::/0"], False),
        ("fd00:ec2::254", ["::/0"], False),
        ("100.100.100.200", ["100.64.0.0/10"], False),
    ],
)
def test_allowed_networks_open_private_space_but_never_metadata(
    address: str, allowed: list[str], passes: bool
) -> None:
    if passes:
        check_ip(address, allowed)
    else:
        with pytest.raises(BlockedAddress):
            check_ip(address, allowed)


def test_allowed_networks_accept_network_objects() -> None:
    check_ip("192.168.5.5", [ipaddress.ip_network("192.168.0.0/16")])


# --- properties over all of IPv4 --------------------------------------------------------------------
ipv4s = st.integers(min_value=0, max_value=2**32 - 1).map(ipaddress.IPv4Address)


def outcome(address: str, allowed: list[str] | None = None) -> bool:
    try:
        check_ip(address, allowed or [])
    except BlockedAddress:
        return False
    return True


@given(ipv4s)
def test_ipv4_mapped_form_is_judged_exactly_as_its_ipv4_address(v4: ipaddress.IPv4Address) -> None:
    assert outcome(f"::ffff:{v4}") == outcome(str(v4))
    assert outcome(f"::ffff:{v4}", ["127.0.0.0/8"]) == outcome(str(v4), ["127.0.0.0/8"])


@given(ipv4s)
def test_nat64_and_6to4_forms_are_refused_when_their_ipv4_address_is(v4: ipaddress.IPv4Address) -> None:
    nat64 = ipaddress.IPv6Address(int(ipaddress.IPv6Address("64:ff9b::")) | int(v4))
    six_to_four = ipaddress.IPv6Address((0x2002 << 112) | (int(v4) << 80) | 1)
    assert outcome(str(nat64)) == outcome(str(v4))
    assert outcome(str(six_to_four)) == outcome(str(v4))


@given(ipv4s)
def test_no_address_python_calls_non_global_passes(v4: ipaddress.IPv4Address) -> None:
    if not v4.is_global or v4.is_multicast:
        assert refusal_reason(v4) is not None
        assert not outcome(str(v4))


REFUSED_NETWORKS = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
    "::/96", "::ffff:a00:0/104", "64:ff9b::a00:0/104", "64:ff9b:1::/48", "100::/64", "2001::/23",
    "2001:db8::/32", "2002:a00::/24", "2002:7f00::/24", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
]  # fmt: skip


@st.composite
def refused_addresses(draw: st.DrawFn) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    network = ipaddress.ip_network(draw(st.sampled_from(REFUSED_NETWORKS)))
    offset = draw(st.integers(min_value=0, max_value=network.num_addresses - 1))
    return network[offset]


@given(refused_addresses())
def test_every_address_of_a_refused_network_is_refused(address: ipaddress.IPv4Address) -> None:
    assert not outcome(str(address))


@given(st.integers(min_value=0, max_value=2**128 - 1).map(ipaddress.IPv6Address))
def test_no_ipv6_address_python_calls_private_passes(v6: ipaddress.IPv6Address) -> None:
    if v6.ipv4_mapped is None and (v6.is_private or v6.is_multicast or v6.is_link_local):
        assert not outcome(str(v6))


@given(st.sampled_from(sorted(METADATA_ADDRESSES, key=str)))
def test_metadata_addresses_pass_no_allow_list(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    assert not outcome(str(address), ["0.0.0.0/0", "::/0"])


# --- resolving ------------------------------------------------------------------------------------
def fixed(*addresses: str):  # type: ignore[no-untyped-def]
    calls: list[tuple[str, int]] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append((host, port))
        return list(addresses)

    resolver.calls = calls  # type: ignore[attr-defined]
    return resolver


def test_resolve_returns_all_addresses_once_when_all_are_public() -> None:
    resolver = fixed("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "93.184.215.14")
    assert resolve_and_check("example.com", 443, [], resolver) == [
        "93.184.215.14",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
    ]
    assert resolver.calls == [("example.com", 443)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "answer",
    [
        ["10.0.0.1"],
        ["93.184.215.14", "10.0.0.1"],
        ["10.0.0.1", "93.184.215.14"],
        ["2606:4700:4700::1111", "fd00::1"],
        ["93.184.215.14", "::ffff:127.0.0.1"],
        ["93.184.215.14", "not-an-address"],
    ],
)
def test_one_refused_address_refuses_the_host(answer: list[str]) -> None:
    with pytest.raises(BlockedAddress, match="news.example.com resolves to a refused address"):
        resolve_and_check("news.example.com", 80, [], fixed(*answer))


def test_ip_literals_are_checked_without_a_lookup() -> None:
    resolver = fixed("10.0.0.1")
    assert resolve_and_check("8.8.8.8", 80, [], resolver) == ["8.8.8.8"]
    assert resolve_and_check("[2001:4860:4860::8888]", 80, [], resolver) == ["2001:4860:4860::8888"]
    with pytest.raises(BlockedAddress):
        resolve_and_check("127.0.0.1", 80, [], resolver)
    assert resolve_and_check("127.0.0.1", 80, ["127.0.0.0/8"], resolver) == ["127.0.0.1"]
    assert resolver.calls == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("host", ["metadata.google.internal", "METADATA.google.internal.", "metadata.goog"])
def test_metadata_names_are_refused_without_a_lookup(host: str) -> None:
    resolver = fixed("8.8.8.8")
    with pytest.raises(BlockedAddress, match="metadata"):
        resolve_and_check(host, 80, ["0.0.0.0/0"], resolver)
    assert resolver.calls == []  # type: ignore[attr-defined]


def test_failed_or_empty_lookup_is_a_transient_connection_failure() -> None:
    def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(ConnectionFailed, match="DNS lookup"):
        resolve_and_check("nonexistent.example", 80, [], nxdomain)
    with pytest.raises(ConnectionFailed, match="no addresses"):
        resolve_and_check("empty.example", 80, [], fixed())


# --- URLs -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "host", "port", "ip", "host_header"),
    [
        ("http://example.com", "example.com", 80, None, "example.com"),
        ("HTTPS://Example.COM/a?b#c", "example.com", 443, None, "example.com"),
        ("https://example.com:8443/", "example.com", 8443, None, "example.com:8443"),
        ("http://example.com./x", "example.com.", 80, None, "example.com."),
        ("https://bücher.de/", "xn--bcher-kva.de", 443, None, "xn--bcher-kva.de"),
        ("http://my_host.example.com/", "my_host.example.com", 80, None, "my_host.example.com"),
        ("http://163.com/", "163.com", 80, None, "163.com"),
        ("http://8.8.8.8/", "8.8.8.8", 80, "8.8.8.8", "8.8.8.8"),
        ("http://[2001:db8::1]:8080/", "2001:db8::1", 8080, "2001:db8::1", "[2001:db8::1]:8080"),
        ("http://example.com/path%20with%20escapes?q=%E2%9C%93", "example.com", 80, None, "example.com"),
    ],
)
def test_plain_urls_parse(url: str, host: str, port: int, ip: str | None, host_header: str) -> None:
    target = parse_url(url)
    assert (target.host, target.port, target.host_header) == (host, port, host_header)
    assert target.ip == (ipaddress.ip_address(ip) if ip else None)


def test_target_url_is_rewritten_to_the_checked_address() -> None:
    target = parse_url("https://news.example.com/a/b?c=1#frag")
    assert str(target.with_address("93.184.215.14")) == "https://93.184.215.14/a/b?c=1"
    assert str(target.with_address("2606:4700::1")) == "https://[2606:4700::1]/a/b?c=1"
    odd_port = parse_url("http://news.example.com:8080/")
    assert str(odd_port.with_address("93.184.215.14")) == "http://93.184.215.14:8080/"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://2130706433/", "127.0.0.1"),
        ("http://0x7f000001/", "127.0.0.1"),
        ("http://0177.0.0.1/", "127.0.0.1"),
        ("http://127.1/", "127.0.0.1"),
        ("http://0x7f.1/", "127.0.0.1"),
        ("http://127.0.0.1.5/", "non-canonical"),
        ("http://example.123/", "non-canonical"),
        ("http://0/", "0.0.0.0"),
        ("http://2852039166:80/", "169.254.169.254"),
        ("http://a:b@example.com/", "credentials"),
        ("http://example.com@evil.com/", "credentials"),
        ("http://evil.com\\@example.com/", "backslash"),
        ("https://example.com/a b", "whitespace"),
        ("https://example.com/\x00", "control"),
        ("https://example.com/\u202e", "control"),
        ("file:///etc/passwd", "only http"),
        ("ftp://example.com/", "only http"),
        ("dict://127.0.0.1:6379/info", "only http"),
        ("ws://example.com/", "only http"),
        ("example.com/page", "only http"),
        ("http:/example.com/", "scheme://host"),
        ("https:///example.com", "scheme://host"),
        ("http://", "no host"),
        ("http://:80/", "no host"),
        ("http://[::1%25lo]/", "zone"),
        ("http://[v1.fe]/", ""),
        ("http://exam!ple.com/", "invalid host"),
        ("http://a..b.com/", "invalid host"),
        ("http://" + "a" * 64 + ".com/", "invalid host"),
        ("http://example.com:0/", "port"),
        ("http://example.com:65536/", "port"),
        ("http://example.com:http/", ""),
        ("http://example.com/" + "a" * 9000, "longer"),
    ],
)
def test_bad_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(BadURL, match=reason.replace(".", r"\.") if reason else None) as caught:
        parse_url(url)
    assert caught.value.url


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0x7F.0.0.1", "127.0.0.1"),
        ("0177.0.0.01", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("10.0x10000", "10.1.0.0"),
        ("1.2.3.4.5", None),
        ("256.1.1.1", None),
        ("1.2.3.256", None),
        ("08.1.1.1", None),  # 8 is no octal digit
        ("4294967296", None),
    ],
)
def test_legacy_ipv4_reading(host: str, address: str | None) -> None:
    assert legacy_ipv4(host) == (ipaddress.IPv4Address(address) if address else None)
