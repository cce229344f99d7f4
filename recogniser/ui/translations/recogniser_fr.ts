<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>“{case}” has changes that are not saved. Save them first?</source>
        <translation>«&#xa0;{case}&#xa0;» comporte des modifications non enregistrées. Les enregistrer d’abord&#xa0;?</translation>
    </message>
    <message>
        <source>Recogniser hit an internal error</source>
        <translation>Recogniser a rencontré une erreur interne</translation>
    </message>
    <message>
        <source>Something went wrong inside Recogniser: {summary}

Your open case is kept as a draft and is offered back the next time the app starts. The details are in the log:
{log}</source>
        <translation>Une erreur s’est produite dans Recogniser&#xa0;: {summary}

Le dossier ouvert est conservé comme brouillon et vous sera proposé au prochain démarrage. Le détail figure dans le journal&#xa0;:
{log}</translation>
    </message>
    <message>
        <source>Recogniser</source>
        <translation>Recogniser</translation>
    </message>
    <message>
        <source>version {version}, licensed under the {licence}</source>
        <translation>version {version}, sous licence {licence}</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>Référentiel de règles</translation>
    </message>
    <message>
        <source>version {version}: the thresholds and policy choices every recommendation uses; each decision records it</source>
        <translation>version {version}&#xa0;: les seuils et choix de politique qu’utilise chaque recommandation&#xa0;; chaque décision l’enregistre</translation>
    </message>
    <message>
        <source>Country codes</source>
        <translation>Codes de pays</translation>
    </message>
    <message>
        <source>Fonts of the PDF report</source>
        <translation>Polices du rapport PDF</translation>
    </message>
    <message>
        <source>Noto Sans, Noto Sans Georgian, Noto Sans Armenian and Noto Naskh Arabic ({copyright}), licensed under the SIL Open Font License, Version 1.1; the licence ships beside the fonts as {file}.</source>
        <translation>Noto Sans, Noto Sans Georgian, Noto Sans Armenian et Noto Naskh Arabic ({copyright}), sous licence SIL Open Font License, version 1.1&#xa0;; la licence est livrée avec les polices dans le fichier {file}.</translation>
    </message>
    <message>
        <source>Decision support for recognising micro-credentials. It recommends; a person decides.</source>
        <translation>Aide à la décision pour la reconnaissance des microcertifications. L’outil recommande&#xa0;; une personne décide.</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>à jour au {date}</translation>
    </message>
    <message>
        <source>retrieved {date}</source>
        <translation>consulté le {date}</translation>
    </message>
    <message>
        <source>Read from an office copy, {location}</source>
        <translation>Lu dans une copie du bureau, {location}</translation>
    </message>
    <message>
        <source>Shipped with Recogniser, {location}</source>
        <translation>Livré avec Recogniser, {location}</translation>
    </message>
    <message>
        <source>Source: {source}.</source>
        <translation>Source&#xa0;: {source}.</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>next / previous field</source>
        <translation>champ suivant / précédent</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>in a list of learning outcomes: end the outcome and start the next</source>
        <translation>dans une liste d’acquis d’apprentissage&#xa0;: termine l’acquis et commence le suivant</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Maj+Entrée</translation>
    </message>
    <message>
        <source>in a learning outcome: a new line within it</source>
        <translation>dans un acquis d’apprentissage&#xa0;: nouvelle ligne dans le même acquis</translation>
    </message>
    <message>
        <source>F2 or double-click</source>
        <translation>F2 ou double-clic</translation>
    </message>
    <message>
        <source>edit the selected learning outcome</source>
        <translation>modifier l’acquis d’apprentissage sélectionné</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>cancel the outcome being edited</source>
        <translation>annuler la modification de l’acquis en cours</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>remove the selected learning outcome</source>
        <translation>supprimer l’acquis d’apprentissage sélectionné</translation>
    </message>
    <message>
        <source>1 … 8</source>
        <translation>1 … 8</translation>
    </message>
    <message>
        <source>in an EQF level list: choose that level</source>
        <translation>dans une liste de niveaux CEC&#xa0;: choisir ce niveau</translation>
    </message>
    <message>
        <source>Enter on a finding</source>
        <translation>Entrée sur un constat</translation>
    </message>
    <message>
        <source>go to the field it is about</source>
        <translation>aller au champ qu’il concerne</translation>
    </message>
    <message>
        <source>About Recogniser</source>
        <translation>À propos de Recogniser</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Recogniser user guide</source>
        <translation>Guide d’utilisation de Recogniser</translation>
    </message>
    <message>
        <source>The user guide cannot be read: {file}: {error}</source>
        <translation>Le guide d’utilisation est illisible&#xa0;: {file}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>short cycle</source>
        <translation>cycle court</translation>
    </message>
    <message>
        <source>first cycle (bachelor)</source>
        <translation>premier cycle (licence)</translation>
    </message>
    <message>
        <source>second cycle (master)</source>
        <translation>deuxième cycle (master)</translation>
    </message>
    <message>
        <source>third cycle (doctorate)</source>
        <translation>troisième cycle (doctorat)</translation>
    </message>
    <message>
        <source>no QF-EHEA cycle</source>
        <translation>aucun cycle du CQ-EEES</translation>
    </message>
    <message>
        <source>mapping not checked against the referencing report</source>
        <translation>correspondance non vérifiée dans le rapport de référencement</translation>
    </message>
    <message>
        <source>mapping checked in a cited source</source>
        <translation>correspondance vérifiée dans une source citée</translation>
    </message>
    <message>
        <source>Framework country</source>
        <translation>Pays du cadre</translation>
    </message>
    <message>
        <source>Qualifications framework</source>
        <translation>Cadre de certifications</translation>
    </message>
    <message>
        <source>National level</source>
        <translation>Niveau national</translation>
    </message>
    <message>
        <source>Credential EQF level</source>
        <translation>Niveau CEC de la certification</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>EQF {level}</source>
        <translation>CEC {level}</translation>
    </message>
    <message>
        <source>Country…</source>
        <translation>Pays…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>EQF level</source>
        <translation>Niveau CEC</translation>
    </message>
    <message>
        <source>not referenced to the EQF</source>
        <translation>non référencé au CEC</translation>
    </message>
    <message>
        <source>Checked in {citation}.</source>
        <translation>Vérifié dans {citation}.</translation>
    </message>
    <message>
        <source>Compiled from: {source}</source>
        <translation>Établi à partir de&#xa0;: {source}</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Acquis d’apprentissage</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{what} departs from precedent&lt;/b&gt;&lt;/span&gt; on the same credential, target and purpose — {earlier}</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;&lt;b&gt;{what} s’écarte des précédents&lt;/b&gt;&lt;/span&gt; pour la même certification, la même cible et la même finalité — {earlier}</translation>
    </message>
    <message>
        <source>{reference} is no longer in the case database: someone deleted it or changed its reference after you opened it.</source>
        <translation>{reference} ne figure plus dans la base des dossiers&#xa0;: quelqu’un l’a supprimé ou en a changé la référence après que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>Someone else saved {reference} on {when} (version {theirs}) after you opened version {mine}.</source>
        <translation>Une autre personne a enregistré {reference} le {when} (version {theirs}) après que vous avez ouvert la version {mine}.</translation>
    </message>
    <message>
        <source>{fields} and {more} more</source>
        <translation>{fields} et {more} autres</translation>
    </message>
    <message>
        <source>Someone else changed this case</source>
        <translation>Une autre personne a modifié ce dossier</translation>
    </message>
    <message>
        <source>Your changes are not saved yet.</source>
        <translation>Vos modifications ne sont pas encore enregistrées.</translation>
    </message>
    <message>
        <source>Save your version as a new case with its own reference, or keep editing for now.</source>
        <translation>Enregistrez votre version comme nouveau dossier, avec sa propre référence, ou continuez la saisie pour l’instant.</translation>
    </message>
    <message>
        <source>Fields that differ from the stored case: {fields}.</source>
        <translation>Champs qui diffèrent du dossier enregistré&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>Save yours as a new case to keep both; save over theirs to replace what they saved; or discard yours and open the stored case. Until you choose, your changes stay here and in the draft.</source>
        <translation>Enregistrez la vôtre comme nouveau dossier pour garder les deux&#xa0;; enregistrez par-dessus la leur pour remplacer ce qui a été enregistré&#xa0;; ou abandonnez la vôtre et ouvrez le dossier enregistré. Tant que vous n’avez pas choisi, vos modifications restent ici et dans le brouillon.</translation>
    </message>
    <message>
        <source>Save as a new case</source>
        <translation>Enregistrer comme nouveau dossier</translation>
    </message>
    <message>
        <source>Save over theirs…</source>
        <translation>Enregistrer par-dessus la leur…</translation>
    </message>
    <message>
        <source>Discard mine and reload…</source>
        <translation>Abandonner la mienne et recharger…</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>Seminar responses (*.json)</source>
        <translation>Réponses de séminaire (*.json)</translation>
    </message>
    <message>
        <source>Group verdicts (*.json)</source>
        <translation>Verdicts de groupe (*.json)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Awarding body</source>
        <translation>Organisme de délivrance</translation>
    </message>
    <message>
        <source>Issuer country</source>
        <translation>Pays de l’émetteur</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Délivrée le</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Charge de travail</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>surveillée</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>identité vérifiée</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>Quality assurance</source>
        <translation>Assurance qualité</translation>
    </message>
    <message>
        <source>internal QA</source>
        <translation>AQ interne</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>valable jusqu’au {date}</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Prérequis</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Stackability</source>
        <translation>Cumul</translation>
    </message>
    <message>
        <source>Further information</source>
        <translation>Informations complémentaires</translation>
    </message>
    <message>
        <source>{purpose}, assessed in {country}</source>
        <translation>{purpose}&#xa0;; pays d’évaluation&#xa0;: {country}</translation>
    </message>
    <message>
        <source>The applicant is a refugee.</source>
        <translation>Le demandeur est réfugié.</translation>
    </message>
    <message>
        <source>The applicant’s documents are missing.</source>
        <translation>Les documents du demandeur manquent.</translation>
    </message>
    <message>
        <source>Programme or component</source>
        <translation>Programme ou composante</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <source>ECTS sought</source>
        <translation>ECTS demandés</translation>
    </message>
    <message>
        <source>Sought</source>
        <translation>Demandés</translation>
    </message>
    <message>
        <source>Learning outcomes of the target</source>
        <translation>Acquis d’apprentissage de la cible</translation>
    </message>
    <message>
        <source>The micro-credential</source>
        <translation>La microcertification</translation>
    </message>
    <message>
        <source>not {what}</source>
        <translation>non {what}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>Authenticity: {status} — {reason}</source>
        <translation>Authenticité&#xa0;: {status} — {reason}</translation>
    </message>
    <message>
        <source>unsaved case</source>
        <translation>dossier non enregistré</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Fichiers de dossier (*.json)</translation>
    </message>
    <message>
        <source>Credentials (*.json *.jsonld *.jws *.txt);;All files (*)</source>
        <translation>Certifications (*.json *.jsonld *.jws *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Seminar packs (*.zip)</source>
        <translation>Jeux d’exercices de séminaire (*.zip)</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}&#xa0;: {value}</translation>
    </message>
</context>
<context>
    <name>AgencyField</name>
    <message>
        <source>agency name or acronym, e.g. ASHE</source>
        <translation>nom ou sigle de l’agence, p. ex. ASHE</translation>
    </message>
    <message>
        <source>{what}: not quality assurance of learning</source>
        <translation>{what}&#xa0;: pas une assurance qualité de l’apprentissage</translation>
    </message>
    <message>
        <source>Several agencies match: {names}</source>
        <translation>Plusieurs agences correspondent&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Not in the EQAR agency data (as of {date})</source>
        <translation>Absente des données d’agences de l’EQAR (au {date})</translation>
    </message>
    <message>
        <source>{agency} — on the EQAR register on {date}</source>
        <translation>{agency} — inscrite au registre EQAR le {date}</translation>
    </message>
    <message>
        <source>{agency} — not on the EQAR register on {date}: {why}</source>
        <translation>{agency} — non inscrite au registre EQAR le {date}&#xa0;: {why}</translation>
    </message>
    <message>
        <source>{agency} — registered on EQAR only from {start}</source>
        <translation>{agency} — inscrite à l’EQAR seulement depuis le {start}</translation>
    </message>
    <message>
        <source>{agency} — in the EQAR agency data of {date}</source>
        <translation>{agency} — dans les données d’agences de l’EQAR du {date}</translation>
    </message>
    <message>
        <source>; its registration on {day} is to be confirmed</source>
        <translation>&#xa0;; son inscription au {day} reste à confirmer</translation>
    </message>
</context>
<context>
    <name>AuthenticityBanner</name>
    <message>
        <source>Authenticity of the imported credential</source>
        <translation>Authenticité de la certification importée</translation>
    </message>
    <message>
        <source>Imported from {file} (SHA-256 {digest}…)</source>
        <translation>Importée de {file} (SHA-256 {digest}…)</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>No decisions in this period</source>
        <translation>Aucune décision sur cette période</translation>
    </message>
</context>
<context>
    <name>CaseCommands</name>
    <message>
        <source>Opening the case</source>
        <translation>Ouverture du dossier</translation>
    </message>
    <message>
        <source>A copy of {reference}: it gets its own reference when saved</source>
        <translation>Copie de {reference}&#xa0;: elle recevra sa propre référence à l’enregistrement</translation>
    </message>
    <message>
        <source>Delete the case?</source>
        <translation>Supprimer le dossier&#xa0;?</translation>
    </message>
    <message>
        <source>Delete {reference} ({title})? This cannot be undone.</source>
        <translation>Supprimer {reference} ({title})&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sans intitulé</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Suppr</translation>
    </message>
    <message>
        <source>Deleted {reference}</source>
        <translation>{reference} supprimé</translation>
    </message>
    <message>
        <source>Deleting the case</source>
        <translation>Suppression du dossier</translation>
    </message>
    <message>
        <source>Cannot delete the case</source>
        <translation>Impossible de supprimer le dossier</translation>
    </message>
    <message>
        <source>{reference} has a recorded decision, so it is part of the record and is kept.</source>
        <translation>La décision de {reference} est enregistrée&#xa0;: le dossier fait partie des archives et est conservé.</translation>
    </message>
    <message>
        <source>Open a case file</source>
        <translation>Ouvrir un fichier de dossier</translation>
    </message>
    <message>
        <source>Cannot open the case file</source>
        <translation>Impossible d’ouvrir le fichier de dossier</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>{path} ouvert</translation>
    </message>
    <message>
        <source>Import a credential</source>
        <translation>Importer une certification</translation>
    </message>
    <message>
        <source>Import credentials as a stack</source>
        <translation>Importer des certifications en cumul</translation>
    </message>
    <message>
        <source>Importing the credential</source>
        <translation>Importation de la certification</translation>
    </message>
    <message>
        <source>Importing the credentials</source>
        <translation>Importation des certifications</translation>
    </message>
    <message>
        <source>Credentials dropped</source>
        <translation>Certifications déposées</translation>
    </message>
    <message>
        <source>Add the {count} credentials to the open case, assessed together with what it holds? Otherwise they open as a new case.</source>
        <translation>Ajouter les {count} certifications au dossier ouvert, pour les évaluer avec celles qu’il contient&#xa0;? Sinon, elles s’ouvrent dans un nouveau dossier.</translation>
    </message>
    <message>
        <source>Add to this case</source>
        <translation>Ajouter à ce dossier</translation>
    </message>
    <message>
        <source>Add credentials to this case</source>
        <translation>Ajouter des certifications à ce dossier</translation>
    </message>
    <message>
        <source>Import {count} credentials</source>
        <translation>Importer {count} certifications</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Case editor</source>
        <translation>Éditeur de dossier</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;*&lt;/span&gt; mandatory element of EU Annex I</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;*&lt;/span&gt; élément obligatoire de l’annexe I de l’UE</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>EQF {level}</source>
        <translation>CEC {level}</translation>
    </message>
    <message>
        <source>Purpose and target</source>
        <translation>Finalité et cible</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>assigned when the case is saved</source>
        <translation>attribuée à l’enregistrement du dossier</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Assessing country</source>
        <translation>Pays d’évaluation</translation>
    </message>
    <message>
        <source>e.g. HR</source>
        <translation>p. ex. HR</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <source>Refugee or displaced person (LRC VII)</source>
        <translation>Réfugié ou personne déplacée (Lisbonne, section VII)</translation>
    </message>
    <message>
        <source>Documents missing</source>
        <translation>Documents manquants</translation>
    </message>
    <message>
        <source>File received and complete</source>
        <translation>Dossier reçu et complet</translation>
    </message>
    <message>
        <source>File received on</source>
        <translation>Dossier reçu le</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>File complete on</source>
        <translation>Dossier complet le</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Complete on</source>
        <translation>Complet le</translation>
    </message>
    <message>
        <source>Programme or component</source>
        <translation>Programme ou composante</translation>
    </message>
    <message>
        <source>Target programme or component</source>
        <translation>Programme ou composante visé</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Établissement</translation>
    </message>
    <message>
        <source>Target institution</source>
        <translation>Établissement visé</translation>
    </message>
    <message>
        <source>Target EQF level</source>
        <translation>Niveau CEC visé</translation>
    </message>
    <message>
        <source>Level and credits sought</source>
        <translation>Niveau et crédits demandés</translation>
    </message>
    <message>
        <source>ECTS sought</source>
        <translation>ECTS demandés</translation>
    </message>
    <message>
        <source>ECTS</source>
        <translation>ECTS</translation>
    </message>
    <message>
        <source>EQF level</source>
        <translation>Niveau CEC</translation>
    </message>
    <message>
        <source>Programme credits</source>
        <translation>Crédits du programme</translation>
    </message>
    <message>
        <source>Credits of the whole programme</source>
        <translation>Crédits de l’ensemble du programme</translation>
    </message>
    <message>
        <source>Target learning outcomes</source>
        <translation>Acquis d’apprentissage visés</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Certification</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Learner name</source>
        <translation>Nom de l’apprenant</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Learner identifier</source>
        <translation>Identifiant de l’apprenant</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>Learner date of birth</source>
        <translation>Date de naissance de l’apprenant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Credential title</source>
        <translation>Intitulé de la certification</translation>
    </message>
    <message>
        <source>Country of the issuer</source>
        <translation>Pays de l’émetteur</translation>
    </message>
    <message>
        <source>e.g. IE</source>
        <translation>p. ex. IE</translation>
    </message>
    <message>
        <source>Awarding body</source>
        <translation>Organisme de délivrance</translation>
    </message>
    <message>
        <source>Body&apos;s country and kind</source>
        <translation>Pays et nature de l’organisme</translation>
    </message>
    <message>
        <source>Awarding body country</source>
        <translation>Pays de l’organisme de délivrance</translation>
    </message>
    <message>
        <source>Kind of awarding body</source>
        <translation>Nature de l’organisme de délivrance</translation>
    </message>
    <message>
        <source>Date of issuing</source>
        <translation>Date de délivrance</translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation>Acquis d’apprentissage</translation>
    </message>
    <message>
        <source>Credential learning outcomes</source>
        <translation>Acquis d’apprentissage de la certification</translation>
    </message>
    <message>
        <source>Notional workload</source>
        <translation>Charge de travail théorique</translation>
    </message>
    <message>
        <source>Workload in ECTS</source>
        <translation>Charge de travail en ECTS</translation>
    </message>
    <message>
        <source>Workload in hours</source>
        <translation>Charge de travail en heures</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Type of assessment</source>
        <translation>Type d’évaluation</translation>
    </message>
    <message>
        <source>Form of participation</source>
        <translation>Mode de participation</translation>
    </message>
    <message>
        <source>Quality assurance</source>
        <translation>Assurance qualité</translation>
    </message>
    <message>
        <source>Internal quality assurance</source>
        <translation>Assurance qualité interne</translation>
    </message>
    <message>
        <source>External QA agency</source>
        <translation>Agence d’AQ externe</translation>
    </message>
    <message>
        <source>Internal QA</source>
        <translation>AQ interne</translation>
    </message>
    <message>
        <source>External QA decision</source>
        <translation>Décision d’AQ externe</translation>
    </message>
    <message>
        <source>QA decision valid until</source>
        <translation>Décision d’AQ valable jusqu’au</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu’au</translation>
    </message>
    <message>
        <source>Optional elements</source>
        <translation>Éléments facultatifs</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Prérequis</translation>
    </message>
    <message>
        <source>Supervision and identity</source>
        <translation>Surveillance et identité</translation>
    </message>
    <message>
        <source>Assessment supervised</source>
        <translation>Évaluation surveillée</translation>
    </message>
    <message>
        <source>Identity verified</source>
        <translation>Identité vérifiée</translation>
    </message>
    <message>
        <source>Supervised</source>
        <translation>Surveillée</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Integration and stacking</source>
        <translation>Intégration et cumul</translation>
    </message>
    <message>
        <source>stand-alone, or counts towards…</source>
        <translation>autonome, ou compte pour…</translation>
    </message>
    <message>
        <source>Further information</source>
        <translation>Informations complémentaires</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language of the credential</source>
        <translation>Langue de la certification</translation>
    </message>
    <message>
        <source>e.g. en</source>
        <translation>p. ex. fr</translation>
    </message>
    <message>
        <source>case</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>Required for this purpose</source>
        <translation>Requis pour cette finalité</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Apprenant</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Certification</translation>
    </message>
    <message>
        <source>Awarding body</source>
        <translation>Organisme de délivrance</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Recommended for the case as saved; no assessment or decision is recorded yet</source>
        <translation>Recommandée pour le dossier tel qu’enregistré&#xa0;; aucune évaluation ni décision n’est encore enregistrée</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>non évalué</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <source>Search reference, learner, title, body… (Ctrl+F)</source>
        <translation>Chercher une référence, un apprenant, un intitulé, un organisme… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Chercher des dossiers</translation>
    </message>
    <message>
        <source>Filter by purpose</source>
        <translation>Filtrer par finalité</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>Toutes les finalités</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>Filtrer par résultat</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Ouvrir les paramètres…</translation>
    </message>
    <message>
        <source>Case commands</source>
        <translation>Commandes des dossiers</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Ouvrir le dossier sélectionné</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Duplicate the selected case</source>
        <translation>Dupliquer le dossier sélectionné</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected case</source>
        <translation>Supprimer le dossier sélectionné</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Import a Europass or Open Badges credential</source>
        <translation>Importer une certification Europass ou Open Badges</translation>
    </message>
    <message>
        <source>Opening the case database…</source>
        <translation>Ouverture de la base des dossiers…</translation>
    </message>
    <message>
        <source>Listing the cases</source>
        <translation>Liste des dossiers</translation>
    </message>
    <message>
        <source>No cases yet. Create one with New (Ctrl+N) or import a credential.</source>
        <translation>Aucun dossier pour l’instant. Créez-en un avec Nouveau (Ctrl+N) ou importez une certification.</translation>
    </message>
    <message>
        <source>No case matches.</source>
        <translation>Aucun dossier ne correspond.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln dossier</numerusform>
            <numerusform>%Ln dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot list the cases: {error}</source>
        <translation>Impossible de lister les dossiers&#xa0;: {error}</translation>
    </message>
    <message>
        <source>A case with a recorded decision is part of the record and cannot be deleted</source>
        <translation>Un dossier dont la décision est enregistrée fait partie des archives et ne peut pas être supprimé</translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <source>Credential {number}: {fields}</source>
        <translation>Certification {number}&#xa0;: {fields}</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Add responses…</source>
        <translation>Ajouter des réponses…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>The groups&apos; verdicts on the chosen case</source>
        <translation>Les verdicts des groupes sur le cas choisi</translation>
    </message>
    <message>
        <source>Facilitator notes on the chosen case</source>
        <translation>Notes de l’animateur sur le cas choisi</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Verdicts</translation>
    </message>
    <message>
        <source>Facilitator notes</source>
        <translation>Notes de l’animateur</translation>
    </message>
    <message>
        <source>Add the groups&apos; responses</source>
        <translation>Ajouter les réponses des groupes</translation>
    </message>
    <message>
        <source>Comparing the responses</source>
        <translation>Comparaison des réponses</translation>
    </message>
    <message>
        <source>&lt;p&gt;Add each group&apos;s response file to compare the verdicts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ajoutez le fichier de réponse de chaque groupe pour comparer les verdicts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Groups compared ({count}): {groups}</source>
        <translation>Groupes comparés ({count})&#xa0;: {groups}</translation>
    </message>
    <message>
        <source>Mean agreement {agreement}; verdicts matching the tool {tool}.</source>
        <translation>Accord moyen {agreement}&#xa0;; verdicts conformes à l’outil {tool}.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Réponses écartées&#xa0;:</translation>
    </message>
    <message>
        <source>*This pack has no notes for this case.*</source>
        <translation>*Ce jeu d’exercices n’a pas de notes pour ce cas.*</translation>
    </message>
    <message>
        <source>, {ects} ECTS</source>
        <translation>, {ects} ECTS</translation>
    </message>
    <message>
        <source>The tool found, to discuss:</source>
        <translation>Constats de l’outil, à discuter&#xa0;:</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>Outil&#xa0;:</translation>
    </message>
    <message>
        <source>Save the comparison as PDF</source>
        <translation>Enregistrer la comparaison en PDF</translation>
    </message>
    <message>
        <source>Writing the comparison PDF</source>
        <translation>Rédaction du PDF de comparaison</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accord</translation>
    </message>
    <message>
        <source>With the tool</source>
        <translation>Avec l’outil</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <source>Save again and choose how to deal with the other version</source>
        <translation>Enregistrer à nouveau et choisir que faire de l’autre version</translation>
    </message>
    <message>
        <source>Your changes are not saved; they are kept here and in the draft until you resolve this.</source>
        <translation>Vos modifications ne sont pas enregistrées&#xa0;; elles sont conservées ici et dans le brouillon jusqu’à ce que vous régliez ce conflit.</translation>
    </message>
</context>
<context>
    <name>CoverageMatrixPanel</name>
    <message>
        <source>Coverage matrix</source>
        <translation>Matrice de couverture</translation>
    </message>
    <message>
        <source>Choose a cell to see the outcomes it compares.</source>
        <translation>Choisissez une cellule pour voir les acquis qu’elle compare.</translation>
    </message>
    <message>
        <source>Outcomes compared in the chosen cell</source>
        <translation>Acquis comparés dans la cellule choisie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coverage matrix&lt;/b&gt; · {covered} of {total} target outcomes covered · * counted</source>
        <translation>&lt;b&gt;Matrice de couverture&lt;/b&gt; · {covered} acquis visés couverts sur {total} · * pris en compte</translation>
    </message>
    <message>
        <source>counted for this credential</source>
        <translation>pris en compte pour cette certification</translation>
    </message>
    <message>
        <source>counted for credential {number}</source>
        <translation>pris en compte pour la certification {number}</translation>
    </message>
    <message>
        <source>not covered by any counted credential</source>
        <translation>non couvert par une certification prise en compte</translation>
    </message>
    <message>
        <source>(no outcome to compare)</source>
        <translation>(aucun acquis à comparer)</translation>
    </message>
    <message>
        <source>Target outcome {number}: {text}</source>
        <translation>Acquis visé {number}&#xa0;: {text}</translation>
    </message>
    <message>
        <source>{credential}, best match: {text}</source>
        <translation>{credential}, meilleure correspondance&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Score {score:.0f}: {mark}; the target outcome is {counted}.</source>
        <translation>Score {score:.0f}&#xa0;: {mark}&#xa0;; l’acquis visé est {counted}.</translation>
    </message>
</context>
<context>
    <name>CredentialList</name>
    <message>
        <source>Credentials of the case</source>
        <translation>Certifications du dossier</translation>
    </message>
    <message>
        <source>Add a credential</source>
        <translation>Ajouter une certification</translation>
    </message>
    <message>
        <source>Blank credential, to type in</source>
        <translation>Certification vierge, à saisir</translation>
    </message>
    <message>
        <source>Import credential files…</source>
        <translation>Importer des fichiers de certification…</translation>
    </message>
    <message>
        <source>Remove the chosen credential</source>
        <translation>Retirer la certification choisie</translation>
    </message>
    <message>
        <source>Credentials of the stack</source>
        <translation>Certifications du cumul</translation>
    </message>
    <message>
        <source>Remove a credential</source>
        <translation>Retirer une certification</translation>
    </message>
    <message>
        <source>Remove {name} from this case? What was entered for it goes with it{imported}. Edit › Undo brings it back.</source>
        <translation>Retirer {name} de ce dossier&#xa0;? Ce qui a été saisi pour elle part avec elle{imported}. Édition › Annuler la rétablit.</translation>
    </message>
    <message>
        <source>, and the record of the file it was imported from</source>
        <translation>, ainsi que la trace du fichier dont elle a été importée</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Retirer {name}</translation>
    </message>
    <message>
        <source>{name}, {number} of {count}</source>
        <translation>{name}, {number} sur {count}</translation>
    </message>
    <message>
        <source>Credential {number} of {count}</source>
        <translation>Certification {number} sur {count}</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Certification</translation>
    </message>
    <message>
        <source>More credentials of this learner towards the target?</source>
        <translation>D’autres certifications de cet apprenant pour la même cible&#xa0;?</translation>
    </message>
    <message>
        <source>{count} credentials, assessed together (a stack)</source>
        <translation>{count} certifications, évaluées ensemble (un cumul)</translation>
    </message>
    <message>
        <source>Choose one to edit it below.</source>
        <translation>Choisissez-en une pour la modifier ci-dessous.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Credential {number} (no title yet)</source>
        <translation>Certification {number} (sans intitulé pour l’instant)</translation>
    </message>
    <message>
        <source>{ects} ECTS</source>
        <translation>{ects}&#xa0;ECTS</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importée</translation>
    </message>
    <message>
        <source>{count} to fix</source>
        <translation>{count} à corriger</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record the decision: {case}</source>
        <translation>Enregistrer la décision&#xa0;: {case}</translation>
    </message>
    <message>
        <source>, {ects} ECTS</source>
        <translation>, {ects} ECTS</translation>
    </message>
    <message>
        <source>Final outcome</source>
        <translation>Résultat final</translation>
    </message>
    <message>
        <source>ECTS recognised</source>
        <translation>ECTS reconnus</translation>
    </message>
    <message>
        <source>0 to {sought}</source>
        <translation>de 0 à {sought}</translation>
    </message>
    <message>
        <source>Credits recognised of the {sought} ECTS sought; decimals such as 2.5 are allowed</source>
        <translation>Crédits reconnus sur les {sought} ECTS demandés&#xa0;; les décimales comme 2,5 sont admises</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Évaluateur</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>votre nom</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Departure from precedent</source>
        <translation>Écart par rapport aux précédents</translation>
    </message>
    <message>
        <source>Reason for departing from precedent</source>
        <translation>Motif de l’écart par rapport aux précédents</translation>
    </message>
    <message>
        <source>Why this case is decided otherwise than the office&apos;s earlier equivalent cases</source>
        <translation>Pourquoi ce dossier est tranché autrement que les dossiers équivalents antérieurs du bureau</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Enregistrer la décision</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommandé</translation>
    </message>
    <message>
        <source>Reason for departing</source>
        <translation>Motif de l’écart</translation>
    </message>
    <message>
        <source>ECTS recognised: state the credits this decision recognises.</source>
        <translation>ECTS reconnus&#xa0;: indiquez les crédits que reconnaît cette décision.</translation>
    </message>
    <message>
        <source>ECTS recognised: write a number such as 2.5.</source>
        <translation>ECTS reconnus&#xa0;: saisissez un nombre, p. ex. 2,5.</translation>
    </message>
    <message>
        <source>ECTS recognised: from 0 to the {sought} ECTS sought.</source>
        <translation>ECTS reconnus&#xa0;: de 0 aux {sought} ECTS demandés.</translation>
    </message>
    <message>
        <source>ECTS in another form</source>
        <translation>ECTS sous une autre forme</translation>
    </message>
    <message>
        <source>none towards the {sought} ECTS sought</source>
        <translation>aucun sur les {sought} ECTS demandés</translation>
    </message>
    <message>
        <source>of {sought} ECTS sought</source>
        <translation>sur {sought} ECTS demandés</translation>
    </message>
    <message>
        <source>Name the evaluator.</source>
        <translation>Indiquez le nom de l’évaluateur.</translation>
    </message>
    <message>
        <source>Give the reasons: the decision differs from the recommendation (outcome or credits) or refuses recognition.</source>
        <translation>Motivez la décision&#xa0;: elle diffère de la recommandation (résultat ou crédits) ou refuse la reconnaissance.</translation>
    </message>
    <message>
        <source>This decision</source>
        <translation>Cette décision</translation>
    </message>
    <message>
        <source>Give the reason for departing from the office&apos;s earlier decisions.</source>
        <translation>Indiquez le motif de l’écart par rapport aux décisions antérieures du bureau.</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>Decision recorded for {reference}</source>
        <translation>Décision enregistrée pour {reference}</translation>
    </message>
    <message>
        <source>Recording the decision</source>
        <translation>Enregistrement de la décision</translation>
    </message>
    <message>
        <source>Reading the decisions</source>
        <translation>Lecture des décisions</translation>
    </message>
    <message>
        <source>Finding earlier decisions</source>
        <translation>Recherche des décisions antérieures</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Fix these fields first:
{problems}</source>
        <translation>Corrigez d’abord ces champs&#xa0;:
{problems}</translation>
    </message>
    <message>
        <source>There is no case to use.</source>
        <translation>Il n’y a aucun dossier à utiliser.</translation>
    </message>
    <message>
        <source>Cannot write the report yet</source>
        <translation>Impossible de rédiger le rapport pour l’instant</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Rédaction du rapport…</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Rédaction du rapport</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Rapport enregistré dans {path}</translation>
    </message>
    <message>
        <source>Saving the report</source>
        <translation>Enregistrement du rapport</translation>
    </message>
    <message>
        <source>Export the case file</source>
        <translation>Exporter le fichier de dossier</translation>
    </message>
    <message>
        <source>Cannot write the case file</source>
        <translation>Impossible d’écrire le fichier de dossier</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path} exporté</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>The stack</source>
        <translation>Le cumul</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base juridique</translation>
    </message>
    <message>
        <source>{name} — all clear</source>
        <translation>{name} — rien à signaler</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n to look at</source>
        <translation>
            <numerusform>{name} —&#xa0;%n point à examiner</numerusform>
            <numerusform>{name} —&#xa0;%n points à examiner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>Constat sélectionné</translation>
    </message>
    <message>
        <source>&lt;b&gt;Findings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Constats&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{count} {status}</source>
        <translation>{status}&#xa0;: {count}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Findings&lt;/b&gt; &amp;nbsp; {counts}</source>
        <translation>&lt;b&gt;Constats&lt;/b&gt; &amp;nbsp; {counts}</translation>
    </message>
    <message>
        <source>as before the fields marked in red were changed</source>
        <translation>tels qu’avant la modification des champs marqués en rouge</translation>
    </message>
    <message>
        <source>of the credential alone, until the target is given</source>
        <translation>de la certification seule, tant que la cible n’est pas indiquée</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{colour}&apos;&gt;Select a finding to read it in full; double-click or press Enter to go to its field.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{colour}&apos;&gt;Sélectionnez un constat pour le lire en entier&#xa0;; double-cliquez ou appuyez sur Entrée pour aller à son champ.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Go to the field</source>
        <translation>Aller au champ</translation>
    </message>
</context>
<context>
    <name>GroupPane</name>
    <message>
        <source>e.g. Group A</source>
        <translation>p. ex. Groupe A</translation>
    </message>
    <message>
        <source>Cases of the pack</source>
        <translation>Cas du jeu d’exercices</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>Le cas</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Cas</translation>
    </message>
    <message>
        <source>The tool&apos;s recommendation</source>
        <translation>La recommandation de l’outil</translation>
    </message>
    <message>
        <source>Open in the case editor</source>
        <translation>Ouvrir dans l’éditeur de dossier</translation>
    </message>
    <message>
        <source>See every finding of the tool on this case in the main window</source>
        <translation>Voir tous les constats de l’outil sur ce cas dans la fenêtre principale</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Pas encore tranché</translation>
    </message>
    <message>
        <source>Credits the group recognises; “—” where none are sought</source>
        <translation>Crédits que le groupe reconnaît&#xa0;; «&#xa0;—&#xa0;» si aucun n’est demandé</translation>
    </message>
    <message>
        <source>Why the group decided so: articles, differences, evidence</source>
        <translation>Pourquoi le groupe a décidé ainsi&#xa0;: articles, différences, preuves</translation>
    </message>
    <message>
        <source>Open work…</source>
        <translation>Ouvrir un travail…</translation>
    </message>
    <message>
        <source>Save work…</source>
        <translation>Enregistrer le travail…</translation>
    </message>
    <message>
        <source>Export response…</source>
        <translation>Exporter la réponse…</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>ECTS</source>
        <translation>ECTS</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>&lt;b&gt;The group&apos;s verdict&lt;/b&gt;</source>
        <translation>&lt;b&gt;Le verdict du groupe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Open the group&apos;s saved verdicts</source>
        <translation>Ouvrir les verdicts enregistrés du groupe</translation>
    </message>
    <message>
        <source>Cannot open the verdicts</source>
        <translation>Impossible d’ouvrir les verdicts</translation>
    </message>
    <message>
        <source>Save the group&apos;s verdicts</source>
        <translation>Enregistrer les verdicts du groupe</translation>
    </message>
    <message>
        <source>Cannot save the verdicts</source>
        <translation>Impossible d’enregistrer les verdicts</translation>
    </message>
    <message>
        <source>The response is not complete</source>
        <translation>La réponse n’est pas complète</translation>
    </message>
    <message>
        <source>Export the group&apos;s response</source>
        <translation>Exporter la réponse du groupe</translation>
    </message>
    <message>
        <source>Cannot write the response</source>
        <translation>Impossible d’écrire la réponse</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Credential imported</source>
        <translation>Certification importée</translation>
    </message>
    <message>
        <source>Authenticity</source>
        <translation>Authenticité</translation>
    </message>
    <message>
        <source>Annex I elements</source>
        <translation>Éléments de l’annexe I</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avertissements&#xa0;:</translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>Avertissements de l’importation</translation>
    </message>
    <message>
        <source>The case is open unsaved, for {purpose}. Check what was guessed, supply what is missing, set the purpose and the target, then save.</source>
        <translation>Le dossier est ouvert sans être enregistré, pour la finalité «&#xa0;{purpose}&#xa0;». Vérifiez ce qui a été deviné, complétez ce qui manque, indiquez la finalité et la cible, puis enregistrez.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Copy the report as text, as the command line prints it</source>
        <translation>Copier le rapport en texte, tel que l’affiche la ligne de commande</translation>
    </message>
    <message>
        <source>mapped</source>
        <translation>repris</translation>
    </message>
    <message>
        <source>GUESSED</source>
        <translation>DEVINÉ</translation>
    </message>
    <message>
        <source>MISSING (mandatory)</source>
        <translation>MANQUANT (obligatoire)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No case open&lt;/h2&gt;&lt;p&gt;Start a new case with &lt;b&gt;Ctrl+N&lt;/b&gt;, open one from the case list,&lt;br&gt;open a case file with &lt;b&gt;Ctrl+O&lt;/b&gt; or import a Europass or Open Badges credential with &lt;b&gt;Ctrl+I&lt;/b&gt;.&lt;/p&gt;&lt;p style=&apos;color:{colour}&apos;&gt;Findings and the recommendation update as you type.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aucun dossier ouvert&lt;/h2&gt;&lt;p&gt;Commencez un nouveau dossier avec &lt;b&gt;Ctrl+N&lt;/b&gt;, ouvrez-en un depuis la liste des dossiers,&lt;br&gt;ouvrez un fichier de dossier avec &lt;b&gt;Ctrl+O&lt;/b&gt; ou importez une certification Europass ou Open Badges avec &lt;b&gt;Ctrl+I&lt;/b&gt;.&lt;/p&gt;&lt;p style=&apos;color:{colour}&apos;&gt;Les constats et la recommandation se mettent à jour pendant la saisie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nouveau dossier</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Open case file…</source>
        <translation>&amp;Ouvrir un fichier de dossier…</translation>
    </message>
    <message>
        <source>Export case &amp;file…</source>
        <translation>Exporter le &amp;fichier de dossier…</translation>
    </message>
    <message>
        <source>Record &amp;decision…</source>
        <translation>Enregistrer la &amp;décision…</translation>
    </message>
    <message>
        <source>Export PDF &amp;report…</source>
        <translation>Exporter le &amp;rapport PDF…</translation>
    </message>
    <message>
        <source>&amp;Import credential…</source>
        <translation>&amp;Importer une certification…</translation>
    </message>
    <message>
        <source>Import credentials as a &amp;stack…</source>
        <translation>Importer des certifications en &amp;cumul…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Find case</source>
        <translation>&amp;Chercher un dossier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un dossier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>Open seminar &amp;pack…</source>
        <translation>Ouvrir un &amp;jeu d’exercices…</translation>
    </message>
    <message>
        <source>&amp;Seminar</source>
        <translation>&amp;Séminaire</translation>
    </message>
    <message>
        <source>&amp;New pack from case files…</source>
        <translation>&amp;Nouveau jeu d’exercices à partir de fichiers de dossier…</translation>
    </message>
    <message>
        <source>Save the &amp;exercise pack…</source>
        <translation>Enregistrer le jeu d’&amp;exercices…</translation>
    </message>
    <message>
        <source>Office &amp;statistics and register…</source>
        <translation>&amp;Statistiques et registre du bureau…</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Bureau</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Recogniser</source>
        <translation>À &amp;propos de Recogniser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>No recent cases</source>
        <translation>Aucun dossier récent</translation>
    </message>
    <message>
        <source>{case}[*] — Recogniser</source>
        <translation>{case}[*] — Recogniser</translation>
    </message>
    <message>
        <source>Recogniser</source>
        <translation>Recogniser</translation>
    </message>
    <message>
        <source>Report — {case}</source>
        <translation>Rapport — {case}</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Opening the case database…</source>
        <translation>Ouverture de la base des dossiers…</translation>
    </message>
    <message>
        <source>Cases are kept in {place}</source>
        <translation>Les dossiers sont conservés dans {place}</translation>
    </message>
    <message>
        <source>The case database cannot be used: {error}.

You can go on entering a case and export it as a file; choose another database, or the file on this computer, in Settings.</source>
        <translation>La base des dossiers est inutilisable&#xa0;: {error}.

Vous pouvez continuer à saisir un dossier et l’exporter dans un fichier&#xa0;; choisissez une autre base, ou le fichier de cet ordinateur, dans les Paramètres.</translation>
    </message>
    <message>
        <source>Opening the case database</source>
        <translation>Ouverture de la base des dossiers</translation>
    </message>
    <message>
        <source>No case database</source>
        <translation>Pas de base des dossiers</translation>
    </message>
    <message>
        <source>The case database is not available{reason}. Export the case file (Ctrl+Shift+E) to keep your work, or choose another database in Settings.</source>
        <translation>La base des dossiers n’est pas disponible{reason}. Exportez le fichier de dossier (Ctrl+Maj+E) pour garder votre travail, ou choisissez une autre base dans les Paramètres.</translation>
    </message>
    <message>
        <source>{title} failed: {error}

Details are in the log: {log}</source>
        <translation>Échec de l’opération «&#xa0;{title}&#xa0;»&#xa0;: {error}

Le détail figure dans le journal&#xa0;: {log}</translation>
    </message>
</context>
<context>
    <name>OfficeCountryDialog</name>
    <message>
        <source>Your office&apos;s country</source>
        <translation>Pays de votre bureau</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Which country does your office recognise credentials for?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Recogniser takes it as the assessing country of every new and imported case: the country whose law, frameworks and ENIC-NARIC centre the recommendation and the appeal text name. It is never taken from the credential, whose issuer is usually abroad.&lt;/p&gt;&lt;p&gt;You can change it at any time in File → Settings.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Pour quel pays votre bureau reconnaît-il des certifications&#xa0;?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Recogniser en fait le pays d’évaluation de chaque dossier nouveau ou importé&#xa0;: le pays dont la recommandation et le texte de recours citent le droit, les cadres de certifications et le centre ENIC-NARIC. Il n’est jamais tiré de la certification, dont l’émetteur se trouve généralement à l’étranger.&lt;/p&gt;&lt;p&gt;Vous pouvez le modifier à tout moment dans Fichier → Paramètres.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Choose a country…</source>
        <translation>Choisir un pays…</translation>
    </message>
    <message>
        <source>Use this country</source>
        <translation>Utiliser ce pays</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
</context>
<context>
    <name>OpenCase</name>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Cannot keep a draft: {error}</source>
        <translation>Impossible de conserver un brouillon&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Restaurer le travail non enregistré&#xa0;?</translation>
    </message>
    <message>
        <source>Recogniser closed before “{case}” was saved. Restore the unsaved changes?</source>
        <translation>Recogniser s’est fermé avant l’enregistrement de «&#xa0;{case}&#xa0;». Restaurer les modifications non enregistrées&#xa0;?</translation>
    </message>
    <message>
        <source>a new case</source>
        <translation>un nouveau dossier</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <source>Outcomes chosen per case</source>
        <translation>Résultats choisis par cas</translation>
    </message>
    <message>
        <source>Add the groups&apos; responses</source>
        <translation>Ajouter les réponses des groupes</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
</context>
<context>
    <name>OutcomesField</name>
    <message>
        <source>Add an outcome</source>
        <translation>Ajouter un acquis</translation>
    </message>
    <message>
        <source>Remove the selected outcome</source>
        <translation>Supprimer l’acquis sélectionné</translation>
    </message>
    <message>
        <source>Move the selected outcome up</source>
        <translation>Monter l’acquis sélectionné</translation>
    </message>
    <message>
        <source>Move the selected outcome down</source>
        <translation>Descendre l’acquis sélectionné</translation>
    </message>
    <message>
        <source>Paste outcomes, one per line</source>
        <translation>Coller des acquis, un par ligne</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Report preview</source>
        <translation>Aperçu du rapport</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
</context>
<context>
    <name>PrecedentsPanel</name>
    <message>
        <source>Departure from precedent</source>
        <translation>Écart par rapport aux précédents</translation>
    </message>
    <message>
        <source>Earlier decisions on similar cases</source>
        <translation>Décisions antérieures sur des dossiers semblables</translation>
    </message>
    <message>
        <source>The earlier decision chosen</source>
        <translation>La décision antérieure choisie</translation>
    </message>
    <message>
        <source>Open this case</source>
        <translation>Ouvrir ce dossier</translation>
    </message>
    <message>
        <source>Open the earlier case</source>
        <translation>Ouvrir le dossier antérieur</translation>
    </message>
    <message>
        <source>Earlier decisions: no earlier decided case is like this one.</source>
        <translation>Décisions antérieures&#xa0;: aucun dossier déjà tranché ne ressemble à celui-ci.</translation>
    </message>
    <message>
        <source>Earlier decisions on similar cases: {count}, of which {equivalent} equivalent</source>
        <translation>Décisions antérieures sur des dossiers semblables&#xa0;: {count}, dont équivalentes&#xa0;: {equivalent}</translation>
    </message>
    <message>
        <source>The recommendation</source>
        <translation>La recommandation</translation>
    </message>
    <message>
        <source>equivalent</source>
        <translation>équivalent</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>semblable</translation>
    </message>
    <message>
        <source>Untitled credential</source>
        <translation>Certification sans intitulé</translation>
    </message>
    <message>
        <source>awarding body not given</source>
        <translation>organisme de délivrance non indiqué</translation>
    </message>
    <message>
        <source>Reason for departing from the decisions before it: {text}</source>
        <translation>Motif de l’écart par rapport aux décisions antérieures&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Target: {target}</source>
        <translation>Cible&#xa0;: {target}</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Pas de cible</translation>
    </message>
    <message>
        <source>Equivalent: same credential, target and purpose.</source>
        <translation>Équivalent&#xa0;: même certification, même cible et même finalité.</translation>
    </message>
    <message>
        <source>Similar ({score} of 100); same {shares}.</source>
        <translation>Semblable ({score} sur 100)&#xa0;; en commun&#xa0;: {shares}.</translation>
    </message>
    <message>
        <source>nothing stated</source>
        <translation>rien d’indiqué</translation>
    </message>
    <message>
        <source>decided {date} by {who}</source>
        <translation>tranché le {date} par {who}</translation>
    </message>
    <message>
        <source>Justification: {text}</source>
        <translation>Motivation&#xa0;: {text}</translation>
    </message>
    <message>
        <source>none given (as recommended)</source>
        <translation>aucune (conforme à la recommandation)</translation>
    </message>
</context>
<context>
    <name>RecommendationPanel</name>
    <message>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>Enregistrer la décision…</translation>
    </message>
    <message>
        <source>Record the final decision</source>
        <translation>Enregistrer la décision finale</translation>
    </message>
    <message>
        <source>Latest recorded decision</source>
        <translation>Dernière décision enregistrée</translation>
    </message>
    <message>
        <source>Recorded decisions</source>
        <translation>Décisions enregistrées</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Not reassessed yet&lt;/h3&gt;&lt;p&gt;Fix the fields marked in red to update the recommendation:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pas encore réévalué&lt;/h3&gt;&lt;p&gt;Corrigez les champs marqués en rouge pour mettre à jour la recommandation&#xa0;:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>As assessed before the change:</source>
        <translation>Évaluation avant la modification&#xa0;:</translation>
    </message>
    <message>
        <source>The recommendation needs the target programme. Fill in:</source>
        <translation>La recommandation a besoin du programme visé. À remplir&#xa0;:</translation>
    </message>
    <message>
        <source>Meanwhile the findings below judge the credential on its own.</source>
        <translation>En attendant, les constats ci-dessous évaluent la certification seule.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Not assessed yet&lt;/h3&gt;&lt;p&gt;Fix the fields marked in red to see the recommendation:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pas encore évalué&lt;/h3&gt;&lt;p&gt;Corrigez les champs marqués en rouge pour voir la recommandation&#xa0;:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The assessment could not run&lt;/h3&gt;&lt;p&gt;{failure}&lt;/p&gt;&lt;p&gt;The case can still be saved.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;L’évaluation n’a pas pu s’exécuter&lt;/h3&gt;&lt;p&gt;{failure}&lt;/p&gt;&lt;p&gt;Le dossier peut tout de même être enregistré.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:{colour}&apos;&gt;The recommendation appears here as you type.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:{colour}&apos;&gt;La recommandation s’affiche ici pendant la saisie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{outcome}, {ects} ECTS</source>
        <translation>{outcome}, {ects} ECTS</translation>
    </message>
    <message>
        <source>&lt;b&gt;Decided:&lt;/b&gt; &lt;b style=&apos;color:{colour}&apos;&gt;{outcome}&lt;/b&gt; by {who} on {when} — {link}</source>
        <translation>&lt;b&gt;Décision&#xa0;:&lt;/b&gt; &lt;b style=&apos;color:{colour}&apos;&gt;{outcome}&lt;/b&gt; par {who} le {when} — {link}</translation>
    </message>
    <message>
        <source>see below</source>
        <translation>voir ci-dessous</translation>
    </message>
    <message>
        <source>recommended: {outcome}</source>
        <translation>recommandé&#xa0;: {outcome}</translation>
    </message>
    <message>
        <source>Recommended by the rules</source>
        <translation>Recommandation selon les règles</translation>
    </message>
    <message>
        <source>ECTS recognised in another form</source>
        <translation>ECTS reconnus sous une autre forme</translation>
    </message>
    <message>
        <source>ECTS recognised</source>
        <translation>ECTS reconnus</translation>
    </message>
    <message>
        <source>Substantial differences</source>
        <translation>Différences substantielles</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Information required</source>
        <translation>Informations requises</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Appeal:&lt;/b&gt; {appeal}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Recours&#xa0;:&lt;/b&gt; {appeal}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RegisterExport</name>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON document (*.json)</source>
        <translation>Document JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <source>Exporting the register</source>
        <translation>Export du registre</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>“{case}” cannot be saved to the case database until these fields are filled in or fixed:
{problems}

Nothing is lost meanwhile: your work stays open here and is kept as a draft on this computer, offered back if Recogniser closes before it is saved.</source>
        <translation>«&#xa0;{case}&#xa0;» ne peut pas être enregistré dans la base des dossiers tant que ces champs ne sont pas remplis ou corrigés&#xa0;:
{problems}

Rien n’est perdu entre-temps&#xa0;: votre travail reste ouvert ici et est conservé comme brouillon sur cet ordinateur, et vous sera proposé à nouveau si Recogniser se ferme avant l’enregistrement.</translation>
    </message>
    <message>
        <source>Cannot save yet</source>
        <translation>Enregistrement impossible pour l’instant</translation>
    </message>
    <message>
        <source>Go to {field}</source>
        <translation>Aller au champ «&#xa0;{field}&#xa0;»</translation>
    </message>
    <message>
        <source>Saved {reference}</source>
        <translation>{reference} enregistré</translation>
    </message>
    <message>
        <source>Saving the case</source>
        <translation>Enregistrement du dossier</translation>
    </message>
    <message>
        <source>Someone else changed this case</source>
        <translation>Une autre personne a modifié ce dossier</translation>
    </message>
    <message>
        <source>It is now shown as stored; review it before going on.</source>
        <translation>Il est maintenant affiché tel qu’enregistré&#xa0;; relisez-le avant de poursuivre.</translation>
    </message>
    <message>
        <source>Opened {reference} as saved on {when}; your changes were discarded</source>
        <translation>{reference} ouvert tel qu’enregistré le {when}&#xa0;; vos modifications ont été abandonnées</translation>
    </message>
    <message>
        <source>Not saved: your changes are kept</source>
        <translation>Non enregistré&#xa0;: vos modifications sont conservées</translation>
    </message>
    <message>
        <source>Saved your version as {copy}; {reference} stays as the other evaluator saved it</source>
        <translation>Votre version est enregistrée sous {copy}&#xa0;; {reference} reste tel que l’autre évaluateur l’a enregistré</translation>
    </message>
    <message>
        <source>Your version replaces {reference} as saved on {when} (version {version}). What is stored there now in these fields is lost: {fields}.</source>
        <translation>Votre version remplace {reference} tel qu’enregistré le {when} (version {version}). Ce qui y est enregistré dans ces champs sera perdu&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>Save over the newer version?</source>
        <translation>Enregistrer par-dessus la version plus récente&#xa0;?</translation>
    </message>
    <message>
        <source>Save over it</source>
        <translation>Enregistrer par-dessus</translation>
    </message>
    <message>
        <source>Open {reference} as saved on {when} (version {version}) and discard your changes? What you entered in these fields is lost: {fields}.</source>
        <translation>Ouvrir {reference} tel qu’enregistré le {when} (version {version}) et abandonner vos modifications&#xa0;? Ce que vous avez saisi dans ces champs sera perdu&#xa0;: {fields}.</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Abandonner vos modifications&#xa0;?</translation>
    </message>
    <message>
        <source>Discard mine</source>
        <translation>Abandonner les miennes</translation>
    </message>
</context>
<context>
    <name>SeminarController</name>
    <message>
        <source>Open a seminar pack</source>
        <translation>Ouvrir un jeu d’exercices</translation>
    </message>
    <message>
        <source>Choose the cases for the pack</source>
        <translation>Choisir les cas du jeu d’exercices</translation>
    </message>
    <message>
        <source>New seminar pack</source>
        <translation>Nouveau jeu d’exercices</translation>
    </message>
    <message>
        <source>Title of the pack:</source>
        <translation>Intitulé du jeu d’exercices&#xa0;:</translation>
    </message>
    <message>
        <source>Recognition seminar</source>
        <translation>Séminaire sur la reconnaissance</translation>
    </message>
    <message>
        <source>Cannot build the pack</source>
        <translation>Impossible de constituer le jeu d’exercices</translation>
    </message>
    <message>
        <source>Save the seminar pack</source>
        <translation>Enregistrer le jeu d’exercices</translation>
    </message>
    <message>
        <source>Cannot save the pack</source>
        <translation>Impossible d’enregistrer le jeu d’exercices</translation>
    </message>
    <message>
        <source>Cannot open the seminar pack</source>
        <translation>Impossible d’ouvrir le jeu d’exercices</translation>
    </message>
</context>
<context>
    <name>SeminarWindow</name>
    <message>
        <source>Saved {path}</source>
        <translation>{path} enregistré</translation>
    </message>
    <message>
        <source>Group verdicts</source>
        <translation>Verdicts du groupe</translation>
    </message>
    <message>
        <source>Compare groups</source>
        <translation>Comparer les groupes</translation>
    </message>
    <message>
        <source>{title} — Seminar — Recogniser</source>
        <translation>{title} — Séminaire — Recogniser</translation>
    </message>
    <message numerus="yes">
        <source>Pack {id}, version {version}: %n case(s)</source>
        <translation>
            <numerusform>Jeu d’exercices {id}, version {version}&#xa0;:&#xa0;%n cas</numerusform>
            <numerusform>Jeu d’exercices {id}, version {version}&#xa0;:&#xa0;%n cas</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved verdicts</source>
        <translation>Verdicts non enregistrés</translation>
    </message>
    <message>
        <source>The group&apos;s verdicts have changed since they were last saved or exported. Close anyway?</source>
        <translation>Les verdicts du groupe ont changé depuis leur dernier enregistrement ou export. Fermer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Nom du bureau</translation>
    </message>
    <message>
        <source>e.g. ENIC-NARIC Croatia</source>
        <translation>p. ex. ENIC-NARIC France</translation>
    </message>
    <message>
        <source>Office address</source>
        <translation>Adresse du bureau</translation>
    </message>
    <message>
        <source>a line under the office name</source>
        <translation>une ligne sous le nom du bureau</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Évaluateur</translation>
    </message>
    <message>
        <source>Evaluator name</source>
        <translation>Nom de l’évaluateur</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>votre nom</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Fichier du logo</translation>
    </message>
    <message>
        <source>PNG or JPEG shown on reports</source>
        <translation>PNG ou JPEG affiché sur les rapports</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the logo file</source>
        <translation>Choisir le fichier du logo</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Default assessing country</source>
        <translation>Pays d’évaluation par défaut</translation>
    </message>
    <message>
        <source>e.g. HR (ISO 3166-1)</source>
        <translation>p. ex. FR (ISO 3166-1)</translation>
    </message>
    <message>
        <source>Assessing country</source>
        <translation>Pays d’évaluation</translation>
    </message>
    <message>
        <source>Cap on RPL credit</source>
        <translation>Plafond des crédits par reconnaissance des acquis</translation>
    </message>
    <message>
        <source>e.g. 15% of a programme&apos;s credits</source>
        <translation>p. ex. 15&#xa0;% des crédits d’un programme</translation>
    </message>
    <message>
        <source>The share of a programme&apos;s credits recognition of prior learning may give, as the institution&apos;s policy sets it; empty for none.</source>
        <translation>La part des crédits d’un programme que la reconnaissance des acquis antérieurs peut accorder, selon la politique de l’établissement&#xa0;; vide s’il n’y en a pas.</translation>
    </message>
    <message>
        <source>RPL credit cap</source>
        <translation>Plafond de reconnaissance des acquis</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>URL de la base de données</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Certificats de confiance</translation>
    </message>
    <message>
        <source>Add certificate…</source>
        <translation>Ajouter un certificat…</translation>
    </message>
    <message>
        <source>Trust a certificate or an EU trusted list</source>
        <translation>Faire confiance à un certificat ou à une liste de confiance de l’UE</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of the window, the reports and the command line&apos;s messages. The window takes it the next time Recogniser starts.</source>
        <translation>La langue de la fenêtre, des rapports et des messages de la ligne de commande. La fenêtre l’adopte au prochain démarrage de Recogniser.</translation>
    </message>
    <message>
        <source>{variable} is set for this session, so the app uses that database.</source>
        <translation>{variable} est défini pour cette session&#xa0;: l’application utilise donc cette base de données.</translation>
    </message>
    <message>
        <source>Leave the database empty for the file on this computer; a shared office uses postgresql://user@server/recogniser.</source>
        <translation>Laissez la base de données vide pour utiliser le fichier de cet ordinateur&#xa0;; un bureau partagé utilise postgresql://utilisateur@serveur/recogniser.</translation>
    </message>
    <message>
        <source>Saved in {file}, read by the command line too.</source>
        <translation>Enregistré dans {file}, que lit aussi la ligne de commande.</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problème de paramètres</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No certificate trusted yet</source>
        <translation>Aucun certificat de confiance</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) trusted</source>
        <translation>
            <numerusform>%n certificat de confiance</numerusform>
            <numerusform>%n certificats de confiance</numerusform>
        </translation>
    </message>
    <message>
        <source>{added}; {trusted}</source>
        <translation>{added}&#xa0;; {trusted}</translation>
    </message>
    <message>
        <source>A credential is verified only when its signature is intact, its signer is its issuer, and the signer&apos;s certificate chains to a certificate trusted here. Added at once, in {folder}.</source>
        <translation>Une certification n’est vérifiée que si sa signature est intacte, que son signataire est son émetteur et que le certificat du signataire remonte à un certificat de confiance déclaré ici. Ajout immédiat, dans {folder}.</translation>
    </message>
    <message>
        <source>Trust a certificate</source>
        <translation>Faire confiance à un certificat</translation>
    </message>
    <message>
        <source>Certificates and trusted lists (*.pem *.crt *.cer *.der *.xml);;All files (*)</source>
        <translation>Certificats et listes de confiance (*.pem *.crt *.cer *.der *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Trusted: {names}</source>
        <translation>De confiance&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Assessing country: use the ISO two-letter code, e.g. HR.</source>
        <translation>Pays d’évaluation&#xa0;: utilisez le code ISO à deux lettres, p. ex. FR.</translation>
    </message>
    <message>
        <source>RPL credit cap: write a percentage such as 15%, or leave it empty.</source>
        <translation>Plafond de reconnaissance des acquis&#xa0;: saisissez un pourcentage, p. ex. 15&#xa0;%, ou laissez vide.</translation>
    </message>
    <message>
        <source>Database: {problem}</source>
        <translation>Base de données&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Trying the database…</source>
        <translation>Essai de la base de données…</translation>
    </message>
    <message>
        <source>Trying the database</source>
        <translation>Essai de la base de données</translation>
    </message>
    <message>
        <source>Oldest credential in a stack</source>
        <translation>Certification la plus ancienne d’un cumul</translation>
    </message>
    <message>
        <source>years, e.g. 5; empty for no limit</source>
        <translation>années, p. ex. 5&#xa0;; vide pour aucune limite</translation>
    </message>
    <message>
        <source>A credential of a stack issued more than this many years before the assessment is set aside, with that reason; the others still count. No European text sets a limit: empty for none.</source>
        <translation>Une certification d’un cumul délivrée plus de ce nombre d’années avant l’évaluation est écartée, avec ce motif&#xa0;; les autres comptent toujours. Aucun texte européen ne fixe de limite&#xa0;: vide pour aucune.</translation>
    </message>
    <message>
        <source>Stack: oldest credential</source>
        <translation>Cumul&#xa0;: certification la plus ancienne</translation>
    </message>
    <message>
        <source>Oldest credential in a stack: write a number of years such as 5, or leave it empty.</source>
        <translation>Certification la plus ancienne d’un cumul&#xa0;: indiquez un nombre d’années, par exemple 5, ou laissez vide.</translation>
    </message>
</context>
<context>
    <name>StatisticsBoard</name>
    <message>
        <source>Time from a complete file to the decision</source>
        <translation>Délai entre le dossier complet et la décision</translation>
    </message>
    <message>
        <source>Decisions by outcome</source>
        <translation>Décisions par résultat</translation>
    </message>
    <message>
        <source>Decisions by purpose</source>
        <translation>Décisions par finalité</translation>
    </message>
    <message>
        <source>Decisions by issuing country</source>
        <translation>Décisions par pays de délivrance</translation>
    </message>
    <message>
        <source>Decisions by month</source>
        <translation>Décisions par mois</translation>
    </message>
    <message>
        <source>No decided case in this period states when its file was complete.</source>
        <translation>Aucun dossier tranché sur cette période n’indique la date à laquelle il était complet.</translation>
    </message>
    <message>
        <source>No decision was recorded in this period.</source>
        <translation>Aucune décision n’a été enregistrée sur cette période.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{percent}% decided within {months} months&lt;/b&gt; of a complete file ({within} of {measured}; {late} late); median {median} days.</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;{percent}&#xa0;% tranchés en {months} mois au plus&lt;/b&gt; après le dossier complet ({within} sur {measured}&#xa0;; {late} en retard)&#xa0;; médiane de {median} jours.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;%Ln case(s) decided&lt;/b&gt; — {period}&lt;/span&gt;&lt;br&gt;{timing}</source>
        <translation>
            <numerusform>&lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;%Ln dossier tranché&lt;/b&gt; — {period}&lt;/span&gt;&lt;br&gt;{timing}</numerusform>
            <numerusform>&lt;span style=&apos;font-size:large&apos;&gt;&lt;b&gt;%Ln dossiers tranchés&lt;/b&gt; — {period}&lt;/span&gt;&lt;br&gt;{timing}</numerusform>
        </translation>
    </message>
    <message>
        <source>The 2010 Revised Recommendation sets at most {months} months; {undated} without a date of completeness are not counted.</source>
        <translation>La Recommandation révisée de 2010 fixe un délai maximal de {months} mois&#xa0;; dossiers sans date de complétude, non comptés&#xa0;: {undated}.</translation>
    </message>
    <message numerus="yes">
        <source>%n other(s)</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>The last 12 months with decisions in the period</source>
        <translation>Les 12 derniers mois de la période comportant des décisions</translation>
    </message>
    <message numerus="yes">
        <source>over %n month(s)</source>
        <translation>
            <numerusform>plus de&#xa0;%n mois</numerusform>
            <numerusform>plus de&#xa0;%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n month(s)</source>
        <translation>
            <numerusform>%n mois au plus</numerusform>
            <numerusform>%n mois au plus</numerusform>
        </translation>
    </message>
    <message>
        <source>{low}–{high} months</source>
        <translation>{low} à {high} mois</translation>
    </message>
    <message>
        <source>Recognition decisions: statistics</source>
        <translation>Décisions de reconnaissance&#xa0;: statistiques</translation>
    </message>
</context>
<context>
    <name>StatisticsWindow</name>
    <message>
        <source>Office statistics and register</source>
        <translation>Statistiques et registre du bureau</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Save charts as PNG…</source>
        <translation>Enregistrer les graphiques en PNG…</translation>
    </message>
    <message>
        <source>Save charts as PDF…</source>
        <translation>Enregistrer les graphiques en PDF…</translation>
    </message>
    <message>
        <source>Export register as CSV…</source>
        <translation>Exporter le registre en CSV…</translation>
    </message>
    <message>
        <source>Export register as JSON…</source>
        <translation>Exporter le registre en JSON…</translation>
    </message>
    <message>
        <source>Every final decision in the period, without the learner&apos;s personal data: fit for publication</source>
        <translation>Toutes les décisions finales de la période, sans les données personnelles des apprenants&#xa0;: publiable</translation>
    </message>
    <message>
        <source>all decisions recorded</source>
        <translation>toutes les décisions enregistrées</translation>
    </message>
    <message>
        <source>decisions from {first}</source>
        <translation>décisions à partir du {first}</translation>
    </message>
    <message>
        <source>decisions up to {last}</source>
        <translation>décisions jusqu’au {last}</translation>
    </message>
    <message>
        <source>decisions from {first} to {last}</source>
        <translation>décisions du {first} au {last}</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Le dernier jour précède le premier.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte…</translation>
    </message>
    <message>
        <source>Counting the decisions</source>
        <translation>Décompte des décisions</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>Enregistrer les graphiques</translation>
    </message>
    <message>
        <source>Charts saved to {path}</source>
        <translation>Graphiques enregistrés dans {path}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln decision(s) exported to {path}</source>
        <translation>
            <numerusform>%Ln décision exportée dans {path}</numerusform>
            <numerusform>%Ln décisions exportées dans {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_OutcomeDelegate</name>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
</TS>
