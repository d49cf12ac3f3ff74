"""``omgevingsscan export`` and ``omgevingsscan report``: every export, headless.

``export SCAN --pdf out.pdf [--paper A3 --landscape --scale 2500 --title … --classification …]
[--png out.png --dpi 300] [--svg out.svg] [--html out.html] [--geojson DIR] [--kml out.kml]
[--gpx out.gpx] [--csv out.csv] [--gpkg out.gpkg]`` and ``report SCAN --out report.pdf``.

Options are checked and every output path is validated before any file is written;
each file then appears only when complete. Qt (for the map pages) is started lazily on
the offscreen platform, so no display is needed.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from dataclasses import replace
from pathlib import Path

from omgevingsscan.commands.common import add_force, open_scan
from omgevingsscan.errors import ExportError
from omgevingsscan.export.files import check_folder, check_target
from omgevingsscan.export.page import FRAMES, PrintSpec
from omgevingsscan.export.paper import DEFAULT_DPI, format_scale, parse_scale
from omgevingsscan.export.styles import display_title
from omgevingsscan.io.safe_files import check_overwrite
from omgevingsscan.layers.names import table_name
from omgevingsscan.scan import Scan
from omgevingsscan.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``export`` and ``report`` sub-commands."""
    p = sub.add_parser(
        "export",
        help="export a scan: print map (PDF/PNG/SVG), interactive HTML map, GeoJSON, KML, GPX, CSV",
    )
    p.add_argument("scan", help="scan file (.gpkg)")
    g = p.add_argument_group("print map")
    g.add_argument("--pdf", help="write the print map as PDF (vector, selectable text)")
    g.add_argument("--png", help="write the print map as PNG")
    g.add_argument("--svg", help="write the print map as SVG")
    g.add_argument("--dpi", type=int, default=DEFAULT_DPI, help="PNG resolution (default 300)")
    g.add_argument("--paper", default="A4", help="A4 (default) or A3")
    g.add_argument("--landscape", action="store_true", help="landscape (default portrait)")
    g.add_argument(
        "--scale", default="fit", help="500, 1000, 2500, 5000 (or 1:N), or 'fit' (default)"
    )
    g.add_argument(
        "--frame",
        default="study_area",
        choices=FRAMES,
        help="centre on the study area (default) or on the view saved in the scan",
    )
    g.add_argument("--title", default="", help="title (default: Omgevingsscan <site>)")
    g.add_argument("--subtitle", default="", help="subtitle (default: none)")
    g.add_argument("--author", default="", help="author (default: none)")
    g.add_argument("--date", default="", help="date shown in the title block (default today)")
    g.add_argument(
        "--classification",
        default="",
        help='marking at top and bottom, e.g. "VERTROUWELIJK" (default: none)',
    )
    p.add_argument(
        "--layers",
        help="comma-separated layers, by table name (escape_routes) or title (Routes (escape "
        "routes)) (default: visible layers for the print map, all layers for the data exports)",
    )
    add_force(p, "output files")
    d = p.add_argument_group("interactive map and data")
    d.add_argument("--html", help="write the offline interactive map (one HTML file)")
    d.add_argument(
        "--basemap",
        action="store_true",
        help="add the OSM tile basemap to the HTML (online mode only; reveals the site to "
        "the tile server)",
    )
    d.add_argument("--geojson", metavar="DIR", help="write one GeoJSON file per layer into DIR")
    d.add_argument("--kml", help="write the layers as KML (Google Earth, TAK)")
    d.add_argument("--gpx", help="write the route layers as GPX")
    d.add_argument("--csv", help="write the sightings as CSV")
    d.add_argument("--gpkg", help="copy the scan file as it is")
    for action in p._actions:
        if action.dest in _OUTPUTS:
            action.help = f"{action.help} (default: not written)"
    p.set_defaults(func=run_export)

    r = sub.add_parser("report", help="write the assessment report (PDF)")
    r.add_argument("scan", help="scan file (.gpkg)")
    r.add_argument("--out", required=True, help="report file to write (.pdf)")
    r.add_argument("--title", default="", help="title (default: from the site)")
    r.add_argument("--author", default="", help="author (default: none)")
    r.add_argument("--date", default="", help="date on the cover (default today)")
    r.add_argument("--classification", default="", help="marking on every page (default: none)")
    r.add_argument("--dpi", type=int, default=200, help="resolution of the report maps")
    add_force(r, "--out file")
    from omgevingsscan.commands.findings import report_arguments

    report_arguments(r)
    r.set_defaults(func=run_report)


#: The export options that name an output.
_OUTPUTS = ("pdf", "png", "svg", "html", "geojson", "kml", "gpx", "csv", "gpkg")


def register_layer_kinds() -> list[str]:
    """Import every module of :mod:`omgevingsscan.layers` so all layer kinds are known.

    A scan file names each layer's kind; reading it rebuilds the matching class only
    if the module defining that kind was imported. Returns the modules that could not
    be imported (reported, not fatal: their layers are then exported as plain layers).
    """
    import omgevingsscan.layers as package

    failed = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            failed.append(f"{info.name} ({exc})")
    return failed


def _names(text: str | None) -> list[str] | None:
    if text is None:
        return None
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise ExportError("--layers is empty; give comma-separated layer names")
    return names


def resolve_layer_names(scan: Scan, names: list[str]) -> list[str]:
    """Table names of ``names``, each given as a table name or a display title.

    "escape_routes", "Routes (escape routes)", "routes (Escape Routes)" and an older
    scan's "Sight line" all find their layer. Raises ExportError naming the unknown ones
    and listing what the scan has, in both forms.
    """
    found: dict[str, str] = {}
    for layer in scan.layers:
        for key in (layer.name, display_title(layer)):
            found.setdefault(key.casefold(), layer.name)
    out, missing = [], []
    for name in names:
        key = name.strip().casefold()
        table = found.get(key)
        if table is None:
            try:
                table = found.get(table_name(name.strip()).casefold())
            except ValueError:
                table = None
        if table is None:
            missing.append(name)
        elif table not in out:
            out.append(table)
    if missing:
        have = "; ".join(f"{layer.name} ({display_title(layer)})" for layer in scan.layers)
        raise ExportError(f"layer {', '.join(map(repr, missing))} not in the scan; it has: {have}")
    return out


def _check_geojson_folder(scan: Scan, folder: str, layers: list[str] | None, force: bool) -> None:
    """Refuse to replace GeoJSON files already in ``folder`` unless ``force``."""
    from omgevingsscan.export.data import vector_layers

    base = Path(folder)
    if not base.is_dir():
        return
    for layer in vector_layers(scan, layers):
        check_overwrite(base / f"{layer.name}.geojson", force)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    """Run ``omgevingsscan export``."""
    outputs = {k: getattr(args, k) for k in _OUTPUTS}
    if not any(outputs.values()):
        raise ExportError(
            "nothing to export; give --pdf, --png, --svg, --html, --geojson, --kml, --gpx, "
            "--csv or --gpkg"
        )
    if args.basemap and not args.html:
        raise ExportError("--basemap only applies to --html")
    for fmt in ("pdf", "png", "svg", "html", "kml", "gpx", "csv", "gpkg"):
        if outputs[fmt]:
            check_target(outputs[fmt], fmt)
            check_overwrite(outputs[fmt], args.force)
    for problem in register_layer_kinds():
        _say(f"omgevingsscan: warning: layer module not loaded: {problem}")
    layers = _names(args.layers)
    print_spec = None
    if outputs["pdf"] or outputs["png"] or outputs["svg"]:
        print_spec = PrintSpec(
            paper=args.paper,
            landscape=args.landscape,
            scale=parse_scale(args.scale),
            frame=args.frame,
            title=args.title,
            subtitle=args.subtitle,
            author=args.author,
            date=args.date,
            classification=args.classification,
            layers=tuple(layers) if layers else None,
            dpi=args.dpi,
        )
        # Check paper, scale and resolution before loading anything.
        replace(print_spec, frame="study_area").validated()
    scan = open_scan(args.scan)
    if layers is not None:
        layers = resolve_layer_names(scan, layers)
        if print_spec is not None:
            print_spec = replace(print_spec, layers=tuple(layers))
    if outputs["geojson"]:
        _check_geojson_folder(scan, outputs["geojson"], layers, args.force)
    if print_spec is not None and print_spec.frame == "view":
        view = scan.view
        if not view.get("scale"):
            raise ExportError(f"{args.scan}: the scan has no saved view; use --frame study_area")
        if print_spec.scale is None:
            raise ExportError("--frame view centres on the saved view; give --scale too")
        # A fixed scale needs only the centre: a 1 m box around the saved view centre.
        cx, cy = float(view["cx"]), float(view["cy"])
        print_spec = replace(print_spec, view=(cx - 0.5, cy - 0.5, cx + 0.5, cy + 0.5))
    if print_spec is not None:
        print_spec = print_spec.validated()
    if print_spec is not None:
        from omgevingsscan.render.layout import export_print, prepare_page

        page = prepare_page(scan, print_spec)
        detail = (
            f"{page.plan.paper} {'landscape' if page.plan.landscape else 'portrait'}, "
            f"{format_scale(page.extent.scale)}"
        )
        for fmt in ("pdf", "png", "svg"):
            if outputs[fmt]:
                out = export_print(scan, print_spec, outputs[fmt], fmt)
                _say(f"wrote {out} ({detail})")
    if outputs["html"]:
        from omgevingsscan.export.html import write_html

        out, warnings = write_html(
            scan,
            outputs["html"],
            layers,
            title=args.title,
            classification=args.classification,
            basemap=args.basemap,
            online_mode=Settings.load().online_mode,
        )
        for warning in warnings:
            _say(f"omgevingsscan: warning: {warning}")
        _say(f"wrote {out}")
    from omgevingsscan.export import data

    if outputs["geojson"]:
        check_folder(outputs["geojson"])
        for out in data.write_geojson(scan, outputs["geojson"], layers):
            _say(f"wrote {out}")
    if outputs["kml"]:
        _say(f"wrote {data.write_kml(scan, outputs['kml'], layers)}")
    if outputs["gpx"]:
        _say(f"wrote {data.write_gpx(scan, outputs['gpx'], layers)}")
    if outputs["csv"]:
        _say(f"wrote {data.write_sightings_csv(scan, outputs['csv'], layers)}")
    if outputs["gpkg"]:
        _say(f"wrote {data.copy_gpkg(Path(args.scan), outputs['gpkg'])}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Run ``omgevingsscan report``."""
    from omgevingsscan.commands.findings import report_extras
    from omgevingsscan.export.report import ReportOptions

    check_target(args.out, "pdf")
    check_overwrite(args.out, args.force)
    extras = report_extras(args)
    for problem in register_layer_kinds():
        _say(f"omgevingsscan: warning: layer module not loaded: {problem}")
    scan = open_scan(args.scan)
    from omgevingsscan.render.report_maps import export_report

    out, findings = export_report(
        scan,
        args.out,
        ReportOptions(
            title=args.title,
            author=args.author,
            date=args.date,
            classification=args.classification,
            map_dpi=args.dpi,
            **extras.options,
        ),
    )
    extras.write(scan, _say)
    assessed = ", ".join(s.section.title for s in findings.assessed) or "none"
    _say(f"wrote {out} (analyses assessed: {assessed})")
    return 0
