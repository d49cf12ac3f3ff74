"""File input and output: OSM import, the GeoPackage project, data exchange. No Qt."""
