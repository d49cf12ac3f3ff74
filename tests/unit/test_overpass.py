"""Online mode: off by default; when on, download via osmnx from an Overpass server.

The server here is a small Overpass-compatible HTTP server on 127.0.0.1 that serves
data recorded from the bundled extract. Nothing leaves this machine.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import osmium
import pytest

from omgevingsscan.errors import OfflineError
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.overpass import download_osm
from omgevingsscan.settings import Settings
from tests.conftest import DEMO_PBF, TOWNHALL


def _recorded_elements(box):
    """Overpass JSON elements of the bundled data inside ``box`` (s, w, n, e)."""
    s, w, n, e = box
    nodes, ways, keep_nodes = {}, [], set()
    for obj in osmium.FileProcessor(str(DEMO_PBF)):
        if obj.is_node():
            nodes[obj.id] = {
                "type": "node",
                "id": obj.id,
                "lat": obj.location.lat,
                "lon": obj.location.lon,
                "tags": dict(obj.tags),
            }
        elif obj.is_way():
            refs = [n.ref for n in obj.nodes]
            if any(
                r in nodes and s <= nodes[r]["lat"] <= n and w <= nodes[r]["lon"] <= e for r in refs
            ):
                ways.append({"type": "way", "id": obj.id, "nodes": refs, "tags": dict(obj.tags)})
                keep_nodes.update(refs)
    inside = {i for i, nd in nodes.items() if s <= nd["lat"] <= n and w <= nd["lon"] <= e}
    return [nodes[i] for i in sorted(inside | keep_nodes) if i in nodes] + ways


class _Overpass(BaseHTTPRequestHandler):
    queries: list[str] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        query = parse_qs(body)["data"][0]
        self.queries.append(query)
        box = tuple(float(v) for v in query.split("node(")[1].split(")")[0].split(","))
        payload = json.dumps({"version": 0.6, "elements": _recorded_elements(box)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        return None


@pytest.fixture
def overpass_server():
    server = HTTPServer(("127.0.0.1", 0), _Overpass)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Overpass.queries = []
    yield f"http://127.0.0.1:{server.server_port}/api"
    server.shutdown()


def test_offline_by_default():
    settings = Settings()
    assert settings.online_mode is False
    with pytest.raises(OfflineError, match="online mode is off"):
        download_osm(TOWNHALL, 100, settings)


def test_download_and_import(overpass_server):
    settings = Settings(online_mode=True, overpass_url=overpass_server)
    path = download_osm(TOWNHALL, 100, settings)
    assert len(_Overpass.queries) == 1
    scan = import_scan(path, TOWNHALL, radius_m=100, name="Stadhuis")
    # The recorded server serves nodes and ways (no relations): every building way and
    # road of the direct import must come through the download unchanged.
    direct = import_scan(DEMO_PBF, TOWNHALL, radius_m=100, name="Stadhuis")
    ways = {i for i in direct.frame("buildings").osm_id if i.startswith("w")}
    assert len(ways) > 10
    assert set(scan.frame("buildings").osm_id) == ways
    assert set(scan.frame("roads").osm_id) == set(direct.frame("roads").osm_id)
    assert scan.graphs["walk"].number_of_edges() > 10
    # A second download of the same area comes from osmnx's disk cache.
    again = download_osm(TOWNHALL, 100, settings)
    assert again == path
    assert len(_Overpass.queries) == 1
