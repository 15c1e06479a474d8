<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CliApplication</name>
    <message>
        <source>Show help.</source>
        <translation>Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Version ausgeben.</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unbekannte Option &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Unbekannte Optionen: %1.</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;.</source>
        <translation>%1: unerwartetes Argument &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>this command names its profile: drop --org, --sandbox and --profile.</source>
        <translation>dieser Befehl nennt sein Profil selbst: lassen Sie --org, --sandbox und --profile weg.</translation>
    </message>
    <message>
        <source>this command talks to an org: give --org URL (with the API token in %1), --sandbox or --profile NAME.</source>
        <translation>dieser Befehl braucht eine Org: geben Sie --org URL (mit dem API-Token in %1), --sandbox oder --profile NAME an.</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>skipping a zone Okta listed: %1</source>
        <translation>eine von Okta gelistete Zone wird übersprungen: %1</translation>
    </message>
    <message>
        <source>%1: Okta&apos;s answer could not be read: %2</source>
        <translation>%1: Die Antwort von Okta konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>CliCommandRegistry</name>
    <message>
        <source>no command given; commands: %1.</source>
        <translation>kein Befehl angegeben; Befehle: %1.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a sub-command: %2.</source>
        <translation>&apos;%1&apos; braucht einen Unterbefehl: %2.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; commands: %2.</source>
        <translation>unbekannter Befehl &apos;%1&apos;; Befehle: %2.</translation>
    </message>
    <message>
        <source>unknown &apos;%1&apos; sub-command &apos;%2&apos;; expected %3.</source>
        <translation>unbekannter Unterbefehl &apos;%2&apos; für &apos;%1&apos;; erwartet: %3.</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Run &apos;threatdesk --help&apos; for usage.</source>
        <translation>Hinweise zum Aufruf: &apos;threatdesk --help&apos;.</translation>
    </message>
    <message>
        <source>cause: %1</source>
        <translation>Ursache: %1</translation>
    </message>
    <message>
        <source>rate limit resets in %1 s</source>
        <translation>Ratenlimit wird in %1 s zurückgesetzt</translation>
    </message>
    <message>
        <source>request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>CliProfiles</name>
    <message>
        <source>no profile named &apos;%1&apos;; profiles: %2 (see &apos;threatdesk profiles list&apos;).</source>
        <translation>kein Profil namens &apos;%1&apos;; Profile: %2 (siehe &apos;threatdesk profiles list&apos;).</translation>
    </message>
    <message>
        <source>api token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>OAuth service app</source>
        <translation>OAuth-Service-App</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>Sandbox</translation>
    </message>
</context>
<context>
    <name>CliUsage</name>
    <message>
        <source>Usage: threatdesk [--sandbox | --profile NAME] [--import FILE]
         opens the desktop app (on the sandbox org, a profile, or the last one used)
       threatdesk [--org URL | --sandbox | --profile NAME] [--json] [--timeout SECONDS] &lt;command&gt; [options]
         runs one command headless

Commands:
</source>
        <translation>Aufruf: threatdesk [--sandbox | --profile NAME] [--import FILE]
         öffnet die Desktop-App (mit der Sandbox-Org, einem Profil oder dem zuletzt verwendeten)
       threatdesk [--org URL | --sandbox | --profile NAME] [--json] [--timeout SECONDS] &lt;Befehl&gt; [Optionen]
         führt einen Befehl ohne Oberfläche aus

Befehle:
</translation>
    </message>
    <message>
        <source>Show this help, or a command&apos;s help after the command.</source>
        <translation>Diese Hilfe anzeigen, nach einem Befehl die Hilfe zu diesem Befehl.</translation>
    </message>
    <message>
        <source>Print the version.</source>
        <translation>Version ausgeben.</translation>
    </message>
    <message>
        <source>
Global options (before or after the command):
</source>
        <translation>
Globale Optionen (vor oder nach dem Befehl):
</translation>
    </message>
    <message>
        <source>
Exit codes: 0 ok, 1 rejected by Okta or unresolvable input, 2 usage or configuration error,
3 authentication or permission denied, 4 network, timeout, rate limit or server failure.
</source>
        <translation>
Exit-Codes: 0 OK, 1 von Okta abgelehnt oder Eingabe nicht auflösbar, 2 Aufruf- oder Konfigurationsfehler,
3 Authentifizierung oder Berechtigung verweigert, 4 Netzwerk, Zeitüberschreitung, Ratenlimit oder Serverfehler.
</translation>
    </message>
    <message>
        <source>Usage: threatdesk [global options] %1

%2
</source>
        <translation>Aufruf: threatdesk [globale Optionen] %1

%2
</translation>
    </message>
    <message>
        <source>
Options:
</source>
        <translation>
Optionen:
</translation>
    </message>
    <message>
        <source>
Global options: see &apos;threatdesk --help&apos;.
</source>
        <translation>
Globale Optionen: siehe &apos;threatdesk --help&apos;.
</translation>
    </message>
</context>
<context>
    <name>DetectionsCommand</name>
    <message>
        <source>Start of the range: a duration back from now (30m, 24h, 7d; at most 90d, Okta&apos;s retention) or an ISO 8601 UTC time. Default: 24h.</source>
        <translation>Beginn des Zeitraums: eine Dauer ab jetzt zurück (30m, 24h, 7d; höchstens 90d, die Aufbewahrungsfrist von Okta) oder eine UTC-Zeit nach ISO 8601. Standard: 24h.</translation>
    </message>
    <message>
        <source>End of the range (exclusive), an ISO 8601 UTC time such as 2026-11-21T08:00:00Z. Default: now.</source>
        <translation>Ende des Zeitraums (ausschließlich), eine UTC-Zeit nach ISO 8601 wie 2026-11-21T08:00:00Z. Standard: jetzt.</translation>
    </message>
    <message>
        <source>--until &apos;%1&apos; is not an ISO 8601 UTC time such as 2026-11-21T08:00:00Z.</source>
        <translation>--until &apos;%1&apos; ist keine UTC-Zeit nach ISO 8601 wie 2026-11-21T08:00:00Z.</translation>
    </message>
    <message>
        <source>--until %1 is before %2: Okta keeps the System Log for %3 days only.</source>
        <translation>--until %1 liegt vor %2: Okta bewahrt das Systemprotokoll nur %3 Tage auf.</translation>
    </message>
    <message>
        <source>--since %1 reaches past Okta&apos;s System Log retention of %2 days; use at most %2d.</source>
        <translation>--since %1 reicht über die Aufbewahrungsfrist des Systemprotokolls von %2 Tagen hinaus; verwenden Sie höchstens %2d.</translation>
    </message>
    <message>
        <source>--since &apos;%1&apos; is not a duration: use a positive number followed by m, h or d (30m, 24h, 7d).</source>
        <translation>--since &apos;%1&apos; ist keine Dauer: verwenden Sie eine positive Zahl gefolgt von m, h oder d (30m, 24h, 7d).</translation>
    </message>
    <message>
        <source>--since &apos;%1&apos; is neither a duration (30m, 24h, 7d) nor an ISO 8601 UTC time such as 2026-11-21T08:00:00Z.</source>
        <translation>--since &apos;%1&apos; ist weder eine Dauer (30m, 24h, 7d) noch eine UTC-Zeit nach ISO 8601 wie 2026-11-21T08:00:00Z.</translation>
    </message>
    <message>
        <source>--since %1 is before %2: Okta keeps the System Log for %3 days only.</source>
        <translation>--since %1 liegt vor %2: Okta bewahrt das Systemprotokoll nur %3 Tage auf.</translation>
    </message>
    <message>
        <source>--since (%1) must be before --until (%2).</source>
        <translation>--since (%1) muss vor --until (%2) liegen.</translation>
    </message>
    <message>
        <source>reading the System Log failed</source>
        <translation>Lesen des Systemprotokolls fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipping a System Log event: %1</source>
        <translation>ein Ereignis des Systemprotokolls wird übersprungen: %1</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>EVENT</source>
        <translation>EREIGNIS</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <source>THREAT</source>
        <translation>BEDROHUNG</translation>
    </message>
    <message>
        <source>%1 detection from %2 to %3</source>
        <translation>%1 Erkennung von %2 bis %3</translation>
    </message>
    <message>
        <source>%1 detections from %2 to %3</source>
        <translation>%1 Erkennungen von %2 bis %3</translation>
    </message>
    <message>
        <source>%1 distinct IP</source>
        <translation>%1 unterschiedliche IP</translation>
    </message>
    <message>
        <source>%1 distinct IPs</source>
        <translation>%1 unterschiedliche IPs</translation>
    </message>
    <message>
        <source>List ThreatInsight detections and attack start/end events from the System Log.</source>
        <translation>ThreatInsight-Erkennungen sowie Beginn und Ende von Angriffen aus dem Systemprotokoll auflisten.</translation>
    </message>
</context>
<context>
    <name>GlobalOptions</name>
    <message>
        <source>Okta org, e.g. acme.okta.com; the API token is read from THREATDESK_API_TOKEN.</source>
        <translation>Okta-Org, z. B. acme.okta.com; das API-Token wird aus THREATDESK_API_TOKEN gelesen.</translation>
    </message>
    <message>
        <source>Use a fresh in-process sandbox org (fake data, loopback only, gone when the command ends).</source>
        <translation>Eine neue Sandbox-Org im eigenen Prozess verwenden (Testdaten, nur Loopback, endet mit dem Befehl).</translation>
    </message>
    <message>
        <source>Connect with a stored profile (name or id, see &apos;profiles list&apos;); its secret comes from the keychain.</source>
        <translation>Mit einem gespeicherten Profil verbinden (Name oder ID, siehe &apos;profiles list&apos;); sein Geheimnis kommt aus dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>JSON statt Text ausgeben.</translation>
    </message>
    <message>
        <source>Give up on a request that makes no progress for this long (default 30).</source>
        <translation>Eine Anfrage aufgeben, die so lange keinen Fortschritt macht (Standard 30).</translation>
    </message>
    <message>
        <source>--org and --sandbox cannot be combined: choose one org.</source>
        <translation>--org und --sandbox können nicht kombiniert werden: wählen Sie eine Org.</translation>
    </message>
    <message>
        <source>--profile cannot be combined with --org or --sandbox: the profile names the org.</source>
        <translation>--profile kann nicht mit --org oder --sandbox kombiniert werden: das Profil bestimmt die Org.</translation>
    </message>
    <message>
        <source>--profile needs a profile name, e.g. --profile &apos;Acme production&apos;.</source>
        <translation>--profile braucht einen Profilnamen, z. B. --profile &apos;Acme production&apos;.</translation>
    </message>
    <message>
        <source>--org needs the org&apos;s URL, e.g. --org acme.okta.com.</source>
        <translation>--org braucht die URL der Org, z. B. --org acme.okta.com.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds between 0 and %1, not &apos;%2&apos;.</source>
        <translation>--timeout erwartet eine Anzahl Sekunden zwischen 0 und %1, nicht &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>ThreatDesk: Okta ThreatInsight and IP risk events.</source>
        <translation>ThreatDesk: Okta ThreatInsight und IP-Risikoereignisse.</translation>
    </message>
    <message>
        <source>Open the built-in sandbox org.</source>
        <translation>Die integrierte Sandbox-Org öffnen.</translation>
    </message>
    <message>
        <source>Open this profile (name or id).</source>
        <translation>Dieses Profil öffnen (Name oder ID).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Import this CSV or text file into Risk events.</source>
        <translation>Diese CSV- oder Textdatei in die Risikoereignisse importieren.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Save a screenshot of each screen into this folder, then quit.</source>
        <translation>Von jeder Ansicht einen Screenshot in diesem Ordner speichern und dann beenden.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Quit as soon as the window is shown (start-up benchmark).</source>
        <translation>Beenden, sobald das Fenster angezeigt wird (Start-Benchmark).</translation>
    </message>
    <message>
        <source>No system keychain</source>
        <translation>Kein Systemschlüsselbund</translation>
    </message>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation>Der Systemschlüsselbund kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>ThreatDesk never writes tokens or keys to a file. Keep secrets in memory for this session only? You will type them again next time. The sandbox org works either way.</source>
        <translation>ThreatDesk schreibt Tokens und Schlüssel nie in eine Datei. Geheimnisse nur für diese Sitzung im Arbeitsspeicher behalten? Beim nächsten Mal geben Sie sie erneut ein. Die Sandbox-Org funktioniert in jedem Fall.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; see &apos;threatdesk --help&apos;.</source>
        <translation>unerwartetes Argument &apos;%1&apos;; siehe &apos;threatdesk --help&apos;.</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos;; see &apos;threatdesk profiles list&apos;.</source>
        <translation>kein Profil namens &apos;%1&apos;; siehe &apos;threatdesk profiles list&apos;.</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>OrgConnection</name>
    <message>
        <source>--org needs an Okta API token: set the environment variable %1 (it is never taken from the command line).</source>
        <translation>--org braucht ein Okta-API-Token: setzen Sie die Umgebungsvariable %1 (es wird nie von der Befehlszeile übernommen).</translation>
    </message>
    <message>
        <source>the sandbox org could not start: %1</source>
        <translation>die Sandbox-Org konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: %2</source>
        <translation>Profil &apos;%1&apos;: %2</translation>
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
        <source>profile &apos;%1&apos; has no stored %2 in the keychain; remove it and add it again with &apos;threatdesk profiles add&apos;.</source>
        <translation>für Profil &apos;%1&apos; ist im Schlüsselbund kein %2 gespeichert; entfernen Sie es und legen Sie es mit &apos;threatdesk profiles add&apos; erneut an.</translation>
    </message>
    <message>
        <source>the %1 of profile &apos;%2&apos; could not be read from the keychain: %3</source>
        <translation>das Geheimnis (%1) von Profil &apos;%2&apos; konnte nicht aus dem Schlüsselbund gelesen werden: %3</translation>
    </message>
    <message>
        <source>the private key of profile &apos;%1&apos; in the keychain is unusable: %2</source>
        <translation>der private Schlüssel von Profil &apos;%1&apos; im Schlüsselbund ist unbrauchbar: %2</translation>
    </message>
    <message>
        <source>this connection does not use OAuth.</source>
        <translation>diese Verbindung verwendet kein OAuth.</translation>
    </message>
</context>
<context>
    <name>ProfilesAddCommand</name>
    <message>
        <source>%1 is too large for a token or key.</source>
        <translation>%1 ist zu groß für ein Token oder einen Schlüssel.</translation>
    </message>
    <message>
        <source>Read the Okta API token from FILE.</source>
        <translation>Das Okta-API-Token aus FILE lesen.</translation>
    </message>
    <message>
        <source>Read the Okta API token from standard input.</source>
        <translation>Das Okta-API-Token von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Sign in as an OAuth service app (private_key_jwt).</source>
        <translation>Als OAuth-Service-App anmelden (private_key_jwt).</translation>
    </message>
    <message>
        <source>The service app&apos;s client id.</source>
        <translation>Die Client-ID der Service-App.</translation>
    </message>
    <message>
        <source>Read the app&apos;s private key (PEM or JWK) from FILE (&apos;-&apos;: standard input).</source>
        <translation>Den privaten Schlüssel der App (PEM oder JWK) aus FILE lesen (&apos;-&apos;: Standardeingabe).</translation>
    </message>
    <message>
        <source>Generate a new key pair and print the public JWK to add to the app.</source>
        <translation>Ein neues Schlüsselpaar erzeugen und den öffentlichen JWK ausgeben, der zur App hinzuzufügen ist.</translation>
    </message>
    <message>
        <source>The key id (kid) Okta knows the key by (default: the JWK&apos;s kid, or the thumbprint of a generated key).</source>
        <translation>Die Schlüssel-ID (kid), unter der Okta den Schlüssel kennt (Standard: die kid des JWK oder der Fingerabdruck eines erzeugten Schlüssels).</translation>
    </message>
    <message>
        <source>Comma-separated scopes to request (default: every scope ThreatDesk uses).</source>
        <translation>Kommagetrennte Scopes, die angefordert werden (Standard: alle Scopes, die ThreatDesk verwendet).</translation>
    </message>
    <message>
        <source>profiles add: name the profile, e.g. profiles add &apos;Acme production&apos; --org acme.okta.com --token-stdin.</source>
        <translation>profiles add: benennen Sie das Profil, z. B. profiles add &apos;Acme production&apos; --org acme.okta.com --token-stdin.</translation>
    </message>
    <message>
        <source>profiles add: give the org with --org URL (after the profile name).</source>
        <translation>profiles add: geben Sie die Org mit --org URL an (nach dem Profilnamen).</translation>
    </message>
    <message>
        <source>profiles add: --oauth takes a private key, not --token-file or --token-stdin.</source>
        <translation>profiles add: --oauth erwartet einen privaten Schlüssel, nicht --token-file oder --token-stdin.</translation>
    </message>
    <message>
        <source>profiles add: --oauth needs exactly one of --key-file FILE and --generate-key rsa|ec.</source>
        <translation>profiles add: --oauth braucht genau eine der Optionen --key-file FILE und --generate-key rsa|ec.</translation>
    </message>
    <message>
        <source>profiles add: --generate-key takes &apos;rsa&apos; or &apos;ec&apos;, not &apos;%1&apos;.</source>
        <translation>profiles add: --generate-key erwartet &apos;rsa&apos; oder &apos;ec&apos;, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>profiles add: --key-file needs a file name (&apos;-&apos; for standard input).</source>
        <translation>profiles add: --key-file braucht einen Dateinamen (&apos;-&apos; für die Standardeingabe).</translation>
    </message>
    <message>
        <source>profiles add: --%1 needs --oauth.</source>
        <translation>profiles add: --%1 braucht --oauth.</translation>
    </message>
    <message>
        <source>profiles add: give the API token with exactly one of --token-file FILE and --token-stdin (never as an argument).</source>
        <translation>profiles add: geben Sie das API-Token mit genau einer der Optionen --token-file FILE und --token-stdin an (nie als Argument).</translation>
    </message>
    <message>
        <source>profiles add: --token-file needs a file name.</source>
        <translation>profiles add: --token-file braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>profiles add: %1</source>
        <translation>profiles add: %1</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>cannot read the API token from %1: %2</source>
        <translation>das API-Token kann nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 must hold exactly one API token (one line, no spaces).</source>
        <translation>%1 muss genau ein API-Token enthalten (eine Zeile, keine Leerzeichen).</translation>
    </message>
    <message>
        <source>generating the key failed: %1</source>
        <translation>Erzeugen des Schlüssels fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cannot read the private key from %1: %2</source>
        <translation>der private Schlüssel kann nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no usable private key: %2</source>
        <translation>%1 enthält keinen brauchbaren privaten Schlüssel: %2</translation>
    </message>
    <message>
        <source>a profile named &apos;%1&apos; exists already (id %2); remove it first or choose another name.</source>
        <translation>ein Profil namens &apos;%1&apos; existiert bereits (ID %2); entfernen Sie es zuerst oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>the system keychain is not available (%1); threatdesk keeps tokens and keys only there, so nothing was stored.</source>
        <translation>der Systemschlüsselbund ist nicht verfügbar (%1); threatdesk speichert Tokens und Schlüssel nur dort, daher wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>the secret could not be stored in the keychain: %1; nothing was stored.</source>
        <translation>das Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>the profile could not be stored: %1</source>
        <translation>das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Added profile &apos;%1&apos; (%2) for %3, %4; the %5 is in the system keychain.</source>
        <translation>Profil &apos;%1&apos; (%2) für %3 hinzugefügt, %4; das Geheimnis (%5) liegt im Systemschlüsselbund.</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>Add this public key (JWK) to the Okta service app&apos;s client credentials:</source>
        <translation>Fügen Sie diesen öffentlichen Schlüssel (JWK) zu den Client-Anmeldedaten der Okta-Service-App hinzu:</translation>
    </message>
    <message>
        <source>Add an org profile; the API token or private key goes to the system keychain.</source>
        <translation>Ein Org-Profil hinzufügen; das API-Token oder der private Schlüssel kommt in den Systemschlüsselbund.</translation>
    </message>
</context>
<context>
    <name>ProfilesListCommand</name>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ORG</source>
        <translation>ORG</translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation>ANMELDUNG</translation>
    </message>
    <message>
        <source>CLIENT ID</source>
        <translation>CLIENT-ID</translation>
    </message>
    <message>
        <source>(in-process, loopback)</source>
        <translation>(im Prozess, Loopback)</translation>
    </message>
    <message>
        <source>List the stored org profiles.</source>
        <translation>Die gespeicherten Org-Profile auflisten.</translation>
    </message>
</context>
<context>
    <name>ProfilesRemoveCommand</name>
    <message>
        <source>profiles remove: name the profile to remove.</source>
        <translation>profiles remove: nennen Sie das zu entfernende Profil.</translation>
    </message>
    <message>
        <source>the built-in sandbox profile cannot be removed.</source>
        <translation>das integrierte Sandbox-Profil kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; could not be removed from the settings.</source>
        <translation>Profil &apos;%1&apos; konnte nicht aus den Einstellungen entfernt werden.</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; was removed, but its secrets could not be deleted from the keychain: %2</source>
        <translation>Profil &apos;%1&apos; wurde entfernt, aber seine Geheimnisse konnten nicht aus dem Schlüsselbund gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Removed profile &apos;%1&apos; (%2) and its secrets.</source>
        <translation>Profil &apos;%1&apos; (%2) und seine Geheimnisse entfernt.</translation>
    </message>
    <message>
        <source>Remove a profile and its token or key from the keychain.</source>
        <translation>Ein Profil und sein Token oder seinen Schlüssel aus dem Schlüsselbund entfernen.</translation>
    </message>
</context>
<context>
    <name>ProfilesTestCommand</name>
    <message>
        <source>profiles test: name the profile to test (see &apos;threatdesk profiles list&apos;).</source>
        <translation>profiles test: nennen Sie das zu prüfende Profil (siehe &apos;threatdesk profiles list&apos;).</translation>
    </message>
    <message>
        <source>Testing profile &apos;%1&apos; (%2)...</source>
        <translation>Profil &apos;%1&apos; (%2) wird geprüft...</translation>
    </message>
    <message>
        <source>in-process sandbox</source>
        <translation>Sandbox im Prozess</translation>
    </message>
    <message>
        <source>the OAuth token request failed: %1</source>
        <translation>die OAuth-Token-Anfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>OAuth token granted; scopes: %1</source>
        <translation>OAuth-Token erteilt; Scopes: %1</translation>
    </message>
    <message>
        <source>(none listed)</source>
        <translation>(keine aufgeführt)</translation>
    </message>
    <message>
        <source>reading the ThreatInsight configuration failed</source>
        <translation>Lesen der ThreatInsight-Konfiguration fehlgeschlagen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>OK: profile &apos;%1&apos; read the ThreatInsight configuration; request id %2</source>
        <translation>OK: Profil &apos;%1&apos; hat die ThreatInsight-Konfiguration gelesen; Anfrage-ID %2</translation>
    </message>
    <message>
        <source>Check a profile: sign in and read the ThreatInsight configuration (OAuth: granted scopes).</source>
        <translation>Ein Profil prüfen: anmelden und die ThreatInsight-Konfiguration lesen (OAuth: erteilte Scopes).</translation>
    </message>
</context>
<context>
    <name>RiskDelivery</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>run %1: %2 subjects in %3 requests (journal %4)</source>
        <translation>Lauf %1: %2 Subjekte in %3 Anfragen (Journal %4)</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) were in flight when the last session ended; they are sent again and their subjects may reach Okta twice.</source>
        <translation>
            <numerusform>%n Anfrage war unterwegs, als die letzte Sitzung endete; sie wird erneut gesendet, ihre Subjekte können Okta doppelt erreichen.</numerusform>
            <numerusform>%n Anfragen waren unterwegs, als die letzte Sitzung endete; sie werden erneut gesendet, ihre Subjekte können Okta doppelt erreichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>the run could not be set up</source>
        <translation>der Lauf konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>accepted %1, rejected %2, pending %3 of %4; requests sent %5, left %6</source>
        <translation>angenommen %1, abgelehnt %2, ausstehend %3 von %4; Anfragen gesendet %5, übrig %6</translation>
    </message>
    <message>
        <source>; budget %1/%2%3</source>
        <translation>; Kontingent %1/%2%3</translation>
    </message>
    <message>
        <source> (documented default)</source>
        <translation> (dokumentierter Standard)</translation>
    </message>
    <message>
        <source>, resets in %1 s</source>
        <translation>, zurückgesetzt in %1 s</translation>
    </message>
    <message>
        <source>, waiting %1 s</source>
        <translation>, Wartezeit %1 s</translation>
    </message>
    <message>
        <source>; ETA %1</source>
        <translation>; Restzeit %1</translation>
    </message>
    <message>
        <source>line %1: %2 rejected by Okta: %3 (request id %4)</source>
        <translation>Zeile %1: %2 von Okta abgelehnt: %3 (Anfrage-ID %4)</translation>
    </message>
    <message>
        <source>run %1: %2 subjects: accepted %3, rejected %4, pending %5</source>
        <translation>Lauf %1: %2 Subjekte: angenommen %3, abgelehnt %4, ausstehend %5</translation>
    </message>
    <message>
        <source>pending subjects stay in the journal; `threatdesk risk resume` continues the run.</source>
        <translation>ausstehende Subjekte bleiben im Journal; `threatdesk risk resume` setzt den Lauf fort.</translation>
    </message>
    <message>
        <source>request %1: rate-limited by Okta (%2); waiting for the window to reset</source>
        <translation>Anfrage %1: von Okta gedrosselt (%2); warte, bis das Zeitfenster zurückgesetzt wird</translation>
    </message>
    <message>
        <source>request %1 not confirmed: %2</source>
        <translation>Anfrage %1 nicht bestätigt: %2</translation>
    </message>
</context>
<context>
    <name>RiskImportStep</name>
    <message>
        <source>standard input cannot be read: %1</source>
        <translation>die Standardeingabe kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>reading: %1%</source>
        <translation>Lesen: %1%</translation>
    </message>
</context>
<context>
    <name>RiskInputOptions</name>
    <message>
        <source>Risk level for rows without one (LOW, MEDIUM, HIGH); required for plain IP lists.</source>
        <translation>Risikostufe für Zeilen ohne eine (LOW, MEDIUM, HIGH); erforderlich für einfache IP-Listen.</translation>
    </message>
    <message>
        <source>Accept private, loopback, link-local, multicast and documentation addresses.</source>
        <translation>Private, Loopback-, Link-Local-, Multicast- und Dokumentationsadressen akzeptieren.</translation>
    </message>
    <message>
        <source>auto (default), csv (delimited rows, header optional) or list (the first token of each line is the ip, the rest is ignored: threat feeds).</source>
        <translation>auto (Standard), csv (Zeilen mit Trennzeichen, Kopfzeile optional) oder list (das erste Wort jeder Zeile ist die IP, der Rest wird ignoriert: Threat-Feeds).</translation>
    </message>
    <message>
        <source>Replace characters Okta does not accept in messages instead of rejecting the row.</source>
        <translation>Zeichen, die Okta in Meldungen nicht akzeptiert, ersetzen statt die Zeile abzulehnen.</translation>
    </message>
    <message>
        <source>give the file to read (CSV, TSV or a plain IP list), or - for standard input.</source>
        <translation>geben Sie die zu lesende Datei an (CSV, TSV oder eine einfache IP-Liste) oder - für die Standardeingabe.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a readable file.</source>
        <translation>&apos;%1&apos; ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>--default-level &apos;%1&apos; is not one of LOW, MEDIUM, HIGH.</source>
        <translation>--default-level &apos;%1&apos; ist keine der Stufen LOW, MEDIUM, HIGH.</translation>
    </message>
    <message>
        <source>--format &apos;%1&apos; is not one of auto, csv, list.</source>
        <translation>--format &apos;%1&apos; ist keines der Formate auto, csv, list.</translation>
    </message>
</context>
<context>
    <name>RiskResumeCommand</name>
    <message>
        <source>The run to continue (default: the newest unfinished).</source>
        <translation>Der fortzusetzende Lauf (Standard: der neueste offene).</translation>
    </message>
    <message>
        <source>--run needs a run id.</source>
        <translation>--run braucht eine Lauf-ID.</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos; for %2.</source>
        <translation>kein Lauf &apos;%1&apos; für %2.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>run %1 has nothing pending.</source>
        <translation>Lauf %1 hat nichts Ausstehendes.</translation>
    </message>
    <message>
        <source>no unfinished run for %1.</source>
        <translation>kein offener Lauf für %1.</translation>
    </message>
    <message>
        <source>Continue an interrupted risk-event run from its journal.</source>
        <translation>Einen unterbrochenen Risikoereignis-Lauf aus seinem Journal fortsetzen.</translation>
    </message>
    <message>
        <source>resuming run %1 (created %2): accepted %3, rejected %4, pending %5 of %6</source>
        <translation>setze Lauf %1 fort (erstellt %2): angenommen %3, abgelehnt %4, ausstehend %5 von %6</translation>
    </message>
    <message>
        <source>damaged journal file %1; its request is sent again.</source>
        <translation>beschädigte Journaldatei %1; ihre Anfrage wird erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>RiskSendCommand</name>
    <message>
        <source>Set expiresAt this long after the events&apos; timestamp, e.g. 24h, 90m, 2d (Okta&apos;s default: 24 h after it consumes the event).</source>
        <translation>expiresAt so lange nach dem Zeitstempel der Ereignisse setzen, z. B. 24h, 90m, 2d (Standard von Okta: 24 h nach Verarbeitung des Ereignisses).</translation>
    </message>
    <message>
        <source>Print the exact request bodies instead of sending them.</source>
        <translation>Die genauen Anfragetexte ausgeben, statt sie zu senden.</translation>
    </message>
    <message>
        <source>--expires-in &apos;%1&apos; is not a positive duration like 24h, 90m or 2d.</source>
        <translation>--expires-in &apos;%1&apos; ist keine positive Dauer wie 24h, 90m oder 2d.</translation>
    </message>
    <message>
        <source>nothing to send: no valid row.</source>
        <translation>nichts zu senden: keine gültige Zeile.</translation>
    </message>
    <message>
        <source>the run cannot be written to %1: %2</source>
        <translation>der Lauf kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source># request %1 of %2: POST /api/v1/risk/events/ip, %3 subjects</source>
        <translation># Anfrage %1 von %2: POST /api/v1/risk/events/ip, %3 Subjekte</translation>
    </message>
    <message>
        <source>Send IP risk events to Okta within its rate limit.</source>
        <translation>IP-Risikoereignisse innerhalb des Ratenlimits an Okta senden.</translation>
    </message>
</context>
<context>
    <name>RiskValidateCommand</name>
    <message>
        <source>Check a CSV, TSV or IP list against Okta&apos;s risk-event rules.</source>
        <translation>Eine CSV-, TSV- oder IP-Liste anhand der Regeln von Okta für Risikoereignisse prüfen.</translation>
    </message>
</context>
<context>
    <name>RiskValidationReport</name>
    <message>
        <source>rows %1, valid %2 (HIGH %3, MEDIUM %4, LOW %5), rejected %6, merged %7</source>
        <translation>Zeilen %1, gültig %2 (HIGH %3, MEDIUM %4, LOW %5), abgelehnt %6, zusammengeführt %7</translation>
    </message>
    <message>
        <source>messages cleaned: %1</source>
        <translation>bereinigte Meldungen: %1</translation>
    </message>
    <message>
        <source>line %1: rejected %2 &apos;%3&apos;: %4</source>
        <translation>Zeile %1: %2 &apos;%3&apos; abgelehnt: %4</translation>
    </message>
    <message>
        <source>line %1: merged %2 &apos;%3&apos;: %4</source>
        <translation>Zeile %1: %2 &apos;%3&apos; zusammengeführt: %4</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>ThreatInsightGetCommand</name>
    <message>
        <source>reading the ThreatInsight configuration failed</source>
        <translation>Lesen der ThreatInsight-Konfiguration fehlgeschlagen</translation>
    </message>
    <message>
        <source>Show the ThreatInsight action and the network zones it ignores.</source>
        <translation>Die ThreatInsight-Aktion und die Netzwerkzonen anzeigen, die ThreatInsight ignoriert.</translation>
    </message>
</context>
<context>
    <name>ThreatInsightReport</name>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>zone names unavailable, showing ids only: %1</source>
        <translation>Zonennamen nicht verfügbar, nur IDs werden angezeigt: %1</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Excluded zones:</source>
        <translation>Ausgenommene Zonen:</translation>
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
        <source>Request id:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>%1 (name unavailable)</source>
        <translation>%1 (Name nicht verfügbar)</translation>
    </message>
    <message>
        <source>%1 (no zone with this id in the org)</source>
        <translation>%1 (keine Zone mit dieser ID in der Org)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ThreatInsightSetCommand</name>
    <message>
        <source>none (disabled), audit (log suspicious requests) or block (log and block them). Required.</source>
        <translation>none (deaktiviert), audit (verdächtige Anfragen protokollieren) oder block (protokollieren und blockieren). Erforderlich.</translation>
    </message>
    <message>
        <source>Network zone (name or id) whose IPs ThreatInsight ignores; repeat for several. Replaces the current list.</source>
        <translation>Netzwerkzone (Name oder ID), deren IPs ThreatInsight ignoriert; für mehrere wiederholen. Ersetzt die aktuelle Liste.</translation>
    </message>
    <message>
        <source>Exclude no zone at all.</source>
        <translation>Gar keine Zone ausnehmen.</translation>
    </message>
    <message>
        <source>threatinsight set needs --action (one of: %1).</source>
        <translation>threatinsight set braucht --action (eine von: %1).</translation>
    </message>
    <message>
        <source>--action &apos;%1&apos; is not an action; use one of: %2.</source>
        <translation>--action &apos;%1&apos; ist keine Aktion; verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <source>--exclude-zone needs a zone name or id, not an empty string.</source>
        <translation>--exclude-zone braucht einen Zonennamen oder eine ID, keinen leeren Text.</translation>
    </message>
    <message>
        <source>--clear-zones and --exclude-zone contradict each other: give one of them.</source>
        <translation>--clear-zones und --exclude-zone widersprechen sich: geben Sie eine der beiden an.</translation>
    </message>
    <message>
        <source>listing network zones (to resolve --exclude-zone) failed</source>
        <translation>Auflisten der Netzwerkzonen (zum Auflösen von --exclude-zone) fehlgeschlagen</translation>
    </message>
    <message>
        <source>--exclude-zone &apos;%1&apos;: %2</source>
        <translation>--exclude-zone &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>zone &apos;%1&apos; (%2) is a %3 zone; Okta documents that ThreatInsight only excludes IP zones. Sending it anyway; the org decides.</source>
        <translation>Zone &apos;%1&apos; (%2) ist eine %3-Zone; laut Okta-Dokumentation nimmt ThreatInsight nur IP-Zonen aus. Sie wird trotzdem gesendet; die Org entscheidet.</translation>
    </message>
    <message>
        <source>the org has no network zones</source>
        <translation>die Org hat keine Netzwerkzonen</translation>
    </message>
    <message>
        <source>zones in this org: %1</source>
        <translation>Zonen in dieser Org: %1</translation>
    </message>
    <message>
        <source>reading the current ThreatInsight configuration failed</source>
        <translation>Lesen der aktuellen ThreatInsight-Konfiguration fehlgeschlagen</translation>
    </message>
    <message>
        <source>updating the ThreatInsight configuration failed</source>
        <translation>Ändern der ThreatInsight-Konfiguration fehlgeschlagen</translation>
    </message>
    <message>
        <source>Change the ThreatInsight action; excluded zones are kept unless --exclude-zone or --clear-zones is given.</source>
        <translation>Die ThreatInsight-Aktion ändern; ausgenommene Zonen bleiben erhalten, außer --exclude-zone oder --clear-zones ist angegeben.</translation>
    </message>
</context>
<context>
    <name>ZonesBlockCommand</name>
    <message>
        <source>Add IPs, CIDRs or ranges to a BLOCKLIST zone (BlockedIpZone unless --zone): Okta refuses their requests.</source>
        <translation>IPs, CIDRs oder Bereiche zu einer BLOCKLIST-Zone hinzufügen (BlockedIpZone, außer mit --zone): Okta weist ihre Anfragen ab.</translation>
    </message>
</context>
<context>
    <name>ZonesChangeCommand</name>
    <message>
        <source>The zone to change (name or id); default %1.</source>
        <translation>Die zu ändernde Zone (Name oder ID); Standard: %1.</translation>
    </message>
    <message>
        <source>Apply without asking.</source>
        <translation>Ohne Rückfrage anwenden.</translation>
    </message>
    <message>
        <source>Only show what would change; write nothing.</source>
        <translation>Nur anzeigen, was sich ändern würde; nichts schreiben.</translation>
    </message>
    <message>
        <source>%1 needs at least one IP address, CIDR or range, e.g. %1 203.0.113.7</source>
        <translation>%1 braucht mindestens eine IP-Adresse, einen CIDR oder einen Bereich, z. B. %1 203.0.113.7</translation>
    </message>
    <message>
        <source>--zone needs a zone name or id, not an empty string.</source>
        <translation>--zone braucht einen Zonennamen oder eine ID, keinen leeren Text.</translation>
    </message>
    <message>
        <source>--yes and --dry-run contradict each other: give one of them.</source>
        <translation>--yes und --dry-run widersprechen sich: geben Sie eine der beiden an.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (item %2): %3</source>
        <translation>&apos;%1&apos; (Eintrag %2): %3</translation>
    </message>
    <message numerus="yes">
        <source>zones %1: %2 of %n item(s) cannot be used; nothing was sent:</source>
        <translation>
            <numerusform>zones %1: %2 von %n Eintrag nicht verwendbar; nichts wurde gesendet:</numerusform>
            <numerusform>zones %1: %2 von %n Einträgen nicht verwendbar; nichts wurde gesendet:</numerusform>
        </translation>
    </message>
    <message>
        <source>Sandbox org</source>
        <translation>Sandbox-Org</translation>
    </message>
    <message>
        <source>add</source>
        <translation>hinzufügen</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>bereits vorhanden</translation>
    </message>
    <message>
        <source>not in the zone</source>
        <translation>nicht in der Zone</translation>
    </message>
    <message>
        <source>Zone: %1 (%2), %3 %4, %5</source>
        <translation>Zone: %1 (%2), %3 %4, %5</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Gateways: %1 → %2 of %3</source>
        <translation>Gateways: %1 → %2 von %3</translation>
    </message>
    <message>
        <source>Gateways: %1 of %2</source>
        <translation>Gateways: %1 von %2</translation>
    </message>
    <message>
        <source>Note: %1 is INACTIVE: its entries take effect only once it is activated.</source>
        <translation>Hinweis: %1 ist INACTIVE: die Einträge wirken erst, wenn die Zone aktiviert ist.</translation>
    </message>
    <message>
        <source>zones %1: not applied:</source>
        <translation>zones %1: nicht angewendet:</translation>
    </message>
    <message>
        <source>Nothing to change: %1 already is as asked.</source>
        <translation>Nichts zu ändern: %1 ist bereits wie gewünscht.</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Probelauf: nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>not applied: pass --yes to apply without a question, or --dry-run to only show the change</source>
        <translation>nicht angewendet: übergeben Sie --yes, um ohne Rückfrage anzuwenden, oder --dry-run, um die Änderung nur anzuzeigen</translation>
    </message>
    <message>
        <source>Apply to %1? [y/N] </source>
        <translation>Auf %1 anwenden? [y/N] </translation>
    </message>
    <message>
        <source>not applied: the change was not confirmed.</source>
        <translation>nicht angewendet: die Änderung wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Nothing written: %1 already had this change when it was read again (made meanwhile); request id %2</source>
        <translation>Nichts geschrieben: %1 enthielt diese Änderung beim erneuten Lesen bereits (zwischenzeitlich vorgenommen); Anfrage-ID %2</translation>
    </message>
    <message>
        <source>Added %1 to %2: %3</source>
        <translation>%1 zu %2 hinzugefügt: %3</translation>
    </message>
    <message>
        <source>Removed %1 from %2: %3</source>
        <translation>%1 aus %2 entfernt: %3</translation>
    </message>
    <message>
        <source>%1 now has %2 of %3 gateways; request id %4</source>
        <translation>%1 hat jetzt %2 von %3 Gateways; Anfrage-ID %4</translation>
    </message>
    <message>
        <source>cause: %1</source>
        <translation>Ursache: %1</translation>
    </message>
    <message>
        <source>request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
</context>
<context>
    <name>ZonesExemptCommand</name>
    <message>
        <source>Add IPs, CIDRs or ranges to DefaultExemptIpZone (or --zone), whose IPs ThreatInsight never flags.</source>
        <translation>IPs, CIDRs oder Bereiche zu DefaultExemptIpZone (oder --zone) hinzufügen, deren IPs ThreatInsight nie markiert.</translation>
    </message>
</context>
<context>
    <name>ZonesListCommand</name>
    <message>
        <source>Okta filter expression, e.g. &apos;usage eq &quot;BLOCKLIST&quot;&apos;.</source>
        <translation>Okta-Filterausdruck, z. B. &apos;usage eq &quot;BLOCKLIST&quot;&apos;.</translation>
    </message>
    <message>
        <source>--filter needs an expression, e.g. --filter &apos;usage eq &quot;BLOCKLIST&quot;&apos;.</source>
        <translation>--filter braucht einen Ausdruck, z. B. --filter &apos;usage eq &quot;BLOCKLIST&quot;&apos;.</translation>
    </message>
    <message>
        <source>listing network zones failed</source>
        <translation>Auflisten der Netzwerkzonen fehlgeschlagen</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>USAGE</source>
        <translation>VERWENDUNG</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>GATEWAYS</source>
        <translation>GATEWAYS</translation>
    </message>
    <message numerus="yes">
        <source>%n zone(s); request id %1</source>
        <translation>
            <numerusform>%n Zone; Anfrage-ID %1</numerusform>
            <numerusform>%n Zonen; Anfrage-ID %1</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>List the org&apos;s network zones.</source>
        <translation>Die Netzwerkzonen der Org auflisten.</translation>
    </message>
</context>
<context>
    <name>ZonesUnblockCommand</name>
    <message>
        <source>Remove IPs, CIDRs or ranges from a BLOCKLIST zone (BlockedIpZone unless --zone).</source>
        <translation>IPs, CIDRs oder Bereiche aus einer BLOCKLIST-Zone entfernen (BlockedIpZone, außer mit --zone).</translation>
    </message>
</context>
<context>
    <name>ZonesUnexemptCommand</name>
    <message>
        <source>Remove IPs, CIDRs or ranges from DefaultExemptIpZone (or --zone).</source>
        <translation>IPs, CIDRs oder Bereiche aus DefaultExemptIpZone (oder --zone) entfernen.</translation>
    </message>
</context>
</TS>
