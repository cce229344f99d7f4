<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaseListPane</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message numerus="yes">
        <source>{name} — %n to look at</source>
        <translation>
            <numerusform>{name} — %n to look at</numerusform>
            <numerusform>{name} — %n to look at</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeminarWindow</name>
    <message numerus="yes">
        <source>Pack {id}, version {version}: %n case(s)</source>
        <translation>
            <numerusform>Pack {id}, version {version}: %n case</numerusform>
            <numerusform>Pack {id}, version {version}: %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n certificate(s) trusted</source>
        <translation>
            <numerusform>%n certificate trusted</numerusform>
            <numerusform>%n certificates trusted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsBoard</name>
    <message numerus="yes">
        <source>&lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;%Ln case(s) decided&lt;/b&gt; — {period}&lt;/span&gt;&lt;br&gt;{timing}</source>
        <translation>
            <numerusform>&lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;%Ln case decided&lt;/b&gt; — {period}&lt;/span&gt;&lt;br&gt;{timing}</numerusform>
            <numerusform>&lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;%Ln cases decided&lt;/b&gt; — {period}&lt;/span&gt;&lt;br&gt;{timing}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other(s)</source>
        <translation>
            <numerusform>%n other</numerusform>
            <numerusform>%n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n month(s)</source>
        <translation>
            <numerusform>over %n month</numerusform>
            <numerusform>over %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n month(s)</source>
        <translation>
            <numerusform>within %n month</numerusform>
            <numerusform>within %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsWindow</name>
    <message numerus="yes">
        <source>%Ln decision(s) exported to {path}</source>
        <translation>
            <numerusform>%Ln decision exported to {path}</numerusform>
            <numerusform>%Ln decisions exported to {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
