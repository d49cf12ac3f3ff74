"""The abstract layer, the vector layer and the evented layer list.

Layers validate in their setters (an opacity outside 0-1 raises ``ValueError``) and
then emit a psygnal event, so the Qt side can follow the model without the model
knowing about Qt. Each concrete kind registers itself under a ``kind`` string, which
is what the project file stores to rebuild the right class on open.
"""

from __future__ import annotations

import copy
import importlib
from typing import Any, ClassVar

import geopandas as gpd
from psygnal import Signal, SignalGroup
from psygnal.containers import EventedList

_REGISTRY: dict[str, type[Layer]] = {}
#: Modules that define layer kinds; imported on the first lookup of an unknown kind, so
#: a scan file opened in a fresh process gets its layers back with their own classes.
KIND_MODULES = (
    "osm", "posts", "sightings", "annotations", "routes", "visibility", "findings", "measures"
)  # fmt: skip


def register_layer(cls: type[Layer]) -> type[Layer]:
    """Class decorator: make ``cls`` findable by its ``kind`` string."""
    _REGISTRY[cls.kind] = cls
    return cls


def layer_class(kind: str) -> type[Layer]:
    """Return the layer class registered for ``kind``; unknown kinds get VectorLayer."""
    if kind not in _REGISTRY:
        for module in KIND_MODULES:
            importlib.import_module(f"omgevingsscan.layers.{module}")
    return _REGISTRY.get(kind, VectorLayer)


class LayerEvents(SignalGroup):
    """Events a layer emits after a validated change."""

    name = Signal(str)
    visible = Signal(bool)
    opacity = Signal(float)
    style = Signal(object)
    data = Signal()


class Layer:
    """Base of every layer: a name, visibility, opacity (0-1) and a style dict.

    The z-order is the layer's index in its :class:`LayerList` (0 is drawn first,
    at the bottom).
    """

    kind: ClassVar[str] = "layer"
    #: Human title of the kind, for legends and the layer panel.
    title: ClassVar[str] = "Layer"
    default_style: ClassVar[dict[str, Any]] = {}

    def __init__(
        self,
        name: str,
        *,
        visible: bool = True,
        opacity: float = 1.0,
        style: dict[str, Any] | None = None,
    ) -> None:
        self.events = LayerEvents()
        self._name = ""
        self._visible = True
        self._opacity = 1.0
        self._style: dict[str, Any] = copy.deepcopy(self.default_style)
        self.name = name
        self.visible = visible
        self.opacity = opacity
        if style:
            self.style = {**self._style, **style}

    @property
    def name(self) -> str:
        """Display name; also the table name in the project file. Non-empty."""
        return self._name

    @name.setter
    def name(self, value: str) -> None:
        value = str(value).strip()
        if not value:
            raise ValueError("a layer name cannot be empty")
        if value != self._name:
            self._name = value
            self.events.name.emit(value)

    @property
    def visible(self) -> bool:
        """Whether the layer is drawn."""
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        value = bool(value)
        if value != self._visible:
            self._visible = value
            self.events.visible.emit(value)

    @property
    def opacity(self) -> float:
        """Opacity from 0 (transparent) to 1 (opaque)."""
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        value = float(value)
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"opacity must be between 0 and 1, got {value}")
        if value != self._opacity:
            self._opacity = value
            self.events.opacity.emit(value)

    @property
    def style(self) -> dict[str, Any]:
        """A copy of the style dict (colours as ``#rrggbb``, widths in metres or px)."""
        return copy.deepcopy(self._style)

    @style.setter
    def style(self, value: dict[str, Any]) -> None:
        if not isinstance(value, dict):
            raise ValueError("a style must be a dict")
        self._style = copy.deepcopy(value)
        self.events.style.emit(self.style)

    def state(self) -> dict[str, Any]:
        """Return the JSON-able state saved in the project metadata."""
        return {
            "kind": self.kind,
            "name": self.name,
            "visible": self.visible,
            "opacity": self.opacity,
            "style": self.style,
        }

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


@register_layer
class VectorLayer(Layer):
    """A layer of features: a GeoDataFrame in the scan's local metric CRS."""

    kind: ClassVar[str] = "vector"
    title: ClassVar[str] = "Vector"
    #: "polygon", "line" or "point": how the renderer draws it.
    geometry_kind: ClassVar[str] = "polygon"

    def __init__(self, name: str, data: gpd.GeoDataFrame, **kwargs: Any) -> None:
        self._data = data
        super().__init__(name, **kwargs)

    @property
    def data(self) -> gpd.GeoDataFrame:
        """The features, a GeoDataFrame with a metric CRS."""
        return self._data

    @data.setter
    def data(self, value: gpd.GeoDataFrame) -> None:
        if not isinstance(value, gpd.GeoDataFrame):
            raise ValueError("layer data must be a GeoDataFrame")
        self._data = value
        self.events.data.emit()

    def __len__(self) -> int:
        return len(self._data)

    def render_frame(self) -> tuple[gpd.GeoDataFrame, list[dict[str, Any]] | None]:
        """What the renderer draws: the rows, and optional per-row style overrides.

        The default draws every row with the layer style. Kinds that filter rows (the
        "last N hours" of sightings) or style single features (annotations, colours by
        age) override this; the renderer merges each override over the layer style and
        also understands ``text`` (drawn at a point), ``text_colour``, ``halo``,
        ``font_size`` (px) and ``head_size`` (px, an arrowhead at a line's end).
        """
        return self.data, None


class LayerList(EventedList[Layer]):
    """An evented list of layers, bottom first, with lookup by name."""

    def __init__(self, data: list[Layer] | None = None) -> None:
        super().__init__(data or [])

    def names(self) -> list[str]:
        """Return the layer names in drawing order."""
        return [layer.name for layer in self]

    def get(self, name: str) -> Layer | None:
        """Return the layer called ``name``, or None."""
        for layer in self:
            if layer.name == name:
                return layer
        return None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return self.get(item) is not None
        return super().__contains__(item)
