"""Selection on the map and in the sightings table, kept in step (a part of the
observations extension, which it reaches through
:class:`~omgevingsscan.ui.observations.host.ObservationsHost`).

A row selected in the table rings the sighting on the map (and brings it into view); a
sighting clicked on the map selects its row (clearing a filter that hides it). A post
or annotation clicked on the map is selected: Delete removes it, a double-click edits
it; a double-click on a sighting edits its description in the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from shapely.geometry import Point

from omgevingsscan.layers.annotations import AnnotationsLayer
from omgevingsscan.layers.posts import ObservationPost
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.layers.sightings import SightingsLayer
from omgevingsscan.render.geometry import from_scene, to_scene
from omgevingsscan.ui.map_items import SELECT_COLOUR, Shape
from omgevingsscan.ui.observations.post_tool import PICK_PX

if TYPE_CHECKING:
    from omgevingsscan.ui.observations.host import ObservationsHost

#: Most selected sightings ringed on the map.
MAX_RINGS = 200


class MapSelection(QObject):
    """Map and table selection of the observations extension.

    It filters the canvas's events (Delete, double-click): install it on the canvas and
    its viewport.
    """

    def __init__(self, host: ObservationsHost) -> None:
        super().__init__()
        self.host = host
        #: The selected post or annotation: (layer name, uuid), or None.
        self.selection: tuple[str, str] | None = None
        #: Sightings selected in the table (ringed on the map).
        self.sighting_selection: list[str] = []

    def clear(self) -> None:
        """Forget the selection (the scan closes)."""
        self.selection = None
        self.sighting_selection = []

    def on_table_selection(self, uuids: list[str]) -> None:
        self.sighting_selection = list(uuids)
        if uuids and self.selection is not None:
            self.select_record(None, None)
        self.show_sighting_selection()
        layer = self.host.layer(SightingsLayer, "sightings")
        if len(uuids) == 1 and layer is not None and uuids[0] in layer:
            p = layer.get(uuids[0]).geometry
            view = self.host.canvas.mapToScene(self.host.canvas.viewport().rect()).boundingRect()
            if not view.contains(to_scene(p.x, p.y)):
                self.host.canvas.centerOn(to_scene(p.x, p.y))

    def show_sighting_selection(self) -> None:
        """Ring the selected sightings on the map, with time and plate or description."""
        layer = self.host.layer(SightingsLayer, "sightings")
        shapes: list[Shape] = []
        texts: list[tuple[float, float, str]] = []
        if layer is not None:
            for uuid in self.sighting_selection[:MAX_RINGS]:
                s = layer.find(uuid)
                if s is None:
                    continue
                shapes.append(Shape(s.geometry, stroke=SELECT_COLOUR, width_px=4, marker_px=22))
                label = s.plate or s.description[:24]
                texts.append((s.geometry.x, s.geometry.y, f"{s.time.astimezone():%H:%M} {label}"))
        self.host.show_overlay(shapes, texts, source="sightings")

    # -- map selection ---------------------------------------------------------------------------
    def record_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The record (kind, uuid) drawn at map ``(x, y)``: sightings, posts, then annotations."""
        if self.host.scan is None:
            return None
        tol = PICK_PX * self.host.canvas.metres_per_pixel()
        here = Point(x, y)
        sightings = self.host.layer(SightingsLayer, "sightings")
        if sightings is not None and sightings.visible:
            near = [(s.geometry.distance(here), s.uuid) for s in sightings.visible_records()]
            near = [n for n in near if n[0] <= tol]
            if near:
                return "sightings", min(near)[1]
        post = self.host.post_at(x, y)
        if post is not None:
            return "posts", post.uuid
        notes = self.host.layer(AnnotationsLayer, "annotations")
        if notes is not None and notes.visible:
            order = {"label": 0, "arrow": 1, "zone": 2}
            hits = [
                (order[a.kind], a.geometry.distance(here), a.uuid)
                for a in notes
                if a.geometry.distance(here) <= (3 * tol if a.kind == "label" else tol)
            ]
            if hits:
                return "annotations", min(hits)[2]
        return None

    def select_record(self, kind: str | None, uuid: str | None) -> None:
        """Select a post or annotation on the map (None: nothing)."""
        self.selection = (kind, uuid) if kind and uuid else None
        self.show_selection()

    def show_selection(self) -> None:
        shapes: list[Shape] = []
        selected = self.selection
        layer = self.host.layer(RecordLayer, selected[0]) if selected else None
        record = layer.find(selected[1]) if layer is not None and selected else None
        if selected and record is None:
            self.selection = None
        elif record is not None:
            geom = record.geometry
            if geom.geom_type == "Point":
                shapes.append(Shape(geom, stroke=SELECT_COLOUR, width_px=3.0, marker_px=22))
            else:
                shapes.append(Shape(geom, stroke=SELECT_COLOUR, width_px=6.0))
            if isinstance(record, ObservationPost):
                message = QCoreApplication.translate(
                    "ObservationsUI",
                    "Post {0} selected: drag to move, Del removes, double-click edits.",
                ).format(record.name)
            else:
                message = QCoreApplication.translate(
                    "ObservationsUI", "Selected: Del removes, double-click edits."
                )
            self.host.window.statusBar().showMessage(message, 8000)
        self.host.show_overlay(shapes, [], source="selection")

    def on_map_click(self, x: float, y: float) -> None:
        hit = self.record_at(x, y)
        if hit is None:
            self.select_record(None, None)
            self.host.panel.table.clearSelection()
            return
        kind, uuid = hit
        if kind == "sightings":
            self.select_record(None, None)
            if not self.host.panel.select_uuids([uuid]):
                self.host.panel.clear_filter()
                self.host.panel.select_uuids([uuid])
            self.host.sightings_dock.show()
            self.host.sightings_dock.raise_()
        else:
            self.host.panel.table.clearSelection()
            self.select_record(kind, uuid)

    def delete_selected(self) -> bool:
        """Delete the selected post or annotation, else the selected sightings."""
        if self.selection is not None:
            kind, uuid = self.selection
            self.select_record(None, None)
            self.host.edit(lambda ed: ed.delete(ed.layer(kind), uuid))
            return True
        uuids = self.host.panel.selected_uuids()
        if uuids:
            self.host.delete_sightings(uuids)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and watched is self.host.canvas
        ):
            return self.delete_selected()
        if (
            kind == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and self.host.canvas.tool() is None
        ):
            x, y = from_scene(self.host.canvas.mapToScene(event.position().toPoint()))
            hit = self.record_at(x, y)
            if hit is None:
                return False
            if hit[0] == "posts":
                self.host.edit_post(hit[1])
            elif hit[0] == "annotations":
                self.host.edit_annotation(hit[1])
            else:
                self.host.panel.select_uuids([hit[1]], edit_column="description")
                self.host.panel.table.edit(self.host.panel.table.currentIndex())
            return True
        return False
