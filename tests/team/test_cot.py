"""CoT to and from TAK clients, through a small TAK peer on 127.0.0.1 (TCP and UDP)."""

from __future__ import annotations

import random
import socket
import threading
from datetime import timedelta

import pytest
from shapely.geometry import LineString, Point, Polygon

from omgevingsscan.io.team import TeamError
from omgevingsscan.io.team.cot import (
    event_sighting,
    iter_sightings,
    parse_event,
    record_event,
    to_proto,
    uid_to_uuid,
)
from omgevingsscan.io.team.tak import receive_tcp, receive_udp, send_events
from omgevingsscan.layers.annotations import Annotation
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.layers.records import utc_now
from omgevingsscan.layers.sightings import CATEGORIES, Sighting, SightingsLayer

CRS = "EPSG:28992"


def _sightings(n: int) -> list[Sighting]:
    rnd = random.Random(13)
    now = utc_now()
    return [
        Sighting(
            geometry=Point(121000 + rnd.uniform(0, 900), 486000 + rnd.uniform(0, 900)),
            time=now - timedelta(minutes=rnd.randint(0, 600), milliseconds=rnd.randint(0, 999)),
            category=rnd.choice(CATEGORIES),
            description=f"seen <&> {i} ‘quoted’",
            plate=rnd.choice(["", "AB-123-C", "12-XYZ-3"]),
            colour=rnd.choice(["", "red", "white"]),
            observer=rnd.choice(["Ann", "Bob"]),
            post=rnd.choice(["", "P1"]),
            severity=rnd.randint(1, 5),
        )
        for i in range(n)
    ]


class TcpPeer:
    """Accepts one connection; keeps what it receives, or streams ``send`` to the client."""

    def __init__(self, send: bytes = b"") -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = b""
        self.send = send
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            if self.send:
                conn.sendall(self.send)
                conn.shutdown(socket.SHUT_WR)
            while chunk := conn.recv(65536):
                self.received += chunk
        self.server.close()


def test_sighting_event_fields() -> None:
    s = _sightings(1)[0].evolve(category="vehicle", severity=5)
    ev = parse_event(record_event(s, CRS))
    assert ev["uid"] == s.uuid and ev["type"] == "a-h-G-E-V"
    assert ev["time"] == s.time and ev["stale"] > ev["time"]
    assert ev["remarks"] == s.description
    post = ObservationPost(geometry=Point(121400, 486400), name="P1", notes="roof")
    assert parse_event(record_event(post, CRS))["type"] == "b-m-p-s-p-op"
    triangle = Polygon([(121000, 486000), (121050, 486000), (121050, 486050)])
    zone = Annotation(geometry=triangle, kind="zone", zone_kind="cordon", text="cordon")
    xml = record_event(zone, CRS)
    assert parse_event(xml)["type"] == "u-d-f" and xml.count(b"<link point=") == 4
    arrow = Annotation(geometry=LineString([(121000, 486000), (121030, 486020)]), kind="arrow")
    assert record_event(arrow, CRS).count(b"<link point=") == 2


def test_hundred_sightings_round_trip_over_tcp() -> None:
    made = _sightings(100)
    peer = TcpPeer()
    assert send_events(f"tcp://127.0.0.1:{peer.port}", [record_event(s, CRS) for s in made]) == 100
    peer.thread.join(5)
    back = list(iter_sightings(_split(peer.received), CRS))
    assert len(back) == 100
    for a, b in zip(made, back):
        assert a.uuid == b.uuid and a.same_content(b, tol_m=0.01), a.differences(b)


def _split(data: bytes) -> list[bytes]:
    from omgevingsscan.io.team.cot import split_events

    events, rest = split_events(data)
    assert rest.strip() == b""
    return events


def _atak_marker(i: int) -> bytes:
    """A marker as ATAK sends it (uid not always a UUID; sender in <link>)."""
    t = utc_now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    kind = ["a-h-G-E-V-C", "a-u-G-U-C-I", "a-n-A-M-F-Q", "a-f-G"][i % 4]
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><event version="2.0" uid="ANDROID-{i:04d}" '
        f'type="{kind}" how="h-g-i-g-o" time="{t}" start="{t}" stale="{t}">'
        f'<point lat="{52.367 + i * 1e-5}" lon="{4.900 + i * 1e-5}" hae="0" ce="5" le="5"/>'
        f'<detail><contact callsign="Marker {i}"/><link uid="ANDROID-x" relation="p-p" '
        f'parent_callsign="ALPHA-{i % 3}"/><remarks>car #{i} parked</remarks></detail></event>'
    ).encode()


def _geochat(i: int) -> bytes:
    t = utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'<event version="2.0" uid="GeoChat.ANDROID-7.All Chat Rooms.{i}" type="b-t-f" '
        f'how="h-g-i-g-o" time="{t}" start="{t}" stale="{t}"><point lat="52.3671" '
        f'lon="4.9003" hae="0" ce="9" le="9"/><detail><__chat senderCallsign="BRAVO" '
        f'chatroom="All Chat Rooms" id="All Chat Rooms"/><remarks>man with camera {i}'
        "</remarks></detail></event>"
    ).encode()


def test_hundred_received_events_become_hundred_sightings_once() -> None:
    events = [_atak_marker(i) for i in range(90)] + [_geochat(i) for i in range(10)]
    layer = SightingsLayer("sightings", crs=CRS)
    for attempt in range(2):
        peer = TcpPeer(send=b"\n".join(events))
        got = receive_tcp(f"tcp://127.0.0.1:{peer.port}", seconds=5, max_events=100)
        added = [s for s in iter_sightings(got, CRS) if s.uuid not in layer]
        for s in added:
            layer.insert(s)
        assert len(added) == (100 if attempt == 0 else 0)
    assert len(layer) == 100
    s0 = layer.get(uid_to_uuid("ANDROID-0000"))
    assert (s0.category, s0.observer, s0.description, s0.severity) == (
        "vehicle", "ALPHA-0", "car #0 parked", 4)  # fmt: skip
    assert layer.get(uid_to_uuid("ANDROID-0001")).category == "person"
    assert layer.get(uid_to_uuid("ANDROID-0002")).category == "drone"
    chat = layer.get(uid_to_uuid("GeoChat.ANDROID-7.All Chat Rooms.3"))
    assert chat.observer == "BRAVO" and chat.description == "man with camera 3"


def test_udp_send_and_receive_xml_and_protobuf() -> None:
    made = _sightings(20)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result: list[list[bytes]] = []
    listener = threading.Thread(
        target=lambda: result.append(
            receive_udp(f"udp://127.0.0.1:{port}", seconds=5, max_events=40)
        )
    )
    listener.start()
    import time

    time.sleep(0.3)
    events = [record_event(x, CRS) for x in made]
    send_events(f"udp://127.0.0.1:{port}", events[:10])
    send_events(f"udp://127.0.0.1:{port}", events[10:], proto=True)
    listener.join(6)
    back = list(iter_sightings(result[0], CRS))
    assert [b.uuid for b in back] == [m.uuid for m in made]
    assert all(a.same_content(b) for a, b in zip(made, back))
    assert to_proto(events[0])[:3] == b"\xbf\x01\xbf"


def test_unreachable_tak_server_is_one_clear_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(TeamError, match="cannot send to the TAK server"):
        send_events(f"tcp://127.0.0.1:{port}", [record_event(_sightings(1)[0], CRS)])
    with pytest.raises(TeamError, match="must look like"):
        send_events("http://example.org", [])
    assert event_sighting(_atak_marker(5), CRS).uuid == uid_to_uuid("ANDROID-0005")
