"""Import benchmark: demo scan vs a naive osmnx-only load, reopen, peak memory, large PBF.

Run: ``.venv/bin/python -m bench.bench_import``. Each measurement runs in a fresh child
process, so peak memory (max RSS) is the measurement's own; times are the best of N.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.tiled_pbf import build, tile_offsets

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "src/omgevingsscan/resources"
TOWNHALL = (52.3676842, 4.9002256)

_CHILD = r"""
import json, resource, sys, time
task, arg = sys.argv[1], json.loads(sys.argv[2])
import geopandas, osmnx, networkx, pyogrio, osmium  # imports are not part of the timing
from omgevingsscan.io.osm import import_scan
from omgevingsscan.io.project import load_scan, save_scan
t0 = time.perf_counter()
if task == "ours":
    scan = import_scan(arg["path"], tuple(arg["site"]), radius_m=arg["radius"])
    if arg.get("save"):
        save_scan(scan, arg["save"])
elif task == "naive":
    feats = osmnx.features_from_xml(arg["path"])
    graph = osmnx.graph_from_xml(arg["path"])
elif task == "reopen":
    scan = load_scan(arg["path"])
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(task: str, **arg: object) -> dict[str, float]:
    """Run one measurement in a child process; return seconds and peak RSS (MB)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, task, json.dumps(arg)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def best(task: str, repeat: int, **arg: object) -> dict[str, float]:
    """Best time (and the peak RSS of that run) of ``repeat`` runs."""
    return min((run(task, **arg) for _ in range(repeat)), key=lambda r: r["seconds"])


def main() -> None:
    pbf, bz2 = str(RES / "amsterdam_centre.osm.pbf"), str(RES / "amsterdam_centre.osm.bz2")
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = str(Path(tmp) / "demo.gpkg")
        ours = best("ours", 3, path=pbf, site=TOWNHALL, radius=500, save=gpkg)
        ours_xml = best("ours", 3, path=bz2, site=TOWNHALL, radius=500)
        naive = best("naive", 2, path=bz2)
        reopen = best("reopen", 3, path=gpkg)
        print(
            f"demo scan from PBF (ours)         {ours['seconds']:6.2f} s  peak {ours['max_rss_mb']:6.0f} MB"
        )
        print(
            f"demo scan from .osm.bz2 (ours)    {ours_xml['seconds']:6.2f} s  peak {ours_xml['max_rss_mb']:6.0f} MB"
        )
        print(
            f"naive osmnx features+graph (xml)  {naive['seconds']:6.2f} s  peak {naive['max_rss_mb']:6.0f} MB"
        )
        print(f"  ratio naive / ours (PBF)        {naive['seconds'] / ours['seconds']:6.1f}x")
        print(f"  ratio naive / ours (.osm.bz2)   {naive['seconds'] / ours_xml['seconds']:6.1f}x")
        print(
            f"reopen saved .gpkg                {reopen['seconds']:6.2f} s  peak {reopen['max_rss_mb']:6.0f} MB"
        )

        for nx_, ny_ in ((4, 3), (8, 7)):
            tiles = nx_ * ny_
            big = build(Path(tmp) / f"tiled{tiles}.osm.pbf", nx_, ny_)
            size_mb = big.stat().st_size / 2**20
            # The site in the corner tile: streamed and cut out of the large file.
            _, dlon, dlat = tile_offsets(nx_, ny_)[0]
            site = (TOWNHALL[0] + dlat, TOWNHALL[1] + dlon)
            large = best("ours", 2, path=str(big), site=site, radius=500)
            print(f"large PBF: {tiles} tiles of the extract, {size_mb:.1f} MB")
            print(
                f"  import 500 m from it            {large['seconds']:6.2f} s  peak {large['max_rss_mb']:6.0f} MB"
            )
            print(
                f"  time ratio large / demo         {large['seconds'] / ours['seconds']:6.1f}x for {tiles}x the data"
            )
            print(
                f"  peak memory ratio large / demo  {large['max_rss_mb'] / ours['max_rss_mb']:6.2f}x"
            )


if __name__ == "__main__":
    main()
