"""The edits of each record kind: placing and naming observation posts, logging
sightings (at a post or a clicked position), adding annotations. Each uses the generic
undoable :class:`~omgevingsscan.editing.records.RecordEdits`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from shapely.geometry import Point

from omgevingsscan.editing.records import RecordEdits
from omgevingsscan.layers.annotations import Annotation, AnnotationsLayer
from omgevingsscan.layers.posts import ObservationPost, PostsLayer
from omgevingsscan.layers.records import Record, RecordLayer
from omgevingsscan.layers.sightings import Sighting, SightingsLayer

#: The record layer of a kind ("posts", "sightings", "annotations"), created if absent.
LayerOf = Callable[[str], RecordLayer[Any]]


class PostEdits:
    """Placing observation posts and keeping their names unique."""

    def __init__(self, records: RecordEdits, layer_of: LayerOf) -> None:
        self.records = records
        self.layer_of = layer_of

    @property
    def layer(self) -> PostsLayer:
        """The observation posts layer."""
        return self.layer_of("posts")  # type: ignore[return-value]

    def next_name(self) -> str:
        """A free name "Post N" for a new post."""
        used = {p.name.lower() for p in self.layer}
        n = len(used) + 1
        while f"post {n}" in used:
            n += 1
        return f"Post {n}"

    def place(self, position: Point, name: str = "", **attrs: Any) -> ObservationPost:
        """Place a new post at ``position`` (local CRS); attributes as :class:`ObservationPost`."""
        post = ObservationPost(geometry=position, name=name or self.next_name(), **attrs)
        self.check_name(post.name)
        self.records.add(self.layer, post, text=f"Place post {post.name}")
        return post

    def check_name(self, name: str, uuid: str = "") -> None:
        """Raise ValueError when another post than ``uuid`` is called ``name``."""
        other = self.layer.by_name(name)
        if other is not None and other.uuid != uuid:
            raise ValueError(f"a post called {other.name!r} already exists; choose another name")

    def check_update(self, new: Record, changes: dict[str, Any]) -> None:
        """The update check of :class:`RecordEdits`: a renamed post keeps a unique name."""
        if isinstance(new, ObservationPost) and "name" in changes:
            self.check_name(new.name, new.uuid)

    def ref(self, ref: str) -> ObservationPost:
        """The post whose uuid or name (case-insensitive) is ``ref``; KeyError if none."""
        found = self.layer.find(ref) or self.layer.by_name(ref)
        if found is None:
            raise KeyError(f"no post {ref!r}")
        return found


class SightingEdits:
    """Logging sightings, at a known post or at a position."""

    def __init__(self, records: RecordEdits, layer_of: LayerOf, posts: PostEdits) -> None:
        self.records = records
        self.layer_of = layer_of
        self.posts = posts

    @property
    def layer(self) -> SightingsLayer:
        """The sightings layer."""
        return self.layer_of("sightings")  # type: ignore[return-value]

    def add(
        self,
        position: Point | None = None,
        *,
        post: str = "",
        time: datetime | str | None = None,
        **attrs: Any,
    ) -> Sighting:
        """Log a sighting, undoably (see :meth:`ObservationEditor.add_sighting`)."""
        post_name = post
        if post:
            try:
                known = self.posts.ref(post)
            except KeyError:
                known = None
            if known is not None:
                post_name = known.name
                if position is None:
                    position = known.point
                attrs.setdefault("observer", known.observer)
        if position is None:
            raise ValueError("a sighting needs a position: click the map or choose a known post")
        kwargs: dict[str, Any] = dict(attrs)
        if time is not None:
            kwargs["time"] = time
        sighting = Sighting(geometry=position, post=post_name, **kwargs)
        self.records.add(self.layer, sighting, text=f"Add sighting ({sighting.category})")
        return sighting


class AnnotationEdits:
    """Adding labels, arrows and zones."""

    def __init__(self, records: RecordEdits, layer_of: LayerOf) -> None:
        self.records = records
        self.layer_of = layer_of

    @property
    def layer(self) -> AnnotationsLayer:
        """The annotations layer."""
        return self.layer_of("annotations")  # type: ignore[return-value]

    def add(self, annotation: Annotation) -> Annotation:
        """Add a label, arrow or zone, undoably."""
        self.records.add(self.layer, annotation, text=f"Add {annotation.kind}")
        return annotation
