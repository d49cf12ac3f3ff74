"""The SQL of a shared scan: one schema per scan, record tables, audit, roles and RLS.

Layout of schema ``S`` (all geometry columns in the scan's CRS, with GiST indexes, so
QGIS opens every table as it is):

``S.meta``
    ``key``/``value`` (jsonb): the scan metadata (``scan``) and how tables map to layers.
``S.<layer>``
    One table per map layer (OSM, results): read-only for the team.
``S.network_<mode>_nodes`` / ``_edges``
    The street networks, read-only.
``S.posts``, ``S.sightings``, ``S.annotations`` (the record layers' names)
    The record columns plus ``version`` (1, 2, … raised by a trigger on every update),
    ``editor`` (who, as typed in the app), ``edited_at``, ``owner`` (the database role
    that created the row) and ``geom``.
``S.audit``
    Every insert, update and delete (written by a trigger, so QGIS edits count too) and
    every refused save (``op`` = ``conflict``), with the row as jsonb and its geometry.

Each change sends ``NOTIFY "S"`` with ``{"t": table, "u": uuid, "op", "v": version,
"e": editor, "at": epoch seconds}``.

Roles: the group roles :data:`OBSERVER` and :data:`ADVISOR` (``NOLOGIN``; people's
login roles are made members). Row-level security lets an observer insert sightings
and change or delete only the rows they own; the advisor may do everything. Only the
advisor may update ``meta`` (the site, radius, styles).
"""

from __future__ import annotations

from typing import Any

from omgevingsscan.layers.records import Record

OBSERVER = "omgevingsscan_observer"
ADVISOR = "omgevingsscan_advisor"
ROLES = {"observer": OBSERVER, "advisor": ADVISOR}
#: Columns every record table has besides the record's own.
SYSTEM_COLUMNS = ("version", "editor", "edited_at", "owner")
_TYPES = {"TEXT": "text", "DATETIME": "timestamptz", "INTEGER": "integer", "REAL": "float8"}


def q(name: str) -> str:
    """Quote an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def pg_type(gpkg_type: str) -> str:
    """PostgreSQL type of a record column's GeoPackage type."""
    return _TYPES.get(gpkg_type.upper(), "text")


def roles_sql() -> str:
    """Create the two group roles when missing (cluster-wide)."""
    return "\n".join(
        f"""DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
    CREATE ROLE {role} NOLOGIN;
  END IF;
END $$;"""
        for role in (OBSERVER, ADVISOR)
    )


def base_sql(schema: str, srid: int) -> str:
    """Schema, meta and audit tables, and the trigger functions of the record tables."""
    s = q(schema)
    return f"""
CREATE SCHEMA {s};
CREATE TABLE {s}.meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE {s}.audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  tbl text NOT NULL, uuid text NOT NULL, op text NOT NULL,
  version integer, editor text, db_user name NOT NULL DEFAULT current_user,
  data jsonb, geom geometry(Geometry, {srid}));
CREATE INDEX ON {s}.audit (uuid);
CREATE INDEX ON {s}.audit USING gist (geom);
CREATE FUNCTION {s}.before_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
    NEW.owner := current_user;
  ELSE
    NEW.version := OLD.version + 1;
    NEW.owner := OLD.owner;
  END IF;
  NEW.edited_at := clock_timestamp();
  NEW.editor := coalesce(nullif(NEW.editor, ''), current_user);
  RETURN NEW;
END $$;
CREATE FUNCTION {s}.after_edit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
DECLARE r record; at timestamptz := clock_timestamp();
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  INSERT INTO {s}.audit (at, tbl, uuid, op, version, editor, db_user, data, geom)
  VALUES (at, TG_TABLE_NAME, r.uuid, lower(TG_OP), r.version,
          CASE WHEN TG_OP = 'DELETE' THEN current_user::text ELSE r.editor END,
          current_user, to_jsonb(r) - 'geom', r.geom);
  PERFORM pg_notify('{schema}', json_build_object(
    't', TG_TABLE_NAME, 'u', r.uuid, 'op', lower(TG_OP), 'v', r.version,
    'e', r.editor, 'at', extract(epoch FROM at))::text);
  RETURN NULL;
END $$;
"""


def record_table_sql(schema: str, table: str, record_type: type[Record], srid: int) -> str:
    """An editable record table with its triggers, index and row-level security."""
    s, t = q(schema), q(table)
    cols = [f"{q(name)} {pg_type(kind)}" for name, kind in record_type.COLUMNS if name != "uuid"]
    geom = record_type.GEOMETRY_TYPE.capitalize() if record_type.GEOMETRY_TYPE else "Geometry"
    observer_insert = (
        f"CREATE POLICY observer_insert ON {s}.{t} FOR INSERT TO {OBSERVER} "
        "WITH CHECK (owner = current_user);"
        if table_is_sightings(record_type)
        else ""
    )
    return f"""
CREATE TABLE {s}.{t} (
  uuid text PRIMARY KEY,
  {", ".join(cols)},
  version integer NOT NULL DEFAULT 1,
  editor text, edited_at timestamptz, owner name NOT NULL DEFAULT current_user,
  geom geometry({geom}, {srid}) NOT NULL);
CREATE INDEX ON {s}.{t} USING gist (geom);
CREATE TRIGGER before_edit BEFORE INSERT OR UPDATE ON {s}.{t}
  FOR EACH ROW EXECUTE FUNCTION {s}.before_edit();
CREATE TRIGGER after_edit AFTER INSERT OR UPDATE OR DELETE ON {s}.{t}
  FOR EACH ROW EXECUTE FUNCTION {s}.after_edit();
ALTER TABLE {s}.{t} ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON {s}.{t} FOR SELECT USING (true);
CREATE POLICY advisor_all ON {s}.{t} FOR ALL TO {ADVISOR} USING (true) WITH CHECK (true);
{observer_insert}
CREATE POLICY observer_update ON {s}.{t} FOR UPDATE TO {OBSERVER}
  USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY observer_delete ON {s}.{t} FOR DELETE TO {OBSERVER}
  USING (owner = current_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON {s}.{t} TO {ADVISOR};
GRANT SELECT ON {s}.{t} TO {OBSERVER};
{f"GRANT INSERT, UPDATE, DELETE ON {s}.{t} TO {OBSERVER};" if observer_insert else ""}
"""


def table_is_sightings(record_type: type[Record]) -> bool:
    """Whether observers may add rows of this record type (sightings only)."""
    return record_type.__name__ == "Sighting"


def grants_sql(schema: str) -> str:
    """Read access for both roles, meta changes for the advisor, audit inserts for both."""
    s = q(schema)
    return f"""
GRANT USAGE ON SCHEMA {s} TO {OBSERVER}, {ADVISOR};
GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {OBSERVER}, {ADVISOR};
GRANT INSERT, UPDATE ON {s}.meta TO {ADVISOR};
GRANT INSERT ON {s}.audit TO {OBSERVER}, {ADVISOR};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {OBSERVER}, {ADVISOR};
"""


def layer_table_sql(schema: str, table: str, columns: dict[str, str], srid: int) -> str:
    """A read-only map layer table: ``fid``, ``columns`` (name → PostgreSQL type), ``geom``."""
    s, t = q(schema), q(table)
    cols = "".join(f", {q(c)} {kind}" for c, kind in columns.items())
    return f"""
CREATE TABLE {s}.{t} (fid bigserial PRIMARY KEY{cols}, geom geometry(Geometry, {srid}));
CREATE INDEX ON {s}.{t} USING gist (geom);
"""


def column_types(frame: Any) -> dict[str, str]:
    """PostgreSQL types of the attribute columns of a (Geo)DataFrame."""
    out: dict[str, str] = {}
    for col, dtype in frame.dtypes.items():
        if col == getattr(frame, "_geometry_column_name", "geometry") or str(dtype) == "geometry":
            continue
        kind = str(dtype)
        if kind.startswith(("int", "Int", "uint", "UInt")):
            out[str(col)] = "bigint"
        elif kind.startswith(("float", "Float")):
            out[str(col)] = "float8"
        elif kind in ("bool", "boolean"):
            out[str(col)] = "boolean"
        elif kind.startswith("datetime"):
            out[str(col)] = "timestamptz"
        else:
            out[str(col)] = "text"
    return out
