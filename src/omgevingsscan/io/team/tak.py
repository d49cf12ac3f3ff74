"""Sending and receiving CoT events over the network with ``pytak``.

URLs as pytak takes them: ``tcp://host:8087`` (a TAK server's plain streaming port),
``tls://host:8089`` (with a client certificate: ``cert``/``key``/``ca`` file paths),
``udp://239.2.3.1:6969`` (multicast on the local net, the ATAK default "mesh" address)
or ``udp://host:port``. Over UDP events can be sent as TAK protocol (protobuf, via
``takproto``) with ``proto=True``; received datagrams are read in either form.
"""

from __future__ import annotations

import asyncio
import configparser
import socket
import struct
import time
import warnings
from typing import Any
from urllib.parse import urlparse

from omgevingsscan.io.team.cot import split_events, to_proto
from omgevingsscan.io.team.db import TeamError

#: ATAK's default multicast group and port for CoT on a local net.
MESH_URL = "udp://239.2.3.1:6969"


def _pytak() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # optional extras (aiohttp) are not needed here
        import pytak
    return pytak


def _config(url: str, cert: str = "", key: str = "", ca: str = "") -> Any:
    parser = configparser.ConfigParser(interpolation=None)
    section: dict[str, str] = {"COT_URL": url}
    if cert:
        section["PYTAK_TLS_CLIENT_CERT"] = cert
    if key:
        section["PYTAK_TLS_CLIENT_KEY"] = key
    if ca:
        section["PYTAK_TLS_CLIENT_CAFILE"] = ca
    parser["omgevingsscan"] = section
    return parser["omgevingsscan"]


def _check(url: str) -> tuple[str, str, int]:
    p = urlparse(url)
    scheme = p.scheme.split("+")[0].lower()
    if scheme not in ("tcp", "tls", "ssl", "udp") or not p.hostname or not p.port:
        raise TeamError(
            f"TAK address {url!r} must look like tcp://host:port, tls://host:port or "
            "udp://host:port"
        )
    return scheme, p.hostname, p.port


def send_events(url: str, events: list[bytes], *, proto: bool = False, cert: str = "",
                key: str = "", ca: str = "", timeout_s: float = 10.0) -> int:  # fmt: skip
    """Send ``events`` (CoT XML) to ``url``; returns how many were sent.

    Raises TeamError (one line) when the server cannot be reached.
    """
    scheme, _host, _port = _check(url)
    if scheme == "udp" and "+" not in urlparse(url).scheme:
        url = url.replace("udp://", "udp+wo://", 1)

    async def run() -> int:
        pytak = _pytak()
        _reader, writer = await pytak.protocol_factory(_config(url, cert, key, ca))
        try:
            for event in events:
                if scheme == "udp":
                    await writer.send(to_proto(event) if proto else event)
                else:
                    writer.write(event)
                    await writer.drain()
        finally:
            writer.close()
            if hasattr(writer, "wait_closed"):
                await writer.wait_closed()
        return len(events)

    try:
        return asyncio.run(asyncio.wait_for(run(), timeout_s))
    except (TimeoutError, OSError) as exc:
        raise TeamError(f"cannot send to the TAK server {url}: {exc}") from exc


def receive_tcp(url: str, *, seconds: float, max_events: int | None = None, cert: str = "",
                key: str = "", ca: str = "") -> list[bytes]:  # fmt: skip
    """Connect to a TAK server and collect the events it streams for ``seconds`` seconds
    (or until ``max_events`` arrived, or it closes the connection)."""
    _check(url)

    async def run() -> list[bytes]:
        pytak = _pytak()
        reader, writer = await pytak.protocol_factory(_config(url, cert, key, ca))
        got: list[bytes] = []
        rest = b""
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end and (max_events is None or len(got) < max_events):
                try:
                    chunk = await asyncio.wait_for(reader.read(65536), end - time.monotonic())
                except TimeoutError:
                    break
                if not chunk:
                    break
                events, rest = split_events(rest + chunk)
                got.extend(events)
        finally:
            writer.close()
        return got

    try:
        return asyncio.run(run())
    except OSError as exc:
        raise TeamError(f"cannot connect to the TAK server {url}: {exc}") from exc


def receive_udp(url: str, *, seconds: float, max_events: int | None = None) -> list[bytes]:
    """Listen on ``udp://group-or-address:port`` (multicast groups are joined) and collect
    the datagrams (XML or TAK protocol) for ``seconds`` seconds or ``max_events``."""
    _, host, port = _check(url)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        multicast = 224 <= int(host.split(".")[0]) <= 239 if host[0].isdigit() else False
        sock.bind(("" if multicast else host, port))
        if multicast:
            mreq = struct.pack("4s4s", socket.inet_aton(host), socket.inet_aton("0.0.0.0"))
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
        got: list[bytes] = []
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0 and (
            max_events is None or len(got) < max_events
        ):
            sock.settimeout(left)
            try:
                data, _ = sock.recvfrom(65536)
            except TimeoutError:
                break
            got.append(data)
        return got
    except OSError as exc:
        raise TeamError(f"cannot listen on {url}: {exc}") from exc
    finally:
        sock.close()
