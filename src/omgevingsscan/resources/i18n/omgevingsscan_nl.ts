<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name>About</name>
    <message>
        <location filename="../../ui/about.py" line="13" />
        <source>&lt;h3&gt;omgevingsscan {0}&lt;/h3&gt;&lt;p&gt;Security environment scans around the home, town hall or meeting venue of a threatened public official: sightlines, routes, observation posts and reports.&lt;/p&gt;&lt;p&gt;Works offline: nothing is sent anywhere unless online mode is switched on.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Map data © OpenStreetMap contributors&lt;/b&gt;, available under the Open Database Licence (ODbL 1.0): openstreetmap.org/copyright.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;omgevingsscan {0}&lt;/h3&gt;&lt;p&gt;Omgevingsscans rond de woning, het gemeentehuis of de vergaderlocatie van een bedreigde ambtsdrager: zichtlijnen, routes, observatieposten en rapportages.&lt;/p&gt;&lt;p&gt;Werkt offline: er wordt niets verstuurd tenzij de onlinemodus aan staat.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Kaartgegevens © OpenStreetMap-bijdragers&lt;/b&gt;, beschikbaar onder de Open Database Licence (ODbL 1.0): openstreetmap.org/copyright.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="27" />
        <source>About omgevingsscan</source>
        <translation>Over omgevingsscan</translation>
    </message>
</context>
<context>
    <name>FeatureInspector</name>
    <message>
        <location filename="../../ui/inspector.py" line="25" />
        <source>Click a feature on the map to see its tags.</source>
        <translation>Klik op een object op de kaart om de tags te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="28" />
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="28" />
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="51" />
        <source>Nothing here. Click a feature on the map to see its tags.</source>
        <translation>Niets hier. Klik op een object op de kaart om de tags te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="72" />
        <source>area (m²)</source>
        <translation>oppervlakte (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="74" />
        <source>length (m)</source>
        <translation>lengte (m)</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../ui/layer_panel.py" line="44" />
        <source>Layers</source>
        <extracomment>Layers the user may not delete (the scan needs them). The selected layer changed (None when nothing is selected).</extracomment>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="50" />
        <source>Opacity of the selected layer</source>
        <translation>Dekking van de gekozen laag</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="53" />
        <source>Move layer up</source>
        <translation>Laag omhoog</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="55" />
        <source>Move layer down</source>
        <translation>Laag omlaag</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="57" />
        <source>Remove layer</source>
        <translation>Laag verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="62" />
        <source>Opacity</source>
        <translation>Dekking</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="78" />
        <source>Layers</source>
        <extracomment>A scan was shown (after import or open).</extracomment>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>Feature</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>&amp;New scan…</source>
        <translation>&amp;Nieuwe scan…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Save &amp;as…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>Open the &amp;demo scan</source>
        <translation>&amp;Demoscan openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>Zoom to &amp;site</source>
        <translation>Zoom naar &amp;object</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138" />
        <source>Zoom to study &amp;area</source>
        <translation>Zoom naar &amp;onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>Zoom &amp;out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>&amp;Online mode</source>
        <translation>&amp;Onlinemodus</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>When on, the app may download OSM data from the Overpass API. Off by default.</source>
        <translation>Indien aan, mag de app OSM-gegevens downloaden van de Overpass-API. Standaard uit.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>&amp;About omgevingsscan</source>
        <translation>&amp;Over omgevingsscan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>Open &amp;recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>&amp;View</source>
        <translation>Be&amp;eld</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173" />
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174" />
        <source>&amp;Settings</source>
        <translation>&amp;Instellingen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207" />
        <source>unsaved</source>
        <translation>niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>The data covers {0:.0%} of the study area; the hatched part has no data.</source>
        <translation>De gegevens dekken {0:.0%} van het onderzoeksgebied; het gearceerde deel heeft geen gegevens.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239" />
        <source>Please wait: {0} is still running.</source>
        <translation>Even geduld: {0} loopt nog.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250" />
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265" />
        <source>Unexpected error: </source>
        <translation>Onverwachte fout: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277" />
        <source>omgevingsscan</source>
        <translation>omgevingsscan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288" />
        <source>Opening the demo scan</source>
        <translation>De demoscan wordt geopend</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303" />
        <source>Opening {0}</source>
        <translation>{0} wordt geopend</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309" />
        <source>Open scan</source>
        <translation>Scan openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309" />
        <location filename="../../ui/main_window.py" line="388" />
        <source>Scan (*.gpkg)</source>
        <translation>Scan (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337" />
        <source>Importing OSM data</source>
        <translation>OSM-gegevens worden ingelezen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362" />
        <source>Open a scan first to pick a location on its map.</source>
        <translation>Open eerst een scan om een locatie op de kaart te kiezen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372" />
        <source>Click the site on the map.</source>
        <translation>Klik het object aan op de kaart.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388" />
        <source>Save scan</source>
        <translation>Scan opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412" />
        <source>Saved {0}</source>
        <translation>{0} opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425" />
        <source>on</source>
        <translation>aan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425" />
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426" />
        <source>Online mode is {0}.</source>
        <translation>Onlinemodus staat {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438" />
        <source>Scale 1:{0}</source>
        <translation>Schaal 1:{0}</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../ui/canvas.py" line="99" />
        <source>Map</source>
        <extracomment>Metres per pixel limits: from 1 cm to 50 m a pixel. Cursor position in the scan CRS (x, y metres). Scale changed: metres per screen pixel. A click (no drag) at map position (x, y metres), with no tool consuming it.</extracomment>
        <translation>Kaart</translation>
    </message>
</context>
<context>
    <name>NewScanDialog</name>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="61" />
        <source>New scan</source>
        <translation>Nieuwe scan</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="67" />
        <source>e.g. Residence of the mayor</source>
        <translation>bijv. Woning van de burgemeester</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="70" />
        <source>Residence</source>
        <translation>Woning</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="71" />
        <source>Town hall</source>
        <translation>Gemeentehuis</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="72" />
        <source>Meeting venue</source>
        <translation>Vergaderlocatie</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="73" />
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="80" />
        <source>WGS84 lat, lon</source>
        <translation>WGS84 breedte, lengte</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="81" />
        <source>RD x, y (EPSG:28992)</source>
        <translation>RD x, y (EPSG:28992)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="82" />
        <source>Address or name in the data</source>
        <translation>Adres of naam in de gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="83" />
        <source>Click on the map</source>
        <translation>Klik op de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="93" />
        <source>Pick on map…</source>
        <translation>Kies op de kaart…</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="106" />
        <source>Local OSM file (.osm, .osm.bz2, .osm.pbf)</source>
        <translation>Lokaal OSM-bestand (.osm, .osm.bz2, .osm.pbf)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="107" />
        <source>Download from OpenStreetMap (Overpass)</source>
        <translation>Downloaden van OpenStreetMap (Overpass)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="114" />
        <source>Switch on online mode in Settings first.</source>
        <translation>Zet eerst de onlinemodus aan bij Instellingen.</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="116" />
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="133" />
        <source>Site name</source>
        <translation>Naam van het object</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="134" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="135" />
        <source>Location given as</source>
        <translation>Locatie opgegeven als</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="136" />
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="137" />
        <source>Study radius</source>
        <translation>Straal onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="138" />
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="157" />
        <source>Amstel 1, Stopera…</source>
        <translation>Amstel 1, Stopera…</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="158" />
        <source>click Pick on map</source>
        <translation>klik op Kies op de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="180" />
        <source>Open OSM file</source>
        <translation>OSM-bestand openen</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="182" />
        <source>OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)</source>
        <translation>OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="192" />
        <source>click Pick on map and then the site on the map</source>
        <translation>klik op Kies op de kaart en dan op het object</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="195" />
        <source>give the location of the site</source>
        <translation>geef de locatie van het object op</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="199" />
        <source>'{0}' is not 'lat, lon' in degrees</source>
        <translation>'{0}' is geen 'breedte, lengte' in graden</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="204" />
        <source>'{0}' is not 'x, y' in RD metres</source>
        <translation>'{0}' is geen 'x, y' in RD-meters</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="220" />
        <source>choose an OSM file</source>
        <translation>kies een OSM-bestand</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <location filename="../../ui/strings.py" line="15" />
        <source>Buildings</source>
        <translation>Gebouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="16" />
        <source>Roads</source>
        <translation>Wegen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="17" />
        <source>Paths and cycleways</source>
        <translation>Paden en fietspaden</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="18" />
        <source>Railways and tram</source>
        <translation>Spoor en tram</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="19" />
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="20" />
        <source>Green and land use</source>
        <translation>Groen en grondgebruik</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="21" />
        <source>Barriers</source>
        <translation>Barrières</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="22" />
        <source>Security-relevant points</source>
        <translation>Beveiligingsrelevante punten</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="23" />
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="24" />
        <source>Site</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="25" />
        <source>Study area</source>
        <translation>Onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="26" />
        <source>Edge of the data</source>
        <translation>Rand van de gegevens</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <location filename="../../ui/strings.py" line="30" />
        <source>Checking the file</source>
        <translation>Bestand controleren</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="31" />
        <source>Finding the site</source>
        <translation>Object zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="32" />
        <source>Cutting the study area out of the large file</source>
        <translation>Onderzoeksgebied uit het grote bestand knippen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="33" />
        <source>Reading features</source>
        <translation>Objecten inlezen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="34" />
        <source>Classifying layers</source>
        <translation>Lagen indelen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="35" />
        <source>Reading the street network</source>
        <translation>Wegennet inlezen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="36" />
        <source>Building the walk network</source>
        <translation>Voetgangersnetwerk opbouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="37" />
        <source>Building the bike network</source>
        <translation>Fietsnetwerk opbouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="38" />
        <source>Building the drive network</source>
        <translation>Autonetwerk opbouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="39" />
        <source>Assembling the scan</source>
        <translation>Scan samenstellen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="40" />
        <source>Downloading from the Overpass API</source>
        <translation>Downloaden van de Overpass-API</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="41" />
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
</TS>