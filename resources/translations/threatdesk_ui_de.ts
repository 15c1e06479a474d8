<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddRowsCommand</name>
    <message numerus="yes">
        <source>add %n row(s)</source>
        <translation>
            <numerusform>%n Zeile hinzufügen</numerusform>
            <numerusform>%n Zeilen hinzufügen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetectionsPage</name>
    <message>
        <source>Detections</source>
        <translation>Erkennungen</translation>
    </message>
    <message>
        <source>&amp;Refresh Detections</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the ThreatInsight events of the chosen period again (F5)</source>
        <translation>Die ThreatInsight-Ereignisse des gewählten Zeitraums erneut lesen (F5)</translation>
    </message>
    <message>
        <source>Add to risk &amp;batch</source>
        <translation>Zum Risiko&amp;stapel hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected IPs to the Risk events batch as HIGH (Ctrl+Shift+A)</source>
        <translation>Die ausgewählten IPs mit HIGH zum Stapel unter „Risikoereignisse“ hinzufügen (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Block…</source>
        <translation>&amp;Blockieren…</translation>
    </message>
    <message>
        <source>Add the selected IPs to a block list zone, after showing the change (Ctrl+B)</source>
        <translation>Die ausgewählten IPs zu einer Sperrlistenzone hinzufügen, nachdem die Änderung angezeigt wurde (Ctrl+B)</translation>
    </message>
    <message>
        <source>E&amp;xempt…</source>
        <translation>Aus&amp;nehmen…</translation>
    </message>
    <message>
        <source>Add the selected IPs to the zone ThreatInsight ignores, after showing the change (Ctrl+Shift+X)</source>
        <translation>Die ausgewählten IPs zu der Zone hinzufügen, die ThreatInsight ignoriert, nachdem die Änderung angezeigt wurde (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>How far back to read the System Log</source>
        <translation>Wie weit zurück das Systemprotokoll gelesen wird</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Filter by IP or threat</source>
        <translation>Filter: IP oder Bedrohung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Show only events with this outcome</source>
        <translation>Nur Ereignisse mit diesem Ergebnis anzeigen</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>&amp;Since:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Refresh status</source>
        <translation>Aktualisierungsstatus</translation>
    </message>
    <message>
        <source>Events that could not be read</source>
        <translation>Ereignisse, die nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>No detections</source>
        <translation>Keine Erkennungen</translation>
    </message>
    <message>
        <source>ThreatInsight detections</source>
        <translation>ThreatInsight-Erkennungen</translation>
    </message>
    <message>
        <source>Details of the selected event</source>
        <translation>Details des ausgewählten Ereignisses</translation>
    </message>
    <message>
        <source>Select an event to see its details, location and event id.</source>
        <translation>Wählen Sie ein Ereignis aus, um Details, Standort und Ereignis-ID zu sehen.</translation>
    </message>
    <message>
        <source>Refreshing detections failed: %1</source>
        <translation>Aktualisieren der Erkennungen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No org is open.</source>
        <translation>Keine Org geöffnet.</translation>
    </message>
    <message>
        <source>Refreshing… (showing the events read at %1)</source>
        <translation>Wird aktualisiert… (angezeigt: die um %1 gelesenen Ereignisse)</translation>
    </message>
    <message>
        <source>Reading the System Log…</source>
        <translation>Systemprotokoll wird gelesen…</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>1 distinct IP</source>
        <translation>1 eindeutige IP</translation>
    </message>
    <message>
        <source>%1 distinct IPs</source>
        <translation>%1 eindeutige IPs</translation>
    </message>
    <message>
        <source>Refreshed at %1 — %2, %3</source>
        <translation>Aktualisiert um %1 — %2, %3</translation>
    </message>
    <message>
        <source> (%1 shown by the filters)</source>
        <translation> (%1 nach Filterung angezeigt)</translation>
    </message>
    <message>
        <source>; 1 event could not be read (listed below)</source>
        <translation>; 1 Ereignis konnte nicht gelesen werden (unten aufgeführt)</translation>
    </message>
    <message>
        <source>; %1 events could not be read (listed below)</source>
        <translation>; %1 Ereignisse konnten nicht gelesen werden (unten aufgeführt)</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>… and %1 more (see the tooltip)</source>
        <translation>… und %1 weitere (siehe Tooltip)</translation>
    </message>
    <message>
        <source>Not shown:</source>
        <translation>Nicht angezeigt:</translation>
    </message>
    <message>
        <source>Open an org to see its ThreatInsight detections.</source>
        <translation>Öffnen Sie eine Org, um ihre ThreatInsight-Erkennungen zu sehen.</translation>
    </message>
    <message>
        <source>The detections could not be read. Press Refresh (F5) to try again.</source>
        <translation>Die Erkennungen konnten nicht gelesen werden. Drücken Sie „Aktualisieren“ (F5), um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>No ThreatInsight detections in this org over the period chosen (%1).</source>
        <translation>Keine ThreatInsight-Erkennungen in dieser Org im gewählten Zeitraum (%1).</translation>
    </message>
    <message>
        <source>No detection matches the filters.</source>
        <translation>Keine Erkennung entspricht den Filtern.</translation>
    </message>
    <message>
        <source>%1 events selected; the first one:</source>
        <translation>%1 Ereignisse ausgewählt; das erste:</translation>
    </message>
    <message>
        <source>Event: %1 (%2)</source>
        <translation>Ereignis: %1 (%2)</translation>
    </message>
    <message>
        <source>When: %1 (local time), %2</source>
        <translation>Zeitpunkt: %1 (Ortszeit), %2</translation>
    </message>
    <message>
        <source>IP: %1</source>
        <translation>IP: %1</translation>
    </message>
    <message>
        <source>none logged</source>
        <translation>keine protokolliert</translation>
    </message>
    <message>
        <source>not logged</source>
        <translation>nicht protokolliert</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Threat suspected: %1</source>
        <translation>Vermutete Bedrohung: %1</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Standort: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Event id: %1</source>
        <translation>Ereignis-ID: %1</translation>
    </message>
    <message>
        <source>Zone changed: %1 (request id %2)</source>
        <translation>Zone geändert: %1 (Anfrage-ID %2)</translation>
    </message>
</context>
<context>
    <name>EditRowCommand</name>
    <message>
        <source>edit row</source>
        <translation>Zeile bearbeiten</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History of the open profile</source>
        <translation>Verlauf des geöffneten Profils</translation>
    </message>
    <message>
        <source>No history</source>
        <translation>Kein Verlauf</translation>
    </message>
    <message>
        <source>Past runs and ThreatInsight changes</source>
        <translation>Bisherige Läufe und ThreatInsight-Änderungen</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Details des ausgewählten Eintrags</translation>
    </message>
    <message>
        <source>Select a run or a change to see its details and request ids.</source>
        <translation>Wählen Sie einen Lauf oder eine Änderung aus, um Details und Anfrage-IDs zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Refresh History</source>
        <translation>Verlauf &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Read the runs and ThreatInsight changes of this profile again (F5)</source>
        <translation>Die Läufe und ThreatInsight-Änderungen dieses Profils erneut lesen (F5)</translation>
    </message>
    <message>
        <source>&amp;Export History as CSV…</source>
        <translation>Verlauf als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the listed entries, in the table&apos;s order, as a CSV file (Ctrl+Shift+E)</source>
        <translation>Die aufgeführten Einträge in der Reihenfolge der Tabelle als CSV-Datei speichern (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Open a profile to see its runs and ThreatInsight changes.</source>
        <translation>Öffnen Sie ein Profil, um seine Läufe und ThreatInsight-Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>History of %1: 1 entry</source>
        <translation>Verlauf von %1: 1 Eintrag</translation>
    </message>
    <message>
        <source>History of %1: %2 entries</source>
        <translation>Verlauf von %1: %2 Einträge</translation>
    </message>
    <message>
        <source>No runs or ThreatInsight changes for this profile yet</source>
        <translation>Noch keine Läufe oder ThreatInsight-Änderungen für dieses Profil</translation>
    </message>
    <message>
        <source>When: %1 (local time), %2</source>
        <translation>Zeitpunkt: %1 (Ortszeit), %2</translation>
    </message>
    <message>
        <source>When: unknown</source>
        <translation>Zeitpunkt: unbekannt</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Profile: %1 (%2)</source>
        <translation>Profil: %1 (%2)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Subjects: %1 (accepted %2, rejected %3, pending %4)</source>
        <translation>Subjekte: %1 (angenommen %2, abgelehnt %3, ausstehend %4)</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Run directory: %1</source>
        <translation>Verzeichnis des Laufs: %1</translation>
    </message>
    <message>
        <source>Okta request ids: none recorded</source>
        <translation>Okta-Anfrage-IDs: keine aufgezeichnet</translation>
    </message>
    <message>
        <source>Okta request ids (%1):</source>
        <translation>Okta-Anfrage-IDs (%1):</translation>
    </message>
    <message>
        <source>Export History as CSV</source>
        <translation>Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The history could not be saved to %1.</source>
        <translation>Der Verlauf konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Exported 1 history entry to %1</source>
        <translation>1 Verlaufseintrag nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 history entries to %2</source>
        <translation>%1 Verlaufseinträge nach %2 exportiert</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import summary</source>
        <translation>Importzusammenfassung</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <source>The import was cancelled: the counts cover what was read so far.</source>
        <translation>Der Import wurde abgebrochen: Die Anzahlen umfassen das bis dahin Gelesene.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>zusammengeführt</translation>
    </message>
    <message>
        <source>Rejected and merged rows</source>
        <translation>Abgelehnte und zusammengeführte Zeilen</translation>
    </message>
    <message>
        <source>Every row is valid.</source>
        <translation>Alle Zeilen sind gültig.</translation>
    </message>
    <message>
        <source>%1 more not listed (only the first %2 are shown).</source>
        <translation>%1 weitere nicht aufgeführt (nur die ersten %2 werden angezeigt).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ThreatDesk</source>
        <translation>ThreatDesk</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>&amp;ThreatInsight</source>
        <translation>&amp;ThreatInsight</translation>
    </message>
    <message>
        <source>&amp;Risk events</source>
        <translation>&amp;Risikoereignisse</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;Detections</source>
        <translation>&amp;Erkennungen</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>Keine Verbindung möglich</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>Profil &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>Profil be&amp;arbeiten…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Re&amp;move profile…</source>
        <translation>Profil &amp;entfernen…</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About ThreatDesk</source>
        <translation>Ü&amp;ber ThreatDesk</translation>
    </message>
    <message>
        <source>&amp;Org</source>
        <translation>&amp;Org</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Report &amp;IPs now…</source>
        <translation>&amp;IPs jetzt melden…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Org</source>
        <translation>Org</translation>
    </message>
    <message>
        <source>&amp;Org:</source>
        <translation>Or&amp;g:</translation>
    </message>
    <message>
        <source>The org this window works on (Ctrl+Shift+K)</source>
        <translation>Die Org, mit der dieses Fenster arbeitet (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>&amp;Block IPs…</source>
        <translation>IPs &amp;blockieren…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+B</source>
        <translation>Ctrl+Alt+B</translation>
    </message>
    <message>
        <source>Add addresses to a block list zone (BlockedIpZone by default), after showing the change</source>
        <translation>Adressen zu einer Sperrlistenzone hinzufügen (standardmäßig BlockedIpZone), nachdem die Änderung angezeigt wurde</translation>
    </message>
    <message>
        <source>&amp;Unblock IPs…</source>
        <translation>IP-Blockierung auf&amp;heben…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+B</source>
        <translation>Ctrl+Alt+Shift+B</translation>
    </message>
    <message>
        <source>Remove addresses from a block list zone</source>
        <translation>Adressen aus einer Sperrlistenzone entfernen</translation>
    </message>
    <message>
        <source>&amp;Exempt IPs…</source>
        <translation>IPs aus&amp;nehmen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Add addresses to DefaultExemptIpZone, which ThreatInsight never flags</source>
        <translation>Adressen zu DefaultExemptIpZone hinzufügen, deren IPs ThreatInsight nie markiert</translation>
    </message>
    <message>
        <source>U&amp;nexempt IPs…</source>
        <translation>IP-&amp;Ausnahme aufheben…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Shift+E</source>
        <translation>Ctrl+Alt+Shift+E</translation>
    </message>
    <message>
        <source>Remove addresses from DefaultExemptIpZone</source>
        <translation>Adressen aus DefaultExemptIpZone entfernen</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Vorfall</translation>
    </message>
    <message>
        <source>Zone changed: %1 (request id %2)</source>
        <translation>Zone geändert: %1 (Anfrage-ID %2)</translation>
    </message>
    <message>
        <source>Authentication method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Rate-limit budget</source>
        <translation>Ratenlimit-Kontingent</translation>
    </message>
    <message>
        <source>Sandbox org (built in)</source>
        <translation>Sandbox-Org (integriert)</translation>
    </message>
    <message>
        <source>Switch org</source>
        <translation>Org wechseln</translation>
    </message>
    <message>
        <source>A risk-event run is still sending. Switching org stops it; what is not sent yet stays pending and can be resumed later from this org.</source>
        <translation>Ein Lauf mit Risikoereignissen sendet noch. Ein Wechsel der Org stoppt ihn; was noch nicht gesendet wurde, bleibt ausstehend und kann später aus dieser Org fortgesetzt werden.</translation>
    </message>
    <message>
        <source>The ThreatInsight settings have unsaved changes. Switching org discards them.</source>
        <translation>Die ThreatInsight-Einstellungen haben ungespeicherte Änderungen. Ein Wechsel der Org verwirft sie.</translation>
    </message>
    <message>
        <source>Switch anyway?</source>
        <translation>Trotzdem wechseln?</translation>
    </message>
    <message>
        <source>Welcome to ThreatDesk</source>
        <translation>Willkommen bei ThreatDesk</translation>
    </message>
    <message>
        <source>No org is set up yet.</source>
        <translation>Es ist noch keine Org eingerichtet.</translation>
    </message>
    <message>
        <source>Open the built-in sandbox org to try everything safely on this computer, or add a profile for your Okta org (an API token or an OAuth service app; secrets stay in the system keychain).</source>
        <translation>Öffnen Sie die integrierte Sandbox-Org, um alles gefahrlos auf diesem Computer auszuprobieren, oder fügen Sie ein Profil für Ihre Okta-Org hinzu (mit API-Token oder OAuth-Service-App; Geheimnisse bleiben im Schlüsselbund des Systems).</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>The built-in sandbox org has no settings to edit. Pick one of your profiles first.</source>
        <translation>Die integrierte Sandbox-Org hat keine Einstellungen zum Bearbeiten. Wählen Sie zuerst eines Ihrer Profile.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>The built-in sandbox org cannot be removed.</source>
        <translation>Die integrierte Sandbox-Org kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Remove the profile &apos;%1&apos; and its secret from the keychain?</source>
        <translation>Das Profil „%1“ und sein Geheimnis aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>Its run history stays on disk.</source>
        <translation>Der Verlauf seiner Läufe bleibt auf der Festplatte erhalten.</translation>
    </message>
    <message>
        <source>The secret could not be removed from the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 — ThreatDesk</source>
        <translation>%1 — ThreatDesk</translation>
    </message>
    <message>
        <source>Budget: –</source>
        <translation>Kontingent: –</translation>
    </message>
    <message>
        <source>No answer from Okta yet</source>
        <translation>Noch keine Antwort von Okta</translation>
    </message>
    <message>
        <source>Budget: %1/%2 · reset in %3 s</source>
        <translation>Kontingent: %1/%2 · Zurücksetzung in %3 s</translation>
    </message>
    <message>
        <source>Budget: %1/%2</source>
        <translation>Kontingent: %1/%2</translation>
    </message>
    <message>
        <source>Requests left in the current window of the endpoint last called (%1)</source>
        <translation>Verbleibende Anfragen im aktuellen Zeitfenster des zuletzt aufgerufenen Endpunkts (%1)</translation>
    </message>
    <message>
        <source>Quit ThreatDesk</source>
        <translation>ThreatDesk beenden</translation>
    </message>
    <message>
        <source>A risk-event run is still sending. Quit anyway? What is not sent yet stays pending; ThreatDesk offers to resume it at the next start.</source>
        <translation>Ein Lauf mit Risikoereignissen sendet noch. Trotzdem beenden? Was noch nicht gesendet wurde, bleibt ausstehend; ThreatDesk bietet beim nächsten Start an, es fortzusetzen.</translation>
    </message>
    <message>
        <source>The ThreatInsight settings have unsaved changes. Quit and discard them?</source>
        <translation>Die ThreatInsight-Einstellungen haben ungespeicherte Änderungen. Beenden und die Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>About ThreatDesk</source>
        <translation>Über ThreatDesk</translation>
    </message>
    <message>
        <source>ThreatDesk %1
A desktop console for Okta ThreatInsight and IP risk events.

Licence: GNU General Public License, version 3 or later (%2).
Qt %3 (built with %4), QtKeychain %5.</source>
        <translation>ThreatDesk %1
Eine Desktop-Konsole für Okta ThreatInsight und IP-Risikoereignisse.

Lizenz: GNU General Public License, Version 3 oder neuer (%2).
Qt %3 (kompiliert mit %4), QtKeychain %5.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Sandbox org</source>
        <translation>Sandbox-Org</translation>
    </message>
    <message>
        <source>The built-in sandbox org cannot be edited: it starts on this computer and has no URL or secret to change.</source>
        <translation>Die integrierte Sandbox-Org kann nicht bearbeitet werden: Sie startet auf diesem Computer und hat keine URL und kein Geheimnis, die sich ändern ließen.</translation>
    </message>
    <message>
        <source>Edit org profile &apos;%1&apos;</source>
        <translation>Org-Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Add org profile</source>
        <translation>Org-Profil hinzufügen</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>e.g. Acme production</source>
        <translation>z. B. Acme Produktion</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Org URL</source>
        <translation>Org-URL</translation>
    </message>
    <message>
        <source>e.g. acme.okta.com (https:// is implied)</source>
        <translation>z. B. acme.okta.com (https:// wird ergänzt)</translation>
    </message>
    <message>
        <source>Org &amp;URL:</source>
        <translation>Org-&amp;URL:</translation>
    </message>
    <message>
        <source>Org URL warning</source>
        <translation>Warnung zur Org-URL</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>OAuth service app</source>
        <translation>OAuth-Service-App</translation>
    </message>
    <message>
        <source>Sign-in &amp;method:</source>
        <translation>&amp;Anmeldeverfahren:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>The service app&apos;s client id, e.g. 0oa1b2c3d4</source>
        <translation>Die Client-ID der Service-App, z. B. 0oa1b2c3d4</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Optional: the kid Okta knows the key by</source>
        <translation>Optional: die kid des Schlüssels bei Okta</translation>
    </message>
    <message>
        <source>&amp;Key id:</source>
        <translation>Schlüssel-&amp;ID:</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Load from file…</source>
        <translation>Aus Datei &amp;laden…</translation>
    </message>
    <message>
        <source>Load the private key from a file</source>
        <translation>Den privaten Schlüssel aus einer Datei laden</translation>
    </message>
    <message>
        <source>&amp;Private key:</source>
        <translation>&amp;Privater Schlüssel:</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>&amp;Scopes:</translation>
    </message>
    <message>
        <source>Use the system &amp;proxy settings</source>
        <translation>Pro&amp;xy-Einstellungen des Systems verwenden</translation>
    </message>
    <message>
        <source>Use system proxy</source>
        <translation>System-Proxy verwenden</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Problems that block saving</source>
        <translation>Probleme, die das Speichern verhindern</translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation>Status des Speicherns</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Das Profil speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored token</source>
        <translation>Leer lassen, um das gespeicherte Token zu behalten</translation>
    </message>
    <message>
        <source>Paste the Okta API token</source>
        <translation>Okta-API-Token einfügen</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored private key</source>
        <translation>Leer lassen, um den gespeicherten privaten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>Paste the private key (PEM or JWK) or load it from a file</source>
        <translation>Privaten Schlüssel (PEM oder JWK) einfügen oder aus einer Datei laden</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>An API token is one line without spaces.</source>
        <translation>Ein API-Token ist eine Zeile ohne Leerzeichen.</translation>
    </message>
    <message>
        <source>This is not a usable private key: %1</source>
        <translation>Dies ist kein verwendbarer privater Schlüssel: %1</translation>
    </message>
    <message>
        <source>The profile now signs in as an OAuth service app: paste its private key or load it from a file.</source>
        <translation>Das Profil meldet sich jetzt als OAuth-Service-App an: Fügen Sie deren privaten Schlüssel ein oder laden Sie ihn aus einer Datei.</translation>
    </message>
    <message>
        <source>Paste the service app&apos;s private key or load it from a file.</source>
        <translation>Fügen Sie den privaten Schlüssel der Service-App ein oder laden Sie ihn aus einer Datei.</translation>
    </message>
    <message>
        <source>The profile now signs in with an API token: enter it.</source>
        <translation>Das Profil meldet sich jetzt mit einem API-Token an: Geben Sie es ein.</translation>
    </message>
    <message>
        <source>Enter the Okta API token.</source>
        <translation>Geben Sie das Okta-API-Token ein.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saving… waiting for the keychain to store the secret.</source>
        <translation>Wird gespeichert… Warten, bis der Schlüsselbund das Geheimnis gespeichert hat.</translation>
    </message>
    <message>
        <source>Load the service app&apos;s private key</source>
        <translation>Privaten Schlüssel der Service-App laden</translation>
    </message>
    <message>
        <source>Private keys (*.pem *.key *.json *.jwk);;All files (*)</source>
        <translation>Private Schlüssel (*.pem *.key *.json *.jwk);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large for a private key (at most %2 KiB).</source>
        <translation>%1 ist zu groß für einen privaten Schlüssel (höchstens %2 KiB).</translation>
    </message>
    <message>
        <source>%1 holds no usable private key: %2</source>
        <translation>%1 enthält keinen verwendbaren privaten Schlüssel: %2</translation>
    </message>
    <message>
        <source>Enter the org URL first.</source>
        <translation>Geben Sie zuerst die Org-URL ein.</translation>
    </message>
    <message>
        <source>Enter the service app&apos;s client id first.</source>
        <translation>Geben Sie zuerst die Client-ID der Service-App ein.</translation>
    </message>
    <message>
        <source>Paste the private key first.</source>
        <translation>Fügen Sie zuerst den privaten Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter the API token first.</source>
        <translation>Geben Sie zuerst das API-Token ein.</translation>
    </message>
    <message>
        <source>Reading the stored secret from the keychain…</source>
        <translation>Gespeichertes Geheimnis wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>Verbindung zu %1 wird getestet…</translation>
    </message>
    <message>
        <source>No private key is stored for this profile; type one to test.</source>
        <translation>Für dieses Profil ist kein privater Schlüssel gespeichert; geben Sie einen ein, um zu testen.</translation>
    </message>
    <message>
        <source>No API token is stored for this profile; type one to test.</source>
        <translation>Für dieses Profil ist kein API-Token gespeichert; geben Sie eines ein, um zu testen.</translation>
    </message>
    <message>
        <source>The stored private key could not be read from the keychain: %1</source>
        <translation>Der gespeicherte private Schlüssel konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The stored API token could not be read from the keychain: %1</source>
        <translation>Das gespeicherte API-Token konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The private key could not be stored in the keychain: %1 The profile was not saved.</source>
        <translation>Der private Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1 Das Profil wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The API token could not be stored in the keychain: %1 The profile was not saved.</source>
        <translation>Das API-Token konnte nicht im Schlüsselbund gespeichert werden: %1 Das Profil wurde nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>QuickReportDialog</name>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Jetzt senden</translation>
    </message>
    <message>
        <source>Report IPs now</source>
        <translation>IPs jetzt melden</translation>
    </message>
    <message>
        <source>Paste or type the addresses to report, one or more per line. They are sent to the org at once, highest priority first.</source>
        <translation>Fügen Sie die zu meldenden Adressen ein oder tippen Sie sie, eine oder mehrere pro Zeile. Sie werden sofort an die Org gesendet, höchste Priorität zuerst.</translation>
    </message>
    <message>
        <source>IP addresses to report</source>
        <translation>Zu meldende IP-Adressen</translation>
    </message>
    <message>
        <source>203.0.113.7
2001:db8::1</source>
        <translation>203.0.113.7
2001:db8::1</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risikostufe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>optional, e.g. credential stuffing from this address</source>
        <translation>optional, z. B. Credential Stuffing von dieser Adresse</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Check the addresses and send them (Ctrl+Return)</source>
        <translation>Die Adressen prüfen und senden (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation>&amp;Adressen:</translation>
    </message>
    <message>
        <source>Risk &amp;level:</source>
        <translation>Risiko&amp;stufe:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Nachricht: %1</translation>
    </message>
    <message>
        <source>Line %1: %2: %3</source>
        <translation>Zeile %1: %2: %3</translation>
    </message>
    <message>
        <source>duplicate of line %1</source>
        <translation>Duplikat von Zeile %1</translation>
    </message>
    <message>
        <source>Enter at least one IP address.</source>
        <translation>Geben Sie mindestens eine IP-Adresse ein.</translation>
    </message>
    <message>
        <source>Nothing was sent. Please fix:</source>
        <translation>Es wurde nichts gesendet. Bitte korrigieren Sie:</translation>
    </message>
</context>
<context>
    <name>RateLimitGauge</name>
    <message>
        <source>Rate-limit budget</source>
        <translation>Ratenlimit-Kontingent</translation>
    </message>
    <message>
        <source>No requests sent yet</source>
        <translation>Noch keine Anfragen gesendet</translation>
    </message>
    <message>
        <source>Rate limited by Okta: waiting %1 s · </source>
        <translation>Ratenlimit von Okta erreicht: %1 s Wartezeit · </translation>
    </message>
    <message>
        <source>%1 of %2 requests left</source>
        <translation>%1 von %2 Anfragen übrig</translation>
    </message>
    <message>
        <source> (Okta&apos;s documented default until the org answers)</source>
        <translation> (Oktas dokumentierter Standardwert, bis die Org antwortet)</translation>
    </message>
    <message>
        <source> · resets in %1 s</source>
        <translation> · Zurücksetzung in %1 s</translation>
    </message>
    <message>
        <source> · next request in %1 s</source>
        <translation> · nächste Anfrage in %1 s</translation>
    </message>
    <message>
        <source> · 1 rate-limited answer</source>
        <translation> · 1 Antwort mit Ratenlimit</translation>
    </message>
    <message>
        <source> · %1 rate-limited answers</source>
        <translation> · %1 Antworten mit Ratenlimit</translation>
    </message>
    <message>
        <source> · %1 sent in the last %2 s</source>
        <translation> · %1 gesendet in den letzten %2 s</translation>
    </message>
</context>
<context>
    <name>RemoveRowsCommand</name>
    <message numerus="yes">
        <source>remove %n row(s)</source>
        <translation>
            <numerusform>%n Zeile entfernen</numerusform>
            <numerusform>%n Zeilen entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestPreviewDialog</name>
    <message>
        <source>Preview requests</source>
        <translation>Vorschau der Anfragen</translation>
    </message>
    <message>
        <source>Preview of the requests to send</source>
        <translation>Vorschau der zu sendenden Anfragen</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>, 1 subject</source>
        <translation>, 1 Subjekt</translation>
    </message>
    <message>
        <source>, %1 subjects</source>
        <translation>, %1 Subjekte</translation>
    </message>
    <message>
        <source>; showing the first %1</source>
        <translation>; die ersten %1 werden angezeigt</translation>
    </message>
    <message>
        <source>Request shown</source>
        <translation>Angezeigte Anfrage</translation>
    </message>
    <message>
        <source>Request %1 of %2</source>
        <translation>Anfrage %1 von %2</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Anfrage:</translation>
    </message>
    <message>
        <source>Request body (JSON)</source>
        <translation>Anfragetext (JSON)</translation>
    </message>
    <message>
        <source>&amp;Copy JSON</source>
        <translation>JSON &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the request body</source>
        <translation>Den Anfragetext kopieren</translation>
    </message>
    <message>
        <source>Copies the shown request&apos;s body exactly as it would be sent (Ctrl+Shift+C)</source>
        <translation>Kopiert den Text der angezeigten Anfrage genau so, wie er gesendet würde (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing to send: there is no valid subject.</source>
        <translation>Nichts zu senden: Es gibt kein gültiges Subjekt.</translation>
    </message>
    <message>
        <source>POST /api/v1/risk/events/ip · body of %1 bytes</source>
        <translation>POST /api/v1/risk/events/ip · Anfragetext mit %1 Bytes</translation>
    </message>
    <message>
        <source>Request %1 copied to the clipboard (%2 bytes, exactly as sent)</source>
        <translation>Anfrage %1 in die Zwischenablage kopiert (%2 Bytes, genau wie gesendet)</translation>
    </message>
</context>
<context>
    <name>RiskEventsPage</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Risk events</source>
        <translation>Risikoereignisse</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>Zeilen ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove rows</source>
        <translation>Zeilen &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Pre&amp;view requests…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Cancel run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Re&amp;try pending</source>
        <translation>&amp;Ausstehende erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Export results…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Report IPs &amp;now…</source>
        <translation>IPs jetzt &amp;melden…</translation>
    </message>
    <message>
        <source>Default risk level</source>
        <translation>Standard-Risikostufe</translation>
    </message>
    <message>
        <source>The level of rows that give none (plain IP lists, typed rows)</source>
        <translation>Die Stufe für Zeilen ohne eigene Angabe (reine IP-Listen, eingetippte Zeilen)</translation>
    </message>
    <message>
        <source>none (rows must give one)</source>
        <translation>keine (Zeilen müssen eine angeben)</translation>
    </message>
    <message>
        <source>Import format</source>
        <translation>Importformat</translation>
    </message>
    <message>
        <source>How files and pasted text are read; Detect tells a plain IP list from CSV</source>
        <translation>Wie Dateien und eingefügter Text gelesen werden; „Erkennen“ unterscheidet eine reine IP-Liste von CSV</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>CSV / spreadsheet</source>
        <translation>CSV / Tabellenkalkulation</translation>
    </message>
    <message>
        <source>Plain IP list</source>
        <translation>Reine IP-Liste</translation>
    </message>
    <message>
        <source>Allow &amp;non-public addresses</source>
        <translation>&amp;Nicht öffentliche Adressen zulassen</translation>
    </message>
    <message>
        <source>Allow non-public addresses</source>
        <translation>Nicht öffentliche Adressen zulassen</translation>
    </message>
    <message>
        <source>Accept private, loopback, documentation and other reserved addresses</source>
        <translation>Private, Loopback-, Dokumentations- und andere reservierte Adressen akzeptieren</translation>
    </message>
    <message>
        <source>Timestamp: now (when Send is pressed)</source>
        <translation>Zeitstempel: jetzt (beim Senden)</translation>
    </message>
    <message>
        <source>E&amp;xpires after</source>
        <translation>Läuft a&amp;b nach</translation>
    </message>
    <message>
        <source>Expire the events</source>
        <translation>Ereignisse ablaufen lassen</translation>
    </message>
    <message>
        <source>Sets expiresAt: the events stop counting after this time</source>
        <translation>Setzt expiresAt: Nach dieser Zeit zählen die Ereignisse nicht mehr</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>Time to live unit</source>
        <translation>Einheit der Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>&amp;Default level:</source>
        <translation>&amp;Standardstufe:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>P&amp;roblems only</source>
        <translation>Nur &amp;Probleme</translation>
    </message>
    <message>
        <source>Show problem rows only</source>
        <translation>Nur Problemzeilen anzeigen</translation>
    </message>
    <message>
        <source>Invalid, merged and rejected rows only</source>
        <translation>Nur ungültige, zusammengeführte und abgelehnte Zeilen</translation>
    </message>
    <message>
        <source>Filter by risk level</source>
        <translation>Nach Risikostufe filtern</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Filter by address or message</source>
        <translation>Nach Adresse oder Nachricht filtern</translation>
    </message>
    <message>
        <source>Row counts</source>
        <translation>Zeilenanzahlen</translation>
    </message>
    <message>
        <source>Risk subjects</source>
        <translation>Risikosubjekte</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send progress</source>
        <translation>Sendefortschritt</translation>
    </message>
    <message>
        <source>Estimated time left</source>
        <translation>Geschätzte Restzeit</translation>
    </message>
    <message>
        <source>Accepted, rejected and pending subjects</source>
        <translation>Angenommene, abgelehnte und ausstehende Subjekte</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>Status des Laufs</translation>
    </message>
    <message>
        <source>Retry pending</source>
        <translation>Ausstehende erneut versuchen</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>Neuer Stapel</translation>
    </message>
    <message>
        <source>Clear the table for a new batch; this run stays in History</source>
        <translation>Die Tabelle für einen neuen Stapel leeren; dieser Lauf bleibt im Verlauf</translation>
    </message>
    <message>
        <source>Edit again</source>
        <translation>Erneut bearbeiten</translation>
    </message>
    <message>
        <source>Make the rows of this run editable again</source>
        <translation>Die Zeilen dieses Laufs wieder bearbeitbar machen</translation>
    </message>
    <message>
        <source>Import risk events</source>
        <translation>Risikoereignisse importieren</translation>
    </message>
    <message>
        <source>CSV or text files (*.csv *.tsv *.txt *.lst *.netset);;All files (*)</source>
        <translation>CSV- oder Textdateien (*.csv *.tsv *.txt *.lst *.netset);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>An import is still running. Cancel it or wait for it before importing %1.</source>
        <translation>Ein Import läuft noch. Brechen Sie ihn ab oder warten Sie auf ihn, bevor Sie %1 importieren.</translation>
    </message>
    <message>
        <source>Run in progress</source>
        <translation>Lauf aktiv</translation>
    </message>
    <message>
        <source>A run is being sent. Rows can be imported once it has stopped (or been cancelled).</source>
        <translation>Ein Lauf wird gesendet. Zeilen können importiert werden, sobald er beendet (oder abgebrochen) ist.</translation>
    </message>
    <message>
        <source>Append or replace?</source>
        <translation>Anhängen oder ersetzen?</translation>
    </message>
    <message numerus="yes">
        <source>The table already holds %Ln row(s). Append the new rows to them?</source>
        <translation>
            <numerusform>Die Tabelle enthält bereits %Ln Zeile. Die neuen Zeilen anhängen?</numerusform>
            <numerusform>Die Tabelle enthält bereits %Ln Zeilen. Die neuen Zeilen anhängen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes appends (addresses already in the table are merged, and Undo takes the import back). No replaces the current rows with the new ones. Cancel imports nothing.</source>
        <translation>„Ja“ hängt an (Adressen, die schon in der Tabelle stehen, werden zusammengeführt, und „Rückgängig“ nimmt den Import zurück). „Nein“ ersetzt die aktuellen Zeilen durch die neuen. „Abbrechen“ importiert nichts.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Import of %1 cancelled; the table is unchanged.</source>
        <translation>Import von %1 abgebrochen; die Tabelle ist unverändert.</translation>
    </message>
    <message>
        <source>%1 could not be imported: %2</source>
        <translation>%1 konnte nicht importiert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>paste %Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile einfügen</numerusform>
            <numerusform>%Ln Zeilen einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Pasted: %1</source>
        <translation>Eingefügt: %1</translation>
    </message>
    <message>
        <source>Imported %1: %2</source>
        <translation>%1 importiert: %2</translation>
    </message>
    <message>
        <source>One file at a time: importing %1 only.</source>
        <translation>Nur eine Datei auf einmal: Nur %1 wird importiert.</translation>
    </message>
    <message>
        <source>The clipboard holds no text to paste.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Einfügen.</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>die Zwischenablage</translation>
    </message>
    <message>
        <source>The batch cannot take rows now (a run or an import is in progress): %1 not added.</source>
        <translation>Der Stapel kann gerade keine Zeilen aufnehmen (ein Lauf oder ein Import ist aktiv): %1 nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>add 1 detected IP</source>
        <translation>1 erkannte IP hinzufügen</translation>
    </message>
    <message>
        <source>add %1 detected IPs</source>
        <translation>%1 erkannte IPs hinzufügen</translation>
    </message>
    <message>
        <source>Added 1 address to the batch</source>
        <translation>1 Adresse zum Stapel hinzugefügt</translation>
    </message>
    <message>
        <source>Added %1 addresses to the batch</source>
        <translation>%1 Adressen zum Stapel hinzugefügt</translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln row(s); Undo brings them back.</source>
        <translation>
            <numerusform>%Ln Zeile entfernt; „Rückgängig“ holt sie zurück.</numerusform>
            <numerusform>%Ln Zeilen entfernt; „Rückgängig“ holt sie zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 rows shown</source>
        <translation>%1 von %2 Zeilen angezeigt</translation>
    </message>
    <message>
        <source>%1 subjects (HIGH %2, MEDIUM %3, LOW %4)</source>
        <translation>%1 Subjekte (HIGH %2, MEDIUM %3, LOW %4)</translation>
    </message>
    <message>
        <source>Nothing to preview</source>
        <translation>Keine Vorschau möglich</translation>
    </message>
    <message>
        <source>No row in the table is valid, so no request would be sent.</source>
        <translation>Keine Zeile der Tabelle ist gültig, daher würde keine Anfrage gesendet.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connect to an org first (pick a profile or the sandbox org), then send.</source>
        <translation>Verbinden Sie sich zuerst mit einer Org (wählen Sie ein Profil oder die Sandbox-Org) und senden Sie dann.</translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>Nichts zu senden</translation>
    </message>
    <message numerus="yes">
        <source>None of the %Ln row(s) is valid: fix the rows marked invalid (the Reason column says why) or import other rows.</source>
        <translation>
            <numerusform>Die %Ln Zeile ist nicht gültig: Korrigieren Sie die als ungültig markierten Zeilen (die Spalte „Grund“ sagt, warum) oder importieren Sie andere Zeilen.</numerusform>
            <numerusform>Keine der %Ln Zeilen ist gültig: Korrigieren Sie die als ungültig markierten Zeilen (die Spalte „Grund“ sagt, warum) oder importieren Sie andere Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table is empty: import a file, paste rows or add a row first.</source>
        <translation>Die Tabelle ist leer: Importieren Sie zuerst eine Datei, fügen Sie Zeilen ein oder fügen Sie eine Zeile hinzu.</translation>
    </message>
    <message>
        <source>Send the valid rows only?</source>
        <translation>Nur die gültigen Zeilen senden?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have problems and will not be sent.</source>
        <translation>
            <numerusform>%Ln Zeile hat Probleme und wird nicht gesendet.</numerusform>
            <numerusform>%Ln Zeilen haben Probleme und werden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send the %Ln valid subject(s) now, or cancel and fix the rows marked invalid (&quot;Problems only&quot; shows them).</source>
        <translation>
            <numerusform>Das %Ln gültige Subjekt jetzt senden oder abbrechen und die als ungültig markierten Zeilen korrigieren („Nur Probleme“ zeigt sie an).</numerusform>
            <numerusform>Die %Ln gültigen Subjekte jetzt senden oder abbrechen und die als ungültig markierten Zeilen korrigieren („Nur Probleme“ zeigt sie an).</numerusform>
        </translation>
    </message>
    <message>
        <source>No row in the table is valid.</source>
        <translation>Keine Zeile der Tabelle ist gültig.</translation>
    </message>
    <message>
        <source>The run could not start</source>
        <translation>Der Lauf konnte nicht starten</translation>
    </message>
    <message>
        <source>Resuming the run: sending its pending subjects…</source>
        <translation>Lauf wird fortgesetzt: Seine ausstehenden Subjekte werden gesendet…</translation>
    </message>
    <message>
        <source>Sending, highest risk first…</source>
        <translation>Wird gesendet, höchstes Risiko zuerst…</translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln subject(s)…</source>
        <translation>
            <numerusform>%Ln Subjekt wird gesendet…</numerusform>
            <numerusform>%Ln Subjekte werden gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: all %1 subjects accepted by Okta.</source>
        <translation>Fertig: Alle %1 Subjekte von Okta angenommen.</translation>
    </message>
    <message>
        <source>Done: %1 accepted, %2 rejected by Okta (the Reason column says why).</source>
        <translation>Fertig: %1 angenommen, %2 von Okta abgelehnt (die Spalte „Grund“ sagt, warum).</translation>
    </message>
    <message>
        <source>Cancelled: %1 accepted, %2 rejected, %3 still pending.</source>
        <translation>Abgebrochen: %1 angenommen, %2 abgelehnt, %3 noch ausstehend.</translation>
    </message>
    <message>
        <source>Stopped: %1 accepted, %2 rejected, %3 still pending.</source>
        <translation>Gestoppt: %1 angenommen, %2 abgelehnt, %3 noch ausstehend.</translation>
    </message>
    <message>
        <source>Retry pending sends the rest now; the run also stays in History and is offered for resuming at the next start.</source>
        <translation>„Ausstehende erneut versuchen“ sendet den Rest jetzt; der Lauf bleibt außerdem im Verlauf und wird beim nächsten Start zum Fortsetzen angeboten.</translation>
    </message>
    <message>
        <source>ETA: –</source>
        <translation>Restzeit: –</translation>
    </message>
    <message>
        <source>No run yet: Send delivers the valid rows, highest risk first.</source>
        <translation>Noch kein Lauf: „Senden“ übermittelt die gültigen Zeilen, höchstes Risiko zuerst.</translation>
    </message>
    <message>
        <source>ETA: %1</source>
        <translation>Restzeit: %1</translation>
    </message>
    <message>
        <source>%1 accepted · %2 rejected · %3 pending of %4 · %5 requests sent, %6 left</source>
        <translation>%1 angenommen · %2 abgelehnt · %3 von %4 ausstehend · %5 Anfragen gesendet, %6 übrig</translation>
    </message>
    <message>
        <source>Pausing: the request in flight completes, then nothing more is sent until Resume.</source>
        <translation>Wird pausiert: Die laufende Anfrage wird abgeschlossen, danach wird bis „Fortsetzen“ nichts mehr gesendet.</translation>
    </message>
    <message>
        <source>Paused: nothing is sent until Resume.</source>
        <translation>Pausiert: Bis „Fortsetzen“ wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>F&amp;ortsetzen</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Resumed sending.</source>
        <translation>Senden fortgesetzt.</translation>
    </message>
    <message>
        <source>Paused: the request in flight completes, nothing more is sent until Resume.</source>
        <translation>Pausiert: Die laufende Anfrage wird abgeschlossen, bis „Fortsetzen“ wird nichts mehr gesendet.</translation>
    </message>
    <message>
        <source>Sending the pending subjects again…</source>
        <translation>Die ausstehenden Subjekte werden erneut gesendet…</translation>
    </message>
    <message>
        <source>New batch: the table is empty; the last run is in History.</source>
        <translation>Neuer Stapel: Die Tabelle ist leer; der letzte Lauf steht im Verlauf.</translation>
    </message>
    <message>
        <source>The rows are editable again; Send starts a new run with every valid row.</source>
        <translation>Die Zeilen sind wieder bearbeitbar; „Senden“ startet einen neuen Lauf mit allen gültigen Zeilen.</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert.</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>A run is being sent. Report more addresses once it has stopped, or cancel it.</source>
        <translation>Ein Lauf wird gesendet. Melden Sie weitere Adressen, sobald er beendet ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>The addresses are in the table, but no org is connected: connect, then press Send.</source>
        <translation>Die Adressen stehen in der Tabelle, aber keine Org ist verbunden: Verbinden Sie sich und klicken Sie dann auf „Senden“.</translation>
    </message>
    <message>
        <source>report IPs</source>
        <translation>IPs melden</translation>
    </message>
    <message>
        <source>Resume an unfinished run?</source>
        <translation>Einen unvollendeten Lauf fortsetzen?</translation>
    </message>
    <message>
        <source>Yes sends its pending subjects now and shows the run in the table. No leaves it in History; it is offered again next time.</source>
        <translation>„Ja“ sendet seine ausstehenden Subjekte jetzt und zeigt den Lauf in der Tabelle. „Nein“ belässt ihn im Verlauf; er wird beim nächsten Mal erneut angeboten.</translation>
    </message>
    <message>
        <source>Resuming replaces the rows now in the table.</source>
        <translation>Das Fortsetzen ersetzt die Zeilen, die jetzt in der Tabelle stehen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more unfinished run(s) are in History.</source>
        <translation>
            <numerusform>%Ln weiterer unvollendeter Lauf steht im Verlauf.</numerusform>
            <numerusform>%Ln weitere unvollendete Läufe stehen im Verlauf.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run could not be resumed</source>
        <translation>Der Lauf konnte nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>Part of the run&apos;s journal is damaged</source>
        <translation>Ein Teil des Journals dieses Laufs ist beschädigt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) of this run&apos;s journal could not be read. The request(s) they belong to are sent again, so their subjects may reach Okta twice, which only refreshes the same signals.</source>
        <translation>
            <numerusform>%Ln Datei des Journals dieses Laufs konnte nicht gelesen werden. Die Anfrage, zu der sie gehört, wird erneut gesendet; ihre Subjekte können Okta daher zweimal erreichen, was dieselben Signale nur auffrischt.</numerusform>
            <numerusform>%Ln Dateien des Journals dieses Laufs konnten nicht gelesen werden. Die Anfragen, zu denen sie gehören, werden erneut gesendet; ihre Subjekte können Okta daher zweimal erreichen, was dieselben Signale nur auffrischt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreatInsightPage</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>ThreatInsight[*]</source>
        <translation>ThreatInsight[*]</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the configuration and the zones from the org again (F5)</source>
        <translation>Die Konfiguration und die Zonen erneut aus der Org lesen (F5)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the action and the excluded zones to the org (Ctrl+S)</source>
        <translation>Die Aktion und die ausgenommenen Zonen in der Org speichern (Ctrl+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Discard your changes and show the configuration as loaded</source>
        <translation>Ihre Änderungen verwerfen und die Konfiguration wie geladen anzeigen</translation>
    </message>
    <message>
        <source>Action on suspicious requests</source>
        <translation>Aktion bei verdächtigen Anfragen</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>&amp;Protokollieren</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Blockieren</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Last updated:</source>
        <translation>Zuletzt geändert:</translation>
    </message>
    <message>
        <source>Excluded zones:</source>
        <translation>Ausgenommene Zonen:</translation>
    </message>
    <message>
        <source>Network zones exempt from ThreatInsight</source>
        <translation>Von ThreatInsight ausgenommene Netzwerkzonen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Ihre Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Reloading shows the configuration as the org has it now and discards your unsaved changes: %1.</source>
        <translation>Neu laden zeigt die Konfiguration, wie die Org sie jetzt hat, und verwirft Ihre ungespeicherten Änderungen: %1.</translation>
    </message>
    <message>
        <source>Block suspicious requests?</source>
        <translation>Verdächtige Anfragen blockieren?</translation>
    </message>
    <message>
        <source>With the action block, Okta logs and blocks every request ThreatInsight considers suspicious, before authentication. People signing in from a flagged IP are turned away unless their IP is in an excluded zone.</source>
        <translation>Mit der Aktion „Blockieren“ protokolliert und blockiert Okta jede Anfrage, die ThreatInsight für verdächtig hält, noch vor der Authentifizierung. Personen, die sich von einer markierten IP anmelden, werden abgewiesen, außer ihre IP liegt in einer ausgenommenen Zone.</translation>
    </message>
    <message>
        <source>Excluded zones: %1.</source>
        <translation>Ausgenommene Zonen: %1.</translation>
    </message>
    <message>
        <source>The configuration changed on the server</source>
        <translation>Die Konfiguration wurde auf dem Server geändert</translation>
    </message>
    <message>
        <source>Your changes: %1.

Save overwrites the org&apos;s configuration with yours. Discard drops your changes and shows the org&apos;s. Cancel keeps your changes unsaved.</source>
        <translation>Ihre Änderungen: %1.

„Speichern“ überschreibt die Konfiguration der Org mit Ihrer. „Verwerfen“ verwirft Ihre Änderungen und zeigt die der Org. „Abbrechen“ behält Ihre Änderungen ungespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Saved: action %1, %n zone(s) exempt</source>
        <translation>
            <numerusform>Gespeichert: Aktion %1, %n Zone ausgenommen</numerusform>
            <numerusform>Gespeichert: Aktion %1, %n Zonen ausgenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (request id %2)</source>
        <translation>%1 (Anfrage-ID %2)</translation>
    </message>
    <message>
        <source>Saving the ThreatInsight configuration failed</source>
        <translation>Speichern der ThreatInsight-Konfiguration fehlgeschlagen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Not connected to an org</source>
        <translation>Mit keiner Org verbunden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Waiting for your decision…</source>
        <translation>Warten auf Ihre Entscheidung…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not load the configuration</source>
        <translation>Die Konfiguration konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Loaded (request id %1)</source>
        <translation>Geladen (Anfrage-ID %1)</translation>
    </message>
    <message>
        <source>Some zones could not be read and are not listed:
%1</source>
        <translation>Einige Zonen konnten nicht gelesen werden und sind nicht aufgeführt:
%1</translation>
    </message>
</context>
<context>
    <name>ZoneChangeDialog</name>
    <message>
        <source>Block or exempt IP addresses</source>
        <translation>IP-Adressen blockieren oder ausnehmen</translation>
    </message>
    <message>
        <source>No org is open: open one to change its zones.</source>
        <translation>Keine Org geöffnet: Öffnen Sie eine, um ihre Zonen zu ändern.</translation>
    </message>
    <message>
        <source>Writing the zone… wait for Okta&apos;s answer before closing.</source>
        <translation>Die Zone wird geschrieben… Warten Sie vor dem Schließen auf Oktas Antwort.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>The Network Zone to change, by name or id</source>
        <translation>Die zu ändernde Netzwerkzone, nach Name oder ID</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>IPv4 or IPv6 addresses, CIDRs (203.0.113.0/24) or ranges (203.0.113.1-203.0.113.9), one per line or separated by spaces or commas</source>
        <translation>IPv4- oder IPv6-Adressen, CIDRs (203.0.113.0/24) oder Bereiche (203.0.113.1-203.0.113.9), eine pro Zeile oder durch Leerzeichen oder Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>A&amp;ddresses:</source>
        <translation>A&amp;dressen:</translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>Was sich ändert</translation>
    </message>
    <message>
        <source>Press Show changes to see what this does to the zone before anything is written.</source>
        <translation>Klicken Sie auf „Änderungen anzeigen“, um zu sehen, was dies an der Zone ändert, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Show changes</source>
        <translation>Ä&amp;nderungen anzeigen</translation>
    </message>
    <message>
        <source>Show changes</source>
        <translation>Änderungen anzeigen</translation>
    </message>
    <message>
        <source>Read the zone and show what would change; nothing is written (Ctrl+Shift+S)</source>
        <translation>Die Zone lesen und anzeigen, was sich ändern würde; es wird nichts geschrieben (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>An&amp;wenden</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Write the changes shown to the zone (Ctrl+Return)</source>
        <translation>Die angezeigten Änderungen in die Zone schreiben (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Block: add to a block list zone</source>
        <translation>Blockieren: zu einer Sperrlistenzone hinzufügen</translation>
    </message>
    <message>
        <source>Unblock: remove from a block list zone</source>
        <translation>Blockierung aufheben: aus einer Sperrlistenzone entfernen</translation>
    </message>
    <message>
        <source>Exempt: add to the zone ThreatInsight ignores</source>
        <translation>Ausnehmen: zu der Zone hinzufügen, die ThreatInsight ignoriert</translation>
    </message>
    <message>
        <source>Unexempt: remove from the exempt zone</source>
        <translation>Ausnahme aufheben: aus der Ausnahmezone entfernen</translation>
    </message>
    <message>
        <source>The inputs changed: press Show changes to see the new plan.</source>
        <translation>Die Eingaben haben sich geändert: Klicken Sie auf „Änderungen anzeigen“, um den neuen Plan zu sehen.</translation>
    </message>
    <message>
        <source>Type at least one address, CIDR or range.</source>
        <translation>Geben Sie mindestens eine Adresse, ein CIDR oder einen Bereich ein.</translation>
    </message>
    <message>
        <source>Reading the zone…</source>
        <translation>Die Zone wird gelesen…</translation>
    </message>
    <message>
        <source>Writing the zone…</source>
        <translation>Die Zone wird geschrieben…</translation>
    </message>
    <message>
        <source>This change cannot be applied: 1 problem (listed above).</source>
        <translation>Diese Änderung kann nicht angewendet werden: 1 Problem (oben aufgeführt).</translation>
    </message>
    <message>
        <source>This change cannot be applied: %1 problems (listed above).</source>
        <translation>Diese Änderung kann nicht angewendet werden: %1 Probleme (oben aufgeführt).</translation>
    </message>
    <message>
        <source>Nothing to change: the zone already is as asked.</source>
        <translation>Nichts zu ändern: Die Zone ist bereits wie gewünscht.</translation>
    </message>
    <message>
        <source>Check the changes above, then press Apply to write them to the zone.</source>
        <translation>Prüfen Sie die Änderungen oben und klicken Sie dann auf „Anwenden“, um sie in die Zone zu schreiben.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Applied to %1.</source>
        <translation>Auf %1 angewendet.</translation>
    </message>
    <message>
        <source>Okta request id: %1</source>
        <translation>Okta-Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>Done: %1 (request id %2)</source>
        <translation>Fertig: %1 (Anfrage-ID %2)</translation>
    </message>
    <message>
        <source>Applying failed: %1</source>
        <translation>Anwenden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot show the changes: %1</source>
        <translation>Die Änderungen können nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Zone: %1 (%2, %3)</source>
        <translation>Zone: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Will add (%1):</source>
        <translation>Wird hinzugefügt (%1):</translation>
    </message>
    <message>
        <source>Will remove (%1):</source>
        <translation>Wird entfernt (%1):</translation>
    </message>
    <message>
        <source>Already in the zone (%1):</source>
        <translation>Bereits in der Zone (%1):</translation>
    </message>
    <message>
        <source>Not in the zone (%1):</source>
        <translation>Nicht in der Zone (%1):</translation>
    </message>
    <message>
        <source>Inside a wider entry that stays (not removed):</source>
        <translation>Innerhalb eines umfassenderen Eintrags, der bleibt (nicht entfernt):</translation>
    </message>
    <message>
        <source>Problems (%1):</source>
        <translation>Probleme (%1):</translation>
    </message>
    <message>
        <source>Gateways: %1 → %2 of %3</source>
        <translation>Gateways: %1 → %2 von %3</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message>
        <source>Filter zones</source>
        <translation>Zonen filtern</translation>
    </message>
    <message>
        <source>Filter zones by name, type, usage, status or gateway</source>
        <translation>Zonen nach Name, Typ, Verwendung, Status oder Gateway filtern</translation>
    </message>
    <message>
        <source>DefaultExemptIpZone is always exempt: ThreatInsight never flags its IPs,
whether or not it is checked here. Only IP zones can be excluded.</source>
        <translation>DefaultExemptIpZone ist immer ausgenommen: ThreatInsight markiert ihre IPs nie,
ob sie hier angehakt ist oder nicht. Nur IP-Zonen können ausgenommen werden.</translation>
    </message>
    <message>
        <source>Network zones</source>
        <translation>Netzwerkzonen</translation>
    </message>
    <message>
        <source>No network zones to show yet:
they are listed here once the org has answered.</source>
        <translation>Noch keine Netzwerkzonen anzuzeigen:
Sie werden hier aufgeführt, sobald die Org geantwortet hat.</translation>
    </message>
    <message>
        <source>No org is open:
its network zones are listed here once it is.</source>
        <translation>Keine Org geöffnet:
Ihre Netzwerkzonen werden hier aufgeführt, sobald eine geöffnet ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s), %1 excluded</source>
        <translation>
            <numerusform>%n Zone, %1 ausgenommen</numerusform>
            <numerusform>%n Zonen, %1 ausgenommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n zone(s) shown, %2 excluded</source>
        <translation>
            <numerusform>%1 von %n Zone angezeigt, %2 ausgenommen</numerusform>
            <numerusform>%1 von %n Zonen angezeigt, %2 ausgenommen</numerusform>
        </translation>
    </message>
</context>
</TS>
