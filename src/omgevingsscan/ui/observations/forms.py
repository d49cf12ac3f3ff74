"""The forms behind the post and annotation tools (a part of the observations
extension, which it reaches through :class:`~omgevingsscan.ui.observations.host.ObservationsHost`):
a new post or annotation is made, or an existing one changed, when its form is accepted
(one undo step); a value the model refuses is shown in the form, which stays open. The
open form is kept in the host's ``dialog`` (one at a time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from omgevingsscan.layers.annotations import Annotation
from omgevingsscan.layers.posts import ObservationPost, PostsLayer
from omgevingsscan.layers.records import RecordLayer
from omgevingsscan.ui.observations.annotation_dialog import AnnotationDialog
from omgevingsscan.ui.observations.post_dialog import PostDialog
from omgevingsscan.ui.observations.post_tool import PICK_PX

if TYPE_CHECKING:
    from omgevingsscan.ui.observations.host import ObservationsHost


class ObservationForms:
    """Post and annotation forms of the observations extension."""

    def __init__(self, host: ObservationsHost) -> None:
        self.host = host
        #: The observer of the last post placed (proposed for the next one).
        self.last_observer = ""

    # -- posts -----------------------------------------------------------------------------------
    def post_at(self, x: float, y: float, pixels: float = PICK_PX) -> ObservationPost | None:
        """The nearest visible post within ``pixels`` of map ``(x, y)``."""
        posts = self.host.layer(PostsLayer, "posts")
        if posts is None or not posts.visible:
            return None
        tol = pixels * self.host.canvas.metres_per_pixel()
        best = min(posts, key=lambda p: p.point.distance(Point(x, y)), default=None)
        return best if best is not None and best.point.distance(Point(x, y)) <= tol else None

    def new_post(self, position: Point, **attrs: Any) -> PostDialog | None:
        """Open the form for a new post at ``position``; OK places it (one undo step)."""
        editor = self.host.editor_or_ask(lambda: self.new_post(position, **attrs))
        if editor is None:
            return None
        proposal = ObservationPost(
            geometry=position,
            name=editor.next_post_name(),
            observer=self.last_observer,
            **attrs,
        )

        def submit(values: dict[str, Any]) -> str | None:
            try:
                post = editor.place_post(position, **values)
            except ValueError as exc:
                return str(exc)
            self.last_observer = post.observer
            self.host.select_record("posts", post.uuid)
            return None

        title = QCoreApplication.translate("ObservationsUI", "New observation post")
        dialog = PostDialog(
            proposal, submit, title=title, observers=self._observers(), parent=self.host.window
        )
        return self._open(dialog)

    def edit_post(self, uuid: str) -> PostDialog | None:
        """Open the form of post ``uuid``; OK changes it (one undo step)."""
        editor = self.host.editor_or_ask()
        if editor is None:
            return None
        post = editor.posts.get(uuid)

        def submit(values: dict[str, Any]) -> str | None:
            try:
                editor.update(editor.posts, uuid, **values)
            except (ValueError, KeyError) as exc:
                return str(exc)
            return None

        title = QCoreApplication.translate("ObservationsUI", "Observation post {0}").format(
            post.name
        )
        return self._open(
            PostDialog(
                post, submit, title=title, observers=self._observers(), parent=self.host.window
            )
        )

    def _observers(self) -> list[str]:
        names = set()
        for kind in ("posts", "sightings"):
            layer = self.host.scan.layers.get(kind) if self.host.scan else None
            if isinstance(layer, RecordLayer):
                names |= {r.observer for r in layer if r.observer}
        return sorted(names)

    def _open(self, dialog: QDialog) -> Any:
        if self.host.dialog is not None and self.host.dialog.isVisible():
            self.host.dialog.close()
        self.host.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.open()
        return dialog

    # -- annotations -----------------------------------------------------------------------------
    def new_annotation(self, kind: str, geometry: BaseGeometry) -> AnnotationDialog | None:
        """Open the text/kind/style form for a new label or zone; OK adds it."""
        editor = self.host.editor_or_ask(lambda: self.new_annotation(kind, geometry))
        if editor is None:
            return None

        def submit(text: str, zone_kind: str, style: dict[str, Any]) -> str | None:
            try:
                if kind == "label":
                    a = Annotation.label(geometry, text, style=style)
                elif kind == "zone":
                    a = Annotation.zone(geometry, zone_kind, text, style=style)
                else:
                    a = Annotation.arrow(geometry, text, style=style)
                editor.add_annotation(a)
            except ValueError as exc:
                return str(exc)
            return None

        return self._open(
            AnnotationDialog(
                kind, submit, layer_style=editor.annotations.style, parent=self.host.window
            )
        )

    def edit_annotation(self, uuid: str) -> AnnotationDialog | None:
        """Open the form of annotation ``uuid``; OK changes it (one undo step)."""
        editor = self.host.editor_or_ask()
        if editor is None:
            return None
        a = editor.annotations.get(uuid)

        def submit(text: str, zone_kind: str, style: dict[str, Any]) -> str | None:
            changes: dict[str, Any] = {"text": text, "style": style}
            if a.kind == "zone":
                changes["zone_kind"] = zone_kind
            try:
                editor.update(editor.annotations, uuid, **changes)
            except (ValueError, KeyError) as exc:
                return str(exc)
            return None

        return self._open(
            AnnotationDialog(
                a.kind,
                submit,
                annotation=a,
                layer_style=editor.annotations.style,
                parent=self.host.window,
            )
        )
