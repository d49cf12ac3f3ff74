"""Pure, typed analysis functions on shapely/GeoPandas/networkx data. No Qt."""
