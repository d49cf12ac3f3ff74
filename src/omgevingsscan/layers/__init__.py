"""The layer model: one abstract Layer base and one module per kind. No Qt here."""

from omgevingsscan.layers.base import Layer, LayerList, VectorLayer, layer_class, register_layer

__all__ = ["Layer", "LayerList", "VectorLayer", "layer_class", "register_layer"]
