<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BaseUrlPolicy</name>
    <message>
        <source>The org URL is empty.</source>
        <translation>Die Org-URL ist leer.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid org URL.</source>
        <translation>&apos;%1&apos; ist keine gültige Org-URL.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: only https:// org URLs are supported.</source>
        <translation>&apos;%1&apos;: Es werden nur https://-Org-URLs unterstützt.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: plain http would send the token unencrypted; use https:// (http is only allowed for a loopback host such as the sandbox org).</source>
        <translation>&apos;%1&apos;: Mit einfachem http würde das Token unverschlüsselt gesendet; verwenden Sie https:// (http ist nur für einen Loopback-Host wie die Sandbox-Org erlaubt).</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the org URL must not contain a user name or password.</source>
        <translation>&apos;%1&apos;: Die Org-URL darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the org URL must not have a query or fragment.</source>
        <translation>&apos;%1&apos;: Die Org-URL darf keinen Query-String und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: give the org&apos;s address only (like https://acme.okta.com), without a path.</source>
        <translation>&apos;%1&apos;: Geben Sie nur die Adresse der Org an (wie https://acme.okta.com), ohne Pfad.</translation>
    </message>
</context>
<context>
    <name>ClientAssertion</name>
    <message>
        <source>The client id and the token endpoint are both needed.</source>
        <translation>Die Client-ID und der Token-Endpunkt werden beide benötigt.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>unterminated quoted field: the quote opened on line %1 is never closed, so the rest of the input (to line %2) was read into it</source>
        <translation>nicht abgeschlossenes Feld in Anführungszeichen: Das in Zeile %1 geöffnete Anführungszeichen wird nie geschlossen, daher wurde der Rest der Eingabe (bis Zeile %2) in dieses Feld gelesen</translation>
    </message>
    <message>
        <source>unexpected text after the closing quote of field %1: quote the whole field and double any quote inside it</source>
        <translation>unerwarteter Text nach dem schließenden Anführungszeichen von Feld %1: Setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie jedes Anführungszeichen darin</translation>
    </message>
    <message>
        <source>row is longer than %1 characters</source>
        <translation>Zeile ist länger als %1 Zeichen</translation>
    </message>
</context>
<context>
    <name>DetectionFeed</name>
    <message>
        <source>the time range is empty: since %1 is not before until %2</source>
        <translation>der Zeitraum ist leer: der Beginn %1 liegt nicht vor dem Ende %2</translation>
    </message>
    <message>
        <source>Reading the System Log failed: %1</source>
        <translation>Das Lesen des Systemprotokolls ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>event #%1</source>
        <translation>Ereignis #%1</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>%1: not a JSON object</source>
        <translation>%1: kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>DetectionTableModel</name>
    <message>
        <source>%1 (UTC)
Event %2</source>
        <translation>%1 (UTC)
Ereignis %2</translation>
    </message>
    <message>
        <source>Org-wide event: no client IP</source>
        <translation>Org-weites Ereignis: keine Client-IP</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>When Okta logged the event, in local time</source>
        <translation>Zeitpunkt, zu dem Okta das Ereignis protokolliert hat, in Ortszeit</translation>
    </message>
    <message>
        <source>The client IP ThreatInsight flagged</source>
        <translation>Die Client-IP, die ThreatInsight markiert hat</translation>
    </message>
    <message>
        <source>Threat detected, or the org coming under / out of attack</source>
        <translation>Bedrohung erkannt oder Beginn bzw. Ende eines Angriffs auf die Org</translation>
    </message>
    <message>
        <source>What Okta did with the request: DENY, RATE_LIMIT, ALLOW…</source>
        <translation>Was Okta mit der Anfrage gemacht hat: DENY, RATE_LIMIT, ALLOW…</translation>
    </message>
    <message>
        <source>What ThreatInsight suspected; the tooltip has the details</source>
        <translation>Was ThreatInsight vermutet hat; der Tooltip enthält die Details</translation>
    </message>
    <message>
        <source>City and country of the IP, when Okta knows them</source>
        <translation>Stadt und Land der IP, sofern Okta sie kennt</translation>
    </message>
</context>
<context>
    <name>DpopProofBuilder</name>
    <message>
        <source>No DPoP key could be generated.</source>
        <translation>Es konnte kein DPoP-Schlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>A DPoP proof needs a method and an absolute URL.</source>
        <translation>Ein DPoP-Nachweis braucht eine Methode und eine absolute URL.</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>1 subject</source>
        <translation>1 Subjekt</translation>
    </message>
    <message>
        <source>%1 subjects</source>
        <translation>%1 Subjekte</translation>
    </message>
    <message>
        <source>credentials not accepted (401)</source>
        <translation>Anmeldedaten nicht akzeptiert (401)</translation>
    </message>
    <message>
        <source>not allowed to send risk events (403)</source>
        <translation>keine Berechtigung zum Senden von Risikoereignissen (403)</translation>
    </message>
    <message>
        <source>the org no longer accepts IP risk events</source>
        <translation>die Org nimmt keine IP-Risikoereignisse mehr an</translation>
    </message>
    <message>
        <source>Okta did not take a request after several attempts</source>
        <translation>Okta hat eine Anfrage nach mehreren Versuchen nicht angenommen</translation>
    </message>
    <message>
        <source>nothing could be sent</source>
        <translation>es konnte nichts gesendet werden</translation>
    </message>
    <message>
        <source>an answer ThreatDesk cannot act on</source>
        <translation>eine Antwort, auf die ThreatDesk nicht reagieren kann</translation>
    </message>
    <message>
        <source>the run&apos;s journal could not be written</source>
        <translation>das Journal des Laufs konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>kein Grund aufgezeichnet</translation>
    </message>
    <message>
        <source>Run %1 cannot be read: %2</source>
        <translation>Lauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>This run&apos;s journal is damaged and cannot be listed.
Reason: %1</source>
        <translation>Das Journal dieses Laufs ist beschädigt und kann nicht aufgelistet werden.
Grund: %1</translation>
    </message>
    <message>
        <source>  request %1: %2, HTTP %3, Okta request id %4%5</source>
        <translation>  Anfrage %1: %2, HTTP %3, Okta-Anfrage-ID %4%5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>%1: %2 accepted, %3 rejected, %4 pending</source>
        <translation>%1: %2 angenommen, %3 abgelehnt, %4 ausstehend</translation>
    </message>
    <message>
        <source>Risk events run %1</source>
        <translation>Risikoereignis-Lauf %1</translation>
    </message>
    <message>
        <source>Event timestamp: %1</source>
        <translation>Zeitstempel der Ereignisse: %1</translation>
    </message>
    <message>
        <source>Time to live: %1 seconds</source>
        <translation>Gültigkeitsdauer: %1 Sekunden</translation>
    </message>
    <message>
        <source>Requests: %1 planned, %2 answered, %3 still to deliver</source>
        <translation>Anfragen: %1 geplant, %2 beantwortet, %3 noch zuzustellen</translation>
    </message>
    <message>
        <source>Last state: %1%2</source>
        <translation>Letzter Status: %1%2</translation>
    </message>
    <message>
        <source>Last state: none recorded (the run never started or the app stopped)</source>
        <translation>Letzter Status: keiner aufgezeichnet (der Lauf hat nie begonnen oder die App wurde beendet)</translation>
    </message>
    <message>
        <source>The run did not finish: its pending subjects can be resumed from the Risk events screen.</source>
        <translation>Der Lauf wurde nicht abgeschlossen: Seine ausstehenden Subjekte können auf der Seite „Risikoereignisse“ fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Answers other than accepted:</source>
        <translation>Antworten außer „angenommen“:</translation>
    </message>
    <message>
        <source>Damaged journal files (the counts may be incomplete):</source>
        <translation>Beschädigte Journaldateien (die Zahlen sind möglicherweise unvollständig):</translation>
    </message>
    <message>
        <source>action %1; excluded zones: %2</source>
        <translation>Aktion %1; ausgenommene Zonen: %2</translation>
    </message>
    <message>
        <source>; lastUpdated %1</source>
        <translation>; zuletzt aktualisiert %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at character %2)</source>
        <translation>kein gültiges JSON (%1 bei Zeichen %2)</translation>
    </message>
    <message>
        <source>the field &quot;when&quot; is missing or not a time</source>
        <translation>das Feld &quot;when&quot; fehlt oder ist keine Zeitangabe</translation>
    </message>
    <message>
        <source>the field &quot;ok&quot; is missing or not true/false</source>
        <translation>das Feld &quot;ok&quot; fehlt oder ist nicht true/false</translation>
    </message>
    <message>
        <source>the field &quot;after.action&quot; is missing</source>
        <translation>das Feld &quot;after.action&quot; fehlt</translation>
    </message>
    <message>
        <source>ThreatInsight change saved</source>
        <translation>ThreatInsight-Änderung gespeichert</translation>
    </message>
    <message>
        <source>ThreatInsight change failed</source>
        <translation>ThreatInsight-Änderung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Nachher: %1</translation>
    </message>
    <message>
        <source>Attempted: %1</source>
        <translation>Versucht: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>action %1 → %2</source>
        <translation>Aktion %1 → %2</translation>
    </message>
    <message>
        <source>; excluded zones unchanged</source>
        <translation>; ausgenommene Zonen unverändert</translation>
    </message>
    <message>
        <source>; excluded %1</source>
        <translation>; ausgenommen: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 → %2 gateways</source>
        <translation>%1 → %2 Gateways</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 in %3</translation>
    </message>
    <message>
        <source>the field &quot;action&quot; is missing</source>
        <translation>das Feld &quot;action&quot; fehlt</translation>
    </message>
    <message>
        <source>Zone change (%1) saved</source>
        <translation>Zonenänderung (%1) gespeichert</translation>
    </message>
    <message>
        <source>Zone change (%1) failed</source>
        <translation>Zonenänderung (%1) fehlgeschlagen</translation>
    </message>
    <message>
        <source>Zone: %1 (%2)</source>
        <translation>Zone: %1 (%2)</translation>
    </message>
    <message>
        <source>Added (%1): %2</source>
        <translation>Hinzugefügt (%1): %2</translation>
    </message>
    <message>
        <source>To add (%1): %2</source>
        <translation>Hinzuzufügen (%1): %2</translation>
    </message>
    <message>
        <source>Removed (%1): %2</source>
        <translation>Entfernt (%1): %2</translation>
    </message>
    <message>
        <source>To remove (%1): %2</source>
        <translation>Zu entfernen (%1): %2</translation>
    </message>
    <message>
        <source>Gateways: %1 → %2</source>
        <translation>Gateways: %1 → %2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The %1 history cannot be read: %2</source>
        <translation>Der Verlauf „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 line %2 cannot be read: %3</source>
        <translation>%1, Zeile %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Line %1 of %2 is damaged: %3
Its content: %4</source>
        <translation>Zeile %1 von %2 ist beschädigt: %3
Inhalt der Zeile: %4</translation>
    </message>
    <message>
        <source>ThreatInsight</source>
        <translation>ThreatInsight</translation>
    </message>
    <message>
        <source>zone change</source>
        <translation>Zonenänderungen</translation>
    </message>
    <message>
        <source>cannot write the CSV: %1</source>
        <translation>die CSV-Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot write the CSV: no file</source>
        <translation>die CSV-Datei kann nicht geschrieben werden: keine Datei</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) were in flight when the run stopped: Okta may have them already, and resuming sends them again.</source>
        <translation>
            <numerusform>%n Anfrage war unterwegs, als der Lauf anhielt: Okta hat sie möglicherweise schon erhalten, und beim Fortsetzen wird sie erneut gesendet.</numerusform>
            <numerusform>%n Anfragen waren unterwegs, als der Lauf anhielt: Okta hat sie möglicherweise schon erhalten, und beim Fortsetzen werden sie erneut gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>Risk events run</source>
        <translation>Risikoereignis-Lauf</translation>
    </message>
    <message>
        <source>ThreatInsight change</source>
        <translation>ThreatInsight-Änderung</translation>
    </message>
    <message>
        <source>Zone change</source>
        <translation>Zonenänderung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The time of this entry is unknown (its record is damaged).</source>
        <translation>Der Zeitpunkt dieses Eintrags ist unbekannt (sein Datensatz ist beschädigt).</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Subjekte</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Local time; the tooltip of each cell gives it in UTC</source>
        <translation>Ortszeit; der Tooltip jeder Zelle zeigt sie in UTC</translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message numerus="yes">
        <source>%1 rows: %2 valid (HIGH %3, MEDIUM %4, LOW %5), %6 rejected, %7 merged</source>
        <translation>
            <numerusform>%1 Zeile: %2 gültig (HIGH %3, MEDIUM %4, LOW %5), %6 abgelehnt, %7 zusammengeführt</numerusform>
            <numerusform>%1 Zeilen: %2 gültig (HIGH %3, MEDIUM %4, LOW %5), %6 abgelehnt, %7 zusammengeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %1 messages cleaned</source>
        <translation>
            <numerusform>, %1 Nachricht bereinigt</numerusform>
            <numerusform>, %1 Nachrichten bereinigt</numerusform>
        </translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>IpAddressParser</name>
    <message>
        <source>this network</source>
        <translation>dieses Netzwerk</translation>
    </message>
    <message>
        <source>private network</source>
        <translation>privates Netzwerk</translation>
    </message>
    <message>
        <source>shared address space, carrier-grade NAT</source>
        <translation>gemeinsam genutzter Adressraum, Carrier-Grade-NAT</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>Link-Local</translation>
    </message>
    <message>
        <source>IETF protocol assignments</source>
        <translation>IETF-Protokollzuweisungen</translation>
    </message>
    <message>
        <source>documentation, TEST-NET-1</source>
        <translation>Dokumentation, TEST-NET-1</translation>
    </message>
    <message>
        <source>benchmarking</source>
        <translation>Benchmarking</translation>
    </message>
    <message>
        <source>documentation, TEST-NET-2</source>
        <translation>Dokumentation, TEST-NET-2</translation>
    </message>
    <message>
        <source>documentation, TEST-NET-3</source>
        <translation>Dokumentation, TEST-NET-3</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>Multicast</translation>
    </message>
    <message>
        <source>reserved, incl. broadcast 255.255.255.255</source>
        <translation>reserviert, einschl. Broadcast 255.255.255.255</translation>
    </message>
    <message>
        <source>unspecified address</source>
        <translation>nicht spezifizierte Adresse</translation>
    </message>
    <message>
        <source>local-use IPv4/IPv6 translation</source>
        <translation>IPv4/IPv6-Übersetzung zur lokalen Nutzung</translation>
    </message>
    <message>
        <source>discard-only</source>
        <translation>nur zum Verwerfen</translation>
    </message>
    <message>
        <source>documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>unique local, private network</source>
        <translation>Unique Local, privates Netzwerk</translation>
    </message>
    <message>
        <source>not a public address: in %1 (%2); allow non-public addresses in the settings to send it</source>
        <translation>keine öffentliche Adresse: in %1 (%2); erlauben Sie nicht öffentliche Adressen in den Einstellungen, um sie zu senden</translation>
    </message>
    <message>
        <source>non-public</source>
        <translation>nicht öffentlich</translation>
    </message>
    <message>
        <source>ip is missing: each row needs one IPv4 or IPv6 address</source>
        <translation>ip fehlt: Jede Zeile braucht eine IPv4- oder IPv6-Adresse</translation>
    </message>
    <message>
        <source>CIDR ranges are not accepted (not even /32): give a single address</source>
        <translation>CIDR-Bereiche werden nicht akzeptiert (auch nicht /32): Geben Sie eine einzelne Adresse an</translation>
    </message>
    <message>
        <source>address ranges are not accepted: give a single address</source>
        <translation>Adressbereiche werden nicht akzeptiert: Geben Sie eine einzelne Adresse an</translation>
    </message>
    <message>
        <source>IPv6 zone ids (%...) are not accepted: give the address without the zone</source>
        <translation>IPv6-Zonen-IDs (%...) werden nicht akzeptiert: Geben Sie die Adresse ohne Zone an</translation>
    </message>
    <message>
        <source>ports and brackets are not accepted: give the bare address</source>
        <translation>Ports und Klammern werden nicht akzeptiert: Geben Sie die reine Adresse an</translation>
    </message>
    <message>
        <source>several values in one field: give exactly one address</source>
        <translation>mehrere Werte in einem Feld: Geben Sie genau eine Adresse an</translation>
    </message>
    <message>
        <source>integers are not accepted as addresses: write IPv4 as a dotted quad a.b.c.d</source>
        <translation>Ganzzahlen werden nicht als Adressen akzeptiert: Schreiben Sie IPv4 in Punktschreibweise a.b.c.d</translation>
    </message>
    <message>
        <source>IPv4 parts must not have leading zeros (they are ambiguous): write 10, not 010</source>
        <translation>IPv4-Teile dürfen keine führenden Nullen haben (sie sind mehrdeutig): Schreiben Sie 10, nicht 010</translation>
    </message>
    <message>
        <source>IPv4 parts must be 0 to 255</source>
        <translation>IPv4-Teile müssen zwischen 0 und 255 liegen</translation>
    </message>
    <message>
        <source>an IPv4 address has exactly four dot-separated parts of 0 to 255</source>
        <translation>eine IPv4-Adresse besteht aus genau vier durch Punkte getrennten Teilen von 0 bis 255</translation>
    </message>
    <message>
        <source>not a valid IPv6 address</source>
        <translation>keine gültige IPv6-Adresse</translation>
    </message>
    <message>
        <source>host names are not accepted: give an IPv4 or IPv6 address</source>
        <translation>Hostnamen werden nicht akzeptiert: Geben Sie eine IPv4- oder IPv6-Adresse an</translation>
    </message>
    <message>
        <source>not an IPv4 or IPv6 address</source>
        <translation>keine IPv4- oder IPv6-Adresse</translation>
    </message>
</context>
<context>
    <name>Jwt</name>
    <message>
        <source>The header asks for %1 but the key signs %2.</source>
        <translation>Der Header verlangt %1, aber der Schlüssel signiert mit %2.</translation>
    </message>
    <message>
        <source>Signing failed.</source>
        <translation>Das Signieren ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>A compact JWS has three parts separated by dots.</source>
        <translation>Ein kompakter JWS besteht aus drei durch Punkte getrennten Teilen.</translation>
    </message>
    <message>
        <source>The JWS header is not base64url-encoded JSON.</source>
        <translation>Der JWS-Header ist kein base64url-kodiertes JSON.</translation>
    </message>
    <message>
        <source>The JWT claims are not base64url-encoded JSON.</source>
        <translation>Die JWT-Claims sind kein base64url-kodiertes JSON.</translation>
    </message>
    <message>
        <source>The JWS signature is not base64url.</source>
        <translation>Die JWS-Signatur ist nicht base64url-kodiert.</translation>
    </message>
    <message>
        <source>The algorithm &quot;%1&quot; is not accepted (RS256 or ES256 only).</source>
        <translation>Der Algorithmus &quot;%1&quot; wird nicht akzeptiert (nur RS256 oder ES256).</translation>
    </message>
    <message>
        <source>The JWS header lists critical extensions, none of which are supported.</source>
        <translation>Der JWS-Header führt kritische Erweiterungen auf, von denen keine unterstützt wird.</translation>
    </message>
    <message>
        <source>The token is signed %1 but the key is for %2.</source>
        <translation>Das Token ist mit %1 signiert, aber der Schlüssel ist für %2.</translation>
    </message>
    <message>
        <source>The signature does not match.</source>
        <translation>Die Signatur stimmt nicht überein.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No system keychain is available (%1). On Linux, ThreatDesk needs a Secret Service such as GNOME Keyring or KWallet, running and unlocked.</source>
        <translation>Kein Systemschlüsselbund verfügbar (%1). Unter Linux braucht ThreatDesk einen Secret Service wie GNOME Keyring oder KWallet, der läuft und entsperrt ist.</translation>
    </message>
    <message>
        <source>No secret is stored.</source>
        <translation>Es ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied; it may be locked (%1).</source>
        <translation>Der Zugriff auf den Systemschlüsselbund wurde verweigert; er ist möglicherweise gesperrt (%1).</translation>
    </message>
    <message>
        <source>System keychain error: %1</source>
        <translation>Fehler des Systemschlüsselbunds: %1</translation>
    </message>
    <message>
        <source>System keychain: secrets are kept by the operating system&apos;s credential store.</source>
        <translation>Systemschlüsselbund: Geheimnisse werden im Anmeldedatenspeicher des Betriebssystems verwahrt.</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 ms; the operation may still complete later.</source>
        <translation>Der Systemschlüsselbund hat nicht innerhalb von %1 ms geantwortet; der Vorgang wird möglicherweise später noch abgeschlossen.</translation>
    </message>
    <message>
        <source>The stored secret has an unknown format; store it again.</source>
        <translation>Das gespeicherte Geheimnis hat ein unbekanntes Format; speichern Sie es erneut.</translation>
    </message>
    <message>
        <source>The stored secret is incomplete or corrupted; store it again.</source>
        <translation>Das gespeicherte Geheimnis ist unvollständig oder beschädigt; speichern Sie es erneut.</translation>
    </message>
    <message>
        <source>Part %1 of %2 of the stored secret is missing; store it again.</source>
        <translation>Teil %1 von %2 des gespeicherten Geheimnisses fehlt; speichern Sie es erneut.</translation>
    </message>
    <message>
        <source>The secret was stored, but older parts of it could not be removed: %1</source>
        <translation>Das Geheimnis wurde gespeichert, aber ältere Teile davon konnten nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>Session only: secrets are kept in memory and forgotten when ThreatDesk quits.</source>
        <translation>Nur für diese Sitzung: Geheimnisse werden im Arbeitsspeicher gehalten und beim Beenden von ThreatDesk verworfen.</translation>
    </message>
    <message>
        <source>Simulated secret store failure.</source>
        <translation>Simulierter Fehler des Geheimnisspeichers.</translation>
    </message>
    <message>
        <source>No secret is stored.</source>
        <translation>Es ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>MessageRules</name>
    <message>
        <source>message is longer than %1 characters (%2)</source>
        <translation>message ist länger als %1 Zeichen (%2)</translation>
    </message>
    <message>
        <source>message may only contain letters, digits, space, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;: found %1 at position %2</source>
        <translation>message darf nur Buchstaben, Ziffern, Leerzeichen, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten: %1 an Position %2 gefunden</translation>
    </message>
    <message>
        <source> (%1 characters not allowed in all)</source>
        <translation> (insgesamt %1 unzulässige Zeichen)</translation>
    </message>
    <message>
        <source>%1 (tab)</source>
        <translation>%1 (Tabulator)</translation>
    </message>
    <message>
        <source>%1 (line break)</source>
        <translation>%1 (Zeilenumbruch)</translation>
    </message>
    <message>
        <source>%1 (carriage return)</source>
        <translation>%1 (Wagenrücklauf)</translation>
    </message>
    <message>
        <source>%1 (invalid UTF-8 or a replacement character)</source>
        <translation>%1 (ungültiges UTF-8 oder ein Ersatzzeichen)</translation>
    </message>
</context>
<context>
    <name>NetworkZone</name>
    <message>
        <source>a zone without id or type (&apos;%1&apos;)</source>
        <translation>eine Zone ohne ID oder Typ (&apos;%1&apos;)</translation>
    </message>
    <message>
        <source>no gateways</source>
        <translation>keine Gateways</translation>
    </message>
    <message>
        <source> (+%1 more)</source>
        <translation> (+%1 weitere)</translation>
    </message>
</context>
<context>
    <name>OAuthAuthProvider</name>
    <message>
        <source>The sign-in to Okta was cancelled.</source>
        <translation>Die Anmeldung bei Okta wurde abgebrochen.</translation>
    </message>
    <message>
        <source>OAuth service app</source>
        <translation>OAuth-Service-App</translation>
    </message>
    <message>
        <source>No DPoP proof could be made: %1</source>
        <translation>Es konnte kein DPoP-Nachweis erstellt werden: %1</translation>
    </message>
    <message>
        <source>No network access is available for the token request.</source>
        <translation>Für die Token-Anfrage ist kein Netzwerkzugang verfügbar.</translation>
    </message>
    <message>
        <source>No scopes are set for the service app; ask for at least one, e.g. okta.networkZones.read.</source>
        <translation>Für die Service-App sind keine Scopes festgelegt; fordern Sie mindestens einen an, z. B. okta.networkZones.read.</translation>
    </message>
    <message>
        <source>The client assertion could not be signed: %1</source>
        <translation>Die Client-Assertion konnte nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>(Okta request id %1)</source>
        <translation>(Okta-Anfrage-ID %1)</translation>
    </message>
    <message>
        <source>Okta&apos;s token endpoint did not answer within %1 s.</source>
        <translation>Der Token-Endpunkt von Okta hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Okta&apos;s token endpoint could not be reached: %1</source>
        <translation>Der Token-Endpunkt von Okta ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Okta&apos;s token endpoint answered without a usable access token.</source>
        <translation>Der Token-Endpunkt von Okta hat ohne verwendbares Access-Token geantwortet.</translation>
    </message>
    <message>
        <source>Okta&apos;s token endpoint answered HTTP %1, redirecting to %2; not followed.</source>
        <translation>Der Token-Endpunkt von Okta hat mit HTTP %1 geantwortet und auf %2 umgeleitet; der Umleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>Okta&apos;s token endpoint answered HTTP %1.</source>
        <translation>Der Token-Endpunkt von Okta hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>Okta says: &quot;%1&quot;</source>
        <translation>Okta meldet: „%1“</translation>
    </message>
    <message>
        <source>Okta rejected the signed client assertion as expired or not yet valid (%1). This usually means this computer&apos;s clock is off: check its date, time and time zone (set it to sync with an internet time server) and try again.</source>
        <translation>Okta hat die signierte Client-Assertion als abgelaufen oder noch nicht gültig abgelehnt (%1). Meist geht die Uhr dieses Computers falsch: Prüfen Sie Datum, Uhrzeit und Zeitzone (stellen Sie die Synchronisierung mit einem Internet-Zeitserver ein) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Okta does not accept this service app&apos;s credentials (invalid_client): either the client id is unknown to the org, or the public key (and its key id, kid) registered for the app in Okta does not match the private key in use.</source>
        <translation>Okta akzeptiert die Anmeldedaten dieser Service-App nicht (invalid_client): Entweder ist die Client-ID in der Org unbekannt, oder der öffentliche Schlüssel (samt Schlüssel-ID, kid), der für die App in Okta registriert ist, passt nicht zum verwendeten privaten Schlüssel.</translation>
    </message>
    <message>
        <source>the requested scopes</source>
        <translation>die angeforderten Scopes</translation>
    </message>
    <message>
        <source>Okta refused the requested scopes (invalid_scope). Asked for: %1. Each of them must be granted to the service app in Okta (the app&apos;s Okta API Scopes tab).</source>
        <translation>Okta hat die angeforderten Scopes abgelehnt (invalid_scope). Angefordert: %1. Jeder davon muss der Service-App in Okta gewährt sein (Registerkarte „Okta API Scopes“ der App).</translation>
    </message>
    <message>
        <source>The app may not use the client credentials flow (unauthorized_client): in Okta it must be an API Services app with the Client Credentials grant enabled.</source>
        <translation>Die App darf den Client-Credentials-Flow nicht verwenden (unauthorized_client): In Okta muss sie eine API-Services-App mit aktiviertem Grant „Client Credentials“ sein.</translation>
    </message>
    <message>
        <source>Okta refused the DPoP proof (invalid_dpop_proof); the org requires DPoP-bound tokens for this app.</source>
        <translation>Okta hat den DPoP-Nachweis abgelehnt (invalid_dpop_proof); die Org verlangt für diese App DPoP-gebundene Token.</translation>
    </message>
    <message>
        <source>Okta kept asking for a new DPoP nonce (use_dpop_nonce); try again.</source>
        <translation>Okta hat wiederholt eine neue DPoP-Nonce verlangt (use_dpop_nonce); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Okta refused the token request (%1).</source>
        <translation>Okta hat die Token-Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>[client assertion]</source>
        <translation>[Client-Assertion]</translation>
    </message>
    <message>
        <source>Refusing to send the client assertion to %1: %2</source>
        <translation>Die Client-Assertion wird nicht an %1 gesendet: %2</translation>
    </message>
    <message>
        <source>it is not the org&apos;s token endpoint.</source>
        <translation>es ist nicht der Token-Endpunkt der Org.</translation>
    </message>
</context>
<context>
    <name>OktaJob</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the client is gone</source>
        <translation>der Client existiert nicht mehr</translation>
    </message>
    <message>
        <source>no org URL is set</source>
        <translation>es ist keine Org-URL festgelegt</translation>
    </message>
    <message>
        <source>refusing to send credentials to %1, which is not the org</source>
        <translation>Anmeldedaten werden nicht an %1 gesendet, da dies nicht die Org ist</translation>
    </message>
    <message>
        <source>no credentials are configured</source>
        <translation>es sind keine Anmeldedaten konfiguriert</translation>
    </message>
    <message>
        <source>no credentials</source>
        <translation>keine Anmeldedaten</translation>
    </message>
    <message>
        <source>nothing received for %1 s</source>
        <translation>seit %1 s nichts empfangen</translation>
    </message>
    <message>
        <source>the answer is larger than %1 bytes</source>
        <translation>die Antwort ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the connection closed before Okta answered; the request may or may not have been processed</source>
        <translation>die Verbindung wurde geschlossen, bevor Okta geantwortet hat; die Anfrage wurde möglicherweise verarbeitet, möglicherweise nicht</translation>
    </message>
    <message>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>redirected to %1; not followed</source>
        <translation>umgeleitet auf %1; nicht gefolgt</translation>
    </message>
</context>
<context>
    <name>OktaResult</name>
    <message>
        <source>%1: HTTP %2</source>
        <translation>%1: HTTP %2</translation>
    </message>
    <message>
        <source>%1 failed: HTTP %2</source>
        <translation>%1 fehlgeschlagen: HTTP %2</translation>
    </message>
    <message>
        <source>%1 failed: network error: %2</source>
        <translation>%1 fehlgeschlagen: Netzwerkfehler: %2</translation>
    </message>
    <message>
        <source>%1 failed: no answer in time (%2)</source>
        <translation>%1 fehlgeschlagen: keine rechtzeitige Antwort (%2)</translation>
    </message>
    <message>
        <source>%1 failed: unexpected answer: %2</source>
        <translation>%1 fehlgeschlagen: unerwartete Antwort: %2</translation>
    </message>
    <message>
        <source>%1 not sent: %2</source>
        <translation>%1 nicht gesendet: %2</translation>
    </message>
    <message>
        <source> [request id %1]</source>
        <translation> [Anfrage-ID %1]</translation>
    </message>
    <message>
        <source>%1 failed: HTTP %2, unexpected answer: %3</source>
        <translation>%1 fehlgeschlagen: HTTP %2, unerwartete Antwort: %3</translation>
    </message>
</context>
<context>
    <name>OpenSslKey</name>
    <message>
        <source>The JWK has no &quot;%1&quot; member.</source>
        <translation>Der JWK hat kein Element &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The JWK member &quot;%1&quot; is not valid base64url.</source>
        <translation>Das JWK-Element &quot;%1&quot; ist kein gültiges base64url.</translation>
    </message>
    <message>
        <source>The JWK does not describe a valid key.</source>
        <translation>Der JWK beschreibt keinen gültigen Schlüssel.</translation>
    </message>
    <message>
        <source>The JWK&apos;s private and public parts do not match.</source>
        <translation>Privater und öffentlicher Teil des JWK passen nicht zusammen.</translation>
    </message>
    <message>
        <source>The JWK&apos;s public key is not valid.</source>
        <translation>Der öffentliche Schlüssel des JWK ist ungültig.</translation>
    </message>
    <message>
        <source>RSA keys must have at least 2048 bits (this one has %1).</source>
        <translation>RSA-Schlüssel müssen mindestens 2048 Bit haben (dieser hat %1).</translation>
    </message>
    <message>
        <source>The JWK has only some of &quot;p&quot;, &quot;q&quot;, &quot;dp&quot;, &quot;dq&quot;, &quot;qi&quot;.</source>
        <translation>Der JWK enthält nur einige von &quot;p&quot;, &quot;q&quot;, &quot;dp&quot;, &quot;dq&quot;, &quot;qi&quot;.</translation>
    </message>
    <message>
        <source>The EC JWK has no &quot;crv&quot; member.</source>
        <translation>Der EC-JWK hat kein Element &quot;crv&quot;.</translation>
    </message>
    <message>
        <source>Only the P-256 curve is supported (the JWK uses %1).</source>
        <translation>Nur die Kurve P-256 wird unterstützt (der JWK verwendet %1).</translation>
    </message>
    <message>
        <source>The P-256 coordinates &quot;x&quot; and &quot;y&quot; must be 32 bytes each.</source>
        <translation>Die P-256-Koordinaten &quot;x&quot; und &quot;y&quot; müssen je 32 Bytes lang sein.</translation>
    </message>
    <message>
        <source>The P-256 private key &quot;d&quot; must be 32 bytes.</source>
        <translation>Der private P-256-Schlüssel &quot;d&quot; muss 32 Bytes lang sein.</translation>
    </message>
    <message>
        <source>No key.</source>
        <translation>Kein Schlüssel.</translation>
    </message>
    <message>
        <source>The EC key does not name its curve; only P-256 is supported.</source>
        <translation>Der EC-Schlüssel nennt seine Kurve nicht; nur P-256 wird unterstützt.</translation>
    </message>
    <message>
        <source>Only the P-256 curve is supported (this key uses %1).</source>
        <translation>Nur die Kurve P-256 wird unterstützt (dieser Schlüssel verwendet %1).</translation>
    </message>
    <message>
        <source>Only RSA and EC P-256 keys are supported (this key is %1).</source>
        <translation>Nur RSA- und EC-P-256-Schlüssel werden unterstützt (dieser Schlüssel: %1).</translation>
    </message>
    <message>
        <source>of an unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <source>The JWK has no &quot;kty&quot; member.</source>
        <translation>Der JWK hat kein Element &quot;kty&quot;.</translation>
    </message>
    <message>
        <source>Only RSA and EC keys are supported (the JWK has kty &quot;%1&quot;).</source>
        <translation>Nur RSA- und EC-Schlüssel werden unterstützt (der JWK hat kty &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>The JWK is meant for %1; only %2 is supported for %3 keys.</source>
        <translation>Der JWK ist für %1 bestimmt; für %3-Schlüssel wird nur %2 unterstützt.</translation>
    </message>
    <message>
        <source>The JWK holds only a public key; the private key (&quot;d&quot;) is needed.</source>
        <translation>Der JWK enthält nur einen öffentlichen Schlüssel; der private Schlüssel (&quot;d&quot;) wird benötigt.</translation>
    </message>
    <message>
        <source>RSA keys may have at most %1 bits (this one has %2).</source>
        <translation>RSA-Schlüssel dürfen höchstens %1 Bit haben (dieser hat %2).</translation>
    </message>
</context>
<context>
    <name>OrgProfile</name>
    <message>
        <source>Sandbox org</source>
        <translation>Sandbox-Org</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Das Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>The profile name is too long (at most 100 characters).</source>
        <translation>Der Profilname ist zu lang (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>The profile name must not contain control characters.</source>
        <translation>Der Profilname darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Only the built-in sandbox profile can use the sandbox org.</source>
        <translation>Nur das integrierte Sandbox-Profil kann die Sandbox-Org verwenden.</translation>
    </message>
    <message>
        <source>The sandbox org only runs on a loopback address.</source>
        <translation>Die Sandbox-Org läuft nur auf einer Loopback-Adresse.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a loopback address: only the built-in sandbox org runs there; a real org URL must use https://.</source>
        <translation>&apos;%1&apos; ist eine Loopback-Adresse: Dort läuft nur die integrierte Sandbox-Org; eine echte Org-URL muss https:// verwenden.</translation>
    </message>
    <message>
        <source>The org URL must use https://.</source>
        <translation>Die Org-URL muss https:// verwenden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an Okta domain (okta.com, oktapreview.com, okta-emea.com): fine for a custom domain, check the spelling.</source>
        <translation>&apos;%1&apos; ist keine Okta-Domain (okta.com, oktapreview.com, okta-emea.com): Für eine benutzerdefinierte Domain ist das in Ordnung; prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>An OAuth service app needs its client id.</source>
        <translation>Eine OAuth-Service-App braucht ihre Client-ID.</translation>
    </message>
    <message>
        <source>The client id must not contain spaces.</source>
        <translation>Die Client-ID darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The key id must not contain spaces.</source>
        <translation>Die Schlüssel-ID darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Choose at least one scope for the OAuth service app.</source>
        <translation>Wählen Sie mindestens einen Scope für die OAuth-Service-App.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid scope.</source>
        <translation>&apos;%1&apos; ist kein gültiger Scope.</translation>
    </message>
    <message>
        <source>ThreatDesk does not use the scope &apos;%1&apos;; Okta refuses a token request with a scope the app was not granted.</source>
        <translation>ThreatDesk verwendet den Scope &apos;%1&apos; nicht; Okta lehnt eine Token-Anfrage mit einem Scope ab, der der App nicht gewährt wurde.</translation>
    </message>
</context>
<context>
    <name>OrgSession</name>
    <message>
        <source>the API token is empty.</source>
        <translation>das API-Token ist leer.</translation>
    </message>
    <message>
        <source>the private key is unusable: %1</source>
        <translation>der private Schlüssel ist unbrauchbar: %1</translation>
    </message>
    <message>
        <source>There is no profile &apos;%1&apos; any more; pick another org or add a profile.</source>
        <translation>Das Profil &apos;%1&apos; gibt es nicht mehr; wählen Sie eine andere Org oder fügen Sie ein Profil hinzu.</translation>
    </message>
    <message>
        <source>The sandbox org is not available in this build.</source>
        <translation>Die Sandbox-Org ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>The sandbox org could not start: %1</source>
        <translation>Die Sandbox-Org konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The sandbox org could not be reached: %1</source>
        <translation>Die Sandbox-Org ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos; has no %2 in the keychain; edit the profile and enter it again.</source>
        <translation>Profil &apos;%1&apos;: Im Schlüsselbund fehlt der Eintrag „%2“; bearbeiten Sie das Profil und geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>The %1 of profile &apos;%2&apos; could not be read from the keychain: %3</source>
        <translation>Der Eintrag „%1“ des Profils &apos;%2&apos; konnte nicht aus dem Schlüsselbund gelesen werden: %3</translation>
    </message>
    <message>
        <source>Profile &apos;%1&apos;: %2</source>
        <translation>Profil &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>No org</source>
        <translation>Keine Org</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>OAuth service app</source>
        <translation>OAuth-Service-App</translation>
    </message>
    <message>
        <source>Sandbox (API token)</source>
        <translation>Sandbox (API-Token)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Connected: the ThreatInsight configuration was read (request id %1).</source>
        <translation>Verbunden: Die ThreatInsight-Konfiguration wurde gelesen (Anfrage-ID %1).</translation>
    </message>
    <message>
        <source>The connection test failed: %1</source>
        <translation>Der Verbindungstest ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PagedListJob</name>
    <message>
        <source>expected a JSON array</source>
        <translation>JSON-Array erwartet</translation>
    </message>
    <message>
        <source>the next page link points to another host (%1)</source>
        <translation>der Link zur nächsten Seite zeigt auf einen anderen Host (%1)</translation>
    </message>
    <message>
        <source>more than %1 pages</source>
        <translation>mehr als %1 Seiten</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>The built-in sandbox profile cannot be changed.</source>
        <translation>Das integrierte Sandbox-Profil kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>A profile named &apos;%1&apos; already exists.</source>
        <translation>Ein Profil namens &apos;%1&apos; existiert bereits.</translation>
    </message>
    <message>
        <source>The profiles could not be saved to %1.</source>
        <translation>Die Profile konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid profile id.</source>
        <translation>&apos;%1&apos; ist keine gültige Profil-ID.</translation>
    </message>
    <message>
        <source>A profile with the id &apos;%1&apos; already exists.</source>
        <translation>Ein Profil mit der ID &apos;%1&apos; existiert bereits.</translation>
    </message>
    <message>
        <source>There is no profile with the id &apos;%1&apos;.</source>
        <translation>Es gibt kein Profil mit der ID &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>RiskProvider</name>
    <message>
        <source>a risk provider without id</source>
        <translation>ein Risikoanbieter ohne ID</translation>
    </message>
</context>
<context>
    <name>RiskRowImporter</name>
    <message>
        <source>header on line %1: unknown column &apos;%2&apos; (expected ip, riskLevel and message, in any order)</source>
        <translation>Header in Zeile %1: unbekannte Spalte &apos;%2&apos; (erwartet werden ip, riskLevel und message, in beliebiger Reihenfolge)</translation>
    </message>
    <message>
        <source>header on line %1: column &apos;%2&apos; appears twice</source>
        <translation>Header in Zeile %1: Spalte &apos;%2&apos; kommt zweimal vor</translation>
    </message>
    <message>
        <source>header on line %1 has no ip column</source>
        <translation>Header in Zeile %1 hat keine Spalte ip</translation>
    </message>
    <message>
        <source>header on line %1 has no riskLevel column and no default level is set</source>
        <translation>Header in Zeile %1 hat keine Spalte riskLevel, und es ist keine Standardstufe festgelegt</translation>
    </message>
    <message>
        <source>riskLevel is missing and no default level is set: give LOW, MEDIUM or HIGH</source>
        <translation>riskLevel fehlt, und es ist keine Standardstufe festgelegt: Geben Sie LOW, MEDIUM oder HIGH an</translation>
    </message>
    <message>
        <source>riskLevel must be LOW, MEDIUM or HIGH (any case)</source>
        <translation>riskLevel muss LOW, MEDIUM oder HIGH sein (Groß-/Kleinschreibung beliebig)</translation>
    </message>
    <message>
        <source>the second column holds numbers, not risk levels: if this is a plain IP list (such as IPsum&apos;s &quot;ip count&quot;), import it as a plain list with a default level</source>
        <translation>die zweite Spalte enthält Zahlen, keine Risikostufen: Wenn dies eine reine IP-Liste ist (wie IPsums &quot;ip count&quot;), importieren Sie sie als reine Liste mit einer Standardstufe</translation>
    </message>
    <message>
        <source>the input cannot be read: %1</source>
        <translation>die Eingabe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no input</source>
        <translation>keine Eingabe</translation>
    </message>
    <message>
        <source>a plain IP list carries no risk levels: choose a default level</source>
        <translation>eine reine IP-Liste enthält keine Risikostufen: Wählen Sie eine Standardstufe</translation>
    </message>
    <message>
        <source>row has %1 fields but there are only %2 columns (%3): extra fields are not guessed</source>
        <translation>Zeile hat %1 Felder, aber es gibt nur %2 Spalten (%3): Zusätzliche Felder werden nicht erraten</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>RiskSendSession</name>
    <message>
        <source>Nothing to send: there is no valid subject.</source>
        <translation>Nichts zu senden: Es gibt kein gültiges Subjekt.</translation>
    </message>
    <message>
        <source>A run is still being sent; pause or cancel it before starting another.</source>
        <translation>Ein Lauf wird noch gesendet; pausieren Sie ihn oder brechen Sie ihn ab, bevor Sie einen weiteren starten.</translation>
    </message>
    <message>
        <source>The run cannot be written to %1: %2</source>
        <translation>Der Lauf kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>A run is still being sent; pause or cancel it before resuming another.</source>
        <translation>Ein Lauf wird noch gesendet; pausieren Sie ihn oder brechen Sie ihn ab, bevor Sie einen anderen fortsetzen.</translation>
    </message>
    <message>
        <source>The run in %1 cannot be read: %2</source>
        <translation>Der Lauf in %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The run in %1 has nothing pending.</source>
        <translation>Im Lauf in %1 ist nichts ausstehend.</translation>
    </message>
    <message>
        <source>The run could not be set up.</source>
        <translation>Der Lauf konnte nicht eingerichtet werden.</translation>
    </message>
    <message>
        <source>Run in %1 (unreadable)</source>
        <translation>Lauf in %1 (nicht lesbar)</translation>
    </message>
    <message>
        <source>Run of %1: 1 subject</source>
        <translation>Lauf vom %1: 1 Subjekt</translation>
    </message>
    <message>
        <source>Run of %1: %L2 subjects</source>
        <translation>Lauf vom %1: %L2 Subjekte</translation>
    </message>
    <message>
        <source>, %L1 accepted</source>
        <translation>, %L1 angenommen</translation>
    </message>
    <message>
        <source>, %L1 rejected</source>
        <translation>, %L1 abgelehnt</translation>
    </message>
    <message>
        <source>, %L1 pending</source>
        <translation>, %L1 ausstehend</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <comment>date and time format of a run</comment>
        <translation>d. MMM yyyy HH:mm</translation>
    </message>
</context>
<context>
    <name>RiskSubjectTableModel</name>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>zusammengeführt</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>The export file is not open for writing.</source>
        <translation>Die Exportdatei ist nicht zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>riskLevel: not known: the import merged this row into another one and kept only its address, and that row is now removed or changed; give this row&apos;s level</source>
        <translation>riskLevel: unbekannt: Der Import hat diese Zeile mit einer anderen zusammengeführt und nur ihre Adresse behalten, und jene Zeile ist inzwischen entfernt oder geändert; geben Sie die Stufe dieser Zeile an</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>row %1 typed by hand</source>
        <translation>Zeile %1, von Hand eingegeben</translation>
    </message>
    <message>
        <source>row %1 typed above</source>
        <translation>Zeile %1, oben eingegeben</translation>
    </message>
    <message>
        <source>row %1 typed below</source>
        <translation>Zeile %1, unten eingegeben</translation>
    </message>
    <message>
        <source>ip: same address as %1, which is sent with level %2 (merged on import)</source>
        <translation>ip: dieselbe Adresse wie %1, die mit der Stufe %2 gesendet wird (beim Import zusammengeführt)</translation>
    </message>
    <message>
        <source>ip: same address as %1, which has the same level %2 and comes first</source>
        <translation>ip: dieselbe Adresse wie %1, die dieselbe Stufe %2 hat und zuerst kommt</translation>
    </message>
    <message>
        <source>ip: same address as %1, which has the higher level %2</source>
        <translation>ip: dieselbe Adresse wie %1, die die höhere Stufe %2 hat</translation>
    </message>
    <message>
        <source>Accepted by Okta at %1 (request id %2)</source>
        <translation>Von Okta angenommen am %1 (Anfrage-ID %2)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>RunJournal</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object (%2)</source>
        <translation>%1 ist kein JSON-Objekt (%2)</translation>
    </message>
    <message>
        <source>%1 already holds a run</source>
        <translation>%1 enthält bereits einen Lauf</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>run.json has no valid timestamp</source>
        <translation>run.json hat keinen gültigen Zeitstempel</translation>
    </message>
    <message>
        <source>run.json has no subject count</source>
        <translation>run.json enthält keine Anzahl der Subjekte</translation>
    </message>
    <message>
        <source>subjects.jsonl line %1 is damaged</source>
        <translation>subjects.jsonl, Zeile %1 ist beschädigt</translation>
    </message>
    <message>
        <source>subjects.jsonl holds %1 subjects, run.json says %2</source>
        <translation>subjects.jsonl enthält %1 Subjekte, run.json nennt %2</translation>
    </message>
    <message>
        <source>plan.json does not match run.json</source>
        <translation>plan.json passt nicht zu run.json</translation>
    </message>
    <message>
        <source>plan.json names a subject that does not exist</source>
        <translation>plan.json nennt ein Subjekt, das es nicht gibt</translation>
    </message>
    <message>
        <source>unknown journal format %1</source>
        <translation>unbekanntes Journalformat %1</translation>
    </message>
    <message numerus="yes">
        <source>no run of %n subject(s) has a request with this id</source>
        <translation>
            <numerusform>kein Lauf mit %n Subjekt hat eine Anfrage mit dieser ID</numerusform>
            <numerusform>kein Lauf mit %n Subjekten hat eine Anfrage mit dieser ID</numerusform>
        </translation>
    </message>
    <message>
        <source>it does not describe request %1</source>
        <translation>sie beschreibt nicht Anfrage %1</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>unbekannter Status</translation>
    </message>
    <message>
        <source>it names a subject that does not exist</source>
        <translation>sie nennt ein Subjekt, das es nicht gibt</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object (%2)</source>
        <translation>%1 ist kein JSON-Objekt (%2)</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>run.json has the unknown journal format %1</source>
        <translation>run.json hat das unbekannte Journalformat %1</translation>
    </message>
    <message>
        <source>run.json has no subject count</source>
        <translation>run.json enthält keine Anzahl der Subjekte</translation>
    </message>
    <message>
        <source>run.json has no number of planned requests</source>
        <translation>run.json enthält keine Anzahl geplanter Anfragen</translation>
    </message>
    <message>
        <source>%1 has the unknown status &quot;%2&quot;</source>
        <translation>%1 hat den unbekannten Status &quot;%2&quot;</translation>
    </message>
    <message>
        <source>request %1 was answered but its subjects are not on disk</source>
        <translation>Anfrage %1 wurde beantwortet, aber ihre Subjekte liegen nicht auf dem Datenträger</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Invalid profile id for a secret (empty, too long, or containing &apos;:&apos;, &apos;#&apos; or spaces).</source>
        <translation>Ungültige Profil-ID für ein Geheimnis (leer, zu lang oder mit &apos;:&apos;, &apos;#&apos; oder Leerzeichen).</translation>
    </message>
    <message>
        <source>The secret is %1 bytes; at most %2 bytes can be kept in the system keychain (a keychain entry holds at most 2,560 bytes on Windows, so larger secrets are split into parts up to this limit). Use a smaller key, for example an EC P-256 or RSA 2048/4096 key.</source>
        <translation>Das Geheimnis ist %1 Bytes groß; im Systemschlüsselbund können höchstens %2 Bytes abgelegt werden (ein Schlüsselbundeintrag fasst unter Windows höchstens 2.560 Bytes, daher werden größere Geheimnisse in Teile bis zu dieser Grenze aufgeteilt). Verwenden Sie einen kleineren Schlüssel, zum Beispiel einen EC-P-256- oder RSA-2048/4096-Schlüssel.</translation>
    </message>
</context>
<context>
    <name>SendScheduler</name>
    <message numerus="yes">
        <source>Cancelled. %n subject(s) stay pending.</source>
        <translation>
            <numerusform>Abgebrochen. %n Subjekt bleibt ausstehend.</numerusform>
            <numerusform>Abgebrochen. %n Subjekte bleiben ausstehend.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n subject(s) accepted</source>
        <translation>
            <numerusform>Fertig: %n Subjekt angenommen</numerusform>
            <numerusform>Fertig: %n Subjekte angenommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rejected.</source>
        <translation>
            <numerusform>, %n abgelehnt.</numerusform>
            <numerusform>, %n abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending stopped: the run&apos;s journal cannot be written (%1). Nothing is sent unrecorded.</source>
        <translation>Senden angehalten: Das Journal des Laufs kann nicht geschrieben werden (%1). Ohne Aufzeichnung wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Okta did not accept the credentials (%1). Check the API token or the OAuth service app; sending risk events needs the scope okta.riskEvents.manage and an app registered as a risk provider. Nothing more was sent; the remaining subjects stay pending.</source>
        <translation>Okta hat die Anmeldedaten nicht akzeptiert (%1). Prüfen Sie das API-Token oder die OAuth-Service-App; zum Senden von Risikoereignissen sind der Scope okta.riskEvents.manage und eine als Risikoanbieter registrierte App nötig. Es wurde nichts weiter gesendet; die übrigen Subjekte bleiben ausstehend.</translation>
    </message>
    <message>
        <source>Okta refused to take risk events from these credentials (%1). The token needs the scope okta.riskEvents.manage, and the service app must be registered as a risk provider of the org (Security &gt; Device integrations &gt; Risk providers, or POST /api/v1/risk/providers with its client id). Nothing more was sent; the remaining subjects stay pending.</source>
        <translation>Okta nimmt mit diesen Anmeldedaten keine Risikoereignisse an (%1). Das Token braucht den Scope okta.riskEvents.manage, und die Service-App muss als Risikoanbieter der Org registriert sein (Security &gt; Device integrations &gt; Risk providers oder POST /api/v1/risk/providers mit ihrer Client-ID). Es wurde nichts weiter gesendet; die übrigen Subjekte bleiben ausstehend.</translation>
    </message>
    <message>
        <source>This org no longer accepts IP risk events (%1). Okta deprecated the risk events API in 2025; its successor is Shared Signals (security events providers). Nothing more was sent; the remaining subjects stay pending.</source>
        <translation>Diese Org nimmt keine IP-Risikoereignisse mehr an (%1). Okta hat die Risk-Events-API 2025 abgekündigt; ihr Nachfolger ist Shared Signals (Security Events Providers). Es wurde nichts weiter gesendet; die übrigen Subjekte bleiben ausstehend.</translation>
    </message>
    <message numerus="yes">
        <source>Okta did not take request %1 after %n attempt(s) (%2). The remaining subjects stay pending; retry when Okta answers again.</source>
        <translation>
            <numerusform>Okta hat Anfrage %1 nach %n Versuch nicht angenommen (%2). Die übrigen Subjekte bleiben ausstehend; versuchen Sie es erneut, sobald Okta wieder antwortet.</numerusform>
            <numerusform>Okta hat Anfrage %1 nach %n Versuchen nicht angenommen (%2). Die übrigen Subjekte bleiben ausstehend; versuchen Sie es erneut, sobald Okta wieder antwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing could be sent: %1.</source>
        <translation>Es konnte nichts gesendet werden: %1.</translation>
    </message>
    <message>
        <source>Okta answered in a way ThreatDesk cannot act on (%1). The remaining subjects stay pending.</source>
        <translation>Okta hat so geantwortet, dass ThreatDesk nicht darauf reagieren kann (%1). Die übrigen Subjekte bleiben ausstehend.</translation>
    </message>
    <message>
        <source> [request id %1]</source>
        <translation> [Anfrage-ID %1]</translation>
    </message>
    <message numerus="yes">
        <source>Okta answered request %1 with 429 Too Many Requests %n time(s) in a row (%2); another client may be using up this org&apos;s risk-event budget. The remaining subjects stay pending; retry later.</source>
        <translation>
            <numerusform>Okta hat Anfrage %1 %n-mal hintereinander mit 429 Too Many Requests beantwortet (%2); möglicherweise verbraucht ein anderer Client das Risikoereignis-Budget dieser Org. Die übrigen Subjekte bleiben ausstehend; versuchen Sie es später erneut.</numerusform>
            <numerusform>Okta hat Anfrage %1 %n-mal hintereinander mit 429 Too Many Requests beantwortet (%2); möglicherweise verbraucht ein anderer Client das Risikoereignis-Budget dieser Org. Die übrigen Subjekte bleiben ausstehend; versuchen Sie es später erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SigningKey</name>
    <message>
        <source>No key was given.</source>
        <translation>Es wurde kein Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>Encrypted private keys are not supported; export the key without a passphrase.</source>
        <translation>Verschlüsselte private Schlüssel werden nicht unterstützt; exportieren Sie den Schlüssel ohne Passphrase.</translation>
    </message>
    <message>
        <source>This is a public key; the private key is needed.</source>
        <translation>Dies ist ein öffentlicher Schlüssel; der private Schlüssel wird benötigt.</translation>
    </message>
    <message>
        <source>This is a certificate; the private key is needed.</source>
        <translation>Dies ist ein Zertifikat; der private Schlüssel wird benötigt.</translation>
    </message>
    <message>
        <source>This is not a PEM private key (PKCS#1, PKCS#8 or SEC1).</source>
        <translation>Dies ist kein privater PEM-Schlüssel (PKCS#1, PKCS#8 oder SEC1).</translation>
    </message>
    <message>
        <source>The PEM private key could not be read (damaged or of an unknown kind).</source>
        <translation>Der private PEM-Schlüssel konnte nicht gelesen werden (beschädigt oder von unbekannter Art).</translation>
    </message>
    <message>
        <source>The text is not a JSON object (a JWK).</source>
        <translation>Der Text ist kein JSON-Objekt (kein JWK).</translation>
    </message>
    <message>
        <source>The JWK set must hold exactly one key (it holds %1).</source>
        <translation>Das JWK-Set muss genau einen Schlüssel enthalten (es enthält %1).</translation>
    </message>
    <message>
        <source>RSA keys must have 2048 to 8192 bits (%1 was asked for).</source>
        <translation>RSA-Schlüssel müssen 2048 bis 8192 Bit haben (angefordert wurden %1).</translation>
    </message>
    <message>
        <source>OpenSSL could not generate an RSA key.</source>
        <translation>OpenSSL konnte keinen RSA-Schlüssel erzeugen.</translation>
    </message>
    <message>
        <source>OpenSSL could not generate a P-256 key.</source>
        <translation>OpenSSL konnte keinen P-256-Schlüssel erzeugen.</translation>
    </message>
    <message>
        <source>The private key does not match its own public key (the file may be damaged).</source>
        <translation>Der private Schlüssel passt nicht zu seinem eigenen öffentlichen Schlüssel (die Datei ist möglicherweise beschädigt).</translation>
    </message>
</context>
<context>
    <name>SswsAuthProvider</name>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>No API token is set.</source>
        <translation>Es ist kein API-Token festgelegt.</translation>
    </message>
</context>
<context>
    <name>SubjectDeduplicator</name>
    <message>
        <source>duplicate address: merged into line %1, which has the same level %2 and comes first</source>
        <translation>doppelte Adresse: mit Zeile %1 zusammengeführt, die dieselbe Stufe %2 hat und zuerst kommt</translation>
    </message>
    <message>
        <source>duplicate address: merged into line %1, which has the higher level %2</source>
        <translation>doppelte Adresse: mit Zeile %1 zusammengeführt, die die höhere Stufe %2 hat</translation>
    </message>
    <message>
        <source>duplicate address: merged into an earlier row, which has the same level %1 and comes first</source>
        <translation>doppelte Adresse: mit einer früheren Zeile zusammengeführt, die dieselbe Stufe %1 hat und zuerst kommt</translation>
    </message>
    <message>
        <source>duplicate address: merged into an earlier row, which has the higher level %1</source>
        <translation>doppelte Adresse: mit einer früheren Zeile zusammengeführt, die die höhere Stufe %1 hat</translation>
    </message>
</context>
<context>
    <name>ThreatDetection</name>
    <message>
        <source>eventType is missing</source>
        <translation>eventType fehlt</translation>
    </message>
    <message>
        <source>eventType &apos;%1&apos; is not a ThreatInsight event</source>
        <translation>eventType &apos;%1&apos; ist kein ThreatInsight-Ereignis</translation>
    </message>
    <message>
        <source>uuid is missing</source>
        <translation>uuid fehlt</translation>
    </message>
    <message>
        <source>published is missing</source>
        <translation>published fehlt</translation>
    </message>
    <message>
        <source>published &apos;%1&apos; is not an ISO 8601 time</source>
        <translation>published &apos;%1&apos; ist keine ISO-8601-Zeitangabe</translation>
    </message>
    <message>
        <source>client.ipAddress &apos;%1&apos; is not an IP address</source>
        <translation>client.ipAddress &apos;%1&apos; ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>client.ipAddress is missing</source>
        <translation>client.ipAddress fehlt</translation>
    </message>
    <message>
        <source>threat suspected: %1</source>
        <translation>vermutete Bedrohung: %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Threat detected</source>
        <translation>Bedrohung erkannt</translation>
    </message>
    <message>
        <source>Attack started</source>
        <translation>Angriff begonnen</translation>
    </message>
    <message>
        <source>Attack ended</source>
        <translation>Angriff beendet</translation>
    </message>
</context>
<context>
    <name>ThreatInsightConfiguration</name>
    <message>
        <source>disabled: ThreatInsight does nothing</source>
        <translation>deaktiviert: ThreatInsight unternimmt nichts</translation>
    </message>
    <message>
        <source>log suspicious requests</source>
        <translation>verdächtige Anfragen protokollieren</translation>
    </message>
    <message>
        <source>log and block suspicious requests</source>
        <translation>verdächtige Anfragen protokollieren und blockieren</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;</source>
        <translation>unbekannte Aktion &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the configuration has no action</source>
        <translation>die Konfiguration hat keine Aktion</translation>
    </message>
    <message>
        <source>excludeZones is not an array</source>
        <translation>excludeZones ist kein Array</translation>
    </message>
    <message>
        <source>excludeZones holds something other than a zone id</source>
        <translation>excludeZones enthält etwas anderes als eine Zonen-ID</translation>
    </message>
</context>
<context>
    <name>ThreatInsightEditor</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Not connected to an org.</source>
        <translation>Nicht mit einer Org verbunden.</translation>
    </message>
    <message>
        <source>Reading the ThreatInsight configuration failed: %1</source>
        <translation>Das Lesen der ThreatInsight-Konfiguration ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The ThreatInsight configuration Okta sent is unreadable: %1 [request id %2]</source>
        <translation>Die von Okta gesendete ThreatInsight-Konfiguration ist nicht lesbar: %1 [Anfrage-ID %2]</translation>
    </message>
    <message>
        <source>Listing the network zones failed: %1</source>
        <translation>Das Auflisten der Netzwerkzonen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unknown zone %1</source>
        <translation>unbekannte Zone %1</translation>
    </message>
    <message>
        <source>no zone</source>
        <translation>keine Zone</translation>
    </message>
    <message>
        <source>action %1 → %2</source>
        <translation>Aktion %1 → %2</translation>
    </message>
    <message>
        <source>zones added: %1</source>
        <translation>Zonen hinzugefügt: %1</translation>
    </message>
    <message>
        <source>zones removed: %1</source>
        <translation>Zonen entfernt: %1</translation>
    </message>
    <message>
        <source>same action (%1) and the same excluded zones</source>
        <translation>gleiche Aktion (%1) und gleiche ausgenommene Zonen</translation>
    </message>
    <message>
        <source>Nothing was saved: re-reading the configuration before saving failed: %1</source>
        <translation>Es wurde nichts gespeichert: Das erneute Lesen der Konfiguration vor dem Speichern ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: the configuration Okta sent before saving is unreadable: %1 [request id %2]</source>
        <translation>Es wurde nichts gespeichert: Die Konfiguration, die Okta vor dem Speichern gesendet hat, ist nicht lesbar: %1 [Anfrage-ID %2]</translation>
    </message>
    <message>
        <source>Changed on the server since you loaded it (last updated %1 → %2): %3.</source>
        <translation>Auf dem Server geändert, seit Sie sie geladen haben (zuletzt aktualisiert %1 → %2): %3.</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Okta accepted the update but its answer is unreadable (%1); reload to see the configuration now in force [request id %2]</source>
        <translation>Okta hat die Änderung angenommen, aber die Antwort ist nicht lesbar (%1); laden Sie neu, um die jetzt gültige Konfiguration zu sehen [Anfrage-ID %2]</translation>
    </message>
    <message>
        <source>The change could not be written to the history: %1</source>
        <translation>Die Änderung konnte nicht in den Verlauf geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>TlsProblems</name>
    <message>
        <source>the TLS certificate of %1 is not trusted, nothing was sent: %2</source>
        <translation>dem TLS-Zertifikat von %1 wird nicht vertraut, es wurde nichts gesendet: %2</translation>
    </message>
</context>
<context>
    <name>ZoneCatalogue</name>
    <message>
        <source>zone %1: %2</source>
        <translation>Zone %1: %2</translation>
    </message>
    <message>
        <source>an empty zone name was given</source>
        <translation>es wurde ein leerer Zonenname angegeben</translation>
    </message>
    <message>
        <source>no network zone is named or has the id &apos;%1&apos;</source>
        <translation>keine Netzwerkzone heißt &apos;%1&apos; oder hat diese ID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches several zones: %2; give the id instead</source>
        <translation>&apos;%1&apos; passt auf mehrere Zonen: %2; geben Sie stattdessen die ID an</translation>
    </message>
</context>
<context>
    <name>ZoneGatewayChange</name>
    <message>
        <source>&apos;%1&apos; (item %2): %3</source>
        <translation>&apos;%1&apos; (Eintrag %2): %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (item %2) is the same as item %3: listed once</source>
        <translation>&apos;%1&apos; (Eintrag %2) ist identisch mit Eintrag %3: nur einmal aufgeführt</translation>
    </message>
    <message>
        <source>%1 is a %2 zone: only IP zones have gateways to change (dynamic zones match locations, ASNs or proxy types)</source>
        <translation>%1 ist eine %2-Zone: Nur IP-Zonen haben Gateways, die sich ändern lassen (dynamische Zonen erfassen Standorte, ASNs oder Proxytypen)</translation>
    </message>
    <message>
        <source>%1 is a %2 zone: blocking needs a BLOCKLIST zone such as BlockedIpZone</source>
        <translation>%1 ist eine %2-Zone: Zum Blockieren ist eine BLOCKLIST-Zone wie BlockedIpZone nötig</translation>
    </message>
    <message>
        <source>%1 is a %2 zone: unblocking needs a BLOCKLIST zone such as BlockedIpZone</source>
        <translation>%1 ist eine %2-Zone: Zum Aufheben einer Blockierung ist eine BLOCKLIST-Zone wie BlockedIpZone nötig</translation>
    </message>
    <message>
        <source>%1 is a BLOCKLIST zone: exempting needs a POLICY IP zone such as DefaultExemptIpZone</source>
        <translation>%1 ist eine BLOCKLIST-Zone: Zum Ausnehmen ist eine POLICY-IP-Zone wie DefaultExemptIpZone nötig</translation>
    </message>
    <message>
        <source>%1 is a BLOCKLIST zone: unexempting needs a POLICY IP zone such as DefaultExemptIpZone</source>
        <translation>%1 ist eine BLOCKLIST-Zone: Zum Aufheben einer Ausnahme ist eine POLICY-IP-Zone wie DefaultExemptIpZone nötig</translation>
    </message>
    <message>
        <source>%1 has proxies (%2), which Okta does not allow there: remove them in the Admin Console first, then try again</source>
        <translation>%1 hat Proxys (%2), die Okta dort nicht zulässt: Entfernen Sie sie zuerst in der Admin Console und versuchen Sie es dann erneut</translation>
    </message>
    <message>
        <source>%1 is already covered by %2 in %3: not added</source>
        <translation>%1 ist bereits durch %2 in %3 abgedeckt: nicht hinzugefügt</translation>
    </message>
    <message>
        <source>%1 is inside %2, also given: not added separately</source>
        <translation>%1 liegt in %2, das ebenfalls angegeben ist: nicht separat hinzugefügt</translation>
    </message>
    <message>
        <source>%1 holds at most %2 gateways (%3): it has %4, adding %5 would make %6</source>
        <translation>%1 fasst höchstens %2 Gateways (%3): Die Zone hat %4, mit %5 weiteren wären es %6</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (item %2): %3 is inside %4, which stays: remove %4 itself to take the whole entry out of %5</source>
        <translation>&apos;%1&apos; (Eintrag %2): %3 liegt in %4, das bestehen bleibt: Entfernen Sie %4 selbst, um den ganzen Eintrag aus %5 zu nehmen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (item %2): %3 is not an entry of %4; the narrower entries inside it would stay: %5 (name them to remove them)</source>
        <translation>&apos;%1&apos; (Eintrag %2): %3 ist kein Eintrag von %4; die engeren Einträge darin würden bestehen bleiben: %5 (nennen Sie sie, um sie zu entfernen)</translation>
    </message>
    <message>
        <source>add %1 (%2)</source>
        <translation>%1 hinzufügen (%2)</translation>
    </message>
    <message>
        <source>remove %1 (%2)</source>
        <translation>%1 entfernen (%2)</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>%1 already there</source>
        <translation>%1 bereits vorhanden</translation>
    </message>
    <message>
        <source>%1 not in the zone</source>
        <translation>%1 nicht in der Zone</translation>
    </message>
    <message>
        <source>%1 covered by a wider entry</source>
        <translation>%1 durch einen umfassenderen Eintrag abgedeckt</translation>
    </message>
    <message>
        <source>%1 → %2 of %3 gateways</source>
        <translation>%1 → %2 von %3 Gateways</translation>
    </message>
    <message>
        <source>%1 of %2 gateways</source>
        <translation>%1 von %2 Gateways</translation>
    </message>
    <message>
        <source> The zone is INACTIVE: its entries take effect only once it is activated.</source>
        <translation> Die Zone ist inaktiv (INACTIVE): Die Einträge der Zone werden erst wirksam, sobald sie aktiviert ist.</translation>
    </message>
    <message>
        <source>an address is missing</source>
        <translation>eine Adresse fehlt</translation>
    </message>
    <message>
        <source>not an IPv4 or IPv6 address, CIDR or range</source>
        <translation>keine IPv4- oder IPv6-Adresse, kein CIDR und kein Bereich</translation>
    </message>
    <message>
        <source>several values in one item: give one address, CIDR or range per item</source>
        <translation>mehrere Werte in einem Eintrag: Geben Sie eine Adresse, einen CIDR oder einen Bereich pro Eintrag an</translation>
    </message>
    <message>
        <source>empty: give an IPv4 or IPv6 address, a CIDR such as 203.0.113.0/24 or a range such as 203.0.113.10-203.0.113.20</source>
        <translation>leer: Geben Sie eine IPv4- oder IPv6-Adresse, einen CIDR wie 203.0.113.0/24 oder einen Bereich wie 203.0.113.10-203.0.113.20 an</translation>
    </message>
    <message>
        <source>a range has exactly two addresses joined by one &apos;-&apos;</source>
        <translation>ein Bereich besteht aus genau zwei Adressen, verbunden durch ein &apos;-&apos;</translation>
    </message>
    <message>
        <source>a range&apos;s ends are single addresses, not CIDRs</source>
        <translation>die Enden eines Bereichs sind einzelne Adressen, keine CIDRs</translation>
    </message>
    <message>
        <source>range end &apos;%1&apos;: %2</source>
        <translation>Bereichsende &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>a range&apos;s two ends must both be IPv4 or both IPv6</source>
        <translation>die beiden Enden eines Bereichs müssen entweder beide IPv4 oder beide IPv6 sein</translation>
    </message>
    <message>
        <source>a range goes from the lower address to the higher one (%1 is after %2)</source>
        <translation>ein Bereich geht von der niedrigeren zur höheren Adresse (%1 liegt nach %2)</translation>
    </message>
    <message>
        <source>an IPv4-mapped IPv6 CIDR: write it as an IPv4 CIDR</source>
        <translation>ein IPv4-gemappter IPv6-CIDR: Schreiben Sie ihn als IPv4-CIDR</translation>
    </message>
    <message>
        <source>the prefix length after &apos;/&apos; must be a number from 0 to 32 for IPv4</source>
        <translation>die Präfixlänge nach &apos;/&apos; muss bei IPv4 eine Zahl von 0 bis 32 sein</translation>
    </message>
    <message>
        <source>the prefix length after &apos;/&apos; must be a number from 0 to 128 for IPv6</source>
        <translation>die Präfixlänge nach &apos;/&apos; muss bei IPv6 eine Zahl von 0 bis 128 sein</translation>
    </message>
    <message>
        <source>%1 is stored as %2 (its network address)</source>
        <translation>%1 wird als %2 gespeichert (seine Netzwerkadresse)</translation>
    </message>
    <message>
        <source>a /0 prefix matches every address; name the addresses or networks instead</source>
        <translation>ein /0-Präfix passt auf jede Adresse; nennen Sie stattdessen die Adressen oder Netzwerke</translation>
    </message>
    <message>
        <source>host bits are set after the prefix: write %1 for the network, or %2 for the one address</source>
        <translation>nach dem Präfix sind Host-Bits gesetzt: Schreiben Sie %1 für das Netzwerk oder %2 für die einzelne Adresse</translation>
    </message>
    <message>
        <source>Okta&apos;s limit for BLOCKLIST zones</source>
        <translation>Oktas Limit für BLOCKLIST-Zonen</translation>
    </message>
    <message>
        <source>Okta&apos;s limit for system IP zones</source>
        <translation>Oktas Limit für System-IP-Zonen</translation>
    </message>
    <message>
        <source>Okta&apos;s limit for IP zones created by an admin</source>
        <translation>Oktas Limit für von einem Admin erstellte IP-Zonen</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
</context>
<context>
    <name>ZoneGatewayEditor</name>
    <message>
        <source>Not connected to an org.</source>
        <translation>Nicht mit einer Org verbunden.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Es wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Nothing was written: there is no planned change to apply.</source>
        <translation>Es wurde nichts geschrieben: Es gibt keine geplante Änderung zum Anwenden.</translation>
    </message>
    <message>
        <source>cancelled before Okta answered: the change may or may not have been saved; read the zone again to see</source>
        <translation>abgebrochen, bevor Okta geantwortet hat: Die Änderung wurde möglicherweise gespeichert, möglicherweise nicht; lesen Sie die Zone erneut, um es zu prüfen</translation>
    </message>
    <message>
        <source>Listing the network zones failed: %1</source>
        <translation>Das Auflisten der Netzwerkzonen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1; the org has no network zones</source>
        <translation>%1; die Org hat keine Netzwerkzonen</translation>
    </message>
    <message>
        <source>%1; zones in this org: %2</source>
        <translation>%1; Zonen in dieser Org: %2</translation>
    </message>
    <message>
        <source>Reading the zone %1 failed: %2</source>
        <translation>Das Lesen der Zone %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The zone Okta sent is unreadable: %1 [request id %2]</source>
        <translation>Die von Okta gesendete Zone ist nicht lesbar: %1 [Anfrage-ID %2]</translation>
    </message>
    <message>
        <source>Nothing was written: re-reading %1 before the change failed: %2</source>
        <translation>Es wurde nichts geschrieben: Das erneute Lesen von %1 vor der Änderung ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Nothing was written: the zone Okta sent before the change is unreadable: %1 [request id %2]</source>
        <translation>Es wurde nichts geschrieben: Die Zone, die Okta vor der Änderung gesendet hat, ist nicht lesbar: %1 [Anfrage-ID %2]</translation>
    </message>
    <message>
        <source>Nothing was written: %1 changed since it was read: %2</source>
        <translation>Es wurde nichts geschrieben: %1 wurde seit dem Lesen geändert: %2</translation>
    </message>
    <message>
        <source>Okta refused the change of %1: %2</source>
        <translation>Okta hat die Änderung von %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Okta accepted the change of %1 but its answer is unreadable (%2); list the zones to see it [request id %3]</source>
        <translation>Okta hat die Änderung von %1 angenommen, aber die Antwort ist nicht lesbar (%2); listen Sie die Zonen auf, um sie zu sehen [Anfrage-ID %3]</translation>
    </message>
</context>
<context>
    <name>ZoneTableModel</name>
    <message>
        <source>unknown zone %1</source>
        <translation>unbekannte Zone %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not in the zone list</source>
        <translation>nicht in der Zonenliste</translation>
    </message>
    <message>
        <source>— (not an IP zone)</source>
        <translation>— (keine IP-Zone)</translation>
    </message>
    <message>
        <source>Zone id %1 is excluded from ThreatInsight but is not in the org&apos;s zone list (deleted?). Okta refuses unknown zone ids: uncheck it to remove it from the exclusions.</source>
        <translation>Die Zonen-ID %1 ist von ThreatInsight ausgenommen, steht aber nicht in der Zonenliste der Org (gelöscht?). Okta lehnt unbekannte Zonen-IDs ab: Entfernen Sie das Häkchen, um sie aus den Ausnahmen zu entfernen.</translation>
    </message>
    <message>
        <source>Only IP zones can be excluded from ThreatInsight (this is a %1 zone)</source>
        <translation>Nur IP-Zonen können von ThreatInsight ausgenommen werden (dies ist eine %1-Zone)</translation>
    </message>
    <message>
        <source>ThreatInsight never flags the IPs of DefaultExemptIpZone: it is always exempt, whether or not it is checked here.</source>
        <translation>ThreatInsight markiert die IPs von DefaultExemptIpZone nie: Diese Zone ist immer ausgenommen, ob sie hier angehakt ist oder nicht.</translation>
    </message>
    <message>
        <source>Exclude %1</source>
        <translation>%1 ausnehmen</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Ausnehmen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gateways</source>
        <translation>Gateways</translation>
    </message>
    <message>
        <source>Checked zones are exempt from ThreatInsight: requests from their IPs are never flagged</source>
        <translation>Angehakte Zonen sind von ThreatInsight ausgenommen: Anfragen von ihren IPs werden nie markiert</translation>
    </message>
</context>
</TS>
