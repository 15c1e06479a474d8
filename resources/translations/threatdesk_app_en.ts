<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RiskDelivery</name>
    <message numerus="yes">
        <source>%n request(s) were in flight when the last session ended; they are sent again and their subjects may reach Okta twice.</source>
        <translation>
            <numerusform>%n request was in flight when the last session ended; it is sent again and its subjects may reach Okta twice.</numerusform>
            <numerusform>%n requests were in flight when the last session ended; they are sent again and their subjects may reach Okta twice.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ZonesChangeCommand</name>
    <message numerus="yes">
        <source>zones %1: %2 of %n item(s) cannot be used; nothing was sent:</source>
        <translation>
            <numerusform>zones %1: %2 of %n item cannot be used; nothing was sent:</numerusform>
            <numerusform>zones %1: %2 of %n items cannot be used; nothing was sent:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ZonesListCommand</name>
    <message numerus="yes">
        <source>%n zone(s); request id %1</source>
        <translation>
            <numerusform>%n zone; request id %1</numerusform>
            <numerusform>%n zones; request id %1</numerusform>
        </translation>
    </message>
</context>
</TS>
