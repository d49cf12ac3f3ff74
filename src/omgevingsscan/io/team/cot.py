"""Cursor-on-Target (CoT) events for ATAK, WinTAK and iTAK: posts, sightings, notes.

:func:`record_event` turns a post, sighting or annotation into a CoT ``<event>``:
``uid`` = the record's UUID, ``time``/``start`` (a sighting's time, otherwise now),
``stale`` (``stale_s`` later), a ``point`` in WGS84, ``<contact callsign>`` (the label
ATAK shows), ``<remarks>`` and an ``<__omgevingsscan>`` detail holding the record's
fields, so omgevingsscan reads its own events back unchanged. The type follows the
category (:data:`SIGHTING_TYPES`): a person as a ground unit (infantry), a vehicle as
ground equipment, a drone as a rotary-wing UAV; severity 4-5 makes it hostile (``h``),
otherwise unknown (``u``). Posts are ATAK's "observation post" spot markers, labels spot
markers, arrows and zones drawings (``u-d-f`` with ``<link point>`` vertices).

:func:`event_sighting` reads a marker or a GeoChat message (``b-t-f``) from a TAK
client back as a sighting: category from the type, description from the remarks,
observer from the sender's callsign; a uid that is not a UUID is mapped to a stable
UUID (:func:`uid_to_uuid`), so the same event received twice is the same sighting.
"""

from __future__ import annotations

import uuid as uuid_mod
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import shapely
from defusedxml import ElementTree as SafeET
from shapely.geometry import Point

from omgevingsscan.crs import transformer
from omgevingsscan.layers.annotations import Annotation
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.layers.records import Record, format_utc, parse_time, utc_now
from omgevingsscan.layers.sightings import CATEGORIES, Sighting

#: CoT type (after ``a-<affiliation>-``) of each sighting category.
SIGHTING_TYPES = {"person": "G-U-C-I", "vehicle": "G-E-V", "drone": "A-M-H-Q", "other": "G"}
POST_TYPE = "b-m-p-s-p-op"
LABEL_TYPE = "b-m-p-s-m"
DRAWING_TYPE = "u-d-f"
CHAT_TYPE = "b-t-f"
#: Default time until ATAK greys an event out (s).
STALE_S = 3600.0
_NS = uuid_mod.UUID("7f1c9a52-8f3e-4c55-9b8e-2d1f3a6c0b11")
_OURS = "__omgevingsscan"


def uid_to_uuid(uid: str) -> str:
    """The record UUID of a CoT uid: the uid itself when it is a UUID, else a UUID5 of it."""
    try:
        return str(uuid_mod.UUID(uid))
    except ValueError:
        return str(uuid_mod.uuid5(_NS, uid))


def _cot_time(dt: datetime) -> str:
    return format_utc(dt)


def sighting_type(s: Sighting) -> str:
    """The CoT type of sighting ``s``."""
    return f"a-{'h' if s.severity >= 4 else 'u'}-{SIGHTING_TYPES[s.category]}"


def category_of(cot_type: str) -> str:
    """The sighting category of a CoT type (``other`` when nothing fits)."""
    parts = cot_type.split("-")
    if len(parts) >= 3 and parts[0] == "a":
        rest = "-".join(parts[2:])
        if rest.startswith("A"):
            return "drone"
        for category, code in SIGHTING_TYPES.items():
            if code != "G" and rest.startswith(code):
                return category
    return "other"


def record_event(record: Record, crs: str, *, stale_s: float = STALE_S,
                 now: datetime | None = None, callsign: str = "") -> bytes:  # fmt: skip
    """The CoT event (UTF-8 XML bytes) of a post, sighting or annotation in ``crs``."""
    now = now or utc_now()
    to_wgs = transformer(crs, "EPSG:4326")
    coords = shapely.get_coordinates(record.geometry)
    lon, lat = to_wgs.transform(coords[:, 0], coords[:, 1])
    centre = record.geometry if isinstance(record.geometry, Point) else record.geometry.centroid
    clon, clat = to_wgs.transform(centre.x, centre.y)
    ours: dict[str, str] = {}
    if isinstance(record, Sighting):
        cot_type, when = sighting_type(record), record.time
        label = callsign or f"{record.category} {record.plate}".strip()
        remarks = record.description
    elif isinstance(record, ObservationPost):
        cot_type, when, label, remarks = POST_TYPE, now, record.name, record.notes
    elif isinstance(record, Annotation):
        point_like = record.geometry.geom_type == "Point"
        cot_type = LABEL_TYPE if point_like else DRAWING_TYPE
        when, label, remarks = now, record.text or record.kind, record.notes
    else:
        raise ValueError(f"{type(record).__name__} records are not sent as CoT")
    for key, value in record.to_row().items():
        if key != "uuid" and value not in (None, ""):
            ours[key] = str(value)
    ours["kind"] = type(record).__name__
    event = ET.Element("event", version="2.0", uid=record.uuid, type=cot_type, how="h-g-i-g-o",
                       time=_cot_time(when), start=_cot_time(when),
                       stale=_cot_time(max(when, now) + timedelta(seconds=stale_s)))  # fmt: skip
    ET.SubElement(event, "point", lat=f"{clat:.9f}", lon=f"{clon:.9f}", hae="9999999.0",
                  ce="9999999.0", le="9999999.0")  # fmt: skip
    detail = ET.SubElement(event, "detail")
    ET.SubElement(detail, "contact", callsign=label or record.uuid[:8])
    ET.SubElement(detail, "remarks").text = remarks
    if cot_type == DRAWING_TYPE:
        for x, y in zip(lon, lat):
            ET.SubElement(detail, "link", point=f"{y:.9f},{x:.9f}")
    ET.SubElement(detail, _OURS, ours)
    return ET.tostring(event, encoding="utf-8", xml_declaration=False)


def split_events(data: bytes) -> tuple[list[bytes], bytes]:
    """Split a TCP stream of XML events; returns the whole events and the rest."""
    out = []
    while True:
        end = data.find(b"</event>")
        if end < 0:
            return out, data
        start = data.find(b"<event")
        out.append(data[start if 0 <= start < end else 0 : end + 8])
        data = data[end + 8 :]


def parse_event(data: bytes | str) -> dict[str, Any]:
    """The fields of one CoT event (XML, or a TAK protocol buffer starting with 0xbf).

    Returns ``uid``, ``type``, ``time``, ``stale`` (datetimes), ``lat``, ``lon``,
    ``callsign`` (the sender for chat and markers with a parent), ``remarks`` and
    ``ours`` (the ``__omgevingsscan`` detail or {}). ValueError when it is not an event.
    """
    if isinstance(data, (bytes, bytearray)) and data[:1] == b"\xbf":
        data = _proto_to_xml(bytes(data))
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"not a CoT event ({exc})") from exc
    if root.tag != "event" or root.find("point") is None:
        raise ValueError("not a CoT event (no <event> with a <point>)")
    point = root.find("point")
    assert point is not None
    detail = root.find("detail")
    find = (lambda tag: detail.find(tag)) if detail is not None else (lambda tag: None)
    contact, remarks, chat, link = find("contact"), find("remarks"), find("__chat"), find("link")
    callsign = contact.get("callsign", "") if contact is not None else ""
    if chat is not None:
        callsign = chat.get("senderCallsign", callsign)
    elif link is not None and link.get("parent_callsign"):
        callsign = link.get("parent_callsign", "")
    ours = find(_OURS)
    return {
        "uid": root.get("uid", ""),
        "type": root.get("type", ""),
        "time": parse_time(root.get("time", ""), "CoT time"),
        "stale": parse_time(root.get("stale", root.get("time", "")), "CoT stale"),
        "lat": float(point.get("lat", "nan")),
        "lon": float(point.get("lon", "nan")),
        "callsign": callsign,
        "remarks": (remarks.text or "").strip() if remarks is not None else "",
        "ours": dict(ours.attrib) if ours is not None else {},
    }


def _proto_to_xml(data: bytes) -> bytes:
    import takproto

    msg = takproto.parse_proto(bytearray(data))
    if msg is None:
        raise ValueError("not a TAK protocol message")
    ev = msg.cotEvent

    def ms(t: int) -> str:
        return format_utc(datetime.fromtimestamp(t / 1000, tz=UTC))

    event = ET.Element("event", version="2.0", uid=ev.uid, type=ev.type, how=ev.how or "h-e",
                       time=ms(ev.sendTime), start=ms(ev.startTime), stale=ms(ev.staleTime))  # fmt: skip
    ET.SubElement(event, "point", lat=repr(ev.lat), lon=repr(ev.lon), hae=repr(ev.hae),
                  ce=repr(ev.ce), le=repr(ev.le))  # fmt: skip
    detail_xml = f"<detail>{ev.detail.xmlDetail}</detail>"
    detail = SafeET.fromstring(detail_xml)
    if ev.detail.HasField("contact"):
        ET.SubElement(detail, "contact", callsign=ev.detail.contact.callsign)
    event.append(detail)
    return ET.tostring(event, encoding="utf-8")


def event_sighting(data: bytes | str, crs: str) -> Sighting:
    """The sighting of a CoT marker or GeoChat message (position in ``crs``, metres)."""
    ev = parse_event(data)
    x, y = transformer("EPSG:4326", crs).transform(ev["lon"], ev["lat"])
    ours = ev["ours"]
    if ours.get("kind") == "Sighting":
        row = {k: v for k, v in ours.items() if k != "kind"}
        row["uuid"] = uid_to_uuid(ev["uid"])
        return Sighting.from_row(row, Point(x, y))
    category = category_of(ev["type"])
    affiliation = ev["type"].split("-")[1] if ev["type"].startswith("a-") else ""
    return Sighting(
        geometry=Point(x, y),
        uuid=uid_to_uuid(ev["uid"]),
        time=min(ev["time"], utc_now()),
        category=category if category in CATEGORIES else "other",
        description=ev["remarks"] or (ev["callsign"] if ev["type"] != CHAT_TYPE else ""),
        observer=ev["callsign"],
        severity=4 if affiliation == "h" else 1,
    )


def iter_sightings(events: list[bytes], crs: str) -> Iterator[Sighting]:
    """The sightings of ``events``, skipping those that are not markers or chat."""
    for data in events:
        try:
            ev = parse_event(data)
        except ValueError:
            continue
        if ev["type"].startswith(("a-", "b-m-p", CHAT_TYPE)) and ev["type"] != POST_TYPE:
            yield event_sighting(data, crs)


def to_proto(event: bytes) -> bytes:
    """A CoT XML event as a TAK protocol (mesh, version 1) message for UDP."""
    import takproto

    return bytes(takproto.xml2proto(event.decode("utf-8"), takproto.TAKProtoVer.MESH))
