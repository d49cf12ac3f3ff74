"""The report's fixed texts in Dutch. The report is written in English unless
``ReportOptions.language`` is "nl"; a test checks that every text the report
modules translate is in :data:`NL`.

The core has no Qt, so the report does not use Qt's catalogue: the texts and their
translations are kept here, next to the code that prints them.
"""

from __future__ import annotations

from collections.abc import Callable

NL: dict[str, str] = {
    # document
    "Security environment scan": "Omgevingsscan beveiliging",
    "Version": "Versie",
    "Date": "Datum",
    "Author": "Auteur",
    "Classification": "Rubricering",
    "Data": "Gegevens",
    "Made with": "Gemaakt met",
    "version {0} · {1}": "versie {0} · {1}",
    "{0} · data date {1} · exported {2}": "{0} · gegevens van {1} · geëxporteerd {2}",
    "page {0} of {1}": "pagina {0} van {1}",
    "unknown": "onbekend",
    "Figure {0}. {1}, scale {2} (on A4). {3}": "Figuur {0}. {1}, schaal {2} (op A4). {3}",
    "Reduced to fit the page.": "Verkleind om op de pagina te passen.",
    "{0} · {1:.6f} N, {2:.6f} E · study area {3:.0f} m": (
        "{0} · {1:.6f} N, {2:.6f} O · onderzoeksgebied {3:.0f} m"
    ),
    "This document is marked {0}. Handle, store and share it accordingly; do not forward "
    "it to people without a need to know.": (
        "Dit document is gerubriceerd als {0}. Behandel, bewaar en deel het "
        "overeenkomstig; stuur het niet door aan mensen zonder need-to-know."
    ),
    # management summary
    "1 Management summary": "1 Managementsamenvatting",
    "Site": "Locatie",
    "Study area": "Onderzoeksgebied",
    "{0:.0f} m around the site": "{0:.0f} m rond de locatie",
    "Threat context": "Dreigingsbeeld",
    "not stated": "niet opgegeven",
    "Overall risk level": "Totaal risiconiveau",
    "no open findings": "geen openstaande bevindingen",
    "{0} findings ({1}); {2} resolved; {3} measures.": (
        "{0} bevindingen ({1}); {2} opgelost; {3} maatregelen."
    ),
    "{0} suggested findings await the advisor's review and are not counted.": (
        "{0} voorgestelde bevindingen wachten op beoordeling door de adviseur en tellen niet mee."
    ),
    "Most serious findings and their measures": "Ernstigste bevindingen en hun maatregelen",
    "no measure yet": "nog geen maatregel",
    "Changes since {0}: {1}.": "Wijzigingen sinds {0}: {1}.",
    "Changes since {0}": "Wijzigingen sinds {0}",
    "{0} ({1}, priority {2}, cost {3}, {4})": "{0} ({1}, prioriteit {2}, kosten {3}, {4})",
    # matrix
    "2 Risk matrix": "2 Risicomatrix",
    "Impact": "Impact",
    "Likelihood": "Kans",
    "Each finding is placed by its likelihood and impact (1 = very low, 5 = very high); "
    "the numbers are the findings' map numbers. Risk = likelihood × impact.": (
        "Elke bevinding staat op haar kans en impact (1 = zeer laag, 5 = zeer hoog); de "
        "getallen zijn de kaartnummers van de bevindingen. Risico = kans × impact."
    ),
    "Risk levels (likelihood × impact)": "Risiconiveaus (kans × impact)",
    # findings and measures
    "3 Findings and measures": "3 Bevindingen en maatregelen",
    "4 Findings in detail": "4 Bevindingen in detail",
    "5 Maps of the findings": "5 Kaarten van de bevindingen",
    "No findings have been recorded or accepted for this scan yet.": (
        "Voor deze scan zijn nog geen bevindingen vastgelegd of geaccepteerd."
    ),
    "map no.": "kaartnr.",
    "no.": "nr.",
    "finding": "bevinding",
    "category": "categorie",
    "L × I": "K × I",
    "risk": "risico",
    "status": "status",
    "measures": "maatregelen",
    "{0} · likelihood {1}, impact {2}: {3} · {4}": "{0} · kans {1}, impact {2}: {3} · {4}",
    "Based on: {0}": "Gebaseerd op: {0}",
    "{0}: findings {1}": "{0}: bevindingen {1}",
    # changes
    "6 Changes since {0}": "6 Wijzigingen sinds {0}",
    "Nothing changed in the study area since {0}.": (
        "Sinds {0} is er niets veranderd in het onderzoeksgebied."
    ),
    "Exposed public ground: {0:.0f} m² then, {1:.0f} m² now.": (
        "Blootgestelde openbare ruimte: toen {0:.0f} m², nu {1:.0f} m²."
    ),
    "change": "wijziging",
    "number": "aantal",
    "what": "wat",
    "reference": "verwijzing",
    "name": "naam",
    # handout
    "Police handout": "Politie-instructiekaart",
    "{0} · {1:.6f} N, {2:.6f} E · version {3}, {4}": (
        "{0} · {1:.6f} N, {2:.6f} O · versie {3}, {4}"
    ),
    "Site, key positions (numbers), entrances, posts and emergency routes": (
        "Locatie, sleutelposities (nummers), toegangen, posten en routes van de hulpdiensten"
    ),
    "Key positions": "Sleutelposities",
    "Entrances": "Toegangen",
    "entrance": "toegang",
    "tagged in OSM": "in OSM vastgelegd",
    "source": "bron",
    "Routes of the emergency services": "Aanrijroutes van de hulpdiensten",
    "route": "route",
    "time": "tijd",
    "via": "via",
    "Posts": "Posten",
    "post": "post",
    "type": "soort",
    "observer": "waarnemer",
    "Contacts": "Contactpersonen",
    "role": "rol",
    "phone": "telefoon",
    "No contacts entered in the scan.": "Geen contactpersonen ingevoerd in de scan.",
    # annexes
    "Annex A Analyses": "Bijlage A Analyses",
    "This annex describes the surroundings of {0} within {1:.0f} m, from OpenStreetMap "
    "data whose newest edit is dated {2}, and the results of the analyses that were run "
    "in omgevingsscan. Distances are measured in the local metric map projection ({3}).": (
        "Deze bijlage beschrijft de omgeving van {0} binnen {1:.0f} m, op basis van "
        "OpenStreetMap-gegevens met als nieuwste wijziging {2}, en de resultaten van de "
        "analyses die in omgevingsscan zijn uitgevoerd. Afstanden zijn gemeten in de "
        "lokale metrische kaartprojectie ({3})."
    ),
    "Caution: the loaded data covers only {0:.0%} of the study area; the rest is hatched "
    "on the maps and not described here.": (
        "Let op: de geladen gegevens dekken slechts {0:.0%} van het onderzoeksgebied; de "
        "rest is gearceerd op de kaarten en wordt hier niet beschreven."
    ),
    "Security-relevant points in the study area": (
        "Beveiligingsrelevante punten in het onderzoeksgebied"
    ),
    "Nearest emergency services (straight line)": "Dichtstbijzijnde hulpdiensten (hemelsbreed)",
    "service": "dienst",
    "distance": "afstand",
    "Analyses": "Analyses",
    "analysis": "analyse",
    "assessed (annex A.{0})": "beoordeeld (bijlage A.{0})",
    "not assessed": "niet beoordeeld",
    "no results of this analysis in the scan": "geen resultaten van deze analyse in de scan",
    "layers (features)": "lagen (objecten)",
    "A.1 Maps": "A.1 Kaarten",
    "Overview of the study area ({0:.0f} m around the site)": (
        "Overzicht van het onderzoeksgebied ({0:.0f} m rond de locatie)"
    ),
    "The site and its immediate surroundings": "De locatie en de directe omgeving",
    "Other layers": "Overige lagen",
    "No analysis has been run on this scan yet; the table lists each analysis with its status.": (
        "Op deze scan is nog geen analyse uitgevoerd; de tabel noemt elke analyse met haar status."
    ),
    "{0} more rows are in the data export (GeoJSON, KML or CSV).": (
        "Nog {0} rijen staan in de gegevensexport (GeoJSON, KML of CSV)."
    ),
    "Annex B Data sources and attribution": "Bijlage B Gegevensbronnen en naamsvermelding",
    "map data": "kaartgegevens",
    "newest edit in the data": "nieuwste wijziging in de gegevens",
    "imported": "ingelezen",
    "coverage": "dekking",
    "repaired at import": "hersteld bij import",
    "nothing": "niets",
    "measured": "gemeten",
    "height tag": "height-tag in OSM",
    "levels": "bouwlagen in OSM",
    "type default": "standaardwaarde per gebouwsoort",
    "map projection": "kaartprojectie",
    "report made": "rapport gemaakt",
    "software": "software",
    "Data quality": "Kwaliteit van de gegevens",
    "Building heights": "Gebouwhoogtes",
    "Heights come from the OSM height tag where present; else from building:levels × 3 m "
    "plus a roof allowance; else from a default per building type. The table shows how "
    "many buildings in the study area got their height from each rule: the more defaults, "
    "the less certain visibility results are.": (
        "Hoogtes komen uit de OSM-tag height waar die er is; anders uit building:levels × "
        "3 m plus een toeslag voor het dak; anders uit een standaardwaarde per gebouwsoort. "
        "De tabel toont hoeveel gebouwen in het onderzoeksgebied hun hoogte uit elke regel "
        "kregen: hoe meer standaardwaarden, hoe onzekerder de zichtresultaten."
    ),
    "height from": "hoogte uit",
    "buildings": "gebouwen",
    "Attribution and licence": "Naamsvermelding en licentie",
    "{0}. The map data is available under the Open Database Licence "
    "(opendatacommons.org/licenses/odbl); the maps in this report are produced works that "
    "must credit OpenStreetMap contributors.": (
        "{0}. De kaartgegevens zijn beschikbaar onder de Open Database Licence "
        "(opendatacommons.org/licenses/odbl); de kaarten in dit rapport zijn afgeleide "
        "werken die OpenStreetMap-bijdragers moeten vermelden."
    ),
    # building heights and the ground (export/report/heights.py)
    " within {0} m of the site": " binnen {0} m van de locatie",
    "No buildings{0}.": "Geen gebouwen{0}.",
    "{0} of {1} buildings{2} ({3:.0%}) have a measured height": (
        "{0} van {1} gebouwen{2} ({3:.0%}) hebben een gemeten hoogte"
    ),
    "{0} from an OSM height tag": "{0} uit een OSM-hoogtetag",
    "{0} from OSM levels": "{0} uit het aantal bouwlagen in OSM",
    "{0} from a default for their type": "{0} uit een standaardwaarde voor hun type",
    "The others: {0}.": "De overige: {0}.",
    "Mean height uncertainty ±{0} m.": "Gemiddelde onzekerheid van de hoogte ±{0} m.",
    "No terrain model: the ground is taken as flat.": (
        "Geen hoogtemodel van het maaiveld: het maaiveld wordt vlak verondersteld."
    ),
    "Ground from the terrain model {0} ({1}): {2} × {3} cells of {4} m, "
    "elevations {5} to {6} m, ±{7} m.": (
        "Maaiveld uit het hoogtemodel {0} ({1}): {2} × {3} cellen van {4} m, "
        "hoogten {5} tot {6} m, ±{7} m."
    ),
    "a DEM": "een hoogtemodel",
    "date unknown": "datum onbekend",
    "In the whole study area {0:.0%} of {1} buildings have a measured height.": (
        "In het hele onderzoeksgebied heeft {0:.0%} van {1} gebouwen een gemeten hoogte."
    ),
    "Most heights near the site are estimates: sight lines, viewsheds and "
    "overlook positions marked uncertain may go either way; import measured "
    "heights (3D BAG or a municipal 3D model) to settle them.": (
        "De meeste hoogten bij de locatie zijn schattingen: zichtlijnen, zichtvelden en "
        "uitkijkposities die als onzeker zijn gemarkeerd kunnen beide kanten op vallen; "
        "importeer gemeten hoogten (3D BAG of een gemeentelijk 3D-model) om ze vast te stellen."
    ),
}

#: Values printed through the translation (levels, categories, statuses, kinds, facts).
NL_VALUES: dict[str, str] = {
    "low": "laag",
    "medium": "middel",
    "high": "hoog",
    "critical": "kritiek",
    "Access and entrances": "Toegang en ingangen",
    "Lighting": "Verlichting",
    "Camera coverage": "Camerabewaking",
    "Places to wait or hide unseen": "Plekken om ongezien te wachten of te schuilen",
    "Overlooking windows and roofs": "Uitkijkende ramen en daken",
    "Parking and approach by car": "Parkeren en aanrijden per auto",
    "Escape and evacuation routes": "Vlucht- en ontruimingsroutes",
    "Arrival of emergency services": "Aankomst van de hulpdiensten",
    "Neighbours and public places in view": "Buren en openbare plekken met zicht",
    "Other": "Overig",
    "suggested": "voorgesteld",
    "open": "open",
    "accepted": "geaccepteerd",
    "resolved": "opgelost",
    "rejected": "afgewezen",
    "proposed": "voorgesteld",
    "agreed": "afgesproken",
    "in_progress": "in uitvoering",
    "done": "uitgevoerd",
    "municipality": "gemeente",
    "police": "politie",
    "official": "bewindspersoon",
    "security_firm": "beveiligingsbedrijf",
    "other": "overig",
    "residence": "woning",
    "townhall": "gemeentehuis",
    "venue": "vergaderlocatie",
    "static": "vast",
    "camera": "camera",
    "patrol": "surveillance",
    "building": "gebouw",
    "path": "pad",
    "barrier": "afscheiding",
    "exposure": "blootstelling",
    "added": "nieuw",
    "removed": "verdwenen",
    "gained": "erbij",
    "lost": "eraf",
    "opened": "geopend",
    "building added": "gebouw nieuw",
    "building removed": "gebouw verdwenen",
    "path added": "pad nieuw",
    "path removed": "pad verdwenen",
    "barrier added": "afscheiding nieuw",
    "barrier removed": "afscheiding verdwenen",
    "camera added": "camera nieuw",
    "camera removed": "camera verdwenen",
    "exposure gained": "blootstelling erbij",
    "exposure lost": "blootstelling eraf",
    "finding opened": "bevinding geopend",
    "finding resolved": "bevinding opgelost",
    "Exposure and overlook positions": "Blootstelling en uitkijkposities",
    "Escape routes and chokepoints": "Vluchtroutes en knelpunten",
    "Routes": "Routes",
    "Observation posts and coverage": "Observatieposten en dekking",
    "Sightings log": "Waarnemingslogboek",
    "Annotations": "Aantekeningen",
    "features": "objecten",
    "nearest to the site": "dichtst bij de locatie",
    "total length": "totale lengte",
    "area": "oppervlakte",
    "share of the study area": "deel van het onderzoeksgebied",
    "within 100 m of the site": "binnen 100 m van de locatie",
    "first": "eerste",
    "last": "laatste",
    "site": "locatie",
    "study area": "onderzoeksgebied",
    "data": "gegevens",
    "roads": "wegen",
    "parking": "parkeren",
    "transit_stop": "ov-halte",
    "fire_hydrant": "brandkraan",
    "defibrillator": "AED",
    "police station": "politiebureau",
    "fire station": "brandweerkazerne",
    "hospital": "ziekenhuis",
}


def translator(language: str) -> Callable[[str], str]:
    """A function translating the report's fixed English texts into ``language``."""
    if language == "nl":
        table = {**NL_VALUES, **NL}
        return lambda text: table.get(text, text)
    return lambda text: text
