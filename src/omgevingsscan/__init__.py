"""omgevingsscan: desktop GIS for security environment scans, from OpenStreetMap data."""

__version__ = "0.1.0"
