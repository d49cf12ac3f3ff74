"""Update the Dutch catalogue: lupdate over ui/ and render/, fill from the glossary, lrelease.

Run: ``.venv/bin/python tools/i18n.py`` (or ``make translations``). Existing translations
in the .ts file are kept (lupdate merges); untranslated entries whose source text is in
NL below are filled in. Entries still untranslated are listed, so nothing is missed.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src/omgevingsscan"
TS = PKG / "resources/i18n/omgevingsscan_nl.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent

NL: dict[str, str] = {
    "&New scan…": "&Nieuwe scan…",
    "&Open…": "&Openen…",
    "&Save": "Op&slaan",
    "Save &as…": "Opslaan &als…",
    "Open the &demo scan": "&Demoscan openen",
    "&Quit": "&Afsluiten",
    "Zoom to &site": "Zoom naar &object",
    "Zoom to study &area": "Zoom naar &onderzoeksgebied",
    "Zoom &in": "&Inzoomen",
    "Zoom &out": "&Uitzoomen",
    "&Online mode": "&Onlinemodus",
    "When on, the app may download OSM data from the Overpass API. Off by default.": "Indien aan, mag de app OSM-gegevens downloaden van de Overpass-API. Standaard uit.",
    "&About omgevingsscan": "&Over omgevingsscan",
    "&File": "&Bestand",
    "Open &recent": "&Recent geopend",
    "&View": "Be&eld",
    "&Analysis": "&Analyse",
    "&Settings": "&Instellingen",
    "&Help": "&Help",
    "Main": "Hoofdbalk",
    "Click a feature on the map to see its tags.": "Klik op een object op de kaart om de tags te zien.",
    "Key": "Sleutel",
    "Value": "Waarde",
    "Nothing here. Click a feature on the map to see its tags.": "Niets hier. Klik op een object op de kaart om de tags te zien.",
    "area (m²)": "oppervlakte (m²)",
    "length (m)": "lengte (m)",
    "Layers": "Lagen",
    "Opacity of the selected layer": "Dekking van de gekozen laag",
    "Move layer up": "Laag omhoog",
    "Move layer down": "Laag omlaag",
    "Remove layer": "Laag verwijderen",
    "Opacity": "Dekking",
    "Feature": "Object",
    "Cancel": "Annuleren",
    "unsaved": "niet opgeslagen",
    "The data covers {0:.0%} of the study area; the hatched part has no data.": "De gegevens dekken {0:.0%} van het onderzoeksgebied; het gearceerde deel heeft geen gegevens.",
    "Please wait: {0} is still running.": "Even geduld: {0} loopt nog.",
    "Cancelled.": "Geannuleerd.",
    "Unexpected error: ": "Onverwachte fout: ",
    "omgevingsscan": "omgevingsscan",
    "Opening the demo scan": "De demoscan wordt geopend",
    "Opening {0}": "{0} wordt geopend",
    "Open scan": "Scan openen",
    "Scan (*.gpkg)": "Scan (*.gpkg)",
    "Importing OSM data": "OSM-gegevens worden ingelezen",
    "Open a scan first to pick a location on its map.": "Open eerst een scan om een locatie op de kaart te kiezen.",
    "Click the site on the map.": "Klik het object aan op de kaart.",
    "Save scan": "Scan opslaan",
    "Saved {0}": "{0} opgeslagen",
    "on": "aan",
    "off": "uit",
    "Online mode is {0}.": "Onlinemodus staat {0}.",
    "Scale 1:{0}": "Schaal 1:{0}",
    "Map": "Kaart",
    "New scan": "Nieuwe scan",
    "e.g. Residence of the mayor": "bijv. Woning van de burgemeester",
    "Residence": "Woning",
    "Town hall": "Gemeentehuis",
    "Meeting venue": "Vergaderlocatie",
    "Other": "Anders",
    "WGS84 lat, lon": "WGS84 breedte, lengte",
    "RD x, y (EPSG:28992)": "RD x, y (EPSG:28992)",
    "Address or name in the data": "Adres of naam in de gegevens",
    "Click on the map": "Klik op de kaart",
    "Pick on map…": "Kies op de kaart…",
    "Local OSM file (.osm, .osm.bz2, .osm.pbf)": "Lokaal OSM-bestand (.osm, .osm.bz2, .osm.pbf)",
    "Download from OpenStreetMap (Overpass)": "Downloaden van OpenStreetMap (Overpass)",
    "Switch on online mode in Settings first.": "Zet eerst de onlinemodus aan bij Instellingen.",
    "Browse…": "Bladeren…",
    "Site name": "Naam van het object",
    "Kind": "Soort",
    "Location given as": "Locatie opgegeven als",
    "Location": "Locatie",
    "Study radius": "Straal onderzoeksgebied",
    "Data": "Gegevens",
    "Amstel 1, Stopera…": "Amstel 1, Stopera…",
    "click Pick on map": "klik op Kies op de kaart",
    "Open OSM file": "OSM-bestand openen",
    "OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)": "OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)",
    "click Pick on map and then the site on the map": "klik op Kies op de kaart en dan op het object",
    "give the location of the site": "geef de locatie van het object op",
    "'{0}' is not 'lat, lon' in degrees": "'{0}' is geen 'breedte, lengte' in graden",
    "'{0}' is not 'x, y' in RD metres": "'{0}' is geen 'x, y' in RD-meters",
    "choose an OSM file": "kies een OSM-bestand",
    "About omgevingsscan": "Over omgevingsscan",
    "<h3>omgevingsscan {0}</h3><p>Security environment scans around the home, town hall or meeting venue of a threatened public official: sightlines, routes, observation posts and reports.</p><p>Works offline: nothing is sent anywhere unless online mode is switched on.</p><p><b>Map data © OpenStreetMap contributors</b>, available under the Open Database Licence (ODbL 1.0): openstreetmap.org/copyright.</p>": "<h3>omgevingsscan {0}</h3><p>Omgevingsscans rond de woning, het gemeentehuis of de vergaderlocatie van een bedreigde ambtsdrager: zichtlijnen, routes, observatieposten en rapportages.</p><p>Werkt offline: er wordt niets verstuurd tenzij de onlinemodus aan staat.</p><p><b>Kaartgegevens © OpenStreetMap-bijdragers</b>, beschikbaar onder de Open Database Licence (ODbL 1.0): openstreetmap.org/copyright.</p>",
    # layers
    "Buildings": "Gebouwen",
    "Roads": "Wegen",
    "Paths and cycleways": "Paden en fietspaden",
    "Railways and tram": "Spoor en tram",
    "Water": "Water",
    "Green and land use": "Groen en grondgebruik",
    "Barriers": "Barrières",
    "Security-relevant points": "Beveiligingsrelevante punten",
    "Addresses": "Adressen",
    "Site": "Object",
    "Study area": "Onderzoeksgebied",
    "Edge of the data": "Rand van de gegevens",
    # progress
    "Checking the file": "Bestand controleren",
    "Finding the site": "Object zoeken",
    "Cutting the study area out of the large file": "Onderzoeksgebied uit het grote bestand knippen",
    "Reading features": "Objecten inlezen",
    "Classifying layers": "Lagen indelen",
    "Reading the street network": "Wegennet inlezen",
    "Building the walk network": "Voetgangersnetwerk opbouwen",
    "Building the bike network": "Fietsnetwerk opbouwen",
    "Building the drive network": "Autonetwerk opbouwen",
    "Assembling the scan": "Scan samenstellen",
    "Downloading from the Overpass API": "Downloaden van de Overpass-API",
    "Done": "Klaar",
}


def main() -> int:
    sources = sorted(str(p) for p in (PKG / "ui").rglob("*.py")) + sorted(
        str(p) for p in (PKG / "render").rglob("*.py")
    )
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        done = translation.get("type") not in ("unfinished",) and (translation.text or "")
        if done:
            continue
        if source in NL:
            translation.text = NL[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
