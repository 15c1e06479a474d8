<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddRowsCommand</name>
    <message numerus="yes">
        <source>add %n row(s)</source>
        <translation>
            <numerusform>add %n row</numerusform>
            <numerusform>add %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveRowsCommand</name>
    <message numerus="yes">
        <source>remove %n row(s)</source>
        <translation>
            <numerusform>remove %n row</numerusform>
            <numerusform>remove %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RiskEventsPage</name>
    <message numerus="yes">
        <source>The table already holds %Ln row(s). Append the new rows to them?</source>
        <translation>
            <numerusform>The table already holds %Ln row. Append the new rows to it?</numerusform>
            <numerusform>The table already holds %Ln rows. Append the new rows to them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paste %Ln row(s)</source>
        <translation>
            <numerusform>paste %Ln row</numerusform>
            <numerusform>paste %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln row(s); Undo brings them back.</source>
        <translation>
            <numerusform>Removed %Ln row; Undo brings it back.</numerusform>
            <numerusform>Removed %Ln rows; Undo brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %Ln row(s) is valid: fix the rows marked invalid (the Reason column says why) or import other rows.</source>
        <translation>
            <numerusform>The %Ln row is not valid: fix it (the Reason column says why) or import other rows.</numerusform>
            <numerusform>None of the %Ln rows is valid: fix the rows marked invalid (the Reason column says why) or import other rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have problems and will not be sent.</source>
        <translation>
            <numerusform>%Ln row has problems and will not be sent.</numerusform>
            <numerusform>%Ln rows have problems and will not be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send the %Ln valid subject(s) now, or cancel and fix the rows marked invalid (&quot;Problems only&quot; shows them).</source>
        <translation>
            <numerusform>Send the %Ln valid subject now, or cancel and fix the rows marked invalid (&quot;Problems only&quot; shows them).</numerusform>
            <numerusform>Send the %Ln valid subjects now, or cancel and fix the rows marked invalid (&quot;Problems only&quot; shows them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln subject(s)…</source>
        <translation>
            <numerusform>Sending %Ln subject…</numerusform>
            <numerusform>Sending %Ln subjects…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more unfinished run(s) are in History.</source>
        <translation>
            <numerusform>%Ln more unfinished run is in History.</numerusform>
            <numerusform>%Ln more unfinished runs are in History.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) of this run&apos;s journal could not be read. The request(s) they belong to are sent again, so their subjects may reach Okta twice, which only refreshes the same signals.</source>
        <translation>
            <numerusform>%Ln file of this run&apos;s journal could not be read. The request it belongs to is sent again, so its subjects may reach Okta twice, which only refreshes the same signals.</numerusform>
            <numerusform>%Ln files of this run&apos;s journal could not be read. The requests they belong to are sent again, so their subjects may reach Okta twice, which only refreshes the same signals.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreatInsightPage</name>
    <message numerus="yes">
        <source>Saved: action %1, %n zone(s) exempt</source>
        <translation>
            <numerusform>Saved: action %1, %n zone exempt</numerusform>
            <numerusform>Saved: action %1, %n zones exempt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message numerus="yes">
        <source>%n zone(s), %1 excluded</source>
        <translation>
            <numerusform>%n zone, %1 excluded</numerusform>
            <numerusform>%n zones, %1 excluded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n zone(s) shown, %2 excluded</source>
        <translation>
            <numerusform>%1 of %n zone shown, %2 excluded</numerusform>
            <numerusform>%1 of %n zones shown, %2 excluded</numerusform>
        </translation>
    </message>
</context>
</TS>
