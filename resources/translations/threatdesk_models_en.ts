<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HistoryStore</name>
    <message numerus="yes">
        <source>%n request(s) were in flight when the run stopped: Okta may have them already, and resuming sends them again.</source>
        <translation>
            <numerusform>%n request was in flight when the run stopped: Okta may have it already, and resuming sends it again.</numerusform>
            <numerusform>%n requests were in flight when the run stopped: Okta may have them already, and resuming sends them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message numerus="yes">
        <source>%1 rows: %2 valid (HIGH %3, MEDIUM %4, LOW %5), %6 rejected, %7 merged</source>
        <translation>
            <numerusform>%1 row: %2 valid (HIGH %3, MEDIUM %4, LOW %5), %6 rejected, %7 merged</numerusform>
            <numerusform>%1 rows: %2 valid (HIGH %3, MEDIUM %4, LOW %5), %6 rejected, %7 merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %1 messages cleaned</source>
        <translation>
            <numerusform>, %1 message cleaned</numerusform>
            <numerusform>, %1 messages cleaned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunJournal</name>
    <message numerus="yes">
        <source>no run of %n subject(s) has a request with this id</source>
        <translation>
            <numerusform>no run of %n subject has a request with this id</numerusform>
            <numerusform>no run of %n subjects has a request with this id</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendScheduler</name>
    <message numerus="yes">
        <source>Cancelled. %n subject(s) stay pending.</source>
        <translation>
            <numerusform>Cancelled. %n subject stays pending.</numerusform>
            <numerusform>Cancelled. %n subjects stay pending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n subject(s) accepted</source>
        <translation>
            <numerusform>Done: %n subject accepted</numerusform>
            <numerusform>Done: %n subjects accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n rejected.</source>
        <translation>
            <numerusform>, %n rejected.</numerusform>
            <numerusform>, %n rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Okta did not take request %1 after %n attempt(s) (%2). The remaining subjects stay pending; retry when Okta answers again.</source>
        <translation>
            <numerusform>Okta did not take request %1 after %n attempt (%2). The remaining subjects stay pending; retry when Okta answers again.</numerusform>
            <numerusform>Okta did not take request %1 after %n attempts (%2). The remaining subjects stay pending; retry when Okta answers again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Okta answered request %1 with 429 Too Many Requests %n time(s) in a row (%2); another client may be using up this org&apos;s risk-event budget. The remaining subjects stay pending; retry later.</source>
        <translation>
            <numerusform>Okta answered request %1 with 429 Too Many Requests %n time in a row (%2); another client may be using up this org&apos;s risk-event budget. The remaining subjects stay pending; retry later.</numerusform>
            <numerusform>Okta answered request %1 with 429 Too Many Requests %n times in a row (%2); another client may be using up this org&apos;s risk-event budget. The remaining subjects stay pending; retry later.</numerusform>
        </translation>
    </message>
</context>
</TS>
