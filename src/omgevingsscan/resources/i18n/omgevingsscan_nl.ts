<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
<context>
    <name />
    <message>
        <location filename="../../ui/findings/model.py" line="158" />
        <source>Likelihood</source>
        <extracomment>Filter choices: counted findings, all, or one status.</extracomment>
        <translation>Kans</translation>
    </message>
    <message>
        <location filename="../../ui/findings/model.py" line="163" />
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
</context>
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
    <name>AnnotationDialog</name>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="40" />
        <source>red</source>
        <extracomment>Colours offered by the style picker, with their names.</extracomment>
        <translation>rood</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="41" />
        <source>orange</source>
        <translation>oranje</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="42" />
        <source>yellow</source>
        <translation>geel</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="43" />
        <source>green</source>
        <translation>groen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="44" />
        <source>blue</source>
        <translation>blauw</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="45" />
        <source>purple</source>
        <translation>paars</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="46" />
        <source>grey</source>
        <translation>grijs</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="47" />
        <source>black</source>
        <translation>zwart</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="48" />
        <source>white</source>
        <translation>wit</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="83" />
        <source>Text label</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="84" />
        <source>Arrow</source>
        <translation>Pijl</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="85" />
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="90" />
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="90" />
        <source>Caption (optional)</source>
        <translation>Bijschrift (niet verplicht)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="97" />
        <source>Own style</source>
        <translation>Eigen stijl</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="108" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="109" />
        <source>dashed</source>
        <translation>gestreept</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="112" />
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="115" />
        <source>Text colour</source>
        <translation>Tekstkleur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="116" />
        <source>Text size</source>
        <translation>Tekstgrootte</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="118" />
        <source>Line colour</source>
        <translation>Lijnkleur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="119" />
        <source>Line width</source>
        <translation>Lijndikte</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="122" />
        <source>Fill colour</source>
        <translation>Vulkleur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="123" />
        <source>Fill opacity</source>
        <translation>Dekking van de vulling</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="132" />
        <source>&amp;Text</source>
        <translation>&amp;Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="132" />
        <source>&amp;Caption</source>
        <translation>&amp;Bijschrift</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="134" />
        <source>&amp;Kind of zone</source>
        <translation>&amp;Soort zone</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="146" />
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotation_dialog.py" line="192" />
        <source>Not saved: {0}</source>
        <translation>Niet opgeslagen: {0}</translation>
    </message>
</context>
<context>
    <name>ArrowTool</name>
    <message>
        <location filename="../../ui/observations/annotations.py" line="63" />
        <source>Arrow: press at the tail, drag and release at the head. Esc leaves.</source>
        <translation>Pijl: druk bij de staart, sleep en laat los bij de punt. Esc stopt.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotations.py" line="91" />
        <source>Drag from the tail to the head to draw an arrow.</source>
        <translation>Sleep van de staart naar de punt om een pijl te tekenen.</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../ui/findings/panel.py" line="158" />
        <source>Point to check</source>
        <translation>Controlepunt</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="158" />
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="162" />
        <source>Threat context (free text, for the report)</source>
        <translation>Dreigingsbeeld (vrije tekst, voor het rapport)</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="168" />
        <source>Contacts for the police handout, one per line: role; name; phone</source>
        <translation>Contactpersonen voor de politie-instructiekaart, één per regel: rol; naam; telefoon</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="172" />
        <source>Save threat context and contacts</source>
        <translation>Dreigingsbeeld en contactpersonen opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="181" />
        <source>Double-click a point to record a finding for it.</source>
        <translation>Dubbelklik op een punt om er een bevinding voor vast te leggen.</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="208" />
        <source>Checklist: {0} ({1})</source>
        <translation>Checklist: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>CoverageController</name>
    <message>
        <location filename="../../ui/observations/coverage.py" line="255" />
        <source>Open a scan with observation posts first.</source>
        <extracomment>A new report was shown. The blind spot picked in the list, outlined on the map. The edge of the target area, drawn while the coverage is shown.</extracomment>
        <translation>Open eerst een scan met observatieposten.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="257" />
        <source>Computing the coverage</source>
        <translation>Dekking wordt berekend</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="302" />
        <source>Coverage: {0:.0%} seen by at least one post, {1:.0%} by two; {2} blind spots.</source>
        <translation>Dekking: {0:.0%} gezien door minstens één post, {1:.0%} door twee; {2} dode hoeken.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="318" />
        <source>A layer called {0} exists already; blind spots not shown.</source>
        <translation>Er is al een laag {0}; dode hoeken niet getoond.</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <location filename="../../ui/observations/coverage.py" line="84" />
        <source> m</source>
        <extracomment>Name of the blind-spot layer. Pause after the last post change before the coverage is recomputed (ms). The user picked a blind spot (its index in the report's list). Options changed (radius, OSM cameras): recompute.</extracomment>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="86" />
        <source>Public ground within this distance of the site</source>
        <translation>Openbare ruimte binnen deze afstand van het object</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="87" />
        <source>Count OSM cameras</source>
        <translation>OSM-camera's meetellen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="88" />
        <source>Update when posts change</source>
        <translation>Bijwerken als posten veranderen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="90" />
        <source>Run Coverage to see how much the posts see.</source>
        <translation>Start Dekking om te zien hoeveel de posten zien.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="101" />
        <source>largest first</source>
        <translation>grootste eerst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="102" />
        <source>nearest to the site first</source>
        <translation>dichtst bij het object eerst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="106" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="106" />
        <source>Area (m²)</source>
        <translation>Oppervlakte (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="106" />
        <source>Distance (m)</source>
        <translation>Afstand (m)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="119" />
        <source>Target radius</source>
        <translation>Straal doelgebied</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="120" />
        <source>Seen by ≥ 1 post</source>
        <translation>Gezien door ≥ 1 post</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="121" />
        <source>Seen by ≥ 2 posts</source>
        <translation>Gezien door ≥ 2 posten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="126" />
        <source>Blind spots,</source>
        <translation>Dode hoeken,</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="149" />
        <source>Target: public ground within {0} m of the site, {1} m².</source>
        <translation>Doelgebied: openbare ruimte binnen {0} m van het object, {1} m².</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage.py" line="161" />
        <source>{0} posts and {1} OSM cameras counted; {2} blind spots, {3} m² in all.</source>
        <translation>{0} posten en {1} OSM-camera's geteld; {2} dode hoeken, samen {3} m².</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../../ui/export/tabs.py" line="175" />
        <source>GeoJSON, one file per layer (QGIS)</source>
        <translation>GeoJSON, één bestand per laag (QGIS)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="176" />
        <source>KML (Google Earth, TAK)</source>
        <translation>KML (Google Earth, TAK)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="177" />
        <source>GPX of the routes</source>
        <translation>GPX van de routes</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="178" />
        <source>CSV of the sightings</source>
        <translation>CSV van de waarnemingen</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="179" />
        <source>Copy of the scan (.gpkg)</source>
        <translation>Kopie van de scan (.gpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="197" />
        <source>Export data</source>
        <translation>Gegevens exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="199" />
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="200" />
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
</context>
<context>
    <name>DetailsBox</name>
    <message>
        <location filename="../../ui/export/tabs.py" line="65" />
        <source>Details</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="74" />
        <source>Printed at the top and bottom of every page</source>
        <translation>Bovenaan en onderaan elke pagina afgedrukt</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="75" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="76" />
        <source>Subtitle</source>
        <translation>Ondertitel</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="77" />
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="78" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="79" />
        <source>Classification</source>
        <translation>Rubricering</translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../ui/observations/session.py" line="126" />
        <source>Observations cannot be edited: {0}</source>
        <extracomment>Record layers in the order they are created (the last is drawn on top). While edits wait in a recovery file, how often the file is tried again (ms). Quiet time after an edit before the store lets go of the file (ms): the write-ahead log is folded in, so the .gpkg alone is complete (to copy it, or for another program).</extracomment>
        <translation>Observaties kunnen niet worden bewerkt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="136" />
        <source>{0} kept edits were recovered.</source>
        <translation>{0} bewaarde wijzigingen zijn hersteld.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="142" />
        <source>{0} cannot be written ({1}). Observations you enter are kept in a recovery file, {2}, and written into the scan as soon as it can be. To keep working in a file of your own, use File → Save as.</source>
        <translation>{0} kan niet worden beschreven ({1}). Wat u invoert wordt bewaard in een herstelbestand, {2}, en in de scan geschreven zodra dat kan. Wilt u verder in een eigen bestand, gebruik dan Bestand → Opslaan als.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="180" />
        <source>Recover kept edits</source>
        <translation>Bewaarde wijzigingen herstellen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="182" />
        <source>Edits to this scan were kept in a recovery file because the scan file could not be written when they were made.</source>
        <translation>Wijzigingen in deze scan zijn in een herstelbestand bewaard, omdat het scanbestand niet kon worden beschreven toen ze werden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="191" />
        <source>Recover writes them into the scan. Set aside renames the recovery file (nothing is deleted) and opens the scan as it is.</source>
        <translation>Herstellen schrijft ze in de scan. Apart zetten geeft het herstelbestand een andere naam (er wordt niets verwijderd) en opent de scan zoals hij is.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="195" />
        <source>Recover</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="196" />
        <source>Set aside</source>
        <translation>Apart zetten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="224" />
        <source>Open a scan first.</source>
        <translation>Open eerst een scan.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="228" />
        <source>First answer the question about the kept edits.</source>
        <translation>Beantwoord eerst de vraag over de bewaarde wijzigingen.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="242" />
        <source>Save the scan first</source>
        <translation>Sla de scan eerst op</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="244" />
        <source>Posts, sightings and annotations are written into the scan file the moment you enter them, so that nothing is lost if the computer or the program stops. This scan has no file yet: choose where to save it.</source>
        <translation>Posten, waarnemingen en aantekeningen worden in het scanbestand geschreven op het moment dat u ze invoert, zodat er niets verloren gaat als de computer of het programma stopt. Deze scan heeft nog geen bestand: kies waar u hem opslaat.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="250" />
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="295" />
        <source>The kept edits are now written into the scan file.</source>
        <translation>De bewaarde wijzigingen staan nu in het scanbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/session.py" line="301" />
        <source>Your edits could not be written into the scan file.</source>
        <translation>Uw wijzigingen konden niet in het scanbestand worden geschreven.</translation>
    </message>
</context>
<context>
    <name>EmergencyBox</name>
    <message>
        <location filename="../../ui/routes/panel.py" line="57" />
        <source>Hide this message</source>
        <extracomment>Route, mode, length, time, via, flags.</extracomment>
        <translation>Dit bericht verbergen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="62" />
        <source>Place on the map</source>
        <translation>Op de kaart plaatsen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="63" />
        <source>Click where the service is; its route is added</source>
        <translation>Klik waar de hulpdienst is; de route ervan wordt toegevoegd</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="65" />
        <source>Load a wider area…</source>
        <translation>Groter gebied laden…</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="66" />
        <source>A new scan of the same site with a larger radius</source>
        <translation>Een nieuwe scan van hetzelfde object met een grotere straal</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="68" />
        <source>Remove placed</source>
        <translation>Geplaatste verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="69" />
        <source>Remove the services placed by hand</source>
        <translation>De met de hand geplaatste hulpdiensten verwijderen</translation>
    </message>
</context>
<context>
    <name>EmergencyServices</name>
    <message>
        <location filename="../../ui/routes/services.py" line="90" />
        <source>Click where the service is: {0}. Esc cancels.</source>
        <extracomment>Where hand-placed emergency services are kept in the scan. Hand-placed services may lie this far (metres) from a drive street (as in the core).</extracomment>
        <translation>Klik waar de hulpdienst is: {0}. Esc annuleert.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/services.py" line="153" />
        <source>{0} (placed by hand)</source>
        <translation>{0} (met de hand geplaatst)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export/dialog.py" line="97" />
        <source>Export</source>
        <extracomment>Width of the preview image, pixels.</extracomment>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="143" />
        <source>Print map</source>
        <translation>Printkaart</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="144" />
        <source>Interactive map</source>
        <translation>Interactieve kaart</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="145" />
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="146" />
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="163" />
        <source>Page preview</source>
        <translation>Paginavoorbeeld</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="165" />
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="177" />
        <source>Layers</source>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="44" />
        <source>Browse…</source>
        <extracomment>Classification markings offered (the field is editable).</extracomment>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="270" />
        <source>Written: {0}</source>
        <translation>Geschreven: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="279" />
        <source>Exporting the map</source>
        <translation>Kaart exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="295" />
        <source>Exporting the interactive map</source>
        <translation>Interactieve kaart exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="314" />
        <source>Save the scan first to export a copy of its file.</source>
        <translation>Sla de scan eerst op om een kopie van het bestand te exporteren.</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="317" />
        <source>Exporting data</source>
        <translation>Gegevens exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="330" />
        <source>Exporting the report</source>
        <translation>Rapport exporteren</translation>
    </message>
</context>
<context>
    <name>ExportExtension</name>
    <message>
        <location filename="../../ui/export/extension.py" line="42" />
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/export/extension.py" line="45" />
        <source>Print map, interactive map, data for other tools, assessment report</source>
        <translation>Printkaart, interactieve kaart, gegevens voor andere programma's, beoordelingsrapport</translation>
    </message>
    <message>
        <location filename="../../ui/export/extension.py" line="71" />
        <source>Open a scan first.</source>
        <translation>Open eerst een scan.</translation>
    </message>
</context>
<context>
    <name>Exposure</name>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="282" />
        <source>Compute the exposure of the site</source>
        <translation>Zichtbaarheid van het object berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="284" />
        <source>Recompute the exposure</source>
        <translation>Zichtbaarheid opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="295" />
        <source>Not computed yet. The result shows who can see the site, and from where.</source>
        <translation>Nog niet berekend. Het resultaat toont wie het object kan zien, en van waar.</translation>
    </message>
    <message>
        <source>Ground taken as flat: the exposure does not use the terrain model yet.</source>
        <translation type="vanished">Maaiveld als vlak aangenomen: de blootstelling gebruikt het terreinmodel nog niet.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="303" />
        <source>Over the terrain model.</source>
        <translation>Over het terreinmodel.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="305" />
        <source>Ground taken as flat (no terrain model).</source>
        <translation>Maaiveld als vlak aangenomen (geen terreinmodel).</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="308" />
        <source>Public ground with a view of the façade: {0:,.0f} m² ({1:,.0f} m² at eye level, {2:,.0f} m² of the upper façade only). {3} overlook positions: {4} buildings, {5} waiting spots.</source>
        <translation>Openbare grond met zicht op de gevel: {0:,.0f} m² ({1:,.0f} m² op ooghoogte, {2:,.0f} m² alleen op het bovenste deel van de gevel). {3} uitkijkposities: {4} gebouwen, {5} wachtplekken.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="321" />
        <source>Open a scan first.</source>
        <translation>Open eerst een scan.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="341" />
        <source>Computing the exposure of the site</source>
        <translation>De zichtbaarheid van het object wordt berekend</translation>
    </message>
</context>
<context>
    <name>ExposurePanel</name>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="101" />
        <source>Compute the exposure of the site</source>
        <extracomment>What the background job hands back: the result and its two layer frames. Names (and kinds) of the exposure layers. Zoom when a position is chosen: at most this many metres per pixel.</extracomment>
        <translation>Zichtbaarheid van het object berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="103" />
        <source>From where can the site be seen? Public ground and overlook positions</source>
        <translation>Van waar is het object te zien? Openbare grond en uitkijkposities</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="106" />
        <source>Not computed yet. The result shows who can see the site, and from where.</source>
        <translation>Nog niet berekend. Het resultaat toont wie het object kan zien, en van waar.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="112" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="112" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="112" />
        <source>Distance</source>
        <translation>Afstand</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="112" />
        <source>In view</source>
        <translation>In zicht</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="113" />
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="113" />
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="116" />
        <source>Buildings: length of their façade with a view of the site. Waiting spots: width of the site's façade in view, in degrees.</source>
        <translation>Gebouwen: lengte van hun gevel met zicht op het object. Wachtplekken: breedte van de gevel van het object die in zicht is, in graden.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="119" />
        <source>Overlook positions</source>
        <translation>Uitkijkposities</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="130" />
        <source>With the height uncertainty (3x longer)</source>
        <translation>Met de onzekerheid van de hoogten (3x langer)</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="132" />
        <source>Also at the low and high building heights: the range of the area and which positions are uncertain</source>
        <translation>Ook bij de lage en hoge gebouwhoogten: de bandbreedte van het gebied en welke posities onzeker zijn</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="149" />
        <source>Building</source>
        <translation>Gebouw</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="151" />
        <source>Parking</source>
        <translation>Parkeerplaats</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="152" />
        <source>Bridge</source>
        <translation>Brug</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="153" />
        <source>Bus or tram stop</source>
        <translation>Bus- of tramhalte</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="154" />
        <source>Bench</source>
        <translation>Bankje</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="155" />
        <source>Terrace</source>
        <translation>Terras</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="164" />
        <source>only from the top floor</source>
        <translation>alleen vanaf de bovenste verdieping</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="166" />
        <source>sees only the upper façade</source>
        <translation>ziet alleen het bovenste deel van de gevel</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="170" />
        <source>façade seen from {0:.1f} m up</source>
        <translation>gevel in zicht vanaf {0:.1f} m hoogte</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="172" />
        <source>UNCERTAIN within the building heights</source>
        <translation>ONZEKER binnen de gebouwhoogten</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="198" />
        <source>{0:.0f} m façade</source>
        <translation>{0:.0f} m gevel</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/exposure.py" line="200" />
        <source>{0:.0f}° view</source>
        <translation>{0:.0f}° zicht</translation>
    </message>
</context>
<context>
    <name>FeatureInspector</name>
    <message>
        <location filename="../../ui/inspector.py" line="26" />
        <source>Click a feature on the map to see its tags.</source>
        <translation>Klik op een object op de kaart om de tags te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="29" />
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="29" />
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="52" />
        <source>Nothing here. Click a feature on the map to see its tags.</source>
        <translation>Niets hier. Klik op een object op de kaart om de tags te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="71" />
        <source>height provenance</source>
        <translation>herkomst hoogte</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="75" />
        <source>area (m²)</source>
        <translation>oppervlakte (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="77" />
        <source>length (m)</source>
        <translation>lengte (m)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="31" />
        <source>Filter: words, plate…</source>
        <translation>Filter: woorden, kenteken…</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="34" />
        <source>all categories</source>
        <translation>alle categorieën</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="38" />
        <source>all observers</source>
        <translation>alle waarnemers</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="41" />
        <source>any time</source>
        <translation>elk tijdstip</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="42" />
        <source>last hour</source>
        <translation>afgelopen uur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="43" />
        <source>last 4 hours</source>
        <translation>afgelopen 4 uur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="44" />
        <source>last 24 hours</source>
        <translation>afgelopen 24 uur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="45" />
        <source>from … to …</source>
        <translation>van … tot …</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_filter.py" line="57" />
        <source>Clear the filter</source>
        <translation>Filter wissen</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../ui/findings/forms.py" line="55" />
        <source>Finding</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="65" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="66" />
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="67" />
        <source>Likelihood (1–5)</source>
        <translation>Kans (1–5)</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="68" />
        <source>Impact (1–5)</source>
        <translation>Impact (1–5)</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="69" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="70" />
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../ui/findings/strings.py" line="14" />
        <source>Access and entrances</source>
        <translation>Toegang en ingangen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="15" />
        <source>Lighting</source>
        <translation>Verlichting</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="16" />
        <source>Camera coverage</source>
        <translation>Camerabewaking</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="17" />
        <source>Places to wait or hide unseen</source>
        <translation>Plekken om ongezien te wachten of te schuilen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="18" />
        <source>Overlooking windows and roofs</source>
        <translation>Uitkijkende ramen en daken</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="19" />
        <source>Parking and approach by car</source>
        <translation>Parkeren en aanrijden per auto</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="20" />
        <source>Escape and evacuation routes</source>
        <translation>Vlucht- en ontruimingsroutes</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="21" />
        <source>Arrival of emergency services</source>
        <translation>Aankomst van de hulpdiensten</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="22" />
        <source>Neighbours and public places in view</source>
        <translation>Buren en openbare plekken met zicht</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="23" />
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="24" />
        <source>suggested</source>
        <translation>voorgesteld</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="25" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="26" />
        <source>accepted</source>
        <translation>geaccepteerd</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="27" />
        <source>resolved</source>
        <translation>opgelost</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="28" />
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="29" />
        <source>counted</source>
        <translation>meegeteld</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="30" />
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="31" />
        <source>low</source>
        <translation>laag</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="32" />
        <source>medium</source>
        <translation>middel</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="33" />
        <source>high</source>
        <translation>hoog</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="34" />
        <source>critical</source>
        <translation>kritiek</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="35" />
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="36" />
        <source>Finding</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="37" />
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="38" />
        <source>L × I</source>
        <translation>K × I</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="39" />
        <source>Risk</source>
        <translation>Risico</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="40" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="41" />
        <source>Measures</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="42" />
        <source>Likelihood</source>
        <translation>Kans</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="43" />
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="44" />
        <source>barrier</source>
        <translation>afscheiding</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="45" />
        <source>lighting</source>
        <translation>verlichting</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="46" />
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="47" />
        <source>access_control</source>
        <translation>toegangscontrole</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="48" />
        <source>surveillance</source>
        <translation>toezicht</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="49" />
        <source>procedure</source>
        <translation>procedure</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="50" />
        <source>communication</source>
        <translation>communicatie</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="51" />
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="52" />
        <source>municipality</source>
        <translation>gemeente</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="53" />
        <source>police</source>
        <translation>politie</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="54" />
        <source>official</source>
        <translation>bewindspersoon</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="55" />
        <source>security_firm</source>
        <translation>beveiligingsbedrijf</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="56" />
        <source>proposed</source>
        <translation>voorgesteld</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="57" />
        <source>agreed</source>
        <translation>afgesproken</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="58" />
        <source>in_progress</source>
        <translation>in uitvoering</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="59" />
        <source>done</source>
        <translation>uitgevoerd</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/findings/panel.py" line="44" />
        <source>every category</source>
        <translation>elke categorie</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="63" />
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="64" />
        <source>Suggest</source>
        <translation>Voorstellen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="65" />
        <source>Accept</source>
        <translation>Accepteren</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="66" />
        <source>Reject</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="67" />
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="68" />
        <source>Measure…</source>
        <translation>Maatregel…</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="69" />
        <source>Photo…</source>
        <translation>Foto…</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="70" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="78" />
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <location filename="../../ui/findings/panel.py" line="109" />
        <source>{0} counted, {1} suggested</source>
        <translation>{0} meegeteld, {1} voorgesteld</translation>
    </message>
</context>
<context>
    <name>FindingsUI</name>
    <message>
        <location filename="../../ui/findings/extension.py" line="75" />
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="77" />
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="93" />
        <source>F&amp;indings</source>
        <translation>Be&amp;vindingen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="95" />
        <source>&amp;Place a finding</source>
        <translation>Bevinding &amp;plaatsen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="97" />
        <source>&amp;Suggest findings from the analyses</source>
        <translation>Bevindingen &amp;voorstellen uit de analyses</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="100" />
        <source>Write &amp;report, handout and Word copy…</source>
        <translation>&amp;Rapport, instructiekaart en Word-kopie schrijven…</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="102" />
        <source>&amp;Compare with an earlier scan…</source>
        <translation>&amp;Vergelijken met een eerdere scan…</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="231" />
        <source>Photo of the finding</source>
        <translation>Foto van de bevinding</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="233" />
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Afbeeldingen (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="262" />
        <source>{0} new suggested findings.</source>
        <translation>{0} nieuwe voorgestelde bevindingen.</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="281" />
        <source>Threat context and contacts saved.</source>
        <translation>Dreigingsbeeld en contactpersonen opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="290" />
        <source>Write report</source>
        <translation>Rapport schrijven</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="290" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="307" />
        <source>Writing the report</source>
        <translation>Het rapport wordt geschreven</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="311" />
        <source>Written: {0}</source>
        <translation>Geschreven: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="320" />
        <source>Earlier scan</source>
        <translation>Eerdere scan</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="320" />
        <source>Scan (*.gpkg)</source>
        <translation>Scan (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="331" />
        <source>Comparing scans</source>
        <translation>Scans worden vergeleken</translation>
    </message>
    <message>
        <location filename="../../ui/findings/extension.py" line="342" />
        <source>{0} changes since {1}.</source>
        <translation>{0} wijzigingen sinds {1}.</translation>
    </message>
</context>
<context>
    <name>HeightEditor</name>
    <message>
        <location filename="../../ui/visibility/common.py" line="112" />
        <source>Eye level</source>
        <extracomment>How close (screen pixels) a press must be to a handle to grab it. Colours of the tool feedback.</extracomment>
        <translation>Ooghoogte</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="112" />
        <location filename="../../ui/visibility/common.py" line="122" />
        <source>Floor</source>
        <translation>Verdieping</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="112" />
        <source>Metres</source>
        <translation>Meters</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="115" />
        <source>Eye level: a standing person, {0:g} m. Floor N: a window on floor N (0 = ground floor), N × {1:g} m + {0:g} m. Metres: any height above ground.</source>
        <translation>Ooghoogte: een staande persoon, {0:g} m. Verdieping N: een raam op verdieping N (0 = begane grond), N × {1:g} m + {0:g} m. Meters: elke hoogte boven de grond.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="129" />
        <source>Height in metres</source>
        <translation>Hoogte in meters</translation>
    </message>
</context>
<context>
    <name>HeightsDialog</name>
    <message>
        <location filename="../../ui/heights/dialog.py" line="45" />
        <source>Import building heights</source>
        <translation>Gebouwhoogten importeren</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="46" />
        <source>3D BAG tiles (.gpkg, .city.json, .city.jsonl)</source>
        <translation>3D BAG-tegels (.gpkg, .city.json, .city.jsonl)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="47" />
        <source>Another vector layer with heights</source>
        <translation>Een andere vectorlaag met hoogten</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="50" />
        <source>One or more files</source>
        <translation>Eén of meer bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="51" />
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="55" />
        <source>The attribute holds storeys, not metres</source>
        <translation>Het attribuut bevat bouwlagen, geen meters</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="57" />
        <source>Name of the data set (default: the file name)</source>
        <translation>Naam van de dataset (standaard: de bestandsnaam)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="63" />
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="64" />
        <source>Height attribute</source>
        <translation>Hoogte-attribuut</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="66" />
        <source>Join by id attribute</source>
        <translation>Koppelen op id-attribuut</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="67" />
        <source>Data set</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="87" />
        <source>3D BAG tiles</source>
        <translation>3D BAG-tegels</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="89" />
        <source>3D BAG (*.gpkg *.json *.jsonl)</source>
        <translation>3D BAG (*.gpkg *.json *.jsonl)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="94" />
        <source>Vector layer</source>
        <translation>Vectorlaag</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="96" />
        <source>Vector data (*.gpkg *.geojson *.json *.shp)</source>
        <translation>Vectorgegevens (*.gpkg *.geojson *.json *.shp)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="126" />
        <source>(none: join by footprint overlap)</source>
        <translation>(geen: koppelen op overlap van de footprint)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="148" />
        <source>Choose at least one file.</source>
        <translation>Kies ten minste één bestand.</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="152" />
        <source>File not found: {0}</source>
        <translation>Bestand niet gevonden: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/heights/dialog.py" line="155" />
        <source>Choose the attribute that holds the heights.</source>
        <translation>Kies het attribuut met de hoogten.</translation>
    </message>
</context>
<context>
    <name>HeightsExtension</name>
    <message>
        <location filename="../../ui/heights/extension.py" line="49" />
        <source>&amp;Data</source>
        <translation>&amp;Gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="53" />
        <source>Import building &amp;heights…</source>
        <translation>Gebouw&amp;hoogten importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="55" />
        <source>Measured heights from 3D BAG tiles or any vector layer with heights</source>
        <translation>Gemeten hoogten uit 3D BAG-tegels of een vectorlaag met hoogten</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="59" />
        <source>Import &amp;terrain…</source>
        <translation>&amp;Terrein importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="61" />
        <source>A DEM/DTM GeoTIFF (AHN, Copernicus GLO-30, SRTM) for the study area</source>
        <translation>Een DEM/DTM-GeoTIFF (AHN, Copernicus GLO-30, SRTM) voor het onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="65" />
        <source>Height &amp;provenance</source>
        <translation>&amp;Herkomst van hoogten</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="67" />
        <source>Colour buildings by where their height comes from; hatched: estimated</source>
        <translation>Kleur gebouwen naar de herkomst van hun hoogte; gearceerd: geschat</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="105" />
        <source>Computed on other building heights than the scan has now: {0}.</source>
        <translation>Berekend met andere gebouwhoogten dan de scan nu heeft: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="118" />
        <source>Heights: {0:.0%} measured</source>
        <translation>Hoogten: {0:.0%} gemeten</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="120" />
        <source>Heights: no buildings</source>
        <translation>Hoogten: geen gebouwen</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="123" />
        <source>Ground: flat (no terrain model)</source>
        <translation>Maaiveld: vlak (geen terreinmodel)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="125" />
        <source>Ground: terrain from {0}</source>
        <translation>Maaiveld: terrein uit {0}</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="163" />
        <source>Importing building heights</source>
        <translation>Gebouwhoogten importeren</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="175" />
        <source>{0} of {1} buildings have a measured height ({2} by id, {3} by overlap).</source>
        <translation>{0} van {1} gebouwen hebben een gemeten hoogte ({2} op id, {3} op overlap).</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="180" />
        <source>Computed on the old heights, run again: {0}.</source>
        <translation>Berekend met de oude hoogten, opnieuw uitvoeren: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="190" />
        <source>Import terrain</source>
        <translation>Terrein importeren</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="192" />
        <source>Elevation model (*.tif *.tiff *.vrt)</source>
        <translation>Hoogtemodel (*.tif *.tiff *.vrt)</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="209" />
        <source>Importing terrain</source>
        <translation>Terrein importeren</translation>
    </message>
    <message>
        <location filename="../../ui/heights/extension.py" line="223" />
        <source>Terrain: {0} x {1} cells of {2:.1f} m, ground {3:.1f} to {4:.1f} m.</source>
        <translation>Terrein: {0} x {1} cellen van {2:.1f} m, maaiveld {3:.1f} tot {4:.1f} m.</translation>
    </message>
</context>
<context>
    <name>HtmlTab</name>
    <message>
        <location filename="../../ui/export/tabs.py" line="143" />
        <source>Add the OSM tile basemap (online)</source>
        <translation>OSM-tegelachtergrond toevoegen (online)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="147" />
        <source>The OSM tile basemap loads map tiles from tile.openstreetmap.org when the file is opened: the tile server then learns which area, and so which site, is being viewed.</source>
        <translation>De OSM-tegelachtergrond laadt kaarttegels van tile.openstreetmap.org wanneer het bestand wordt geopend: de tegelserver ziet dan welk gebied, en dus welk object, wordt bekeken.</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="152" />
        <source>Online mode is off: the map has no basemap and makes no requests.</source>
        <translation>Onlinemodus staat uit: de kaart heeft geen achtergrond en doet geen verzoeken.</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="157" />
        <source>Export interactive map</source>
        <translation>Interactieve kaart exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="161" />
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="163" />
        <source>Interactive map</source>
        <translation>Interactieve kaart</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="163" />
        <source>Web page (*.html)</source>
        <translation>Webpagina (*.html)</translation>
    </message>
</context>
<context>
    <name>ImportNotes</name>
    <message>
        <location filename="../../ui/import_notes.py" line="26" />
        <source>{0} broken features left out ({1})</source>
        <translation>{0} kapotte objecten weggelaten ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/import_notes.py" line="32" />
        <source>{0} ways with missing nodes repaired</source>
        <translation>{0} OSM-ways met ontbrekende knooppunten hersteld</translation>
    </message>
    <message>
        <location filename="../../ui/import_notes.py" line="39" />
        <source>{0} invalid polygons made valid</source>
        <translation>{0} ongeldige polygonen geldig gemaakt</translation>
    </message>
    <message>
        <location filename="../../ui/import_notes.py" line="45" />
        <source>The OSM data was incomplete: {0}.</source>
        <translation>De OSM-gegevens waren onvolledig: {0}.</translation>
    </message>
</context>
<context>
    <name>LabelTool</name>
    <message>
        <location filename="../../ui/observations/annotations.py" line="44" />
        <source>Label: click where the text goes. Esc leaves.</source>
        <extracomment>Two corners closer than this many pixels are one (closing a zone on its first corner).</extracomment>
        <translation>Tekst: klik waar de tekst moet komen. Esc stopt.</translation>
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
    <name>Legend</name>
    <message>
        <location filename="../../render/legend.py" line="86" />
        <source>other</source>
        <extracomment>Legend swatch width, gap to the label and space after a column, millimetres.</extracomment>
        <translation>overig</translation>
    </message>
    <message>
        <location filename="../../render/legend.py" line="355" />
        <source>+{0} more (see the data export)</source>
        <translation>+{0} meer (zie de gegevensexport)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Layers</source>
        <extracomment>A scan was shown (after import or open). The shown scan is about to be replaced, or the window closes (the old scan). The shown scan's terrain model was imported, replaced or removed (the scan).</extracomment>
        <translation>Lagen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>Feature</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>&amp;New scan…</source>
        <translation>&amp;Nieuwe scan…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Save &amp;as…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>Open the &amp;demo scan</source>
        <translation>&amp;Demoscan openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>Zoom to &amp;site</source>
        <translation>Zoom naar &amp;object</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>Zoom to study &amp;area</source>
        <translation>Zoom naar &amp;onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>Zoom &amp;out</source>
        <translation>&amp;Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>&amp;Online mode</source>
        <translation>&amp;Onlinemodus</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>When on, the app may download OSM data from the Overpass API. Off by default.</source>
        <translation>Indien aan, mag de app OSM-gegevens downloaden van de Overpass-API. Standaard uit.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>&amp;About omgevingsscan</source>
        <translation>&amp;Over omgevingsscan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>Open &amp;recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158" />
        <source>&amp;View</source>
        <translation>Be&amp;eld</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164" />
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>&amp;Settings</source>
        <translation>&amp;Instellingen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170" />
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200" />
        <source>unsaved</source>
        <translation>niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205" />
        <source>The data covers {0:.0%} of the study area; the hatched part has no data.</source>
        <translation>De gegevens dekken {0:.0%} van het onderzoeksgebied; het gearceerde deel heeft geen gegevens.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232" />
        <source>Please wait: {0} is still running.</source>
        <translation>Even geduld: {0} loopt nog.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243" />
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258" />
        <source>Unexpected error: </source>
        <translation>Onverwachte fout: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270" />
        <source>omgevingsscan</source>
        <translation>omgevingsscan</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="67" />
        <source>Opening the demo scan</source>
        <translation>De demoscan wordt geopend</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="89" />
        <source>Opening {0}</source>
        <translation>{0} wordt geopend</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="97" />
        <source>Open scan</source>
        <translation>Scan openen</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="99" />
        <location filename="../../ui/scan_files.py" line="197" />
        <source>Scan (*.gpkg)</source>
        <translation>Scan (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="128" />
        <source>Importing OSM data</source>
        <translation>OSM-gegevens worden ingelezen</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="163" />
        <source>Open a scan first to pick a location on its map.</source>
        <translation>Open eerst een scan om een locatie op de kaart te kiezen.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="177" />
        <source>Click the site on the map.</source>
        <translation>Klik het object aan op de kaart.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="195" />
        <source>Save scan</source>
        <translation>Scan opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="212" />
        <source>Replace scan?</source>
        <translation>Scan vervangen?</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="213" />
        <source>{0} already exists. Replace it? The old file is kept as {1}.</source>
        <translation>{0} bestaat al. Vervangen? Het oude bestand blijft bewaard als {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/scan_files.py" line="240" />
        <source>Saved {0}</source>
        <translation>{0} opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312" />
        <source>on</source>
        <translation>aan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312" />
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313" />
        <source>Online mode is {0}.</source>
        <translation>Onlinemodus staat {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325" />
        <source>Scale 1:{0}</source>
        <translation>Schaal 1:{0}</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../ui/canvas.py" line="109" />
        <source>Map</source>
        <extracomment>Metres per pixel limits: from 1 cm to 50 m a pixel. Whether the canvas applies the position rule to this tool's clicks (tools that place posts, sight lines, viewsheds, routes): outside the data they are refused. Cursor position in the scan CRS (x, y metres). Scale changed: metres per screen pixel. A click (no drag) at map position (x, y metres), with no tool consuming it. A tool's click outside the data was refused, or outside the study area warned about (the one position rule, :mod:`omgevingsscan.io.positions`): the message.</extracomment>
        <translation>Kaart</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../ui/findings/forms.py" line="112" />
        <source>Measure</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="130" />
        <source>Answers findings</source>
        <translation>Beantwoordt bevindingen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="131" />
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="132" />
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="133" />
        <source>Responsible</source>
        <translation>Verantwoordelijk</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="134" />
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="135" />
        <source>Cost class</source>
        <translation>Kostenklasse</translation>
    </message>
    <message>
        <location filename="../../ui/findings/forms.py" line="136" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>MeasureTool</name>
    <message>
        <location filename="../../ui/observations/annotations.py" line="212" />
        <source>Measure: click points; double-click or Enter ends. Backspace drops a point; Esc clears.</source>
        <translation>Meten: klik punten aan; dubbelklikken of Enter rondt af. Backspace haalt een punt weg; Esc wist.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotations.py" line="247" />
        <source>{0:,.1f} m</source>
        <translation>{0:,.1f} m</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotations.py" line="249" />
        <source>; area {0:,.0f} m²</source>
        <translation>; oppervlakte {0:,.0f} m²</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotations.py" line="266" />
        <source>Measured: {0}</source>
        <translation>Gemeten: {0}</translation>
    </message>
</context>
<context>
    <name>NewScanDialog</name>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="60" />
        <source>New scan</source>
        <translation>Nieuwe scan</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="66" />
        <source>e.g. Residence of the mayor</source>
        <translation>bijv. Woning van de burgemeester</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="69" />
        <source>Residence</source>
        <translation>Woning</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="70" />
        <source>Town hall</source>
        <translation>Gemeentehuis</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="71" />
        <source>Meeting venue</source>
        <translation>Vergaderlocatie</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="72" />
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="79" />
        <source>WGS84 lat, lon</source>
        <translation>WGS84 breedte, lengte</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="80" />
        <source>RD x, y (EPSG:28992)</source>
        <translation>RD x, y (EPSG:28992)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="81" />
        <source>Address or name in the data</source>
        <translation>Adres of naam in de gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="82" />
        <source>Click on the map</source>
        <translation>Klik op de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="92" />
        <source>Pick on map…</source>
        <translation>Kies op de kaart…</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="105" />
        <source>Local OSM file (.osm, .osm.bz2, .osm.pbf)</source>
        <translation>Lokaal OSM-bestand (.osm, .osm.bz2, .osm.pbf)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="106" />
        <source>Download from OpenStreetMap (Overpass)</source>
        <translation>Downloaden van OpenStreetMap (Overpass)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="113" />
        <source>Switch on online mode in Settings first.</source>
        <translation>Zet eerst de onlinemodus aan bij Instellingen.</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="115" />
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="126" />
        <source>Site name</source>
        <translation>Naam van het object</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="127" />
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="128" />
        <source>Location given as</source>
        <translation>Locatie opgegeven als</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="129" />
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="130" />
        <source>Study radius</source>
        <translation>Straal onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="131" />
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="150" />
        <source>Amstel 1, Stopera…</source>
        <translation>Amstel 1, Stopera…</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="151" />
        <source>click Pick on map</source>
        <translation>klik op Kies op de kaart</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="173" />
        <source>Open OSM file</source>
        <translation>OSM-bestand openen</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="175" />
        <source>OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)</source>
        <translation>OpenStreetMap (*.osm *.osm.bz2 *.osm.gz *.osm.pbf *.pbf)</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="185" />
        <source>click Pick on map and then the site on the map</source>
        <translation>klik op Kies op de kaart en dan op het object</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="188" />
        <source>give the location of the site</source>
        <translation>geef de locatie van het object op</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="192" />
        <source>'{0}' is not 'lat, lon' in degrees</source>
        <translation>'{0}' is geen 'breedte, lengte' in graden</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="197" />
        <source>'{0}' is not 'x, y' in RD metres</source>
        <translation>'{0}' is geen 'x, y' in RD-meters</translation>
    </message>
    <message>
        <location filename="../../ui/new_scan_dialog.py" line="213" />
        <source>choose an OSM file</source>
        <translation>kies een OSM-bestand</translation>
    </message>
</context>
<context>
    <name>ObservationsUI</name>
    <message>
        <location filename="../../ui/observations/sightings_log.py" line="72" />
        <source>Sightings log</source>
        <extracomment>Rings the selected sightings again (after the log changed).</extracomment>
        <translation>Waarnemingenlogboek</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="35" />
        <source>Coverage</source>
        <translation>Dekking</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="110" />
        <source>&amp;Observations</source>
        <translation>&amp;Observaties</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="122" />
        <source>&amp;Log a sighting at the post</source>
        <translation>&amp;Waarneming vastleggen bij de post</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="125" />
        <source>Type what was seen; Enter logs it with the time now (Ctrl+L)</source>
        <translation>Typ wat er gezien is; Enter legt het vast met de tijd van nu (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="128" />
        <source>Log a sighting on the &amp;map</source>
        <translation>Waarneming vastleggen op de &amp;kaart</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="133" />
        <source>Click where it was (Ctrl+Shift+L)</source>
        <translation>Klik waar het was (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="46" />
        <source>&amp;Coverage of the posts</source>
        <translation>&amp;Dekking van de posten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="49" />
        <source>Share of the public ground seen by the posts, and the blind spots</source>
        <translation>Deel van de openbare ruimte dat de posten zien, en de dode hoeken</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="56" />
        <source>Show OSM &amp;cameras' views</source>
        <translation>Zicht van OSM-&amp;camera's tonen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="59" />
        <source>Draw the views of surveillance cameras mapped in OpenStreetMap</source>
        <translation>Het zicht tekenen van bewakingscamera's die in OpenStreetMap staan</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="256" />
        <source>The layer {0} holds entered data and cannot be removed. Untick it to hide it.</source>
        <translation>De laag {0} bevat ingevoerde gegevens en kan niet worden verwijderd. Vink hem uit om hem te verbergen.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="336" />
        <source>Not saved: {0}</source>
        <translation>Niet opgeslagen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/extension.py" line="366" />
        <source>Open a scan first.</source>
        <translation>Open eerst een scan.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/forms.py" line="67" />
        <source>New observation post</source>
        <extracomment>The observer of the last post placed (proposed for the next one).</extracomment>
        <translation>Nieuwe observatiepost</translation>
    </message>
    <message>
        <location filename="../../ui/observations/forms.py" line="87" />
        <source>Observation post {0}</source>
        <translation>Observatiepost {0}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_log.py" line="167" />
        <source>The filter was cleared to show the new sighting.</source>
        <translation>Het filter is gewist om de nieuwe waarneming te tonen.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/selection.py" line="128" />
        <source>Post {0} selected: drag to move, Del removes, double-click edits.</source>
        <extracomment>Most selected sightings ringed on the map. The selected post or annotation: (layer name, uuid), or None. Sightings selected in the table (ringed on the map).</extracomment>
        <translation>Post {0} gekozen: slepen verplaatst, Del verwijdert, dubbelklikken bewerkt.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/selection.py" line="133" />
        <source>Selected: Del removes, double-click edits.</source>
        <translation>Gekozen: Del verwijdert, dubbelklikken bewerkt.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="77" />
        <source>Place observation posts first (the post tool, P).</source>
        <translation>Plaats eerst observatieposten (het postgereedschap, P).</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="105" />
        <source>Post {0} stands inside a building: its view is taken from the nearest open space, {1:.0f} m away (dashed line).</source>
        <translation>Post {0} staat in een gebouw: het zicht wordt genomen vanaf de dichtstbijzijnde open ruimte, {1:.0f} m verderop (stippellijn).</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="116" />
        <source>A view could not be computed: {0}</source>
        <translation>Een zicht kon niet worden berekend: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/coverage_ui.py" line="131" />
        <source>Save the scan first to work with posts and cameras.</source>
        <translation>Sla de scan eerst op om met posten en camera's te werken.</translation>
    </message>
</context>
<context>
    <name>PlaceFinding</name>
    <message>
        <location filename="../../ui/findings/extension.py" line="54" />
        <source>Click where the finding is. Esc cancels.</source>
        <translation>Klik waar de bevinding is. Esc annuleert.</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="101" />
        <source>observer or team</source>
        <extracomment>Eye height proposed for each height kind (metres above the street).</extracomment>
        <translation>waarnemer of team</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="107" />
        <location filename="../../ui/observations/post_dialog.py" line="120" />
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="114" />
        <source>Compass direction of the view: 0 = north, 90 = east</source>
        <translation>Kompasrichting van het zicht: 0 = noord, 90 = oost</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="119" />
        <source>Field of view; 360° sees all round</source>
        <translation>Gezichtsveld; 360° ziet rondom</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="124" />
        <source>from</source>
        <translation>van</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="125" />
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="132" />
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="133" />
        <source>&amp;Type</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="134" />
        <source>&amp;Observer</source>
        <translation>&amp;Waarnemer</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="138" />
        <source>&amp;Height</source>
        <translation>&amp;Hoogte</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="141" />
        <source>&amp;Direction</source>
        <translation>&amp;Richting</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="142" />
        <source>&amp;Field of view</source>
        <translation>&amp;Gezichtsveld</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="143" />
        <source>&amp;Range</source>
        <translation>&amp;Bereik</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="144" />
        <source>N&amp;otes</source>
        <translation>&amp;Opmerkingen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="145" />
        <source>Manned</source>
        <translation>Bemand</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_dialog.py" line="187" />
        <source>Not saved: {0}</source>
        <translation>Niet opgeslagen: {0}</translation>
    </message>
</context>
<context>
    <name>PostTool</name>
    <message>
        <location filename="../../ui/observations/post_tool.py" line="61" />
        <source>Post: click to place (drag to aim it); drag a post to move it, Shift+drag to aim it; double-click to edit; Del removes; Esc leaves.</source>
        <extracomment>A press that moves less than this many pixels is a click. Pick tolerance around a post marker, pixels. Live-update interval while dragging, ms (about 60 per second at most). Time of the last live update of a dragged post, ms.</extracomment>
        <translation>Post: klik om te plaatsen (sleep om te richten); sleep een post om hem te verplaatsen, Shift+slepen richt hem; dubbelklik om te bewerken; Del verwijdert; Esc stopt.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/post_tool.py" line="142" />
        <source>{0:.0f} m, {1:.0f}°</source>
        <translation>{0:.0f} m, {1:.0f}°</translation>
    </message>
</context>
<context>
    <name>PrintLayout</name>
    <message>
        <location filename="../../render/layout/furniture.py" line="31" />
        <source>residence</source>
        <translation>woning</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="32" />
        <source>town hall</source>
        <translation>gemeentehuis</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="33" />
        <source>venue</source>
        <translation>locatie</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="46" />
        <source>Site</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="48" />
        <source>Scale</source>
        <translation>Schaal</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="51" />
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="52" />
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="83" />
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <location filename="../../render/layout/marks.py" line="33" />
        <source>Scale {0} on {1}</source>
        <translation>Schaal {0} op {1}</translation>
    </message>
    <message>
        <location filename="../../render/layout/marks.py" line="49" />
        <source>Print at 100 % (no fit to page)</source>
        <translation>Afdrukken op 100 % (niet passend maken)</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="108" />
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="112" />
        <source>Data date {0}; source {1}</source>
        <translation>Datum gegevens {0}; bron {1}</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="119" />
        <source>Coordinates {0}, metres; grid north (true north {1:+.1f}°)</source>
        <translation>Coördinaten {0}, meters; roosternoorden (geografisch noorden {1:+.1f}°)</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="129" />
        <source>The data covers {0:.0%} of the study area (hatched: no data)</source>
        <translation>De gegevens dekken {0:.0%} van het onderzoeksgebied (gearceerd: geen gegevens)</translation>
    </message>
    <message>
        <location filename="../../render/layout/furniture.py" line="140" />
        <source>Exported {0} with omgevingsscan {1}</source>
        <translation>Geëxporteerd {0} met omgevingsscan {1}</translation>
    </message>
</context>
<context>
    <name>PrintTab</name>
    <message>
        <location filename="../../ui/export/tabs.py" line="91" />
        <source>Portrait</source>
        <translation>Staand</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="92" />
        <source>Landscape</source>
        <translation>Liggend</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="96" />
        <source>Fit to the frame</source>
        <translation>Passend in het kader</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="99" />
        <source>Study area</source>
        <translation>Onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="100" />
        <source>Current view</source>
        <translation>Huidige weergave</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="104" />
        <source>PDF (vector)</source>
        <translation>PDF (vector)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="105" />
        <source>PNG (image)</source>
        <translation>PNG (afbeelding)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="106" />
        <source>SVG (vector)</source>
        <translation>SVG (vector)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="110" />
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="114" />
        <location filename="../../ui/export/tabs.py" line="124" />
        <source>Export map</source>
        <translation>Kaart exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="115" />
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="116" />
        <source>Orientation</source>
        <translation>Oriëntatie</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="117" />
        <source>Scale</source>
        <translation>Schaal</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="118" />
        <source>Map frame</source>
        <translation>Kaartkader</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="119" />
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="120" />
        <source>Resolution</source>
        <translation>Resolutie</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="122" />
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="124" />
        <source>Maps (*.pdf *.png *.svg)</source>
        <translation>Kaarten (*.pdf *.png *.svg)</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <location filename="../../ui/export/tabs.py" line="214" />
        <source>A PDF with a cover, a summary, maps, findings for each analysis that was run, and the data sources.</source>
        <translation>Een pdf met voorblad, samenvatting, kaarten, bevindingen per uitgevoerde analyse en de gegevensbronnen.</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="220" />
        <source>Export report</source>
        <translation>Rapport exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="222" />
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="223" />
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../ui/export/tabs.py" line="223" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RouteAnalyses</name>
    <message>
        <location filename="../../ui/routes/analyses.py" line="101" />
        <source>The data covers {0:.0%} of the study area; routes stop where the data ends.</source>
        <extracomment>The outcome of the last emergency run: categories still missing.</extracomment>
        <translation>De gegevens dekken {0:.0%} van het onderzoeksgebied; routes stoppen waar de gegevens ophouden.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="115" />
        <source>Emergency response</source>
        <translation>Aanrijden hulpdiensten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="132" />
        <source>Not in the loaded data: {0}. Place a service by hand on the map, or load a wider area.</source>
        <translation>Niet in de geladen gegevens: {0}. Plaats een hulpdienst met de hand op de kaart, of laad een groter gebied.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="136" />
        <source>Emergency response: not in the loaded data: {0}.</source>
        <translation>Aanrijden hulpdiensten: niet in de geladen gegevens: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="139" />
        <source>{0} service(s) placed by hand.</source>
        <translation>{0} hulpdienst(en) met de hand geplaatst.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="143" />
        <source>Emergency response: {0} route(s).</source>
        <translation>Aanrijden hulpdiensten: {0} route(s).</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="152" />
        <source>{0}: {1}, {2}</source>
        <translation>{0}: {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="160" />
        <source>Approach routes</source>
        <translation>Naderingsroutes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="169" />
        <source>Entry points: {0}</source>
        <translation>Toegangspunten: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="171" />
        <source>No approach corridor from the edge of the study area.</source>
        <translation>Geen naderingsroute vanaf de rand van het onderzoeksgebied.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="173" />
        <source>{0} approach route(s) to {1} entry point(s).</source>
        <translation>{0} naderingsroute(s) naar {1} toegangspunt(en).</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="185" />
        <source>Escape routes</source>
        <translation>Vluchtroutes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="197" />
        <source>Only {0} distinct route(s) exist in the loaded network ({1} asked).</source>
        <translation>Er bestaan maar {0} verschillende route(s) in het geladen netwerk ({1} gevraagd).</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="202" />
        <source>{0} ({1}, routes {2})</source>
        <translation>{0} ({1}, routes {2})</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="207" />
        <source>Shared segments: {0}</source>
        <translation>Gedeelde stukken: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="209" />
        <source>The routes share no street segment.</source>
        <translation>De routes delen geen enkel straatstuk.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="213" />
        <source>Depend on a chokepoint (a loss would cut them): {0}</source>
        <translation>Afhankelijk van een knelpunt (uitval snijdt ze af): {0}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="219" />
        <source>{0} escape route(s) by {1}.</source>
        <translation>{0} vluchtroute(s), {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="233" />
        <source>Isochrones</source>
        <translation>Isochronen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="250" />
        <source>Within {0} no more is reached than before: the network ends at the edge of the loaded data.</source>
        <translation>Binnen {0} wordt niet meer bereikt dan ervoor: het netwerk houdt op aan de rand van de geladen gegevens.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="255" />
        <source>Isochrones by {0}: {1}.</source>
        <translation>Isochronen, {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="264" />
        <source>Chokepoints</source>
        <translation>Knelpunten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="274" />
        <source>{0} chokepoint(s); {1} structural: losing one cuts the site off or forces a long detour.</source>
        <translation>{0} knelpunt(en); {1} structureel: uitval ervan sluit het object af of dwingt een lange omweg af.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="280" />
        <source>The edge of the study area cannot be reached from the site by {0}.</source>
        <translation>De rand van het onderzoeksgebied is vanaf het object niet bereikbaar ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="289" />
        <source>Quickest way out of the study area: {0}.</source>
        <translation>Snelste weg uit het onderzoeksgebied: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="293" />
        <source>Escape routes that use a chokepoint: {0}</source>
        <translation>Vluchtroutes over een knelpunt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/analyses.py" line="296" />
        <source>{0} chokepoint(s) by {1}.</source>
        <translation>{0} knelpunt(en), {1}.</translation>
    </message>
</context>
<context>
    <name>RouteOptionsDialog</name>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="65" />
        <source>Approach routes</source>
        <extracomment>Default options per analysis.</extracomment>
        <translation>Naderingsroutes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="66" />
        <source>Escape routes</source>
        <translation>Vluchtroutes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="67" />
        <source>Isochrones</source>
        <translation>Isochronen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="68" />
        <source>Chokepoints</source>
        <translation>Knelpunten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="77" />
        <source>Travel mode</source>
        <translation>Vervoerswijze</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="82" />
        <source>The edge of the study area</source>
        <translation>De rand van het onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="83" />
        <source>Points I click on the map</source>
        <translation>Punten die ik op de kaart aanklik</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="86" />
        <source>Minutes, separated by commas: 1, 3, 5</source>
        <translation>Minuten, gescheiden door komma's: 1, 3, 5</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="93" />
        <source>Number of routes (k)</source>
        <translation>Aantal routes (k)</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="94" />
        <source>Destinations</source>
        <translation>Bestemmingen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="96" />
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="98" />
        <source>Entry points within</source>
        <translation>Toegangspunten binnen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="101" />
        <source>Ways into the site: tagged entrances of its building, otherwise the nearest street access; the corridors from the edge of the study area to each are ranked by travel time.</source>
        <translation>Wegen naar het object: de getagde ingangen van het gebouw, anders de dichtstbijzijnde toegang vanaf de straat; de routes vanaf de rand van het onderzoeksgebied naar elk ervan worden gerangschikt op reistijd.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="106" />
        <source>Up to k routes from the site, as different as possible: no shared street when the network allows it. Shared segments are listed.</source>
        <translation>Tot k routes vanaf het object, zo verschillend mogelijk: geen gedeelde straat als het netwerk dat toelaat. Gedeelde stukken worden opgesomd.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="109" />
        <source>The area reachable from the site within each time.</source>
        <translation>Het gebied dat vanaf het object binnen elke tijd bereikbaar is.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/dialogs.py" line="111" />
        <source>Bridges, tunnels, narrow and one-way streets near the site, and streets whose loss cuts the site off or forces a long detour.</source>
        <translation>Bruggen, tunnels, smalle straten en eenrichtingsstraten bij het object, en straten waarvan uitval het object afsluit of een lange omweg afdwingt.</translation>
    </message>
</context>
<context>
    <name>RouteTool</name>
    <message>
        <location filename="../../ui/routes/tool.py" line="148" />
        <source>Route: click the start A ({0}). Esc leaves the tool.</source>
        <extracomment>How near (screen pixels) a press must be to A or B to drag it. Milliseconds of the last re-routes: (routing, routing + layer + dock update).</extracomment>
        <translation>Route: klik het begin A aan ({0}). Esc verlaat het gereedschap.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/tool.py" line="152" />
        <source>Route: click the destination B. Esc starts again.</source>
        <translation>Route: klik de bestemming B aan. Esc begint opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/tool.py" line="153" />
        <source>Route: drag A or B to re-route; click elsewhere for a new route.</source>
        <translation>Route: sleep A of B om opnieuw te routeren; klik ergens anders voor een nieuwe route.</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/routes/panel.py" line="107" />
        <location filename="../../ui/routes/panel.py" line="138" />
        <source>Result</source>
        <extracomment>The user chose another result layer (its name). The user clicked or selected a row (its number).</extracomment>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../ui/routes/panel.py" line="132" />
        <source>No route results yet. Use the route tool (R) or the route analyses in the Analysis menu.</source>
        <translation>Nog geen routeresultaten. Gebruik het routegereedschap (R) of de route-analyses in het menu Analyse.</translation>
    </message>
</context>
<context>
    <name>RoutesUI</name>
    <message>
        <location filename="../../ui/routes/results.py" line="39" />
        <source>Routes</source>
        <extracomment>Whether the dock was shown once (it gets a sensible height the first time).</extracomment>
        <translation>Routes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="109" />
        <source>Click A and B for the route between them; drag either end (R)</source>
        <translation>Klik A en B aan voor de route ertussen; sleep een van beide uiteinden (R)</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="119" />
        <source>Routes to the site from the nearest police, fire station and hospital</source>
        <translation>Routes naar het object vanaf de dichtstbijzijnde politie, brandweer en ziekenhuis</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="122" />
        <source>A&amp;pproach routes…</source>
        <translation>&amp;Naderingsroutes…</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="124" />
        <source>Entry points of the site and the corridors leading to them</source>
        <translation>Toegangspunten van het object en de routes ernaartoe</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="129" />
        <source>Up to k routes out of the study area, as different as possible</source>
        <translation>Tot k routes het onderzoeksgebied uit, zo verschillend mogelijk</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="132" />
        <source>&amp;Isochrones…</source>
        <translation>&amp;Isochronen…</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="134" />
        <source>The area reachable from the site in 1, 3 and 5 minutes</source>
        <translation>Het gebied dat vanaf het object in 1, 3 en 5 minuten bereikbaar is</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="107" />
        <source>Rou&amp;te A → B</source>
        <extracomment>Where the route tool's A and B are kept in the scan.</extracomment>
        <translation>Rou&amp;te A → B</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="117" />
        <source>Emer&amp;gency response</source>
        <translation>Aanrijden hulp&amp;diensten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="127" />
        <source>Escape r&amp;outes…</source>
        <translation>Vl&amp;uchtroutes…</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="137" />
        <source>C&amp;hokepoints…</source>
        <translation>&amp;Knelpunten…</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="139" />
        <source>Bridges, tunnels, narrow streets and streets whose loss cuts the site off</source>
        <translation>Bruggen, tunnels, smalle straten en straten waarvan uitval het object afsluit</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="156" />
        <source>Travel mode of the route tool</source>
        <translation>Vervoerswijze van het routegereedschap</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="157" />
        <source>Travel mode</source>
        <translation>Vervoerswijze</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="290" />
        <source>Open a scan first.</source>
        <translation>Open eerst een scan.</translation>
    </message>
    <message>
        <location filename="../../ui/routes/extension.py" line="315" />
        <source>Route A → B by {0}: {1}, {2}; via {3}</source>
        <translation>Route A → B ({0}): {1}, {2}; via {3}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/launch.py" line="83" />
        <source>Click the escape destinations; Enter or a double-click runs. Esc cancels.</source>
        <extracomment>The options last chosen, by analysis. The open options form, if any.</extracomment>
        <translation>Klik de vluchtbestemmingen aan; Enter of dubbelklikken start. Esc annuleert.</translation>
    </message>
</context>
<context>
    <name>SaveStateLabel</name>
    <message>
        <location filename="../../ui/observations/save_state.py" line="30" />
        <source>Observations: save the scan to start</source>
        <translation>Observaties: sla de scan op om te beginnen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="32" />
        <source>Observations are written into the scan file as you enter them. This scan has no file yet: use File → Save as.</source>
        <translation>Observaties worden bij het invoeren in het scanbestand geschreven. Deze scan heeft nog geen bestand: gebruik Bestand → Opslaan als.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="37" />
        <source>Observations: kept edits waiting</source>
        <translation>Observaties: bewaarde wijzigingen wachten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="38" />
        <source>Answer the question about the kept edits to start editing.</source>
        <translation>Beantwoord de vraag over de bewaarde wijzigingen om te kunnen bewerken.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="41" />
        <source>✔ Observations are saved as you enter them</source>
        <translation>✔ Observaties worden bij het invoeren opgeslagen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="43" />
        <source>Every post, sighting and annotation is written into {0} the moment you enter it (and undo and redo too). You do not need to press Save for them.</source>
        <translation>Elke post, waarneming en aantekening wordt in {0} geschreven op het moment dat u hem invoert (ook ongedaan maken en opnieuw doen). U hoeft daarvoor niet op Opslaan te drukken.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="48" />
        <source>⚠ Scan file read-only: edits go to a recovery file</source>
        <translation>⚠ Scanbestand alleen-lezen: wijzigingen gaan naar een herstelbestand</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="49" />
        <source>Edits are kept in {0} until the scan file can be written.</source>
        <translation>Wijzigingen worden bewaard in {0} tot het scanbestand kan worden beschreven.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="54" />
        <source>⚠ Edits kept in a recovery file</source>
        <translation>⚠ Wijzigingen bewaard in een herstelbestand</translation>
    </message>
    <message>
        <location filename="../../ui/observations/save_state.py" line="57" />
        <source>✖ Edits NOT saved</source>
        <translation>✖ Wijzigingen NIET opgeslagen</translation>
    </message>
</context>
<context>
    <name>SharedScanDialog</name>
    <message>
        <location filename="../../ui/team/dialog.py" line="22" />
        <source>Open shared scan</source>
        <translation>Gedeelde scan openen</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialog.py" line="25" />
        <source>postgresql://user@host/db or a service name</source>
        <translation>postgresql://gebruiker@server/db of een servicenaam</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialog.py" line="27" />
        <source>scan (schema) name, as given to share</source>
        <translation>naam van de scan (schema), zoals bij share opgegeven</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialog.py" line="29" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialog.py" line="30" />
        <source>Scan:</source>
        <translation>Scan:</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialog.py" line="31" />
        <source>Your name:</source>
        <translation>Uw naam:</translation>
    </message>
    <message>
        <location filename="../../ui/team/dialog.py" line="33" />
        <source>Passwords are read from ~/.pgpass or pg_service.conf; none is saved.</source>
        <translation>Wachtwoorden komen uit ~/.pgpass of pg_service.conf; er wordt er geen opgeslagen.</translation>
    </message>
</context>
<context>
    <name>SightingsDelegate</name>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="335" />
        <source>14:30 or 2024-05-01 14:30</source>
        <translation>14:30 of 2024-05-01 14:30</translation>
    </message>
</context>
<context>
    <name>SightingsExchange</name>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="57" />
        <source>No sightings shown to export.</source>
        <extracomment>Record kinds merged from another scan file, in this order.</extracomment>
        <translation>Er worden geen waarnemingen getoond om te exporteren.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="60" />
        <source>Export sightings as CSV</source>
        <translation>Waarnemingen exporteren als CSV</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="60" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="62" />
        <source>Export sightings as GeoJSON</source>
        <translation>Waarnemingen exporteren als GeoJSON</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="63" />
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="79" />
        <source>{0} could not be written: {1}</source>
        <translation>{0} kon niet worden geschreven: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="83" />
        <source>{0} sightings exported to {1}</source>
        <translation>{0} waarnemingen geëxporteerd naar {1}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="92" />
        <source>Import and merge sightings</source>
        <translation>Waarnemingen importeren en samenvoegen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="94" />
        <source>Scan or GeoJSON (*.gpkg *.geojson *.json)</source>
        <translation>Scan of GeoJSON (*.gpkg *.geojson *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="115" />
        <source>Reading {0}</source>
        <translation>{0} wordt gelezen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="134" />
        <source>{0}: {1} added, {2} already there, {3} conflicts</source>
        <translation>{0}: {1} toegevoegd, {2} waren er al, {3} conflicten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="142" />
        <source>Merged {0}</source>
        <translation>{0} samengevoegd</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_io.py" line="149" />
        <source>Conflicts are records with the same identity but other content; the version in this scan was kept.</source>
        <translation>Conflicten zijn gegevens met dezelfde identiteit maar een andere inhoud; de versie in deze scan is behouden.</translation>
    </message>
</context>
<context>
    <name>SightingsModel</name>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="207" />
        <source>Time</source>
        <extracomment>Columns of the table, in order (Sighting attribute names). Role giving the value the proxy sorts on. Role giving the sighting's uuid. How times show in the table (local; the tooltip gives the full date and UTC). How a time is offered for editing. An edit was refused: the reason. An edit was made (clears an old error).</extracomment>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="208" />
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="209" />
        <source>Sev.</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="210" />
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="211" />
        <source>Plate</source>
        <translation>Kenteken</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="212" />
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="213" />
        <source>Observer</source>
        <translation>Waarnemer</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="214" />
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="254" />
        <source>{0} (UTC {1})</source>
        <translation>{0} (UTC {1})</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_model.py" line="275" />
        <source>{0} not changed: {1}</source>
        <translation>{0} niet gewijzigd: {1}</translation>
    </message>
</context>
<context>
    <name>SightingsPanel</name>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="105" />
        <source>Post the sighting is seen from (its position is used)</source>
        <translation>Post van waaruit gezien (de plek van de post wordt gebruikt)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="113" />
        <source>sev. </source>
        <translation>ernst </translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="114" />
        <source>Severity: 1 note … 5 immediate threat</source>
        <translation>Ernst: 1 notitie … 5 direct gevaar</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="118" />
        <source>What was seen — Enter logs it now at the post (Ctrl+L)</source>
        <translation>Wat is er gezien — Enter legt het nu vast bij de post (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="121" />
        <source>Log</source>
        <translation>Vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="122" />
        <source>Log now at the post (Enter)</source>
        <translation>Nu vastleggen bij de post (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="124" />
        <source>On map…</source>
        <translation>Op kaart…</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="126" />
        <source>Log now at a place you click on the map (Ctrl+Shift+L)</source>
        <translation>Nu vastleggen op een plek die u op de kaart aanklikt (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="254" />
        <source>all observers</source>
        <translation>alle waarnemers</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="181" />
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="182" />
        <source>Delete the selected sightings (Del)</source>
        <translation>De gekozen waarnemingen verwijderen (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="184" />
        <source>Colour by age</source>
        <translation>Kleur naar leeftijd</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="186" />
        <source>On the map: light = older, dark red = recent</source>
        <translation>Op de kaart: licht = ouder, donkerrood = recent</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="187" />
        <source>Map: last</source>
        <translation>Kaart: laatste</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="192" />
        <source> h</source>
        <translation> uur</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="196" />
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="199" />
        <source>CSV (rows shown)…</source>
        <translation>CSV (getoonde rijen)…</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="201" />
        <source>GeoJSON for the police (rows shown)…</source>
        <translation>GeoJSON voor de politie (getoonde rijen)…</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="205" />
        <source>Import / merge…</source>
        <translation>Importeren / samenvoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="207" />
        <source>Merge sightings from another observer's scan file or a GeoJSON file</source>
        <translation>Waarnemingen samenvoegen uit het scanbestand van een andere waarnemer of een GeoJSON-bestand</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="239" />
        <source>(no post)</source>
        <translation>(geen post)</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="299" />
        <source>{0} sightings</source>
        <translation>{0} waarnemingen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/sightings_dock.py" line="301" />
        <source>{0} of {1} sightings shown</source>
        <translation>{0} van {1} waarnemingen getoond</translation>
    </message>
</context>
<context>
    <name>SightlinePanel</name>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="33" />
        <source>Height of the eye at A</source>
        <translation>Ooghoogte bij A</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="34" />
        <source>Height of the eye at B</source>
        <translation>Ooghoogte bij B</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="35" />
        <source>Choose the sight-line tool (S) and click A, then B.</source>
        <translation>Kies het zichtlijngereedschap (S) en klik A aan, daarna B.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="43" />
        <source>Keep as layer</source>
        <translation>Bewaren als laag</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="45" />
        <source>Keep this sight line as its own layer; the next one starts afresh</source>
        <translation>Deze zichtlijn als eigen laag bewaren; de volgende begint opnieuw</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="47" />
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="48" />
        <source>Recompute all</source>
        <translation>Alles opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="49" />
        <source>Test every sight-line layer again</source>
        <translation>Alle zichtlijnlagen opnieuw toetsen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="54" />
        <source>A (from):</source>
        <translation>A (van):</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline_panel.py" line="55" />
        <source>B (to):</source>
        <translation>B (naar):</translation>
    </message>
</context>
<context>
    <name>SightlineTool</name>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="107" />
        <source>Click B, the point to look at. Esc cancels.</source>
        <extracomment>Outline of the building that blocks the line. Name (and kind) of the working sight-line layer.</extracomment>
        <translation>Klik B aan, het punt waarnaar gekeken wordt. Esc annuleert.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="108" />
        <source>Click A (the eye), then B; drag A or B to move them. Esc leaves the tool.</source>
        <translation>Klik A (het oog) aan, daarna B; sleep A of B om ze te verplaatsen. Esc verlaat het gereedschap.</translation>
    </message>
</context>
<context>
    <name>Sightlines</name>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="187" />
        <source>Click A, then B.</source>
        <extracomment>Time of the last test and layer update, ms (the drag frame cost).</extracomment>
        <translation>Klik A aan, daarna B.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="207" />
        <source>Now click B, the point to look at.</source>
        <translation>Klik nu B aan, het punt waarnaar gekeken wordt.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="263" />
        <location filename="../../ui/visibility/sightline.py" line="264" />
        <source>Certain within the height uncertainty.</source>
        <translation>Zeker binnen de onzekerheid van de hoogten.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="265" />
        <source>UNCERTAIN: the answer flips within the height uncertainty.</source>
        <translation>ONZEKER: het antwoord kantelt binnen de onzekerheid van de hoogten.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="268" />
        <source>Ground taken as flat (no terrain model).</source>
        <translation>Maaiveld als vlak aangenomen (geen terreinmodel).</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="270" />
        <source>Over the terrain model.</source>
        <translation>Over het terreinmodel.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="273" />
        <source>The terrain blocks the view.</source>
        <translation>Het terrein blokkeert het zicht.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="290" />
        <source>Preparing the buildings… the line is tested as soon as they are ready.</source>
        <translation>De gebouwen worden voorbereid… de lijn wordt getoetst zodra ze klaar zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="367" />
        <location filename="../../ui/visibility/sightline.py" line="403" />
        <source>an unnamed building</source>
        <translation>een naamloos gebouw</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="372" />
        <source>{0:.0f} m, {1:.0f}°: visible</source>
        <translation>{0:.0f} m, {1:.0f}°: zichtbaar</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="373" />
        <source>{0:.0f} m, {1:.0f}°: blocked by {2} ({3:.1f} m)</source>
        <translation>{0:.0f} m, {1:.0f}°: geblokkeerd door {2} ({3:.1f} m)</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="379" />
        <source>{0:.1f} m, bearing {1:.0f}°</source>
        <translation>{0:.1f} m, richting {1:.0f}°</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="381" />
        <source>Visible</source>
        <translation>Zichtbaar</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="383" />
        <source>Blocked</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="385" />
        <source>after {0:.1f} m by {1}, {2:.1f} m high; the sight line is {3:.1f} m above the ground there.</source>
        <translation>na {0:.1f} m door {1}, {2:.1f} m hoog; de zichtlijn is daar {3:.1f} m boven de grond.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="407" />
        <source>{0} is above the roof of {1} ({2:.1f} m high).</source>
        <translation>{0} ligt boven het dak van {1} ({2:.1f} m hoog).</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/sightline.py" line="414" />
        <source>{0} lies in {1} ({2:.1f} m high): it counts as a window in its wall.</source>
        <translation>{0} ligt in {1} ({2:.1f} m hoog): het telt als een raam in de gevel.</translation>
    </message>
</context>
<context>
    <name>TeamUI</name>
    <message>
        <location filename="../../ui/team/extension.py" line="61" />
        <source>Open &amp;shared scan…</source>
        <extracomment>Retry interval while the team database cannot be reached (ms). From any thread: changes wait (listener) / the state changed. A shared scan is shown and followed (its TeamSync).</extracomment>
        <translation>&amp;Gedeelde scan openen…</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="62" />
        <source>Open a scan the team shares in a PostGIS database</source>
        <translation>Een scan openen die het team deelt in een PostGIS-database</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="108" />
        <source>Opening shared scan {0}</source>
        <translation>Gedeelde scan {0} openen</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="151" />
        <source>⚠ Team database offline, edits waiting: {0}</source>
        <translation>⚠ Teamdatabase offline, wachtende wijzigingen: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="155" />
        <source>● Shared: {0}</source>
        <translation>● Gedeeld: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="166" />
        <source>Edited by someone else</source>
        <translation>Door iemand anders gewijzigd</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="168" />
        <source>{0} changed this record while you were editing it. Your version was not saved. Which version should stay?</source>
        <translation>{0} heeft dit gegeven gewijzigd terwijl u het bewerkte. Uw versie is niet opgeslagen. Welke versie moet blijven?</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="170" />
        <source>Someone</source>
        <translation>Iemand</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="174" />
        <source>Keep mine</source>
        <translation>Mijn versie houden</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="175" />
        <source>Take theirs</source>
        <translation>Hun versie nemen</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <location filename="../../ui/undo_actions.py" line="32" />
        <source>&amp;Edit</source>
        <extracomment>Object name of the shared Edit menu (other extensions may add to it).</extracomment>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../ui/undo_actions.py" line="44" />
        <location filename="../../ui/undo_actions.py" line="84" />
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/undo_actions.py" line="47" />
        <location filename="../../ui/undo_actions.py" line="88" />
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <location filename="../../ui/undo_actions.py" line="82" />
        <source>&amp;Undo {0}</source>
        <translation>&amp;Ongedaan maken: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/undo_actions.py" line="86" />
        <source>&amp;Redo {0}</source>
        <translation>Opnieuw &amp;doen: {0}</translation>
    </message>
</context>
<context>
    <name>ViewshedPanel</name>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="45" />
        <source>Only a sector</source>
        <translation>Alleen een sector</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="50" />
        <source>Direction of view: 0° north, 90° east</source>
        <translation>Kijkrichting: 0° noord, 90° oost</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="55" />
        <source>Width of the sector</source>
        <translation>Breedte van de sector</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="60" />
        <source>Choose the viewshed tool (V) and click a point.</source>
        <translation>Kies het zichtveldgereedschap (V) en klik een punt aan.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="68" />
        <source>Keep as layer</source>
        <translation>Bewaren als laag</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="70" />
        <source>Keep this viewshed as its own layer; the next one starts afresh</source>
        <translation>Dit zichtveld als eigen laag bewaren; het volgende begint opnieuw</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="72" />
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="73" />
        <source>Recompute all</source>
        <translation>Alles opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="74" />
        <source>Compute every viewshed layer again</source>
        <translation>Alle zichtveldlagen opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="80" />
        <source>Radius:</source>
        <translation>Straal:</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="81" />
        <source>Sector:</source>
        <translation>Sector:</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="82" />
        <source>Observer:</source>
        <translation>Waarnemer:</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="149" />
        <source>Over the terrain model: sight lines from {0:.1f} m up to a grid of points, past the terrain and the buildings on it; hatched where uncertain.</source>
        <translation>Over het terreinmodel: zichtlijnen vanaf {0:.1f} m hoogte naar een raster van punten, langs het terrein en de gebouwen erop; gearceerd waar onzeker.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="156" />
        <source>2.5D viewshed: the ground and roofs seen over lower buildings from {0:.1f} m up.</source>
        <translation>2,5D-zichtveld: de grond en daken die vanaf {0:.1f} m hoogte over lagere gebouwen heen te zien zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed_panel.py" line="161" />
        <source>Exact 2D isovist among the building footprints.</source>
        <translation>Exacte 2D-isovist tussen de gebouwcontouren.</translation>
    </message>
</context>
<context>
    <name>ViewshedTool</name>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="75" />
        <source>Click a point to see what is visible from it; drag it to move it.</source>
        <extracomment>Name (and kind) of the working viewshed layer.</extracomment>
        <translation>Klik een punt aan om te zien wat er vandaar zichtbaar is; sleep het om het te verplaatsen.</translation>
    </message>
</context>
<context>
    <name>Viewsheds</name>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="158" />
        <source>Click a point.</source>
        <extracomment>Where the point is being dragged when that spot is refused (in a building). Milliseconds of the last 2D update on the UI thread (the drag frame cost). Milliseconds of the last 2.5D computation in the background. Bumped when the working viewshed is dropped: late answers for it are ignored.</extracomment>
        <translation>Klik een punt aan.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="186" />
        <source>Preparing the buildings… the view is computed as soon as they are ready.</source>
        <translation>De gebouwen worden voorbereid… het zicht wordt berekend zodra ze klaar zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="216" />
        <source>an unnamed building</source>
        <translation>een naamloos gebouw</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="218" />
        <source>This point lies inside {0} ({1:.1f} m high). Choose a point in open space, or raise the observer above its roof to look from the roof.</source>
        <translation>Dit punt ligt in {0} ({1:.1f} m hoog). Kies een punt in de open ruimte, of zet de waarnemer hoger dan het dak om vanaf het dak te kijken.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="239" />
        <source>Computing…</source>
        <translation>Bezig met berekenen…</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="291" />
        <source>Visible ground over the terrain: {0:,.0f} m²; uncertain within the heights: {1:,.0f} m² ({2:.1f} m grid, {3:,} sight lines).</source>
        <translation>Zichtbare grond over het terrein: {0:,.0f} m²; onzeker binnen de hoogtes: {1:,.0f} m² (raster van {2:.1f} m, {3:,} zichtlijnen).</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="294" />
        <source>Ground taken as flat (no terrain model).</source>
        <translation>Maaiveld als vlak aangenomen (geen terreinmodel).</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="297" />
        <source>Visible ground: {0:,.0f} m²; {1} buildings in view.</source>
        <translation>Zichtbare grond: {0:,.0f} m²; {1} gebouwen in zicht.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/viewshed.py" line="304" />
        <source>Visible ground: {0:,.0f} m²; roofs of {1} lower buildings: {2:,.0f} m².</source>
        <translation>Zichtbare grond: {0:,.0f} m²; daken van {1} lagere gebouwen: {2:,.0f} m².</translation>
    </message>
</context>
<context>
    <name>VisibilityUI</name>
    <message>
        <location filename="../../ui/visibility/extension.py" line="93" />
        <location filename="../../ui/visibility/extension.py" line="301" />
        <source>The buildings changed: the visibility results may be out of date.</source>
        <extracomment>Pixels around a click within which an overlook position is picked.</extracomment>
        <translation>De gebouwen zijn gewijzigd: de zichtbaarheidsresultaten kunnen verouderd zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="97" />
        <source>Recompute</source>
        <translation>Opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="105" />
        <source>Sight line</source>
        <translation>Zichtlijn</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="106" />
        <source>Viewshed</source>
        <translation>Zichtveld</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="107" />
        <source>Exposure</source>
        <translation>Zichtbaarheid</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="113" />
        <source>Visibility</source>
        <translation>Zicht</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="126" />
        <source>&amp;Sight line</source>
        <translation>&amp;Zichtlijn</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="127" />
        <source>Is B visible from A? Click A, then B; drag either end (S)</source>
        <translation>Is B zichtbaar vanaf A? Klik A aan, daarna B; sleep een van beide uiteinden (S)</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="130" />
        <source>&amp;Viewshed</source>
        <translation>Zicht&amp;veld</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="131" />
        <source>What can be seen from a point? Click it; drag it to move it (V)</source>
        <translation>Wat is er vanaf een punt te zien? Klik het aan; sleep het om het te verplaatsen (V)</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="134" />
        <source>&amp;Exposure of the site</source>
        <translation>Zicht&amp;baarheid van het object</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="135" />
        <source>From where can the site be seen: public ground and overlook positions</source>
        <translation>Van waar is het object te zien: openbare grond en uitkijkposities</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="138" />
        <source>&amp;Recompute visibility results</source>
        <translation>Zichtbaarheidsresultaten &amp;opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="139" />
        <source>Compute every sight line, viewshed and the exposure again</source>
        <translation>Alle zichtlijnen, zichtvelden en de zichtbaarheid opnieuw berekenen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="197" />
        <source>Open a scan first.</source>
        <translation>Open eerst een scan.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="206" />
        <source>Preparing the buildings for the visibility tools…</source>
        <translation>De gebouwen worden voorbereid voor de zichtgereedschappen…</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="297" />
        <source>Computed on other building heights than the scan has now: {0}. Recompute to use the current heights.</source>
        <translation>Berekend met andere gebouwhoogten dan de scan nu heeft: {0}. Herbereken om de huidige hoogten te gebruiken.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="310" />
        <source>The buildings are ready for the visibility tools ({0:.1f} s).</source>
        <translation>De gebouwen zijn klaar voor de zichtgereedschappen ({0:.1f} s).</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="324" />
        <source>The visibility tools cannot be used: {0}</source>
        <translation>De zichtgereedschappen kunnen niet worden gebruikt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="330" />
        <source>The terrain changed: the visibility results may be out of date.</source>
        <translation>Het maaiveld is veranderd: de zichtbaarheidsresultaten kunnen verouderd zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/extension.py" line="358" />
        <source>Preparing the buildings… try again in a moment.</source>
        <translation>De gebouwen worden voorbereid… probeer het zo nog eens.</translation>
    </message>
</context>
<context>
    <name>ZoneTool</name>
    <message>
        <location filename="../../ui/observations/annotations.py" line="175" />
        <source>Zone: click the corners; double-click, Enter or a click on the first corner closes it. Backspace drops a corner; Esc cancels.</source>
        <translation>Zone: klik de hoeken aan; dubbelklikken, Enter of een klik op de eerste hoek sluit hem. Backspace haalt een hoek weg; Esc annuleert.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotations.py" line="192" />
        <source>A zone needs at least three corners.</source>
        <translation>Een zone heeft minstens drie hoeken nodig.</translation>
    </message>
    <message>
        <location filename="../../ui/observations/annotations.py" line="196" />
        <source>The zone crosses itself; draw it again.</source>
        <translation>De zone snijdt zichzelf; teken hem opnieuw.</translation>
    </message>
</context>
<context>
    <name>_PickSighting</name>
    <message>
        <location filename="../../ui/observations/sightings_log.py" line="43" />
        <source>Click where the sighting was. Esc cancels.</source>
        <extracomment>How often the colours by age are brought up to date (ms).</extracomment>
        <translation>Klik waar de waarneming was. Esc annuleert.</translation>
    </message>
</context>
<context>
    <name>layers</name>
    <message>
        <location filename="../../ui/strings.py" line="16" />
        <source>Buildings</source>
        <translation>Gebouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="17" />
        <source>Roads</source>
        <translation>Wegen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="18" />
        <source>Paths and cycleways</source>
        <translation>Paden en fietspaden</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="19" />
        <source>Railways and tram</source>
        <translation>Spoor en tram</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="20" />
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="21" />
        <source>Green and land use</source>
        <translation>Groen en grondgebruik</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="22" />
        <source>Barriers</source>
        <translation>Barrières</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="23" />
        <source>Security-relevant points</source>
        <translation>Beveiligingsrelevante punten</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="24" />
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="25" />
        <source>Site</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="26" />
        <source>Study area</source>
        <translation>Onderzoeksgebied</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="27" />
        <source>Edge of the data</source>
        <translation>Rand van de gegevens</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="23" />
        <location filename="../../ui/strings.py" line="34" />
        <source>Observation posts</source>
        <extracomment>Layer titles of the record kinds (context "layers", as ui/strings.py uses).</extracomment>
        <translation>Observatieposten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="24" />
        <location filename="../../ui/strings.py" line="38" />
        <source>Sightings</source>
        <translation>Waarnemingen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="25" />
        <location filename="../../ui/strings.py" line="28" />
        <source>Annotations</source>
        <translation>Aantekeningen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="26" />
        <location filename="../../ui/strings.py" line="39" />
        <source>Views of the posts</source>
        <translation>Zicht van de posten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="27" />
        <location filename="../../ui/strings.py" line="29" />
        <source>Blind spots</source>
        <translation>Dode hoeken</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="25" />
        <location filename="../../ui/strings.py" line="36" />
        <source>Routes</source>
        <extracomment>Titles of the route layer kinds, for the layer panel (translated in context "layers").</extracomment>
        <translation>Routes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="26" />
        <location filename="../../ui/strings.py" line="33" />
        <source>Isochrones</source>
        <translation>Isochronen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="27" />
        <location filename="../../ui/strings.py" line="30" />
        <source>Chokepoints</source>
        <translation>Knelpunten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="28" />
        <location filename="../../ui/strings.py" line="31" />
        <source>Entry points</source>
        <translation>Toegangspunten</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="37" />
        <location filename="../../ui/visibility/common.py" line="42" />
        <source>Sight line</source>
        <extracomment>Titles of the visibility layer kinds (translated by ``strings.layer_title``).</extracomment>
        <translation>Zichtlijn</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="40" />
        <location filename="../../ui/visibility/common.py" line="43" />
        <source>Viewshed</source>
        <translation>Zichtveld</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="32" />
        <location filename="../../ui/visibility/common.py" line="44" />
        <source>Exposure of the site</source>
        <translation>Zichtbaarheid van het object</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="35" />
        <location filename="../../ui/visibility/common.py" line="45" />
        <source>Overlook positions</source>
        <translation>Uitkijkposities</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="8" />
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="9" />
        <source>Measures</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="10" />
        <source>Finding photos</source>
        <translation>Foto's van bevindingen</translation>
    </message>
    <message>
        <location filename="../../ui/findings/strings.py" line="11" />
        <source>Changes since the previous scan</source>
        <translation>Wijzigingen sinds de vorige scan</translation>
    </message>
</context>
<context>
    <name>observations</name>
    <message>
        <location filename="../../ui/observations/text.py" line="32" />
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="33" />
        <source>vehicle</source>
        <translation>voertuig</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="34" />
        <source>drone</source>
        <translation>drone</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="35" />
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="37" />
        <source>static post</source>
        <translation>vaste post</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="38" />
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="39" />
        <source>patrol point</source>
        <translation>surveillancepunt</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="41" />
        <source>ground</source>
        <translation>straatniveau</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="42" />
        <source>floor of a building</source>
        <translation>verdieping van een gebouw</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="43" />
        <source>mast</source>
        <translation>mast</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="45" />
        <source>cordon</source>
        <translation>afzetting</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="46" />
        <source>no-parking zone</source>
        <translation>parkeerverbodszone</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="47" />
        <source>meeting point</source>
        <translation>verzamelpunt</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="48" />
        <source>restricted area</source>
        <translation>verboden gebied</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="50" />
        <source>label</source>
        <translation>tekst</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="51" />
        <source>arrow</source>
        <translation>pijl</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="52" />
        <source>zone</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="53" />
        <source>post</source>
        <translation>post</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="54" />
        <source>sighting</source>
        <translation>waarneming</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="55" />
        <source>annotation</source>
        <translation>aantekening</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="56" />
        <source>posts</source>
        <translation>posten</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="57" />
        <source>sightings</source>
        <translation>waarnemingen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="58" />
        <source>annotations</source>
        <translation>aantekeningen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="64" />
        <source>Place post {0}</source>
        <translation>Post {0} plaatsen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="65" />
        <source>Add sighting ({0})</source>
        <translation>Waarneming toevoegen ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="66" />
        <source>Add {0}</source>
        <translation>{0} toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="67" />
        <source>Move {0} {1}</source>
        <translation>{0} {1} verplaatsen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="68" />
        <source>Change {0} {1}</source>
        <translation>{0} {1} wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="69" />
        <location filename="../../ui/observations/text.py" line="70" />
        <source>Delete {0} {1}</source>
        <translation>{0} {1} verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="71" />
        <source>Merge {0} {1} from {2}</source>
        <translation>{0} {1} samenvoegen uit {2}</translation>
    </message>
    <message>
        <location filename="../../ui/observations/text.py" line="72" />
        <source>Merge from {0}</source>
        <translation>Samenvoegen uit {0}</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <location filename="../../ui/strings.py" line="44" />
        <source>Checking the file</source>
        <translation>Bestand controleren</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="45" />
        <source>Finding the site</source>
        <translation>Object zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="46" />
        <source>Cutting the study area out of the large file</source>
        <translation>Onderzoeksgebied uit het grote bestand knippen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="47" />
        <source>Reading features</source>
        <translation>Objecten inlezen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="48" />
        <source>Classifying layers</source>
        <translation>Lagen indelen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="49" />
        <source>Reading the street network</source>
        <translation>Wegennet inlezen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="50" />
        <source>Building the walk network</source>
        <translation>Voetgangersnetwerk opbouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="51" />
        <source>Building the bike network</source>
        <translation>Fietsnetwerk opbouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="52" />
        <source>Building the drive network</source>
        <translation>Autonetwerk opbouwen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="53" />
        <source>Assembling the scan</source>
        <translation>Scan samenstellen</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="54" />
        <source>Downloading from the Overpass API</source>
        <translation>Downloaden van de Overpass-API</translation>
    </message>
    <message>
        <location filename="../../ui/strings.py" line="55" />
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="49" />
        <source>Sampling the façade</source>
        <extracomment>Progress steps of :func:`omgevingsscan.analysis.visibility.exposure`.</extracomment>
        <translation>De gevel wordt bemonsterd</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="50" />
        <source>Isovists from the façade</source>
        <translation>Isovisten vanaf de gevel</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="51" />
        <source>Merging the views</source>
        <translation>De zichtvelden worden samengevoegd</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="52" />
        <source>Views of the upper façade</source>
        <translation>Zicht op het bovenste deel van de gevel</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="53" />
        <source>Overlooking buildings</source>
        <translation>Gebouwen met uitzicht op het object</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="54" />
        <source>Upper-floor windows</source>
        <translation>Ramen op de bovenste verdiepingen</translation>
    </message>
    <message>
        <location filename="../../ui/visibility/common.py" line="55" />
        <source>Waiting spots</source>
        <translation>Wachtplekken</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="33" />
        <source>Loading the shared scan</source>
        <extracomment>Progress messages of the worker (translated by ``progress_text``).</extracomment>
        <translation>Gedeelde scan laden</translation>
    </message>
    <message>
        <location filename="../../ui/team/extension.py" line="34" />
        <source>Keeping a local copy</source>
        <translation>Lokale kopie bewaren</translation>
    </message>
</context>
<context>
    <name>routes</name>
    <message>
        <location filename="../../ui/routes/text.py" line="32" />
        <source>walk</source>
        <translation>lopen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="33" />
        <source>bike</source>
        <translation>fietsen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="34" />
        <source>drive</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="38" />
        <source>Police station</source>
        <translation>Politiebureau</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="39" />
        <source>Fire station</source>
        <translation>Brandweerkazerne</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="40" />
        <source>Hospital</source>
        <translation>Ziekenhuis</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="44" />
        <source>Bridge</source>
        <translation>Brug</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="45" />
        <source>Tunnel or passage</source>
        <translation>Tunnel of doorgang</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="46" />
        <source>Narrow street</source>
        <translation>Smalle straat</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="47" />
        <source>One-way street</source>
        <translation>Eenrichtingsstraat</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="48" />
        <source>Loss cuts the site off</source>
        <translation>Uitval sluit het object af</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="49" />
        <source>Loss forces a long detour</source>
        <translation>Uitval dwingt een lange omweg af</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="57" />
        <source>Route A → B</source>
        <extracomment>Chokepoint kinds in the order the dock lists them (the most serious first). Titles of the result layers by their default names (see layers.routes.LAYER_NAMES).</extracomment>
        <translation>Route A → B</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="58" />
        <source>Escape routes</source>
        <translation>Vluchtroutes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="59" />
        <source>Approach routes</source>
        <translation>Naderingsroutes</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="60" />
        <source>Emergency response</source>
        <translation>Aanrijden hulpdiensten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="61" />
        <source>Isochrones</source>
        <translation>Isochronen</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="62" />
        <source>Chokepoints</source>
        <translation>Knelpunten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="141" />
        <source>Route</source>
        <extracomment>Layer kinds whose rows the Routes dock lists.</extracomment>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="142" />
        <location filename="../../ui/routes/text.py" line="150" />
        <location filename="../../ui/routes/text.py" line="158" />
        <source>Mode</source>
        <translation>Vervoerswijze</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="143" />
        <location filename="../../ui/routes/text.py" line="151" />
        <location filename="../../ui/routes/text.py" line="159" />
        <source>Length</source>
        <translation>Lengte</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="144" />
        <location filename="../../ui/routes/text.py" line="152" />
        <location filename="../../ui/routes/text.py" line="160" />
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="145" />
        <location filename="../../ui/routes/text.py" line="161" />
        <source>Via</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="146" />
        <source>Flags</source>
        <translation>Kenmerken</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="149" />
        <source>Chokepoint</source>
        <translation>Knelpunt</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="153" />
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="154" />
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="157" />
        <source>Area</source>
        <translation>Gebied</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="162" />
        <source>Reach</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="235" />
        <source>{0} ha reachable, {1} of streets</source>
        <translation>{0} ha bereikbaar, {1} aan straten</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="240" />
        <source>within {0}</source>
        <translation>binnen {0}</translation>
    </message>
    <message>
        <location filename="../../ui/routes/text.py" line="255" />
        <source>shares {0}</source>
        <translation>deelt {0}</translation>
    </message>
</context>
</TS>