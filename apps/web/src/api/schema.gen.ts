// Generated from the API's OpenAPI document by `npm run api:generate` (openapi-typescript). Do not edit.
// The build regenerates it; CI (CI=1) fails instead when it is stale.
/* eslint-disable */
export interface paths {
    "/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthConfigController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/dev-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevAuthController_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/dev-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevAuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_list"];
        put?: never;
        post: operations["AgreementsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/pending-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_pending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_get"];
        put: operations["AgreementsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_versions"];
        put?: never;
        post: operations["AgreementsController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AgreementsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_decisions"];
        put?: never;
        post: operations["AgreementsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgreementsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cooperation-agreements/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AgreementsController_terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IndicatorsController_catalogue"];
        put?: never;
        post: operations["IndicatorsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/indicators/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IndicatorsController_years"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/indicators/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["IndicatorsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/indicators/imports/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["IndicatorsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/indicators/{key}/values/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["IndicatorsController_setValue"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/social-space-profiles/{socialSpaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProfilesController_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/social-index/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialIndexController_methods"];
        put?: never;
        post: operations["SocialIndexController_createMethod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/social-index/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialIndexController_ranking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/social-index/social-spaces/{socialSpaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialIndexController_series"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/social-space-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SocialSpaceMapController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/social-space-map/boundaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["SocialSpaceMapController_importBoundaries"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jha-reports/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["JhaReportsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jha-reports/{year}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["JhaReportsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Die ganze Fallakte
         * @description Persönliche Daten, Familienmitglieder, Wille, Ziele, Ressourcen, Anvertrautes (§ 65, nur soweit lesbar), Einwilligungen, Fallteam-Beratungen mit Stand, Schritte des Jugendhilfedienst-Prozesses, Wiedervorlagen und Historie. Das ETag nennt die Version für Änderungen.
         */
        get: operations["CaseFileController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Fallakte ändern
         * @description Die angegebenen Felder ersetzen die gespeicherten, geprüft wie bei der Fallaufnahme. Die bearbeitete Version steht in If-Match (ETag) oder im Feld version: ist sie nicht mehr aktuell, antwortet der Dienst 412 und ändert nichts; ohne Version 428. Ein abgeschlossener Fall antwortet 409. Die Historie nennt die geänderten Felder; eine freigegebene Paketfassung, deren Felder sich ändern, wird als veraltet markiert.
         */
        patch: operations["CaseFileController_update"];
        trace?: never;
    };
    "/cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fall abschließen
         * @description Schließt einen Fallteam- oder Jugendhilfedienst-Fall mit Begründung ab; das Löschdatum folgt aus der Aufbewahrungsregel der Definition. Danach ist der Fall schreibgeschützt (409), nur die Leitung kann noch Vermerke anlegen. Ein Jugendhilfedienst-Fall wird über seinen Prozess abgeschlossen; scheitert danach das Speichern von Begründung und Historie, vervollständigt ein erneuter Aufruf den Abschluss (der Prozess wird nicht noch einmal gefragt).
         */
        post: operations["CaseFileController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fall wieder öffnen
         * @description Öffnet einen abgeschlossenen Fall mit Begründung wieder, solange sein Löschdatum nicht erreicht ist; das Löschdatum entfällt. Ein Jugendhilfedienst-Fall erhält wieder einen laufenden Prozess, der beim letzten Stand weitergeht (mit Hilfeplan: die Hilfe läuft, die Überprüfung ist wie geplant fällig; sonst beginnt der Schritt, aus dem er abgeschlossen wurde, neu).
         */
        post: operations["CaseFileController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/packet-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vorschau des Beratungspakets
         * @description Das Paket genau so, wie die externen Beratungen es nach einer Freigabe jetzt sähen, mit Hinweisen auf Namen und Geburtsdaten der Familie im Freitext, und der Stand der letzten Freigabe (veraltet nach einer Änderung der Fallakte).
         */
        get: operations["PacketReleaseController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/packet-release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Beratungspaket freigeben
         * @description Speichert das Paket, wie die Vorschau es zeigt, als die Fassung, die die eingeladenen Beratungen sehen. Vor der ersten Freigabe sehen sie nichts.
         */
        post: operations["PacketReleaseController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fälle suchen und auflisten
         * @description Die eigenen Fälle und die Fälle der eigenen Sozialräume, mit Suche (Name, Geburtsdatum, Pseudonym/Aktenzeichen), Filtern, Sortierung und Seiten. Fälle außerhalb des eigenen Fallteams erscheinen nur als Hinweis „existiert, fragen Sie die fallverantwortliche Fachkraft“ (ohne Namen und Bereich).
         */
        get: operations["CasesController_list"];
        put?: never;
        /**
         * Fall aufnehmen, auf Wunsch gleich mit der Fallteam-Anfrage
         * @description Mit `consultation` entstehen Fall und Fallteam-Anfrage in einem Aufruf (eine Transaktion, dann der Start der Beratung); die Antwort enthält die Beratung unter `consultation`. Ohne das Feld wird nur der Fall angelegt.
         */
        post: operations["CasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CasesController_consents"];
        put?: never;
        post: operations["CasesController_addConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/consents/{consentId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/confided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_addConfided"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/confided/{itemId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_releaseConfided"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["CasesController_setTeam"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/break-glass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_breakGlass"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CasesController_transfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_requestConsultation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fallteam-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationsController_sessions"];
        put?: never;
        post: operations["ConsultationsController_createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/packet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsultationsController_packet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_schedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_recommend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsultationsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/substitutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SubstitutionsController_mine"];
        put?: never;
        post: operations["SubstitutionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/substitutions/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SubstitutionsController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CaseFollowUpsController_list"];
        put?: never;
        post: operations["CaseFollowUpsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/follow-ups/{followUpId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CaseFollowUpsController_done"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/follow-ups/{followUpId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CaseFollowUpsController_moveDue"];
        trace?: never;
    };
    "/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotesController_list"];
        put?: never;
        post: operations["NotesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dokumente der Fallakte auflisten
         * @description Das neueste zuerst; nur Metadaten.
         */
        get: operations["DocumentsController_list"];
        put?: never;
        /**
         * Dokument zur Fallakte hochladen
         * @description Nimmt PDF, Bilder (PNG, JPEG, GIF, TIFF, WebP) und Office-Dokumente (Word, Excel, PowerPoint, OpenDocument) an; der Typ wird am Inhalt erkannt, nicht an der Angabe des Browsers. Die Datei wird mit den Feldschlüsseln (AES-256-GCM) verschlüsselt abgelegt. Größe höchstens DOCUMENT_MAX_BYTES (Standard 20 MB).
         */
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dokument herunterladen
         * @description Liefert den entschlüsselten Inhalt als Anhang (Content-Disposition) und ohne Zwischenspeicherung (Cache-Control: no-store).
         */
        get: operations["DocumentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/temporal-codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CodecController_decode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/temporal-codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CodecController_encode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contract-partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContractPartnersController_list"];
        put?: never;
        post: operations["ContractPartnersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contract-partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContractPartnersController_get"];
        put: operations["ContractPartnersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contract-partners/{id}/exit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ContractPartnersController_exit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard/phase-deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DashboardController_phaseDeadlines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DefinitionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DefinitionsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DefinitionsController_get"];
        put: operations["DefinitionsController_updateDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DefinitionsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DefinitionsController_validate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DefinitionsController_createDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/versions/{version}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DefinitionsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/versions/{version}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DefinitionsController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/migrations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MigrationsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{key}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MigrationsController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Gremien
         * @description Die Gremien der eigenen Planregionen (Koordination, Leitung), des Landkreises und die, in denen man Mitglied ist.
         */
        get: operations["CommitteesController_list"];
        put?: never;
        /**
         * Gremium anlegen
         * @description Die Koordination legt ein Gremium ihrer Planregion (oder des Landkreises) an.
         */
        post: operations["CommitteesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gremium mit Mitgliedern und Sitzungen */
        get: operations["CommitteesController_get"];
        /** Gremium umbenennen */
        put: operations["CommitteesController_rename"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mitglied aufnehmen
         * @description Eine Person aus dem Personal, eine externe Person mit Namen oder einen Vertragspartner.
         */
        post: operations["CommitteesController_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Mitglied austragen
         * @description Frühere Anwesenheiten bleiben erhalten.
         */
        delete: operations["CommitteesController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sitzung anlegen
         * @description Datum, Ort, Tagesordnung (mit Verweisen auf Prozesse, Maßnahmen, Vereinbarungen, Interviewberichte).
         */
        post: operations["CommitteesController_createMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sitzungen eines Sozialraumprozesses
         * @description Die Sozialraumkonferenzen (Phase 6), die mit dem Prozess verknüpft sind.
         */
        get: operations["MeetingsController_ofProcess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sitzung mit Tagesordnung, Anwesenheit und Protokoll */
        get: operations["MeetingsController_get"];
        /** Sitzung ändern */
        put: operations["MeetingsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Anwesenheit erfassen */
        put: operations["MeetingsController_attendance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Protokollentwurf speichern
         * @description Verlauf, Beschlüsse und Aufgaben (zuständige Person aus dem Gremium, Frist); nur solange das Protokoll nicht versandt ist.
         */
        put: operations["MeetingsController_minutes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/minutes/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Protokoll versenden
         * @description Die Aufgaben erscheinen in „Meine Aufgaben“ der zuständigen Personen, mit Erinnerung zur Frist.
         */
        post: operations["MeetingsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/minutes/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Protokoll genehmigen
         * @description In der nächsten Sitzung des Gremiums, sobald sie begonnen hat.
         */
        post: operations["MeetingsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meeting-tasks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Aufgabe aus Protokoll erledigen
         * @description Die zuständige Person oder die Koordination; die Erinnerung entfällt.
         */
        post: operations["MeetingTasksController_done"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provider-networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Trägerverbünde
         * @description Die Trägerverbünde der eigenen Planregionen (Koordination, Leitung) oder Sozialräume (Fachkräfte).
         */
        get: operations["ProviderNetworksController_list"];
        put?: never;
        /** Trägerverbund anlegen */
        post: operations["ProviderNetworksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provider-networks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trägerverbund */
        get: operations["ProviderNetworksController_get"];
        /** Trägerverbund ändern */
        put: operations["ProviderNetworksController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provider-networks/{id}/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Interviews des Verbunds
         * @description Die Auswertung eines Interviewzyklus nur über die Mitglieder des Verbunds, und der Stand jedes Mitglieds.
         */
        get: operations["ProviderNetworksController_interviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/provider-networks/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Budget des Verbunds
         * @description Das Sozialraumbudget des Jahres im Sozialraum des Verbunds: Zuweisungen und Ausgaben.
         */
        get: operations["ProviderNetworksController_budget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_describeSchedule"];
        put: operations["InterviewCyclesController_upsertSchedule"];
        post?: never;
        delete: operations["InterviewCyclesController_removeSchedule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/schedule/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/schedule/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_unpause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/schedule/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_trigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/schedule/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_backfill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/interviews/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_addPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_sync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/interviews/{partnerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InterviewCyclesController_interview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/interviews/{partnerId}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["InterviewCyclesController_plan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/interviews/{partnerId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["InterviewCyclesController_answers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interview-cycles/{id}/interviews/{partnerId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InterviewCyclesController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["JugendhilfedienstController_list"];
        put?: never;
        post: operations["JugendhilfedienstController_intake"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["JugendhilfedienstController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}/classification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["JugendhilfedienstController_classify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}/risk-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["JugendhilfedienstController_riskAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}/immediate-protection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["JugendhilfedienstController_immediateProtection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}/help-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["JugendhilfedienstController_helpPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}/help-plans/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["JugendhilfedienstController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jugendhilfedienst-cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["JugendhilfedienstController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/legal-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["RetentionController_legalHold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RetentionController_describe"];
        put: operations["RetentionController_upsert"];
        post?: never;
        delete: operations["RetentionController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/schedule/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RetentionController_trigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/anonymised": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RetentionController_anonymised"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/retention/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RetentionController_legalHolds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/statistics/risk-assessments/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatisticsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/statistics/risk-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatisticsController_riskAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TimeEntriesController_mine"];
        put?: never;
        post: operations["TimeEntriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time-entries/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TimeEntriesController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["TimeEntriesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Meine Aufgaben
         * @description Alle offenen Schritte, die auf die aufrufende Person oder eine ihrer Rollen warten (Fallteam terminieren, Empfehlung abgeben, § 8a-Einschätzung, Nachweis einer Phase, Interview planen, Entscheidung zu einer Vereinbarung, fällige Wiedervorlagen …), überfällige zuerst, dann nach Fälligkeit. Schritte eines Falls sehen nur Mitglieder des Fallteams und ihre Vertretungen; Fälle erscheinen nur mit Pseudonym.
         */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_followUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_unread"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_reminders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminders/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reminders/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PingController_ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/planning-regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReferenceController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/municipalities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MunicipalitiesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SozialraumController_list"];
        put?: never;
        post: operations["SozialraumController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SozialraumController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SozialraumController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/phases/{phaseKey}/deliverables/{deliverableKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["SozialraumController_setDeliverable"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/phases/{phaseKey}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SozialraumController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/phases/{phaseKey}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SozialraumController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SozialraumController_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SozialraumController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SozialraumController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SozialraumController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-processes/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SozialraumController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-budgets/{socialSpaceId}/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BudgetController_get"];
        put: operations["BudgetController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-budgets/{socialSpaceId}/{year}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BudgetController_allocate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-budgets/{socialSpaceId}/{year}/allocations/{allocationId}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BudgetController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sozialraum-budgets/{socialSpaceId}/{year}/allocations/{allocationId}/spendings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BudgetController_spend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_listUsers"];
        put?: never;
        post: operations["StaffController_createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/advisers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_advisers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_getUser"];
        put: operations["StaffController_updateUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/users/{id}/open-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_openCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_listTeams"];
        put?: never;
        post: operations["StaffController_createTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_getTeam"];
        put: operations["StaffController_updateTeam"];
        post?: never;
        delete: operations["StaffController_deleteTeam"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/colleagues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_colleagues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuthConfigResponseDto: {
            /** @enum {string} */
            mode: "dev" | "oidc";
            /** @description OIDC issuer (only under OIDC) */
            issuer?: string;
            /** @description Public OIDC client of the web app */
            clientId?: string | null;
            /** @description Requested scopes */
            scope?: string;
        };
        DevUserDto: {
            id: string;
            displayName: string;
            roles: ("caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics")[];
        };
        DevUserListDto: {
            items: components["schemas"]["DevUserDto"][];
        };
        DevTokenDto: {
            /** @example demo-caseworker */
            userId: string;
        };
        DevTokenResponseDto: {
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /** @description Lifetime in seconds */
            expiresIn: number;
        };
        ComponentStatusDto: {
            /** @enum {string} */
            status: "up" | "down";
            /** @description Antwortzeit der Prüfung in ms */
            latencyMs: number;
            /** @description Fehlermeldung, wenn nicht erreichbar */
            error?: string;
        };
        HealthComponentsDto: {
            database: components["schemas"]["ComponentStatusDto"];
            redis: components["schemas"]["ComponentStatusDto"];
            temporal: components["schemas"]["ComponentStatusDto"];
        };
        HealthReportDto: {
            /** @enum {string} */
            status: "up" | "down";
            components: components["schemas"]["HealthComponentsDto"];
        };
        AgreementPartyDto: {
            /** @enum {string} */
            kind: "contract_partner" | "municipality" | "landkreis";
            /** @description Contract partner or municipality id */
            refId?: string;
            /**
             * @description Only for the Landkreis
             * @example Landkreis Potsdam-Mittelmark
             */
            name?: string;
        };
        AttachmentDto: {
            /** @example Anlage1-Leistungsbeschreibung.pdf */
            fileName: string;
            /** @example application/pdf */
            mediaType: string;
            sizeBytes: number;
            sha256?: string;
            description?: string;
        };
        CreateAgreementDto: {
            /** @example Kooperationsvereinbarung Familienzentrum Teltow */
            title: string;
            /** @enum {string} */
            kind: "cooperation" | "three_party" | "social_space_contract";
            parties: components["schemas"]["AgreementPartyDto"][];
            socialSpaceIds: string[];
            planningRegionId: string;
            /** @description The text of the agreement */
            body: string;
            attachments?: components["schemas"]["AttachmentDto"][];
            /** @example 2027-01-01 */
            validFrom: string;
            /** @example 2029-12-31 */
            validUntil: string;
            changeNote?: string;
        };
        AgreementPartyEntryDto: {
            /** @enum {string} */
            kind: "contract_partner" | "municipality" | "landkreis";
            /** @description Contract partner or municipality id; null for the Landkreis */
            refId: string | null;
            /** @example Landkreis Potsdam-Mittelmark */
            name: string;
        };
        PartyDecisionDto: {
            /** @enum {string} */
            decision: "approve" | "reject";
            /** @description User id of the approver */
            actorId: string;
            /** Format: date-time */
            at: string;
            round: number;
            version: number;
            /** @example JHA-2026/017 */
            resolutionNumber?: string;
            /** @example 2026-11-20 */
            resolutionDate?: string;
        };
        PartyApprovalDto: {
            /** @example municipality */
            key: string;
            title: string;
            kind: string;
            approverIds: string[];
            decision?: components["schemas"]["PartyDecisionDto"];
        };
        StageApprovalDto: {
            /** @example parties */
            key: string;
            title: string;
            /** @enum {string} */
            mode: "parallel" | "sequential";
            quorum: number;
            committee: boolean;
            /** @enum {string} */
            status: "pending" | "active" | "passed" | "rejected" | "withdrawn";
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            dueAt?: string;
            /** Format: date-time */
            completedAt?: string;
            overdue?: boolean;
            /** @description Passed in an earlier round and kept */
            carriedOver?: boolean;
            parties: components["schemas"]["PartyApprovalDto"][];
        };
        ApprovalRoundDto: {
            round: number;
            version: number;
            /** @example 2027-01-01 */
            validFrom: string;
            /** @example 2029-12-31 */
            validUntil: string;
            /** @description A new version of an active agreement */
            renewal: boolean;
            committeeRequired: boolean;
            optionalStages: string[];
            /** @enum {string} */
            status: "running" | "passed" | "rejected" | "withdrawn";
            /** Format: date-time */
            submittedAt: string;
            submittedBy: string;
            /** Format: date-time */
            completedAt?: string;
            stages: components["schemas"]["StageApprovalDto"][];
        };
        AgreementVersionSummaryDto: {
            version: number;
            /** @enum {string} */
            status: "draft" | "in_approval" | "rejected" | "approved" | "superseded" | "discarded" | "withdrawn";
            /** @example 2027-01-01 */
            validFrom: string;
            /** @example 2029-12-31 */
            validUntil: string;
            changeNote: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        LatestAgreementVersionDto: {
            version: number;
            /** @enum {string} */
            status: "draft" | "in_approval" | "rejected" | "approved" | "superseded" | "discarded" | "withdrawn";
            body: string;
            attachments: components["schemas"]["AttachmentDto"][];
            /** @example 2027-01-01 */
            validFrom: string;
            /** @example 2029-12-31 */
            validUntil: string;
        };
        RejectionCommentDto: {
            stageKey: string;
            partyKey: string;
            approverId: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            comment: string | null;
            /** Format: date-time */
            decidedAt: string;
        };
        AgreementRejectionWithCommentsDto: {
            round: number;
            version: number;
            stageKey: string;
            partyKey: string;
            actorId: string;
            /** Format: date-time */
            at: string;
            comments: components["schemas"]["RejectionCommentDto"][];
        };
        AgreementDetailDto: {
            /** Format: uuid */
            id: string;
            /** @example KV-7KQ3MX */
            reference: string;
            title: string;
            /** @enum {string} */
            kind: "cooperation" | "three_party" | "social_space_contract";
            /** @enum {string} */
            status: "draft" | "in_approval" | "approved" | "active" | "expired" | "terminated";
            /** Format: uuid */
            planningRegionId: string;
            coordinatorId: string;
            parties: components["schemas"]["AgreementPartyEntryDto"][];
            socialSpaceIds: string[];
            workflowId: string;
            definitionVersion: number;
            latestVersion: number;
            activeVersion: number | null;
            /** @example 2027-01-01 */
            validFrom: string | null;
            /** @example 2029-12-31 */
            validUntil: string | null;
            /** Format: date-time */
            renewalDueAt: string | null;
            approval: components["schemas"]["ApprovalRoundDto"] | null;
            /** @description Everyone ever named as an approver */
            approverIds: string[];
            terminationReason: string | null;
            stateRevision: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            versions: components["schemas"]["AgreementVersionSummaryDto"][];
            latest: components["schemas"]["LatestAgreementVersionDto"];
            lastRejection: components["schemas"]["AgreementRejectionWithCommentsDto"] | null;
        };
        AgreementRejectionDto: {
            round: number;
            version: number;
            stageKey: string;
            partyKey: string;
            actorId: string;
            /** Format: date-time */
            at: string;
        };
        AgreementDto: {
            /** Format: uuid */
            id: string;
            /** @example KV-7KQ3MX */
            reference: string;
            title: string;
            /** @enum {string} */
            kind: "cooperation" | "three_party" | "social_space_contract";
            /** @enum {string} */
            status: "draft" | "in_approval" | "approved" | "active" | "expired" | "terminated";
            /** Format: uuid */
            planningRegionId: string;
            coordinatorId: string;
            parties: components["schemas"]["AgreementPartyEntryDto"][];
            socialSpaceIds: string[];
            workflowId: string;
            definitionVersion: number;
            latestVersion: number;
            activeVersion: number | null;
            /** @example 2027-01-01 */
            validFrom: string | null;
            /** @example 2029-12-31 */
            validUntil: string | null;
            /** Format: date-time */
            renewalDueAt: string | null;
            approval: components["schemas"]["ApprovalRoundDto"] | null;
            lastRejection: components["schemas"]["AgreementRejectionDto"] | null;
            /** @description Everyone ever named as an approver */
            approverIds: string[];
            terminationReason: string | null;
            stateRevision: number;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgreementPageDto: {
            items: components["schemas"]["AgreementDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        PendingPartyDto: {
            /** @example municipality */
            key: string;
            /** @example Kommune */
            title: string;
        };
        PendingDecisionDto: {
            /** Format: uuid */
            agreementId: string;
            /** @example KV-7KQ3MX */
            reference: string;
            title: string;
            /** @enum {string} */
            kind: "cooperation" | "three_party" | "social_space_contract";
            round: number;
            version: number;
            stageKey: string;
            stageTitle: string | null;
            /** @description The first of `parties`. */
            partyKey: string;
            /** @description Every party of the stage the caller decides for (one row per agreement and stage). */
            parties: components["schemas"]["PendingPartyDto"][];
            /** Format: date-time */
            dueAt: string;
            overdue: boolean;
        };
        PendingDecisionPageDto: {
            items: components["schemas"]["PendingDecisionDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        AgreementMetaDto: {
            /** @example Kooperationsvereinbarung Familienzentrum Teltow */
            title: string;
            /** @enum {string} */
            kind: "cooperation" | "three_party" | "social_space_contract";
            parties: components["schemas"]["AgreementPartyDto"][];
            socialSpaceIds: string[];
        };
        AgreementVersionDto: {
            version: number;
            /** @enum {string} */
            status: "draft" | "in_approval" | "rejected" | "approved" | "superseded" | "discarded" | "withdrawn";
            /** @example 2027-01-01 */
            validFrom: string;
            /** @example 2029-12-31 */
            validUntil: string;
            changeNote: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            agreementId: string;
            /** @description The text of the agreement */
            body: string;
            attachments: components["schemas"]["AttachmentDto"][];
        };
        AgreementVersionListDto: {
            items: components["schemas"]["AgreementVersionDto"][];
        };
        VersionDto: {
            /** @description The text of the agreement */
            body: string;
            attachments?: components["schemas"]["AttachmentDto"][];
            /** @example 2027-01-01 */
            validFrom: string;
            /** @example 2029-12-31 */
            validUntil: string;
            changeNote?: string;
        };
        ApproverDto: {
            /** @example parties */
            stageKey: string;
            /** @example municipality */
            partyKey: string;
            /**
             * @example [
             *       "demo-approver"
             *     ]
             */
            approverIds: string[];
        };
        SubmitAgreementDto: {
            /** @description For every party of every stage; a resubmission without it reuses the previous ones */
            approvers?: components["schemas"]["ApproverDto"][];
            /** @description The Jugendhilfeausschuss decides too (optional committee stage) */
            committeeRequired?: boolean;
            /** @description Other optional stages to include */
            optionalStages?: string[];
        };
        DecisionDto: {
            /** @example parties */
            stageKey: string;
            /**
             * @description Needed only when you are named for several parties of the stage
             * @example landkreis
             */
            partyKey?: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            /** @description Required when rejecting */
            comment?: string;
            /**
             * @description Committee stages
             * @example JHA-2026/017
             */
            resolutionNumber?: string;
            /**
             * @description Committee stages
             * @example 2026-11-20
             */
            resolutionDate?: string;
        };
        DecisionOutcomeDto: {
            round: number;
            version: number;
            stageKey: string;
            partyKey: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            /** @enum {string} */
            stageStatus: "pending" | "active" | "passed" | "rejected" | "withdrawn";
            /** @enum {string} */
            agreementStatus: "draft" | "in_approval" | "approved" | "active" | "expired" | "terminated";
        };
        AgreementDecisionRecordDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agreementId: string;
            version: number;
            round: number;
            stageKey: string;
            partyKey: string;
            approverId: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            comment: string | null;
            resolutionNumber: string | null;
            resolutionDate: string | null;
            /** Format: date-time */
            decidedAt: string;
        };
        AgreementDecisionListDto: {
            items: components["schemas"]["AgreementDecisionRecordDto"][];
        };
        AgreementEventDto: {
            /** @description Sequence number (bigint as a string) */
            id: string;
            /** Format: uuid */
            processId: string;
            /** Format: date-time */
            occurredAt: string;
            /** @example submitted */
            kind: string;
            actorId: string | null;
            details: {
                [key: string]: unknown;
            };
            dedupeKey: string;
        };
        AgreementEventPageDto: {
            items: components["schemas"]["AgreementEventDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        TerminateDto: {
            /** @example Träger hat den Betrieb eingestellt */
            reason: string;
        };
        IndicatorDto: {
            key: string;
            name: string;
            unit: string;
            /** @enum {string} */
            direction: "need" | "resource";
            source: string;
            /** @enum {string} */
            level: "social_space" | "municipality";
            description: string | null;
            /** @description Erfundene Demodaten */
            invented: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        IndicatorYearsDto: {
            /** @description Jahre mit Werten */
            years: number[];
        };
        CreateIndicatorDto: {
            /**
             * @description Name (deutsch)
             * @example Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften
             */
            name: string;
            /**
             * @description Einheit
             * @example %
             */
            unit: string;
            /**
             * @description need: ein höherer Wert bedeutet mehr Bedarf; resource: mehr Ressourcen
             * @enum {string}
             */
            direction: "need" | "resource";
            /**
             * @description Quelle
             * @example Statistik der Bundesagentur für Arbeit
             */
            source: string;
            /**
             * @description Ebene der Werte: je Sozialraum oder je Kommune
             * @enum {string}
             */
            level: "social_space" | "municipality";
            /** @description Beschreibung, Definition */
            description?: string;
            /**
             * @description Schlüssel: Kleinbuchstaben, Ziffern, _ oder -
             * @example sgb2-kinder
             */
            key: string;
        };
        IndicatorFieldsDto: {
            /**
             * @description Name (deutsch)
             * @example Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften
             */
            name: string;
            /**
             * @description Einheit
             * @example %
             */
            unit: string;
            /**
             * @description need: ein höherer Wert bedeutet mehr Bedarf; resource: mehr Ressourcen
             * @enum {string}
             */
            direction: "need" | "resource";
            /**
             * @description Quelle
             * @example Statistik der Bundesagentur für Arbeit
             */
            source: string;
            /**
             * @description Ebene der Werte: je Sozialraum oder je Kommune
             * @enum {string}
             */
            level: "social_space" | "municipality";
            /** @description Beschreibung, Definition */
            description?: string;
        };
        IndicatorImportDto: {
            /**
             * @description CSV im deutschen Format: Kopfzeile Indikator;Sozialraum;Kommune;Wert, Semikolon, Dezimalkomma
             * @example Indikator;Sozialraum;Kommune;Wert
             *     sgb2-kinder;SR01;;12,5
             */
            csv: string;
        };
        ImportResultDto: {
            year: number;
            /** @description Ersetzte Werte des Jahres */
            replaced: number;
            /** @description Übernommene Werte */
            imported: number;
        };
        IndicatorValueInputDto: {
            /**
             * Format: uuid
             * @description Sozialraum (bei Indikatoren je Sozialraum)
             */
            socialSpaceId?: string;
            /**
             * Format: uuid
             * @description Kommune (bei Indikatoren je Kommune)
             */
            municipalityId?: string;
            /** @example 12.5 */
            value: number;
        };
        IndicatorValueDto: {
            indicatorKey: string;
            year: number;
            /** Format: uuid */
            socialSpaceId: string | null;
            /** Format: uuid */
            municipalityId: string | null;
            value: number;
            /** @description Der ersetzte Wert */
            previous: number | null;
        };
        SpaceRefDto: {
            /** Format: uuid */
            id: string;
            /** @example SR01 */
            code: string;
            name: string;
            /** Format: uuid */
            planningRegionId: string;
            planningRegionName: string;
        };
        TrendPointDto: {
            year: number;
            value: number | null;
            districtAverage: number | null;
        };
        MunicipalityValueDto: {
            /** Format: uuid */
            id: string;
            name: string;
            value: number | null;
        };
        ProfileIndicatorDto: {
            key: string;
            name: string;
            unit: string;
            /** @enum {string} */
            direction: "need" | "resource";
            /** @enum {string} */
            level: "social_space" | "municipality";
            source: string;
            invented: boolean;
            value: number | null;
            /** @description Durchschnitt des Landkreises */
            districtAverage: number | null;
            /** @description Wert minus Durchschnitt */
            deviation: number | null;
            deviationPercent: number | null;
            /** @description Veränderung zum Vorjahr */
            change: number | null;
            trend: components["schemas"]["TrendPointDto"][];
            municipalities: components["schemas"]["MunicipalityValueDto"][];
        };
        ContributionDto: {
            indicatorKey: string;
            /** @description Beitrag zum Gesamtwert (Summe = Abweichung vom Durchschnitt / 10) */
            contribution: number;
            /** @description z-Wert */
            z: number;
        };
        ProfileIndexDto: {
            methodVersion: number;
            needIndex: number | null;
            resourceIndex: number | null;
            combinedIndex: number;
            rank: number;
            /** @description Anzahl der Sozialräume im Vergleich */
            of: number;
            contributions: components["schemas"]["ContributionDto"][];
        };
        SpaceProfileDto: {
            socialSpace: components["schemas"]["SpaceRefDto"];
            year: number;
            years: number[];
            /** @description Enthält erfundene Demodaten */
            invented: boolean;
            indicators: components["schemas"]["ProfileIndicatorDto"][];
            index: components["schemas"]["ProfileIndexDto"] | null;
        };
        IndexMethodDto: {
            version: number;
            /** @description Gewicht je Indikator */
            weights: {
                [key: string]: number;
            };
            note: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        IndexWeightDto: {
            /** @example sgb2-kinder */
            indicatorKey: string;
            /**
             * @description Gewicht; 0 = nicht einbezogen
             * @example 1
             */
            weight: number;
        };
        IndexMethodInputDto: {
            weights: components["schemas"]["IndexWeightDto"][];
            /** @example Arbeitslosenquote stärker gewichtet */
            note?: string;
        };
        FullContributionDto: {
            indicatorKey: string;
            /** @description Beitrag zum Gesamtwert (Summe = Abweichung vom Durchschnitt / 10) */
            contribution: number;
            /** @description z-Wert */
            z: number;
            value: number | null;
            /** @description z-Wert in Richtung Bedarf */
            alignedZ: number;
        };
        RankingEntryDto: {
            /** Format: uuid */
            socialSpaceId: string;
            code: string;
            name: string;
            /** Format: uuid */
            planningRegionId: string;
            planningRegionName: string;
            needIndex: number | null;
            resourceIndex: number | null;
            /** @description 100 = Durchschnitt, höher = mehr Bedarf */
            combinedIndex: number;
            /** @description 1 = höchster Bedarf */
            rank: number;
            previousRank: number | null;
            change: number | null;
            contributions: components["schemas"]["FullContributionDto"][];
        };
        RankingDto: {
            year: number;
            method: components["schemas"]["IndexMethodDto"];
            /** Format: date-time */
            computedAt: string | null;
            items: components["schemas"]["RankingEntryDto"][];
        };
        IndexPointDto: {
            year: number;
            needIndex: number | null;
            resourceIndex: number | null;
            combinedIndex: number;
            rank: number;
        };
        IndexSeriesDto: {
            /** Format: uuid */
            socialSpaceId: string;
            method: components["schemas"]["IndexMethodDto"];
            points: components["schemas"]["IndexPointDto"][];
        };
        BoundaryGeometryDto: {
            /** @enum {string} */
            type: "Polygon" | "MultiPolygon";
            /** @description GeoJSON-Koordinaten [Länge, Breite] */
            coordinates: unknown[];
        };
        MapSpaceDto: {
            /** Format: uuid */
            id: string;
            /** @example SR01 */
            code: string;
            name: string;
            /** Format: uuid */
            planningRegionId: string;
            planningRegionName: string;
            geometry: components["schemas"]["BoundaryGeometryDto"] | null;
        };
        SocialSpaceMapDto: {
            /** @description Schematische Grenzen (nicht amtlich) */
            schematic: boolean;
            spaces: components["schemas"]["MapSpaceDto"][];
        };
        BoundaryGeometryInputDto: {
            /** @enum {string} */
            type: "Polygon" | "MultiPolygon";
            /** @description GeoJSON-Koordinaten [Länge, Breite] */
            coordinates: unknown[];
        };
        BoundaryFeatureDto: {
            /** @example Feature */
            type: string;
            /**
             * @description code (z. B. SR01) oder name des Sozialraums
             * @example {
             *       "code": "SR01"
             *     }
             */
            properties: Record<string, never>;
            geometry: components["schemas"]["BoundaryGeometryInputDto"];
        };
        BoundaryImportDto: {
            /** @example FeatureCollection */
            type: string;
            features: components["schemas"]["BoundaryFeatureDto"][];
            /** @description Schematische (nicht amtliche) Grenzen */
            schematic?: boolean;
        };
        JhaScopeDto: {
            /** @enum {string} */
            kind: "district" | "planning_region";
            /** Format: uuid */
            planningRegionId: string | null;
            name: string;
        };
        JhaPhaseDto: {
            /** Format: uuid */
            processId: string;
            status: string;
            statusLabel: string;
            phaseNumber: number | null;
            phaseTitle: string | null;
            overdue: boolean;
        };
        JhaAllocationDto: {
            title: string;
            kind: string;
            allocatedCents: number;
            spentCents: number;
        };
        JhaBudgetDto: {
            amountCents: number;
            allocatedCents: number;
            spentCents: number;
            allocations: components["schemas"]["JhaAllocationDto"][];
        };
        JhaIndexDto: {
            rank: number;
            previousRank: number | null;
            combinedIndex: number;
            change: number | null;
        };
        SuppressedCountDto: {
            /** @description null, wenn unterdrückt (kleine Fallzahl) */
            count: number | null;
            /** @example <5 */
            display: string;
        };
        JhaSpaceDto: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            planningRegionName: string;
            phase: components["schemas"]["JhaPhaseDto"] | null;
            budget: components["schemas"]["JhaBudgetDto"] | null;
            index: components["schemas"]["JhaIndexDto"] | null;
            riskAssessments: components["schemas"]["SuppressedCountDto"];
        };
        JhaInterviewsDto: {
            cycleNumber: number | null;
            total: number;
            done: number;
            withdrawn: number;
            /** @description Rücklaufquote 0–1 */
            responseRate: number | null;
        };
        ResultCountDto: {
            /** @description null, wenn unterdrückt (kleine Fallzahl) */
            count: number | null;
            /** @example <5 */
            display: string;
            result: string;
            label: string;
        };
        JhaRiskDto: {
            total: components["schemas"]["SuppressedCountDto"];
            byResult: components["schemas"]["ResultCountDto"][];
        };
        JhaPreventiveDto: {
            caseMinutes: number;
            preventiveMinutes: number;
            otherMinutes: number;
            share: number | null;
            target: number;
        };
        JhaReportIndexDto: {
            methodVersion: number;
            spacesRanked: number;
        };
        JhaReportDto: {
            year: number;
            scope: components["schemas"]["JhaScopeDto"];
            /** Format: date-time */
            generatedAt: string;
            spaces: components["schemas"]["JhaSpaceDto"][];
            interviews: components["schemas"]["JhaInterviewsDto"];
            riskAssessments: components["schemas"]["JhaRiskDto"];
            preventive: components["schemas"]["JhaPreventiveDto"] | null;
            index: components["schemas"]["JhaReportIndexDto"] | null;
            inventedIndicators: boolean;
        };
        AuditEventDto: {
            /** @description Laufende Nummer des Eintrags */
            id: string;
            /**
             * Format: date-time
             * @description Zeitpunkt
             */
            occurredAt: string;
            /** @description Wer gehandelt hat (Benutzer-ID) */
            actorId: string;
            /** @description Rollen der handelnden Person */
            actorRoles: string[];
            /** @description Aktion, z. B. read, create, update */
            action: string;
            /** @description Art der Ressource, z. B. case */
            resourceType: string;
            /** @description ID der Ressource */
            resourceId: string | null;
            /** @description Zweck des Zugriffs */
            purpose: string;
            /**
             * @description Ergebnis
             * @enum {string}
             */
            outcome: "allowed" | "denied" | "failed";
            /** @description Anfrage-ID */
            requestId: string | null;
            /** @description Weitere Angaben (keine Sozialdaten) */
            details: {
                [key: string]: unknown;
            };
            /** @description Hash des vorigen Eintrags (Kette) */
            prevHash: string;
            /** @description Hash dieses Eintrags */
            hash: string;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            /** @description Anzahl aller Treffer */
            total: number;
            limit?: number;
            offset?: number;
        };
        CaseRetentionRuleDto: {
            /**
             * @description Definition, deren Regel gilt
             * @enum {string}
             */
            definitionKey: "fallteam-consultation" | "jugendhilfedienst-case";
            /** @description Veröffentlichte Version der Definition */
            definitionVersion: number;
            /**
             * @description Löschdatum = Abschluss + diese Frist (ISO-8601-Dauer)
             * @example P5Y
             */
            afterClosure: string;
            /**
             * @description Frist nach Abschluss für Fallteam-Fälle ohne Hilfe; null, wo die Definition keine kennt
             * @example P2Y
             */
            afterClosureWithoutHelp: string | null;
        };
        FamilyMemberDto: {
            /**
             * @description Beziehung zur Familie aus der Liste; bei „andere“ steht die Beziehung in relationOther
             * @example Mutter
             * @enum {string}
             */
            relation: "Mutter" | "Vater" | "Kind" | "Geschwister" | "Großmutter" | "Großvater" | "Stiefmutter" | "Stiefvater" | "Pflegemutter" | "Pflegevater" | "Tante" | "Onkel" | "Vormund" | "andere";
            /**
             * @description Die Beziehung in eigenen Worten, wenn relation „andere“ ist
             * @example Patenonkel
             */
            relationOther?: string;
            /**
             * @description Name des Familienmitglieds (verschlüsselt gespeichert)
             * @example Hildegard Mustermann
             */
            name: string;
            /**
             * @description Geburtsdatum (JJJJ-MM-TT), falls bekannt; nicht in der Zukunft
             * @example 1956-07-12
             */
            birthDate?: string;
            /** @description Lebt im Haushalt der Familie */
            livesInHousehold?: boolean;
        };
        PersonalDataDto: {
            /** @description Familienname */
            familyName: string;
            /** @description Vornamen der Familienmitglieder, um die es geht */
            givenNames: string[];
            /**
             * @description Geburtsdaten der Kinder (JJJJ-MM-TT); Beratungen sehen nur Altersgruppen
             * @example [
             *       "2015-03-01"
             *     ]
             */
            birthDates: string[];
            /** @description Anschrift */
            address: string;
            /** @description Familienmitglieder mit Beziehung, Name, Geburtsdatum und Haushalt */
            familyMembers: components["schemas"]["FamilyMemberDto"][];
        };
        ResourcesDto: {
            /** @description Ressourcen der Person */
            person: string[];
            /** @description Ressourcen des Umfelds */
            surroundings: string[];
            /** @description Ressourcen des Sozialraums */
            socialSpace: string[];
        };
        ConfidedItemDto: {
            /** Format: uuid */
            id: string;
            text: string;
            /** @description Whom it was confided to (user id) */
            confidantId?: string;
            /** @description Released by the confidant to the case team */
            released?: boolean;
        };
        ConsentRecordDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @description Counts per case from 1 */
            version: number;
            /** @example Mutter (sorgeberechtigt) */
            givenBy: string;
            /** @example fallteam */
            purpose: string;
            /**
             * @example [
             *       "familyName"
             *     ]
             */
            fields: string[];
            /** @enum {string} */
            form: "written" | "oral_documented" | "electronic";
            /** Format: date-time */
            givenAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        PacketReleaseStateDto: {
            /**
             * Format: uuid
             * @description Kennung der Freigabe
             */
            id: string;
            /**
             * Format: date-time
             * @description Zeitpunkt der Freigabe
             */
            releasedAt: string;
            /** @description Wer freigegeben hat (Benutzerkennung) */
            releasedBy: string;
            /** @description Version der Fallakte, aus der das freigegebene Paket stammt */
            caseVersion: number;
            /** @description Veraltet: die Fallakte wurde seit der Freigabe in Feldern des Pakets geändert; bitte erneut freigeben */
            stale: boolean;
            /**
             * Format: date-time
             * @description Seit wann die Freigabe veraltet ist
             */
            staleSince: string | null;
            /**
             * @description Seit der Freigabe geänderte Felder des Pakets (Namen, keine Inhalte)
             * @example [
             *       "will"
             *     ]
             */
            staleFields: string[];
        };
        CaseFileConsultationDto: {
            /**
             * Format: uuid
             * @description Kennung der Beratung
             */
            id: string;
            /**
             * @description Stand der Beratung; null, wenn er gerade nicht abgefragt werden kann
             * @enum {string|null}
             */
            phase: "requested" | "scheduled" | "outcome_recorded" | "closed" | "cancelled" | null;
            /** @description Wer die Beratung angefragt hat */
            requestedBy: string;
            /**
             * Format: date-time
             * @description Zeitpunkt der Anfrage
             */
            requestedAt: string;
            /**
             * Format: uuid
             * @description Fallteam-Sitzung, in die die Beratung gebucht ist
             */
            sessionId: string | null;
            /** @description Ergebnis (Entscheidung des Jugendamts) erfasst */
            outcomeRecorded: boolean;
            /** @description Freigegebenes Paket; null, solange nichts freigegeben ist */
            packetRelease: components["schemas"]["PacketReleaseStateDto"] | null;
        };
        CaseFollowUpDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @description Who set it (and gets its reminder) */
            userId: string;
            /** @example 2027-03-01 */
            dueOn: string;
            text: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            doneAt: string | null;
            doneBy: string | null;
        };
        CaseHistoryEntryDto: {
            /** @description Version der Fallakte nach dem Eintrag */
            version: number;
            /**
             * @description create = Fallaufnahme, update = Änderung, close = Abschluss, reopen = Wiedereröffnung, packet-release = Paketfreigabe
             * @enum {string}
             */
            action: "create" | "update" | "close" | "reopen" | "packet-release";
            /**
             * @description Geänderte Felder (nur Namen, keine Werte)
             * @example [
             *       "will",
             *       "personal.familyMembers"
             *     ]
             */
            fields: string[];
            /** @description Begründung eines Abschlusses oder einer Wiedereröffnung */
            reason: string | null;
            /** @description Wer (Benutzerkennung) */
            actorId: string;
            /**
             * Format: date-time
             * @description Wann
             */
            occurredAt: string;
        };
        ConsultationStepDto: {
            key: string;
            title: string;
            /** @enum {string} */
            status: "pending" | "active" | "completed";
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            dueAt?: string;
            /** Format: date-time */
            completedAt?: string;
            /**
             * Format: date-time
             * @description Set when the due date was extended with a reason
             */
            extendedTo?: string;
            overdue?: boolean;
        };
        CaseFileProcessDto: {
            /** @description Phase des Prozesses */
            phase: string;
            /** @description Schritte des Prozesses mit Status und Fristen */
            steps: components["schemas"]["ConsultationStepDto"][];
            /**
             * Format: date-time
             * @description Abschluss des Prozesses
             */
            closedAt: string | null;
        };
        CaseFileDto: {
            /** Format: uuid */
            id: string;
            /** @example F-2026-7KQ3MX */
            pseudonym: string;
            /**
             * @description Bereich: service = Leistungs-, unclear = Grau-, endangerment = Gefährdungsbereich; null, bis ein Jugendhilfedienst-Fall eingestuft ist
             * @enum {string|null}
             */
            zone: "service" | "unclear" | "endangerment" | null;
            /**
             * Format: uuid
             * @description Sozialraum
             */
            socialSpaceId: string;
            /** @description Fallteam; die erste Kennung ist die fallverantwortliche Fachkraft */
            assignedCaseworkerIds: string[];
            /** @description Fallverantwortliche Fachkraft */
            responsibleCaseworkerId: string;
            /**
             * @description Wie die aufrufende Person den Fall erreicht: Fallteam, Vertretung, Notfallzugriff, Leitung
             * @enum {string}
             */
            access: "team" | "substitute" | "break-glass" | "lead";
            /**
             * Format: date-time
             * @description Löschdatum: wird bei Abschluss aus der Aufbewahrungsregel berechnet, nie eingegeben; null, solange der Fall offen ist
             */
            deletionDate: string | null;
            /** @description Aufbewahrungsregel, aus der das Löschdatum folgt */
            retentionRule: components["schemas"]["CaseRetentionRuleDto"];
            /** @description Aufbewahrungssperre: der Fall wird auch nach dem Löschdatum nicht gelöscht */
            legalHold: boolean;
            /** @description Persönliche Daten (verschlüsselt gespeichert) */
            personal: components["schemas"]["PersonalDataDto"];
            /** @description Wille der Familie, in ihren eigenen Worten */
            will: string;
            /** @description Ziele */
            goals: string[];
            /** @description Ressourcen der Person, des Umfelds und des Sozialraums */
            resources: components["schemas"]["ResourcesDto"];
            /** @description Anvertraute Daten (§ 65 SGB VIII) */
            confided: components["schemas"]["ConfidedItemDto"][];
            /**
             * Format: date-time
             * @description Zeitpunkt der Fallaufnahme
             */
            createdAt: string;
            /**
             * @description Version der Fallakte; eine Änderung nennt sie (If-Match mit dem ETag oder Feld version), sonst 412
             * @example 3
             */
            version: number;
            /**
             * @description open: in Bearbeitung; closed: abgeschlossen und schreibgeschützt (Vermerke der Leitung ausgenommen)
             * @enum {string}
             */
            status: "open" | "closed";
            /**
             * Format: date-time
             * @description Zeitpunkt des Abschlusses
             */
            closedAt: string | null;
            /** @description Wer den Fall abgeschlossen hat (Benutzerkennung) */
            closedBy: string | null;
            /** @description Begründung des Abschlusses */
            closedReason: string | null;
            /**
             * @description fallteam: Fall des erweiterten Fallteams; jugendhilfedienst: Fall mit standardisiertem Prozess
             * @enum {string}
             */
            kind: "fallteam" | "jugendhilfedienst";
            /** @description Einwilligungen (Schweigepflichtentbindungen), widerrufene mit Datum */
            consents: components["schemas"]["ConsentRecordDto"][];
            /** @description Fallteam-Beratungen mit Stand und Paketfreigabe */
            consultations: components["schemas"]["CaseFileConsultationDto"][];
            /** @description Wiedervorlagen */
            followUps: components["schemas"]["CaseFollowUpDto"][];
            /** @description Historie, neueste zuerst */
            history: components["schemas"]["CaseHistoryEntryDto"][];
            /** @description Schritte des Jugendhilfedienst-Prozesses; null bei Fallteam-Fällen */
            jugendhilfedienst: components["schemas"]["CaseFileProcessDto"] | null;
        };
        UpdateCaseDto: {
            /**
             * @description Die bearbeitete Version (statt der Kopfzeile If-Match); ist sie nicht mehr aktuell, antwortet der Dienst 412 und ändert nichts
             * @example 3
             */
            version?: number;
            /**
             * @description Bereich: service = Leistungs-, unclear = Grau-, endangerment = Gefährdungsbereich (nicht bei Jugendhilfedienst-Fällen)
             * @enum {string}
             */
            zone?: "service" | "unclear" | "endangerment";
            /** @description Persönliche Daten, vollständig (ersetzen die gespeicherten) */
            personal?: components["schemas"]["PersonalDataDto"];
            /** @description Wille der Familie, in ihren eigenen Worten */
            will?: string;
            /** @description Ziele, vollständig */
            goals?: string[];
            /** @description Ressourcen der Person, des Umfelds und des Sozialraums, vollständig */
            resources?: components["schemas"]["ResourcesDto"];
        };
        CaseDto: {
            /** Format: uuid */
            id: string;
            /** @example F-2026-7KQ3MX */
            pseudonym: string;
            /**
             * @description Bereich: service = Leistungs-, unclear = Grau-, endangerment = Gefährdungsbereich; null, bis ein Jugendhilfedienst-Fall eingestuft ist
             * @enum {string|null}
             */
            zone: "service" | "unclear" | "endangerment" | null;
            /**
             * Format: uuid
             * @description Sozialraum
             */
            socialSpaceId: string;
            /** @description Fallteam; die erste Kennung ist die fallverantwortliche Fachkraft */
            assignedCaseworkerIds: string[];
            /** @description Fallverantwortliche Fachkraft */
            responsibleCaseworkerId: string;
            /**
             * @description Wie die aufrufende Person den Fall erreicht: Fallteam, Vertretung, Notfallzugriff, Leitung
             * @enum {string}
             */
            access: "team" | "substitute" | "break-glass" | "lead";
            /**
             * Format: date-time
             * @description Löschdatum: wird bei Abschluss aus der Aufbewahrungsregel berechnet, nie eingegeben; null, solange der Fall offen ist
             */
            deletionDate: string | null;
            /** @description Aufbewahrungsregel, aus der das Löschdatum folgt */
            retentionRule: components["schemas"]["CaseRetentionRuleDto"];
            /** @description Aufbewahrungssperre: der Fall wird auch nach dem Löschdatum nicht gelöscht */
            legalHold: boolean;
            /** @description Persönliche Daten (verschlüsselt gespeichert) */
            personal: components["schemas"]["PersonalDataDto"];
            /** @description Wille der Familie, in ihren eigenen Worten */
            will: string;
            /** @description Ziele */
            goals: string[];
            /** @description Ressourcen der Person, des Umfelds und des Sozialraums */
            resources: components["schemas"]["ResourcesDto"];
            /** @description Anvertraute Daten (§ 65 SGB VIII) */
            confided: components["schemas"]["ConfidedItemDto"][];
            /**
             * Format: date-time
             * @description Zeitpunkt der Fallaufnahme
             */
            createdAt: string;
            /**
             * @description Version der Fallakte; eine Änderung nennt sie (If-Match mit dem ETag oder Feld version), sonst 412
             * @example 3
             */
            version: number;
            /**
             * @description open: in Bearbeitung; closed: abgeschlossen und schreibgeschützt (Vermerke der Leitung ausgenommen)
             * @enum {string}
             */
            status: "open" | "closed";
            /**
             * Format: date-time
             * @description Zeitpunkt des Abschlusses
             */
            closedAt: string | null;
            /** @description Wer den Fall abgeschlossen hat (Benutzerkennung) */
            closedBy: string | null;
            /** @description Begründung des Abschlusses */
            closedReason: string | null;
        };
        CloseCaseDto: {
            /**
             * @description Begründung des Abschlusses (verschlüsselt gespeichert)
             * @example Ziele erreicht, Familie kommt ohne Hilfe zurecht
             */
            reason: string;
            /** @description Nur Fallteam-Fälle: ob eine Hilfe gewährt wurde (bestimmt die Aufbewahrungsfrist); ohne Angabe: ob ein Ergebnis einer Fallteam-Beratung vorliegt */
            withHelp?: boolean;
        };
        ReopenCaseDto: {
            /**
             * @description Begründung der Wiedereröffnung (verschlüsselt gespeichert)
             * @example Erneute Meldung der Schule
             */
            reason: string;
        };
        ReleasedPersonalDataDto: {
            familyName?: string;
            givenNames?: string[];
            birthDates?: string[];
            address?: string;
            familyMembers?: components["schemas"]["FamilyMemberDto"][];
        };
        ConsultationPacketDto: {
            /** Format: uuid */
            consultationId: string;
            pseudonym: string;
            /** @enum {string|null} */
            zone: "service" | "unclear" | "endangerment" | null;
            will: string;
            goals: string[];
            resources: components["schemas"]["ResourcesDto"];
            questions: string[];
            /** Format: date-time */
            sessionAt: string | null;
            /** @description The children’s age bands today, in the order of the case’s birth dates; never the birth dates */
            ageBands: ("0-2" | "3-5" | "6-9" | "10-13" | "14-17" | "18-26" | "27+" | "unknown")[];
            released: components["schemas"]["ReleasedPersonalDataDto"];
        };
        PacketWarningDto: {
            /**
             * @description Stelle im Paket (JSON-Pointer)
             * @example /will
             */
            pointer: string;
            /**
             * @description name: ein Name aus der Fallakte; birth-date: ein Geburtsdatum
             * @enum {string}
             */
            kind: "name" | "birth-date";
            /**
             * @description Fester Code des Hinweises
             * @enum {string}
             */
            code: "packet.name" | "packet.birth-date";
            /** @description Hinweis für die Fachkraft */
            message: string;
        };
        PacketPreviewDto: {
            /** @description Das Paket, wie es eine Freigabe jetzt speichern würde */
            packet: components["schemas"]["ConsultationPacketDto"];
            /** @description Namen oder Geburtsdaten der Familie in Wille, Zielen, Ressourcen oder Fragen */
            warnings: components["schemas"]["PacketWarningDto"][];
            /** @description Die Fassung, die die Beratungen sehen; null vor der ersten Freigabe (dann sehen sie nichts) */
            release: components["schemas"]["PacketReleaseStateDto"] | null;
        };
        ConfidedDto: {
            text: string;
        };
        RequestConsultationDto: {
            /** @description Questions to the team */
            questions: string[];
        };
        CreateCaseDto: {
            socialSpaceId: string;
            /** @enum {string} */
            zone: "service" | "unclear" | "endangerment";
            personal: components["schemas"]["PersonalDataDto"];
            /** @description The family’s will, in its own words */
            will: string;
            goals: string[];
            resources: components["schemas"]["ResourcesDto"];
            /** @description Anvertraute Daten (§ 65 SGB VIII) */
            confided?: components["schemas"]["ConfidedDto"][];
            /** @description Fallteam-Anfrage gleich mit der Fallaufnahme: Fall und Anfrage in einem Aufruf (die Antwort enthält die Beratung); ohne dieses Feld wird nur der Fall angelegt, die Anfrage geht dann mit POST /cases/{id}/consultations */
            consultation?: components["schemas"]["RequestConsultationDto"];
        };
        ParticipantDto: {
            /** @enum {string} */
            role: "professional" | "adviser" | "family" | "other";
            userId?: string;
        };
        OutcomeDto: {
            participants: components["schemas"]["ParticipantDto"][];
            /** @description Advisory only: the Jugendamt decides */
            recommendations: string[];
            /** @description The ids of the advisers’ recorded recommendations the decision answers; every recorded one must be named */
            recommendationIds?: string[];
            /** @description The decision of the Jugendamt */
            decision: string;
            /** @description Help setting using social-space resources */
            helpSetting: string;
            /**
             * @description When the case comes back (after today, at most a year ahead); without it the definition’s follow-up period from now
             * @example 2027-03-01
             */
            followUpOn?: string;
        };
        InvitationDto: {
            adviserId: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            /**
             * Format: date-time
             * @description Set when access was closed early
             */
            closedAt: string | null;
        };
        RecommendationRecordDto: {
            /** Format: uuid */
            id: string;
            adviserId: string;
            text: string;
            suggestedHelp: string[];
            risks: string[];
            /** Format: date-time */
            createdAt: string;
        };
        ConsultationDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            pseudonym: string;
            /** @enum {string} */
            phase: "requested" | "scheduled" | "outcome_recorded" | "closed" | "cancelled";
            steps: components["schemas"]["ConsultationStepDto"][];
            definitionVersion: number;
            /** Format: uuid */
            sessionId: string | null;
            /** Format: date-time */
            sessionAt: string | null;
            /**
             * Format: date-time
             * @description Wiedervorlage, set with the outcome
             */
            followUpAt: string | null;
            questions: string[];
            outcome: components["schemas"]["OutcomeDto"] | null;
            invitations: components["schemas"]["InvitationDto"][];
            /** @description The advisers’ recommendations; the outcome answers each */
            adviserRecommendations: components["schemas"]["RecommendationRecordDto"][];
        };
        CaseIntakeDto: {
            /** Format: uuid */
            id: string;
            /** @example F-2026-7KQ3MX */
            pseudonym: string;
            /**
             * @description Bereich: service = Leistungs-, unclear = Grau-, endangerment = Gefährdungsbereich; null, bis ein Jugendhilfedienst-Fall eingestuft ist
             * @enum {string|null}
             */
            zone: "service" | "unclear" | "endangerment" | null;
            /**
             * Format: uuid
             * @description Sozialraum
             */
            socialSpaceId: string;
            /** @description Fallteam; die erste Kennung ist die fallverantwortliche Fachkraft */
            assignedCaseworkerIds: string[];
            /** @description Fallverantwortliche Fachkraft */
            responsibleCaseworkerId: string;
            /**
             * @description Wie die aufrufende Person den Fall erreicht: Fallteam, Vertretung, Notfallzugriff, Leitung
             * @enum {string}
             */
            access: "team" | "substitute" | "break-glass" | "lead";
            /**
             * Format: date-time
             * @description Löschdatum: wird bei Abschluss aus der Aufbewahrungsregel berechnet, nie eingegeben; null, solange der Fall offen ist
             */
            deletionDate: string | null;
            /** @description Aufbewahrungsregel, aus der das Löschdatum folgt */
            retentionRule: components["schemas"]["CaseRetentionRuleDto"];
            /** @description Aufbewahrungssperre: der Fall wird auch nach dem Löschdatum nicht gelöscht */
            legalHold: boolean;
            /** @description Persönliche Daten (verschlüsselt gespeichert) */
            personal: components["schemas"]["PersonalDataDto"];
            /** @description Wille der Familie, in ihren eigenen Worten */
            will: string;
            /** @description Ziele */
            goals: string[];
            /** @description Ressourcen der Person, des Umfelds und des Sozialraums */
            resources: components["schemas"]["ResourcesDto"];
            /** @description Anvertraute Daten (§ 65 SGB VIII) */
            confided: components["schemas"]["ConfidedItemDto"][];
            /**
             * Format: date-time
             * @description Zeitpunkt der Fallaufnahme
             */
            createdAt: string;
            /**
             * @description Version der Fallakte; eine Änderung nennt sie (If-Match mit dem ETag oder Feld version), sonst 412
             * @example 3
             */
            version: number;
            /**
             * @description open: in Bearbeitung; closed: abgeschlossen und schreibgeschützt (Vermerke der Leitung ausgenommen)
             * @enum {string}
             */
            status: "open" | "closed";
            /**
             * Format: date-time
             * @description Zeitpunkt des Abschlusses
             */
            closedAt: string | null;
            /** @description Wer den Fall abgeschlossen hat (Benutzerkennung) */
            closedBy: string | null;
            /** @description Begründung des Abschlusses */
            closedReason: string | null;
            /** @description Die Fallteam-Anfrage, wenn sie mit der Fallaufnahme gestellt wurde */
            consultation?: components["schemas"]["ConsultationDto"];
        };
        CaseSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @example F-2026-7KQ3MX */
            pseudonym: string;
            /**
             * @description Null until a Jugendhilfedienst case is classified
             * @enum {string|null}
             */
            zone: "service" | "unclear" | "endangerment" | null;
            /** Format: uuid */
            socialSpaceId: string;
            /** @description Null for a case the caller is not on (listed only, so they know whom to ask) */
            familyName: string | null;
            /**
             * @description How the caller reaches the case; null: listed only
             * @enum {string|null}
             */
            access: "team" | "substitute" | "break-glass" | "lead" | null;
            /** @description The responsible caseworker (user id) */
            responsibleCaseworkerId: string;
            responsibleCaseworkerName: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CasePageDto: {
            items: components["schemas"]["CaseSummaryDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        ConsentListDto: {
            items: components["schemas"]["ConsentRecordDto"][];
        };
        ConsentDto: {
            /** @example Mutter (sorgeberechtigt) */
            givenBy: string;
            /** @example fallteam */
            purpose: string;
            /**
             * @example [
             *       "familyName"
             *     ]
             */
            fields: string[];
            /** @enum {string} */
            form: "written" | "oral_documented" | "electronic";
            /** @example 2026-11-20 */
            givenAt: string;
        };
        ConfidedItemInputDto: {
            /** @description What was confided (§ 65 SGB VIII); only the confidant reads it until they release it */
            text: string;
        };
        CaseTeamDto: {
            /** @description Co-workers beside the responsible caseworker (user ids of active caseworkers) */
            coWorkerIds: string[];
        };
        BreakGlassDto: {
            /** @description Why the case must be opened now (audited, shown to the responsible caseworker and the lead) */
            reason: string;
        };
        BreakGlassResponseDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            userId: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * Format: date-time
             * @description When the access ends (BREAK_GLASS_HOURS after opening)
             */
            expiresAt: string;
        };
        TransferDto: {
            /** @description The caseworker who takes the case over (user id) */
            toCaseworkerId: string;
            /** @description Hand-over note (sealed) */
            note: string;
        };
        CaseTransferDto: {
            /** Format: uuid */
            id: string;
            fromUserId: string;
            toUserId: string;
            note: string | null;
            transferredBy: string;
            /** Format: date-time */
            transferredAt: string;
        };
        CaseTransferListDto: {
            items: components["schemas"]["CaseTransferDto"][];
        };
        SessionDto: {
            startsAt: string;
            place: string;
            capacity: number;
            moderatorId: string;
        };
        FallteamSessionDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            startsAt: string;
            place: string;
            /** @description How many consultations the session takes */
            capacity: number;
            moderatorId: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        BookedFallteamSessionDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            startsAt: string;
            place: string;
            /** @description How many consultations the session takes */
            capacity: number;
            moderatorId: string;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Consultations booked into the session */
            booked: number;
        };
        FallteamSessionPageDto: {
            items: components["schemas"]["BookedFallteamSessionDto"][];
            limit: number;
            offset: number;
        };
        AdviserConsultationDto: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            /** Format: date-time */
            sessionAt: string | null;
            /** Format: date-time */
            accessUntil: string;
        };
        AdviserConsultationListDto: {
            items: components["schemas"]["AdviserConsultationDto"][];
        };
        ScheduleDto: {
            sessionId: string;
        };
        InviteDto: {
            adviserIds: string[];
        };
        AdviserAccessDto: {
            adviserId: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            closed: boolean;
        };
        RecommendationDto: {
            /** @description The recommendation in the adviser’s words */
            text: string;
            /** @description Help the adviser suggests (e.g. offers of the social space) */
            suggestedHelp: string[];
            /** @description Risks the adviser sees */
            risks: string[];
        };
        ReasonDto: {
            reason?: string;
        };
        SubstitutionDto: {
            /** @description Who is absent; the caller by default (a lead may name one for others) */
            absentUserId?: string;
            substituteUserId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
        };
        SubstitutionResponseDto: {
            /** Format: uuid */
            id: string;
            absentUserId: string;
            substituteUserId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            namedBy: string;
            /** Format: date-time */
            endedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        SubstitutionListDto: {
            items: components["schemas"]["SubstitutionResponseDto"][];
        };
        CaseFollowUpBodyDto: {
            /**
             * @description When the case comes back (today or later)
             * @example 2027-03-01
             */
            dueOn: string;
            /**
             * @description What to look at; sealed, never in a reminder
             * @example Rückmeldung der Schule zur Anwesenheit einholen
             */
            text: string;
        };
        CaseFollowUpListDto: {
            items: components["schemas"]["CaseFollowUpDto"][];
        };
        CaseFollowUpDueDto: {
            /**
             * @description The new date (today or later)
             * @example 2027-03-15
             */
            dueOn: string;
        };
        CreateNoteDto: {
            /**
             * @description Art des Vermerks: conversation = Gespräch, phone_call = Telefonat, home_visit = Hausbesuch, memo = Vermerk
             * @enum {string}
             */
            kind: "conversation" | "phone_call" | "home_visit" | "memo";
            /**
             * @description Tag des Gesprächs, Telefonats, Hausbesuchs oder Vermerks; ohne Angabe heute
             * @example 2026-12-01
             */
            occurredOn?: string;
            /** @description Text des Vermerks; verschlüsselt gespeichert */
            text: string;
            /**
             * Format: uuid
             * @description Korrektur: die Kennung des Vermerks dieser Akte, der berichtigt wird
             */
            correctsNoteId?: string;
        };
        CaseNoteDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Fallakte
             */
            caseId: string;
            /**
             * @description Art des Vermerks
             * @enum {string}
             */
            kind: "conversation" | "phone_call" | "home_visit" | "memo";
            /**
             * @description Art des Vermerks, wie sie angezeigt wird
             * @example Hausbesuch
             */
            kindLabel: string;
            /**
             * @description Tag des Gesprächs, Telefonats, Hausbesuchs oder Vermerks
             * @example 2026-12-01
             */
            occurredOn: string;
            /** @description Verfasserin oder Verfasser (Benutzerkennung) */
            authorId: string;
            /** @description Text des Vermerks */
            text: string;
            /**
             * Format: uuid
             * @description Bei einer Korrektur: der berichtigte Vermerk
             */
            correctsNoteId: string | null;
            /** @description Spätere Vermerke, die diesen berichtigen (älteste zuerst) */
            correctedByNoteIds: string[];
            /**
             * Format: date-time
             * @description Zeitpunkt der Erfassung
             */
            createdAt: string;
        };
        CaseNotePageDto: {
            items: components["schemas"]["CaseNoteDto"][];
            /** @description Anzahl aller Vermerke der Akte */
            total: number;
            limit: number;
            offset: number;
        };
        CaseDocumentDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Fallakte
             */
            caseId: string;
            /**
             * @description Dateiname beim Hochladen (verschlüsselt gespeichert)
             * @example Schulbericht.pdf
             */
            fileName: string;
            /**
             * @description Dateityp, wie ihn der Inhalt der Datei zeigt (nicht die Angabe des Browsers)
             * @example application/pdf
             */
            mediaType: string;
            /** @description Größe in Bytes */
            sizeBytes: number;
            /** @description Hochgeladen von (Benutzerkennung) */
            uploadedBy: string;
            /**
             * Format: date-time
             * @description Zeitpunkt des Hochladens
             */
            createdAt: string;
        };
        CaseDocumentPageDto: {
            items: components["schemas"]["CaseDocumentDto"][];
            /** @description Anzahl aller Dokumente der Akte */
            total: number;
            limit: number;
            offset: number;
        };
        JsonPayloadDto: {
            metadata: {
                [key: string]: string;
            };
            /** Format: byte */
            data?: string;
        };
        CodecRequestDto: {
            payloads: components["schemas"]["JsonPayloadDto"][];
        };
        CodecResponseDto: {
            payloads: components["schemas"]["JsonPayloadDto"][];
        };
        PartnerSocialSpaceDto: {
            /** Format: uuid */
            id: string;
            /** @example SR01 */
            code: string;
            /** @example Sozialraum Teltow */
            name: string;
            /** Format: uuid */
            planningRegionId: string;
        };
        ContactDto: {
            /** @example Geschäftsführung */
            role: string;
            name?: string;
            email?: string;
            phone?: string;
        };
        ContractPartnerDto: {
            /** Format: uuid */
            id: string;
            /** @example VP-3FA2C1 */
            code: string;
            /** @example Familienzentrum Havelland e.V. */
            name: string;
            /** @enum {string} */
            kind: "municipality" | "free_provider";
            /**
             * Format: date
             * @description Beitrittserklärung
             */
            accessionDate: string;
            /** Format: date */
            exitDate: string | null;
            /** @description Why the partner left */
            exitReason: string | null;
            socialSpaces: components["schemas"]["PartnerSocialSpaceDto"][];
            contacts: components["schemas"]["ContactDto"][];
            /** @description Who changed it last */
            updatedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ContractPartnerPageDto: {
            items: components["schemas"]["ContractPartnerDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        PartnerDto: {
            /** @example Familienzentrum Havelland e.V. */
            name: string;
            /** @enum {string} */
            kind: "municipality" | "free_provider";
            socialSpaceIds: string[];
            /**
             * @description Beitrittserklärung
             * @example 2012-06-01
             */
            accessionDate: string;
            exitDate?: string;
            contacts: components["schemas"]["ContactDto"][];
        };
        ExitDto: {
            /** @example 2026-12-31 */
            exitDate: string;
            /**
             * @description Why the partner leaves
             * @example Träger hat den Betrieb im Sozialraum eingestellt
             */
            reason?: string;
        };
        PhaseDeadlineDto: {
            /** Format: uuid */
            processId: string;
            /** Format: uuid */
            socialSpaceId: string;
            socialSpaceName: string;
            /** Format: uuid */
            planningRegionId: string;
            planningRegionName: string;
            definitionVersion: number;
            /** @enum {string} */
            processStatus: "running" | "paused";
            /** @example analyse */
            phaseKey: string;
            phaseTitle: string;
            /** @description Position of the phase, from 1 */
            phaseNumber: number;
            /**
             * Format: date-time
             * @description Effective due date (an extension counts)
             */
            dueAt: string;
            /** @description Whole days until the due date, rounded up; negative when overdue */
            daysLeft: number;
            /**
             * @description Traffic light: paused, or by the due date
             * @enum {string}
             */
            status: "overdue" | "due_soon" | "on_track" | "paused";
            /**
             * Format: date-time
             * @description Since when the process is paused; null while it runs
             */
            pausedSince: string | null;
        };
        DeadlineCountsDto: {
            overdue: number;
            dueSoon: number;
            onTrack: number;
            paused: number;
        };
        PhaseDeadlinePageDto: {
            items: components["schemas"]["PhaseDeadlineDto"][];
            total: number;
            limit: number;
            offset: number;
            counts: components["schemas"]["DeadlineCountsDto"];
        };
        DefinitionSummaryDto: {
            /** @enum {string} */
            key: "sozialraum-development" | "fallteam-consultation" | "partner-interview-cycle" | "cooperation-agreement" | "jugendhilfedienst-case";
            publishedVersion: number | null;
            /** @description 0 when the key has no version yet */
            latestVersion: number;
            /** @description The open draft, if any */
            draftVersion: number | null;
            versions: number;
        };
        DefinitionSummaryListDto: {
            items: components["schemas"]["DefinitionSummaryDto"][];
        };
        DefinitionVersionDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            key: "sozialraum-development" | "fallteam-consultation" | "partner-interview-cycle" | "cooperation-agreement" | "jugendhilfedienst-case";
            version: number;
            /** @enum {string} */
            status: "draft" | "published" | "retired";
            /** @description Checksum of the spec */
            checksum: string;
            /** @description User id of the last author */
            author: string;
            changeNote: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
        };
        DefinitionVersionListDto: {
            items: components["schemas"]["DefinitionVersionDto"][];
        };
        DefinitionDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            key: "sozialraum-development" | "fallteam-consultation" | "partner-interview-cycle" | "cooperation-agreement" | "jugendhilfedienst-case";
            version: number;
            /** @enum {string} */
            status: "draft" | "published" | "retired";
            /** @description Checksum of the spec */
            checksum: string;
            /** @description User id of the last author */
            author: string;
            changeNote: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description The spec; its shape depends on the key */
            spec: {
                [key: string]: unknown;
            };
        };
        SpecFieldChangeDto: {
            /** @example /phases[visions]/duration */
            path: string;
            /** @description The value before */
            from?: (string | number | boolean | {
                [key: string]: unknown;
            } | unknown[]) | null;
            /** @description The value after */
            to?: (string | number | boolean | {
                [key: string]: unknown;
            } | unknown[]) | null;
        };
        SpecStepDiffDto: {
            /** @example phases */
            collection: string;
            key: string;
            /** @enum {string} */
            change: "added" | "removed" | "changed" | "unchanged";
            /** @description Position in the old version */
            fromIndex?: number;
            /** @description Position in the new version */
            toIndex?: number;
            fields: components["schemas"]["SpecFieldChangeDto"][];
        };
        DefinitionDiffDto: {
            from: number;
            to: number;
            /** @description Step by step, for every keyed list at the top */
            steps: components["schemas"]["SpecStepDiffDto"][];
            /** @description Every other change */
            fields: components["schemas"]["SpecFieldChangeDto"][];
        };
        ValidateSpecDto: {
            spec: {
                [key: string]: unknown;
            };
        };
        SpecProblemDto: {
            /** @example /phases/2/duration */
            pointer: string;
            message: string;
        };
        SpecValidationDto: {
            valid: boolean;
            problems: components["schemas"]["SpecProblemDto"][];
        };
        CreateDraftDto: {
            /** @description Copy the spec of this version; empty draft when absent */
            fromVersion?: number;
            /** @example Phase 3 verlängert */
            changeNote?: string;
        };
        UpdateDraftDto: {
            /** @description The full spec; validated per key */
            spec: {
                [key: string]: unknown;
            };
            changeNote?: string;
        };
        PublishOutcomeDto: {
            published: components["schemas"]["DefinitionDto"];
            /** @description The version published before, now retired */
            retired: number | null;
        };
        DueDateChangeDto: {
            step: string;
            /** Format: date-time */
            from: string | null;
            /** Format: date-time */
            to: string;
            /** @description Milliseconds the date moves (positive: later) */
            deltaMs: number | null;
            /** @description True for a step not started yet, whose date is a projection */
            projected: boolean;
        };
        InstancePreviewDto: {
            /** Format: uuid */
            processId: string;
            workflowId: string;
            subjectId: string;
            /** @description The social space name, the case file number (pseudonym) or the agreement reference */
            subjectLabel: string | null;
            fromVersion: number;
            currentStep: string | null;
            compatible: boolean;
            /** @description Why the instance cannot move */
            reason?: string;
            /** @description Whether anything changes for the instance */
            affected: boolean;
            dueDateChanges: components["schemas"]["DueDateChangeDto"][];
            addedSteps: string[];
            removedSteps: string[];
            /** @description Milliseconds the current step was paused; the migrated due date keeps them */
            pauseCreditMs: number;
        };
        MigrationSummaryDto: {
            running: number;
            compatible: number;
            incompatible: number;
            affected: number;
        };
        MigrationPreviewDto: {
            /** @enum {string} */
            key: "sozialraum-development" | "fallteam-consultation" | "partner-interview-cycle" | "cooperation-agreement" | "jugendhilfedienst-case";
            toVersion: number;
            /** @enum {string} */
            toStatus: "draft" | "published" | "retired";
            instances: components["schemas"]["InstancePreviewDto"][];
            summary: components["schemas"]["MigrationSummaryDto"];
        };
        ApplyMigrationDto: {
            /** @description The published version to move running instances to */
            toVersion: number;
            /** @description Only these instances (default: every compatible one) */
            processIds?: string[];
        };
        MigratedInstanceDto: {
            /** Format: uuid */
            processId: string;
            fromVersion: number;
            dueDateChanges: components["schemas"]["DueDateChangeDto"][];
        };
        UnmigratedInstanceDto: {
            /** Format: uuid */
            processId: string;
            reason: string;
        };
        MigrationOutcomeDto: {
            /** @enum {string} */
            key: "sozialraum-development" | "fallteam-consultation" | "partner-interview-cycle" | "cooperation-agreement" | "jugendhilfedienst-case";
            toVersion: number;
            migrated: components["schemas"]["MigratedInstanceDto"][];
            /** @description Left untouched: the new version does not fit them */
            incompatible: components["schemas"]["UnmigratedInstanceDto"][];
            /** @description The workflow refused or did not answer the update */
            failed: components["schemas"]["UnmigratedInstanceDto"][];
        };
        CommitteeDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "sozialraumkonferenz" | "regionalteam" | "fallteam" | "jugendhilfeausschuss";
            /** @example Sozialraumkonferenz Teltow */
            name: string;
            /** Format: uuid */
            planningRegionId: string | null;
            planningRegionName: string | null;
            /** Format: uuid */
            socialSpaceId: string | null;
            socialSpaceName: string | null;
            memberCount: number;
            /**
             * Format: date-time
             * @description Nächste geplante Sitzung
             */
            nextMeetingAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CommitteePageDto: {
            items: components["schemas"]["CommitteeDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        CreateCommitteeDto: {
            /**
             * @description Sozialraumkonferenz (je Sozialraum), Regionalteam, Fallteam (je Planregion), Jugendhilfeausschuss (Landkreis)
             * @enum {string}
             */
            kind: "sozialraumkonferenz" | "regionalteam" | "fallteam" | "jugendhilfeausschuss";
            /** @example Sozialraumkonferenz Teltow */
            name: string;
            /**
             * Format: uuid
             * @description Planregion (Regionalteam, Fallteam)
             */
            planningRegionId?: string;
            /**
             * Format: uuid
             * @description Sozialraum (Sozialraumkonferenz)
             */
            socialSpaceId?: string;
        };
        CommitteeMemberDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "user" | "external" | "contract_partner";
            userId: string | null;
            /** Format: uuid */
            contractPartnerId: string | null;
            /** @description Name der Person oder der Organisation */
            name: string;
            organisation: string | null;
            function: string | null;
            /** Format: date-time */
            addedAt: string;
        };
        MeetingSummaryDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            committeeId: string;
            /** Format: date-time */
            startsAt: string;
            place: string;
            /**
             * @description Protokoll: Entwurf, versandt, genehmigt; null ohne Protokoll
             * @enum {string|null}
             */
            minutesStatus: "draft" | "submitted" | "approved" | null;
            /** @description Offene Aufgaben aus dem versandten Protokoll */
            openTasks: number;
        };
        CommitteeDetailDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "sozialraumkonferenz" | "regionalteam" | "fallteam" | "jugendhilfeausschuss";
            /** @example Sozialraumkonferenz Teltow */
            name: string;
            /** Format: uuid */
            planningRegionId: string | null;
            planningRegionName: string | null;
            /** Format: uuid */
            socialSpaceId: string | null;
            socialSpaceName: string | null;
            memberCount: number;
            /**
             * Format: date-time
             * @description Nächste geplante Sitzung
             */
            nextMeetingAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            members: components["schemas"]["CommitteeMemberDto"][];
            /** @description Sitzungen, neueste zuerst */
            meetings: components["schemas"]["MeetingSummaryDto"][];
            /** @description Ob die aufrufende Person das Gremium, seine Sitzungen und Protokolle ändern darf */
            canEdit: boolean;
        };
        RenameCommitteeDto: {
            /** @example Sozialraumkonferenz Teltow */
            name: string;
        };
        AddMemberDto: {
            /**
             * @description Personal (user), externe Person (external) oder Vertragspartner (contract_partner)
             * @enum {string}
             */
            kind: "user" | "external" | "contract_partner";
            /** @description Kennung der Person aus dem Personal (bei user) */
            userId?: string;
            /**
             * Format: uuid
             * @description Vertragspartner (bei contract_partner)
             */
            contractPartnerId?: string;
            /** @description Name der externen Person (bei external) */
            name?: string;
            /** @description Organisation der Person */
            organisation?: string;
            /**
             * @description Funktion im Gremium
             * @example Moderation
             */
            function?: string;
        };
        RemovedMemberDto: {
            /** Format: uuid */
            id: string;
        };
        AgendaItemInputDto: {
            /** @example Stand der Maßnahmen */
            title: string;
            /**
             * @description Worauf der Punkt verweist
             * @enum {string}
             */
            refKind?: "process" | "measure" | "agreement" | "interview_report";
            /** @description Kennung des Prozesses, der Vereinbarung, des Interviewzyklus; bei Maßnahmen `<Prozess>/<Maßnahmenschlüssel>` */
            refId?: string;
        };
        MeetingInputDto: {
            /**
             * @description Beginn der Sitzung
             * @example 2027-03-04T14:00:00Z
             */
            startsAt: string;
            /** @example Rathaus Teltow, Ratssaal */
            place: string;
            /**
             * Format: uuid
             * @description Sozialraumprozess (Phase 6), zu dem diese Sozialraumkonferenz gehört
             */
            sozialraumProcessId?: string | null;
            /** @description Tagesordnung; ohne Angabe bleibt sie, wie sie ist */
            agenda?: components["schemas"]["AgendaItemInputDto"][];
        };
        MeetingCommitteeDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "sozialraumkonferenz" | "regionalteam" | "fallteam" | "jugendhilfeausschuss";
            name: string;
            /** Format: uuid */
            socialSpaceId: string | null;
        };
        AgendaRefDto: {
            /** @enum {string} */
            kind: "process" | "measure" | "agreement" | "interview_report";
            id: string;
            /** @description Titel des Prozesses, der Vereinbarung oder des Zyklus */
            label: string | null;
        };
        AgendaItemDto: {
            title: string;
            ref: components["schemas"]["AgendaRefDto"] | null;
        };
        AttendanceEntryResponseDto: {
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            status: "present" | "excused" | "absent";
        };
        MinutesTaskDto: {
            /** Format: uuid */
            id: string;
            title: string;
            assigneeId: string;
            assigneeName: string;
            /** Format: date */
            dueOn: string;
            /** Format: date-time */
            doneAt: string | null;
            doneBy: string | null;
        };
        MinutesDto: {
            /** @enum {string} */
            status: "draft" | "submitted" | "approved";
            summary: string;
            decisions: string[];
            tasks: components["schemas"]["MinutesTaskDto"][];
            /** Format: date-time */
            submittedAt: string | null;
            submittedBy: string | null;
            /** Format: date-time */
            approvedAt: string | null;
            approvedBy: string | null;
            /**
             * Format: uuid
             * @description Die Sitzung, in der das Protokoll genehmigt wurde
             */
            approvedInMeetingId: string | null;
        };
        PreviousMeetingDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            startsAt: string;
            /** @enum {string|null} */
            minutesStatus: "draft" | "submitted" | "approved" | null;
        };
        MeetingDto: {
            /** Format: uuid */
            id: string;
            committee: components["schemas"]["MeetingCommitteeDto"];
            /** Format: date-time */
            startsAt: string;
            place: string;
            /**
             * Format: uuid
             * @description Sozialraumprozess (Phase 6)
             */
            sozialraumProcessId: string | null;
            agenda: components["schemas"]["AgendaItemDto"][];
            attendance: components["schemas"]["AttendanceEntryResponseDto"][];
            minutes: components["schemas"]["MinutesDto"] | null;
            /** @description Die vorige Sitzung: ihr Protokoll wird hier genehmigt */
            previousMeeting: components["schemas"]["PreviousMeetingDto"] | null;
            canEdit: boolean;
        };
        ProcessMeetingDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            committeeId: string;
            /** Format: date-time */
            startsAt: string;
            place: string;
            /**
             * @description Protokoll: Entwurf, versandt, genehmigt; null ohne Protokoll
             * @enum {string|null}
             */
            minutesStatus: "draft" | "submitted" | "approved" | null;
            /** @description Offene Aufgaben aus dem versandten Protokoll */
            openTasks: number;
            committeeName: string;
        };
        ProcessMeetingListDto: {
            items: components["schemas"]["ProcessMeetingDto"][];
        };
        AttendanceEntryDto: {
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            status: "present" | "excused" | "absent";
        };
        AttendanceDto: {
            entries: components["schemas"]["AttendanceEntryDto"][];
        };
        MinutesTaskInputDto: {
            /** @example Räume für das Elterncafé klären */
            title: string;
            /** @description Kennung der zuständigen Person (Mitglied des Gremiums) */
            assigneeId: string;
            /**
             * @description Frist (Datum)
             * @example 2027-03-18
             */
            dueOn: string;
        };
        MinutesInputDto: {
            /** @description Verlauf und Ergebnisse der Sitzung */
            summary: string;
            /** @description Beschlüsse */
            decisions: string[];
            /** @description Aufgaben mit zuständiger Person und Frist */
            tasks: components["schemas"]["MinutesTaskInputDto"][];
        };
        ApproveMinutesDto: {
            /**
             * Format: uuid
             * @description Die nächste Sitzung des Gremiums, in der das Protokoll genehmigt wird
             */
            atMeetingId: string;
        };
        PartnerRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        NetworkMemberDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @example free_provider */
            kind: string;
        };
        NetworkAgreementDto: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
            status: string;
            /** Format: date */
            validUntil: string | null;
        };
        ProviderNetworkDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            socialSpaceId: string;
            socialSpaceName: string;
            /** Format: uuid */
            planningRegionId: string;
            leadPartner: components["schemas"]["PartnerRefDto"];
            members: components["schemas"]["NetworkMemberDto"][];
            agreement: components["schemas"]["NetworkAgreementDto"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ProviderNetworkListDto: {
            items: components["schemas"]["ProviderNetworkDto"][];
        };
        ProviderNetworkInputDto: {
            /** @example Trägerverbund Teltow */
            name: string;
            /** Format: uuid */
            socialSpaceId: string;
            /**
             * Format: uuid
             * @description Federführender Träger (Mitglied des Verbunds)
             */
            leadPartnerId: string;
            /** @description Vertragspartner im Verbund */
            memberPartnerIds: string[];
            /**
             * Format: uuid
             * @description Kooperationsvereinbarung des Verbunds
             */
            agreementId?: string | null;
        };
        ReportCycleDto: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            status: "running" | "completed";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            completedAt: string | null;
            definitionVersion: number;
            /** @example 2026-1 */
            questionnaireVersion: string;
        };
        ReportPartnersDto: {
            total: number;
            done: number;
            withdrawn: number;
            notAnswered: number;
            failed: number;
        };
        DistributionEntryDto: {
            value: string;
            count: number;
            /** @description Of the interviews that answered the question, 0–1 */
            share: number;
        };
        PreviousQuestionDto: {
            answered: number;
            mean: number | null;
            distribution: components["schemas"]["DistributionEntryDto"][];
        };
        ShareChangeDto: {
            value: string;
            change: number;
        };
        QuestionChangeDto: {
            mean: number | null;
            shares: components["schemas"]["ShareChangeDto"][];
        };
        QuestionReportDto: {
            /** @example cy_reach */
            key: string;
            text: string;
            /** @enum {string} */
            type: "scale" | "yes_no" | "single_choice" | "multiple_choice" | "free_text";
            answered: number;
            distribution: components["schemas"]["DistributionEntryDto"][];
            /** @description Scale questions only */
            mean: number | null;
            /** @description Free-text questions only; not attributed */
            texts: string[];
            previous: components["schemas"]["PreviousQuestionDto"] | null;
            change: components["schemas"]["QuestionChangeDto"] | null;
        };
        ReportPerspectiveDto: {
            /** @enum {string} */
            perspective: "children_youth" | "parents" | "professionals" | "community";
            title: string;
            questions: components["schemas"]["QuestionReportDto"][];
        };
        PreviousCycleDto: {
            /** Format: uuid */
            cycleId: string;
            number: number;
            responseRate: number;
        };
        ResponseRateChangeDto: {
            responseRate: number;
        };
        InterviewReportDto: {
            cycle: components["schemas"]["ReportCycleDto"];
            /** @description False while the cycle still runs: the numbers can change */
            final: boolean;
            partners: components["schemas"]["ReportPartnersDto"];
            /** @description Done interviews of those not withdrawn, 0–1 */
            responseRate: number;
            perspectives: components["schemas"]["ReportPerspectiveDto"][];
            previous: components["schemas"]["PreviousCycleDto"] | null;
            change: components["schemas"]["ResponseRateChangeDto"] | null;
        };
        NetworkInterviewMemberDto: {
            /** Format: uuid */
            partnerId: string;
            name: string;
            /** @description Stand des Interviews im Zyklus; null, wenn der Partner nicht im Zyklus ist */
            status: string | null;
            /** Format: date-time */
            plannedAt: string | null;
            /** Format: date-time */
            answeredAt: string | null;
        };
        NetworkInterviewsDto: {
            /** Format: uuid */
            cycleId: string | null;
            /** @description Auswertung nur über die Mitglieder des Verbunds */
            report: components["schemas"]["InterviewReportDto"] | null;
            members: components["schemas"]["NetworkInterviewMemberDto"][];
        };
        BudgetAllocationDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "measure" | "initiative";
            title: string;
            /** Format: uuid */
            processId: string | null;
            measureKey: string | null;
            /** @description Euro cents; negative for a reversal */
            amountCents: number;
            /**
             * Format: uuid
             * @description The allocation this booking reverses
             */
            reversesId: string | null;
            /** @description Why the allocation was reversed (reversals only) */
            reason: string | null;
            /** @description Euro cents actually spent against this allocation */
            spentCents: number;
            /** @description User id of who booked it */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        BudgetSpendingDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            allocationId: string;
            /** @description Euro cents */
            amountCents: number;
            /**
             * Format: date
             * @example 2026-11-20
             */
            spentOn: string;
            note: string | null;
            /** @description User id of who booked it */
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        BudgetDto: {
            /** Format: uuid */
            socialSpaceId: string;
            /** @example 2026 */
            year: number;
            /** @description Whether the year's budget is set; a new year starts from defaultAmountCents */
            isSet: boolean;
            /** @description Euro cents; 0 when no budget is set */
            amountCents: number;
            /** @description Euro cents: the published definition's yearly default */
            defaultAmountCents: number | null;
            /** @description Euro cents, net of reversals */
            allocatedCents: number;
            /** @description Euro cents actually spent */
            spentCents: number;
            /** @description Euro cents */
            availableCents: number;
            /** @description Allocations and reversals in booking order */
            allocations: components["schemas"]["BudgetAllocationDto"][];
            spendings: components["schemas"]["BudgetSpendingDto"][];
        };
        InterviewCountsDto: {
            total: number;
            open: number;
            planned: number;
            overdue: number;
            done: number;
            withdrawn: number;
            failed: number;
        };
        InterviewCycleDto: {
            /** Format: uuid */
            id: string;
            /** @example 1 */
            number: number;
            /** @enum {string} */
            status: "running" | "completed";
            workflowId: string;
            definitionVersion: number;
            /** @example 2026-1 */
            questionnaireVersion: string;
            coordinatorId: string;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            completedAt: string | null;
            counts: components["schemas"]["InterviewCountsDto"];
        };
        InterviewCyclePageDto: {
            items: components["schemas"]["InterviewCycleDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        ScheduledCycleDto: {
            /** Format: date-time */
            scheduledAt: string;
            /** Format: date-time */
            startedAt: string;
            workflowId: string;
        };
        InterviewScheduleViewDto: {
            scheduleId: string;
            /** @example P2Y */
            interval: string;
            /** Format: date-time */
            anchor: string;
            coordinatorId: string;
            paused: boolean;
            note: string | null;
            /** @description When the next cycles start (date-times) */
            nextCycles: string[];
            recentCycles: components["schemas"]["ScheduledCycleDto"][];
            /** @description Workflow ids of the cycles the schedule started that still run */
            runningCycles: string[];
            cyclesStarted: number;
        };
        InterviewScheduleDto: {
            /**
             * @description Start of the first cycle; the next follow every interval of the definition (default: now)
             * @example 2027-01-15T09:00:00+01:00
             */
            anchor?: string;
            /** @description Also start a cycle at once */
            startNow?: boolean;
            /** @description Coordinator who plans the interviews (default: the caller) */
            coordinatorId?: string;
        };
        NoteDto: {
            /** @example Pause während der Kommunalwahl */
            note?: string;
        };
        BackfillDto: {
            /** @example 2024-01-01T00:00:00Z */
            from: string;
            /** @example 2026-01-01T00:00:00Z */
            to: string;
        };
        AssignedInterviewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            /** Format: uuid */
            partnerId: string;
            partnerName: string;
            partnerCode: string;
            /** @enum {string} */
            status: "open" | "planned" | "overdue" | "done" | "withdrawn" | "failed";
            /** Format: date-time */
            plannedAt: string | null;
            interviewerId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @example 2026-1 */
            questionnaireVersion: string | null;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Version of the answers: 1 as first recorded, higher after corrections */
            answersVersion: number | null;
            /**
             * Format: date
             * @description The day the interview took place
             */
            conductedOn: string | null;
            withdrawnReason: string | null;
            /** @description The cycle ended before the interview was done */
            closedByCycle: boolean;
            /** @description Why the interview workflow failed */
            error: string | null;
            /** Format: date-time */
            updatedAt: string;
            cycleNumber: number;
        };
        AssignedInterviewPageDto: {
            items: components["schemas"]["AssignedInterviewDto"][];
            limit: number;
            offset: number;
        };
        PartnerInterviewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            /** Format: uuid */
            partnerId: string;
            partnerName: string;
            partnerCode: string;
            /** @enum {string} */
            status: "open" | "planned" | "overdue" | "done" | "withdrawn" | "failed";
            /** Format: date-time */
            plannedAt: string | null;
            interviewerId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @example 2026-1 */
            questionnaireVersion: string | null;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Version of the answers: 1 as first recorded, higher after corrections */
            answersVersion: number | null;
            /**
             * Format: date
             * @description The day the interview took place
             */
            conductedOn: string | null;
            withdrawnReason: string | null;
            /** @description The cycle ended before the interview was done */
            closedByCycle: boolean;
            /** @description Why the interview workflow failed */
            error: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        InterviewProgressPageDto: {
            items: components["schemas"]["PartnerInterviewDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        AddPartnerDto: {
            partnerId: string;
        };
        CycleEntryDto: {
            /** Format: uuid */
            partnerId: string;
            name: string;
            /**
             * @description The last status the cycle knows
             * @enum {string}
             */
            status: "open" | "planned" | "overdue" | "done" | "withdrawn" | "failed";
            /** @description The interview workflow has ended */
            finished: boolean;
            workflowId: string;
            joinedLate: boolean;
            error?: string;
        };
        PartnerSyncDto: {
            added: string[];
            withdrawn: string[];
        };
        RecordedAnswerDto: {
            /** @example cy_reach */
            questionKey: string;
            /** @description scale: 1–5; yes_no: true/false; single_choice: an option; multiple_choice: options; free_text: text */
            value: number | boolean | string | string[];
        };
        AnswersVersionDto: {
            version: number;
            answers: components["schemas"]["RecordedAnswerDto"][];
            /** Format: date */
            conductedOn: string | null;
            /** Format: date-time */
            recordedAt: string;
            /** @example demo-caseworker */
            recordedBy: string;
            /** @description Why the answers were corrected; null for the first recording */
            reason: string | null;
        };
        InterviewEventDto: {
            /** Format: date-time */
            occurredAt: string;
            /** @example planned */
            kind: string;
            actorId: string | null;
            details: {
                [key: string]: unknown;
            };
        };
        InterviewDetailDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            /** Format: uuid */
            partnerId: string;
            partnerName: string;
            partnerCode: string;
            /** @enum {string} */
            status: "open" | "planned" | "overdue" | "done" | "withdrawn" | "failed";
            /** Format: date-time */
            plannedAt: string | null;
            interviewerId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @example 2026-1 */
            questionnaireVersion: string | null;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Version of the answers: 1 as first recorded, higher after corrections */
            answersVersion: number | null;
            /**
             * Format: date
             * @description The day the interview took place
             */
            conductedOn: string | null;
            withdrawnReason: string | null;
            /** @description The cycle ended before the interview was done */
            closedByCycle: boolean;
            /** @description Why the interview workflow failed */
            error: string | null;
            /** Format: date-time */
            updatedAt: string;
            answers: components["schemas"]["RecordedAnswerDto"][] | null;
            answerVersions: components["schemas"]["AnswersVersionDto"][];
            history: components["schemas"]["InterviewEventDto"][];
        };
        PlanDto: {
            /** @example 2027-03-10T10:00:00+01:00 */
            plannedAt: string;
            /**
             * @description A coordinator or caseworker who conducts the interview
             * @example demo-coordinator
             */
            interviewerId: string;
        };
        UpdatedInterviewDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            cycleId: string;
            /** Format: uuid */
            partnerId: string;
            partnerName: string;
            partnerCode: string;
            /** @enum {string} */
            status: "open" | "planned" | "overdue" | "done" | "withdrawn" | "failed";
            /** Format: date-time */
            plannedAt: string | null;
            interviewerId: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @example 2026-1 */
            questionnaireVersion: string | null;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Version of the answers: 1 as first recorded, higher after corrections */
            answersVersion: number | null;
            /**
             * Format: date
             * @description The day the interview took place
             */
            conductedOn: string | null;
            withdrawnReason: string | null;
            /** @description The cycle ended before the interview was done */
            closedByCycle: boolean;
            /** @description Why the interview workflow failed */
            error: string | null;
            /** Format: date-time */
            updatedAt: string;
            revision: number;
        };
        AnswerDto: {
            /** @example cy_reach */
            questionKey: string;
            /** @description scale: 1–5; yes_no: true/false; single_choice: an option; multiple_choice: options; free_text: text */
            value: Record<string, never>;
        };
        AnswersDto: {
            answers: components["schemas"]["AnswerDto"][];
            /**
             * @description The day the interview took place: not before the planned date, not in the future; by default the planned day
             * @example 2027-03-10
             */
            conductedOn?: string;
            /**
             * @description Required when correcting a done interview
             * @example Antwort zu Frage 3 falsch übertragen
             */
            reason?: string;
        };
        WithdrawDto: {
            /** @example Austritt zum Jahresende */
            reason: string;
        };
        ReporterDto: {
            name: string;
            contact?: string;
        };
        IntakePersonalDto: {
            familyName?: string;
            givenNames?: string[];
            /**
             * @example [
             *       "2015-03-01"
             *     ]
             */
            birthDates?: string[];
            address?: string;
            familyMembers?: components["schemas"]["FamilyMemberDto"][];
        };
        IntakeDto: {
            socialSpaceId: string;
            /**
             * @description Who made the case known (Bekanntwerden)
             * @enum {string}
             */
            source: "police_court" | "school" | "kita" | "health_service" | "social_services" | "relatives" | "neighbours" | "parents" | "child_self" | "anonymous" | "other";
            /** @description The reporter stays unknown (default: source is anonymous) */
            anonymous?: boolean;
            /**
             * @description When the report came in (default: now)
             * @example 2026-11-20T09:30:00+01:00
             */
            reportedAt?: string;
            /** @description What was reported; sealed */
            report: string;
            reporter?: components["schemas"]["ReporterDto"];
            personal?: components["schemas"]["IntakePersonalDto"];
            /** @description The family’s will, in its own words */
            will?: string;
        };
        JhdReporterDto: {
            name: string;
            contact?: string;
        };
        JhdReportDto: {
            text: string;
            /** @description null for an anonymous report */
            reporter: components["schemas"]["JhdReporterDto"] | null;
        };
        JhdFamilyMemberDto: {
            /** @example Mutter */
            relation: string;
            name: string;
        };
        JhdPersonalDto: {
            familyName: string;
            givenNames: string[];
            /**
             * @example [
             *       "2015-03-01"
             *     ]
             */
            birthDates: string[];
            address: string;
            familyMembers: components["schemas"]["JhdFamilyMemberDto"][];
        };
        JhdClassificationDto: {
            /** @enum {string} */
            zone: "service" | "unclear" | "endangerment";
            /** Format: date-time */
            at: string;
            actorId: string;
        };
        JhdStepDto: {
            /** @example risk_assessment */
            key: string;
            title: string;
            /** @enum {string} */
            status: "pending" | "active" | "completed";
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            dueAt?: string;
            /** Format: date-time */
            completedAt?: string;
            /**
             * Format: date-time
             * @description The due date after an extension
             */
            extendedTo?: string;
            overdue?: boolean;
            skipped?: boolean;
        };
        JhdProfessionalDto: {
            /** @description A user of the system; externals without */
            userId?: string;
            /** @example ASD-Fachkraft */
            function: string;
        };
        JhdRiskAssessmentDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            result: "acute" | "latent" | "help_needed" | "none";
            professionals: components["schemas"]["JhdProfessionalDto"][];
            parentsInvolved: boolean;
            childInvolved: boolean;
            involvementNote: string | null;
            homeVisit: boolean;
            dangerKinds: ("neglect" | "physical_abuse" | "psychological_abuse" | "sexual_violence")[];
            existingHelp: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            newHelp: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            familyCourt: boolean;
            details: string | null;
            /** Format: date-time */
            completedAt: string;
            /** @description Completed after the § 8a limit of the definition */
            late: boolean;
        };
        JhdImmediateProtectionDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The acute assessment it follows
             */
            assessmentId: string | null;
            /**
             * @description protective_custody (§ 42 Inobhutnahme), family_court (§ 8a Abs. 2) or another reasoned measure
             * @enum {string}
             */
            measure: "protective_custody" | "family_court" | "other";
            /** @description Why this measure; sealed */
            reason: string | null;
            /** Format: date-time */
            takenAt: string;
            /** @description Recorded after the step’s deadline of the definition */
            late: boolean;
            createdBy: string;
            /** Format: date-time */
            createdAt: string;
        };
        JhdFallteamOutcomeDto: {
            professionals: number;
            participants: number;
            /** Format: date-time */
            recordedAt: string;
        };
        JhdFallteamDto: {
            /** Format: uuid */
            consultationId: string;
            workflowId: string;
            /** @enum {string} */
            status: "running" | "outcome_recorded" | "cancelled" | "failed";
            outcome?: components["schemas"]["JhdFallteamOutcomeDto"];
        };
        JhdHelpPlanStateDto: {
            /** Format: uuid */
            helpPlanId: string;
            version: number;
            /** @example 2026-11-20 */
            planDate: string;
            /** @example 2027-05-20 */
            nextReviewAt: string;
            reviews: number;
            /** @example 2027-05-20 */
            lastReviewedAt?: string;
            reviewOverdue: boolean;
        };
        JhdHelpPlanReviewDto: {
            /** Format: date-time */
            reviewedAt: string;
            /** Format: date-time */
            nextReviewAt: string;
            notes: string | null;
        };
        JhdHelpPlanDto: {
            /** Format: uuid */
            id: string;
            version: number;
            /** Format: date-time */
            planDate: string;
            /** Format: date-time */
            reviewAt: string;
            helpKinds: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            goals?: string[];
            agreements?: string;
            participants?: string[];
            reviews: components["schemas"]["JhdHelpPlanReviewDto"][];
        };
        JhdCaseResponseDto: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            /** Format: uuid */
            socialSpaceId: string;
            /** @enum {string|null} */
            source: "police_court" | "school" | "kita" | "health_service" | "social_services" | "relatives" | "neighbours" | "parents" | "child_self" | "anonymous" | "other" | null;
            /** @description The reporter stays unknown */
            anonymous: boolean;
            /** Format: date-time */
            reportedAt: string | null;
            report: components["schemas"]["JhdReportDto"] | null;
            personal: components["schemas"]["JhdPersonalDto"];
            /** @enum {string|null} */
            zone: "service" | "unclear" | "endangerment" | null;
            /** @description Every classification, re-classifications while help runs included */
            classifications: components["schemas"]["JhdClassificationDto"][];
            /** @enum {string} */
            phase: "classification" | "risk_assessment" | "immediate_protection" | "fallteam" | "help_plan" | "help" | "closure" | "closed";
            steps: components["schemas"]["JhdStepDto"][];
            /** @description Version of the definition the case runs on */
            definitionVersion: number;
            /** @example P9M */
            expectedHelpDuration: string | null;
            riskAssessments: components["schemas"]["JhdRiskAssessmentDto"][];
            immediateProtections: components["schemas"]["JhdImmediateProtectionDto"][];
            fallteam: components["schemas"]["JhdFallteamDto"] | null;
            helpPlan: components["schemas"]["JhdHelpPlanStateDto"] | null;
            helpPlans: components["schemas"]["JhdHelpPlanDto"][];
            /** Format: date-time */
            closedAt: string | null;
            /**
             * @description Closure + the definition’s retention period
             * @example 2031-11-20
             */
            deletionDate: string | null;
            /** @description Kept past its deletion date */
            legalHold: boolean;
        };
        JhdCaseSummaryDto: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            /** @enum {string|null} */
            zone: "service" | "unclear" | "endangerment" | null;
            /** Format: uuid */
            socialSpaceId: string;
            /** @enum {string|null} */
            source: "police_court" | "school" | "kita" | "health_service" | "social_services" | "relatives" | "neighbours" | "parents" | "child_self" | "anonymous" | "other" | null;
            /** Format: date-time */
            reportedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            deletionDate: string | null;
            /** @enum {string|null} */
            phase: "classification" | "risk_assessment" | "immediate_protection" | "fallteam" | "help_plan" | "help" | "closure" | "closed" | null;
            currentStep: string | null;
            /** Format: date-time */
            currentDueAt: string | null;
            /**
             * @description How the caller reaches the case; null: listed only (file number, pseudonym and responsible caseworker)
             * @enum {string|null}
             */
            access: "team" | "substitute" | "break-glass" | "lead" | null;
            /** @description The responsible caseworker (user id) */
            responsibleCaseworkerId: string;
        };
        JhdCaseListResponseDto: {
            items: components["schemas"]["JhdCaseSummaryDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        ClassifyDto: {
            /** @enum {string} */
            zone: "service" | "unclear" | "endangerment";
            /**
             * @description Expected duration of help (service/unclear zone); six months or more goes to the Fallteam; absent: no help
             * @example P9M
             */
            expectedHelpDuration?: string;
        };
        ProfessionalDto: {
            /**
             * @description A user of the system; externals (insoweit erfahrene Fachkraft) without
             * @example demo-caseworker
             */
            userId?: string;
            /** @example ASD-Fachkraft */
            function: string;
        };
        RiskAssessmentDto: {
            /** @description At least the definition’s number of professionals (§ 8a: Zusammenwirken mehrerer Fachkräfte) */
            professionals: components["schemas"]["ProfessionalDto"][];
            parentsInvolved: boolean;
            childInvolved: boolean;
            /** @description Why parents or child were not involved; required then */
            involvementNote?: string;
            /** @description Whether a home visit took place */
            homeVisit: boolean;
            /** @enum {string} */
            result: "acute" | "latent" | "help_needed" | "none";
            dangerKinds: ("neglect" | "physical_abuse" | "psychological_abuse" | "sexual_violence")[];
            /** @description Which of the case’s children (index into its birth dates); default 0 */
            childIndex?: number;
            /** @enum {string} */
            childSex: "female" | "male" | "diverse" | "unknown";
            /** @description Help received before the assessment */
            existingHelp: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            /** @description Help newly started or planned */
            newHelp: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            /** @description The family court was called (§ 8a Abs. 2) */
            familyCourt: boolean;
            /** @description The assessment itself; sealed */
            details: string;
            /**
             * @description Expected duration of help; required unless the result is none
             * @example P9M
             */
            expectedHelpDuration?: string;
        };
        ImmediateProtectionDto: {
            /**
             * @description protective_custody (§ 42 Inobhutnahme), family_court (§ 8a Abs. 2: the family court is called) or other
             * @enum {string}
             */
            measure: "protective_custody" | "family_court" | "other";
            /**
             * @description When the measure was taken (default: now)
             * @example 2026-11-20T22:15:00+01:00
             */
            takenAt?: string;
            /** @description Why this measure; required unless the child was taken into care (§ 42); sealed */
            reason?: string;
        };
        HelpPlanDto: {
            /** @example 2026-11-20 */
            planDate: string;
            /**
             * @description First review (default: plan date + the definition’s interval)
             * @example 2027-05-20
             */
            reviewAt?: string;
            helpKinds: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            goals: string[];
            /** @description What was agreed, who does what */
            agreements: string;
            /** @description Who took part in drawing up the plan (§ 36) */
            participants: string[];
        };
        HelpPlanReviewDto: {
            /** @example 2027-05-20 */
            reviewedAt: string;
            /** @example 2027-11-20 */
            nextReviewAt?: string;
            notes: string;
        };
        LegalHoldDto: {
            /** @description true hält die Akte über ihr Löschdatum hinaus (Sperrvermerk); false hebt die Sperre auf */
            hold: boolean;
            /** @description Begründung des Setzens oder Aufhebens (z. B. laufendes Gerichtsverfahren); verschlüsselt gespeichert */
            reason: string;
        };
        LegalHoldResponseDto: {
            /** Format: uuid */
            id: string;
            legalHold: boolean;
            /** Format: date-time */
            legalHoldAt: string | null;
            /** @description Begründung des Setzens oder Aufhebens des Sperrvermerks */
            legalHoldReason: string | null;
            /**
             * @description null while the case is open
             * @example 2031-11-20
             */
            deletionDate: string | null;
        };
        RetentionRunDto: {
            /** Format: date-time */
            scheduledAt: string;
            /** Format: date-time */
            startedAt: string;
            workflowId: string;
        };
        RetentionScheduleResponseDto: {
            scheduleId: string;
            /**
             * @description Hour of the day (Europe/Berlin) the run starts
             * @example 2
             */
            hour: number;
            paused: boolean;
            nextRuns: string[];
            recentRuns: components["schemas"]["RetentionRunDto"][];
            /** @description Workflow ids of runs going on */
            runningRuns: string[];
            runsStarted: number;
        };
        RetentionScheduleDto: {
            /**
             * @description Hour of the daily run (Europe/Berlin), default 2
             * @example 2
             */
            hour?: number;
            /** @example 100 */
            batchSize?: number;
        };
        AnonymisedCaseDto: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            anonymisedAt: string;
            /**
             * @description The day whose deletion dates had passed
             * @example 2026-11-20
             */
            asOf: string | null;
        };
        AnonymisedCaseListResponseDto: {
            items: components["schemas"]["AnonymisedCaseDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        LegalHoldEntryDto: {
            /** Format: uuid */
            caseId: string;
            /** @example F-2026-7KQ3MX */
            pseudonym: string;
            /** Format: date-time */
            legalHoldAt: string | null;
            legalHoldBy: string | null;
            legalHoldByName: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** @example 2031-11-20 */
            deletionDate: string | null;
            /** @description The deletion date has passed: only the hold keeps the case */
            overdue: boolean;
        };
        LegalHoldListResponseDto: {
            items: components["schemas"]["LegalHoldEntryDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        StatisticCellDto: {
            /** @example 11 */
            month: number;
            /**
             * @description A value of the dimension
             * @example latent
             */
            value: string;
            /** @description Null when suppressed (fewer than 5, or to protect such a cell) */
            count: number | null;
            suppressed: boolean;
        };
        StatisticMonthDto: {
            /** @example 11 */
            month: number;
            /** @description Null when below 5 */
            total: number | null;
            suppressed: boolean;
        };
        RiskAssessmentSummaryResponseDto: {
            /** @example 2026 */
            year: number;
            /** @example 11 */
            month: number | null;
            /** @enum {string} */
            dimension: "result" | "ageGroup" | "sex" | "reportedBy";
            cells: components["schemas"]["StatisticCellDto"][];
            months: components["schemas"]["StatisticMonthDto"][];
        };
        RiskAssessmentStatisticDto: {
            /** @example 2026 */
            completionYear: number;
            /** @example 11 */
            completionMonth: number;
            /** @enum {string} */
            ageGroup: "0-2" | "3-5" | "6-8" | "9-11" | "12-13" | "14-15" | "16-17" | "18+" | "unknown";
            /** @enum {string} */
            sex: "female" | "male" | "diverse" | "unknown";
            /** @enum {string} */
            result: "acute" | "latent" | "help_needed" | "none";
            dangerKinds: ("neglect" | "physical_abuse" | "psychological_abuse" | "sexual_violence")[];
            /**
             * @description Who made the case known
             * @enum {string}
             */
            reportedBy: "police_court" | "school" | "kita" | "health_service" | "social_services" | "relatives" | "neighbours" | "parents" | "child_self" | "anonymous" | "other";
            existingHelp: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            newHelp: ("family_support" | "educational_assistance" | "integration_assistance" | "protective_custody" | "other")[];
            familyCourt: boolean;
        };
        RiskAssessmentStatisticsResponseDto: {
            /** @example 2026 */
            year: number;
            /** @example 11 */
            month: number | null;
            count: number;
            items: components["schemas"]["RiskAssessmentStatisticDto"][];
        };
        TimeEntryDto: {
            /** @example 2026-11-20 */
            date: string;
            /**
             * @description Minutes, at most a day
             * @example 90
             */
            minutes: number;
            /**
             * @description Start (entries with a start must not overlap)
             * @example 09:30
             */
            start?: string;
            /**
             * @description case, preventive (fallunspezifische Sozialraumarbeit) or other
             * @enum {string}
             */
            kind: "case" | "preventive" | "other";
            /** @description Required for preventive work */
            socialSpaceId?: string;
            /** @description Required for case time */
            caseId?: string;
            /**
             * @description Not for case time
             * @example Sozialraumkonferenz Teltow
             */
            note?: string;
        };
        TimeEntryResponseDto: {
            /** Format: uuid */
            id: string;
            /** @example 2026-11-20 */
            date: string;
            /** @example 09:30 */
            start: string | null;
            /** @example 90 */
            minutes: number;
            /** @enum {string} */
            kind: "case" | "preventive" | "other";
            /** Format: uuid */
            socialSpaceId: string | null;
            /** Format: uuid */
            caseId: string | null;
            note: string | null;
        };
        TimeEntryListResponseDto: {
            items: components["schemas"]["TimeEntryResponseDto"][];
        };
        TimeReportRowDto: {
            /** @description User id, planning region id or social space id; null: none recorded */
            key: string | null;
            label: string;
            caseMinutes: number;
            preventiveMinutes: number;
            otherMinutes: number;
            totalMinutes: number;
            /**
             * @description Preventive minutes of all minutes (0–1)
             * @example 0.125
             */
            preventiveShare: number;
            /** @example 0.1 */
            target: number;
            meetsTarget: boolean;
            /** @description Preventive minutes missing to reach the target with the same total */
            shortfallMinutes: number;
        };
        TimeReportResponseDto: {
            /** @example 2026-11-01 */
            from: string;
            /** @example 2026-11-30 */
            to: string;
            /** @enum {string} */
            groupBy: "person" | "team" | "social_space";
            /**
             * @description The definition’s preventive share target (0–1)
             * @example 0.1
             */
            target: number;
            items: components["schemas"]["TimeReportRowDto"][];
        };
        CurrentUserDto: {
            /**
             * @description Token subject
             * @example demo-coordinator
             */
            sub: string;
            roles: ("caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics")[];
            /** @example Demo Regionalkoordination PR 1 */
            displayName: string;
            planningRegionIds: string[];
            socialSpaceIds: string[];
        };
        TaskSubjectDto: {
            /**
             * @description Worum es geht: Fall, Sozialraumprozess, Vertragspartner (Interview), Kooperationsvereinbarung oder Gremiensitzung (Aufgabe aus Protokoll)
             * @enum {string}
             */
            type: "case" | "sozialraum-process" | "contract-partner" | "cooperation-agreement" | "meeting";
            /** @description Kennung des Falls, Prozesses, Vertragspartners oder der Vereinbarung */
            id: string;
            /**
             * @description Bei Fällen nur das Pseudonym (keine Namen); sonst Prozesstitel, Name der Organisation oder Aktenzeichen der Vereinbarung
             * @example F-2026-ABC234
             */
            label: string;
        };
        TaskDto: {
            /**
             * @description Stabile Kennung der Aufgabe, solange der Schritt offen ist
             * @example consultation_schedule:7f0c…
             */
            id: string;
            /**
             * @description Art der Aufgabe (stabiler Code)
             * @enum {string}
             */
            kind: "consultation_schedule" | "consultation_invite" | "consultation_release" | "consultation_recommend" | "consultation_outcome" | "jhd_classification" | "jhd_risk_assessment" | "jhd_immediate_protection" | "jhd_help_plan" | "jhd_help_plan_review" | "case_follow_up" | "sozialraum_phase" | "interview_plan" | "interview_conduct" | "agreement_decision" | "meeting_task";
            /**
             * @description Bezeichnung der Aufgabe (deutsch)
             * @example Fallteam terminieren
             */
            title: string;
            /**
             * Format: date-time
             * @description Fällig am; leer, wenn der Schritt keine Frist hat
             */
            dueAt: string | null;
            /** @description Die Frist ist verstrichen */
            overdue: boolean;
            /** @description Fall (Pseudonym), Prozess, Vertragspartner oder Vereinbarung */
            subject: components["schemas"]["TaskSubjectDto"];
            /**
             * @description Seite der Web-Anwendung, auf der die Aufgabe erledigt wird
             * @example /beratungen/7f0c…
             */
            link: string;
        };
        TaskPageDto: {
            /** @description Überfällige zuerst, dann nach Fälligkeit */
            items: components["schemas"]["TaskDto"][];
            /** @description Anzahl aller offenen Aufgaben (mit dem Filter) */
            total: number;
            limit: number;
            offset: number;
        };
        NotificationDto: {
            /** Format: uuid */
            id: string;
            userId: string;
            /** Format: uuid */
            reminderId: string;
            /** @example Frist: Sozialraum analysieren bis 01.03.2027 */
            title: string;
            body: string;
            /**
             * @description Path inside the web app
             * @example /sozialraum-processes/…
             */
            link: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        FollowUpDto: {
            /**
             * Format: uuid
             * @description The next scheduled reminder about it
             */
            id: string;
            /**
             * @description What the reminders are about
             * @example jhd/<case>/review/1-0
             */
            subject: string;
            /** @example follow-up-due */
            template: string;
            /**
             * Format: date-time
             * @description When the thing is due (not when a reminder goes out)
             */
            dueAt: string;
            /**
             * Format: date-time
             * @description When the next reminder about it goes out
             */
            nextReminderAt: string;
            title: string;
            body: string;
            /**
             * @description The page of the web app it is on
             * @example /faelle/…
             */
            link: string | null;
        };
        FollowUpPageDto: {
            items: components["schemas"]["FollowUpDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        UnreadCountDto: {
            /** @example 3 */
            unread: number;
        };
        ReminderRecipientDto: {
            /** @enum {string} */
            type: "user" | "role";
            /** @description User id (type `user`) */
            id?: string;
            /** @description Role (type `role`) */
            role?: string;
            /** Format: uuid */
            planningRegionId?: string;
            /** Format: uuid */
            socialSpaceId?: string;
        };
        ReminderDto: {
            /** Format: uuid */
            id: string;
            /** @example sozialraum/<process>/<phase>/P14D */
            key: string;
            /** Format: date-time */
            dueAt: string;
            recipients: components["schemas"]["ReminderRecipientDto"][];
            /** @example step-due */
            template: string;
            /** @description Ids and titles only, never personal data */
            context: {
                [key: string]: unknown;
            };
            channels: ("in_app" | "email")[];
            /** @enum {string} */
            status: "scheduled" | "sent" | "cancelled" | "failed" | "late";
            attempts: number;
            lastError: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** @description Due → delivered, in milliseconds */
            lagMs: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ReminderPageDto: {
            items: components["schemas"]["ReminderDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        ReminderEmailCountsDto: {
            pending: number;
            sending: number;
            /** @description Committed as sending, unconfirmed for five minutes (the worker died mid-send); never resent */
            inDoubt: number;
            failed: number;
        };
        ReminderLagDto: {
            delivered: number;
            p50: number | null;
            p95: number | null;
            p99: number | null;
            max: number | null;
        };
        ReminderMetricsDto: {
            /**
             * @description Reminders per status
             * @example {
             *       "scheduled": 12,
             *       "sent": 340
             *     }
             */
            byStatus: {
                [key: string]: number;
            };
            emails: components["schemas"]["ReminderEmailCountsDto"];
            lagMsLast24h: components["schemas"]["ReminderLagDto"];
        };
        PingDto: {
            /** @example hello */
            message: string;
        };
        PingResultDto: {
            /** @example pong from sro: hello */
            reply: string;
            /** @example ping-0f8e6c1a-5b7d-4c2e-9a3b-1d2e3f4a5b6c */
            workflowId: string;
        };
        RegionSocialSpaceDto: {
            /** Format: uuid */
            id: string;
            /** @example SR01 */
            code: string;
            /** @example Sozialraum Teltow */
            name: string;
        };
        PlanningRegionDto: {
            /** Format: uuid */
            id: string;
            /** @example PR1 */
            code: string;
            /** @example Planregion 1 – Teltow/Kleinmachnow */
            name: string;
            socialSpaces: components["schemas"]["RegionSocialSpaceDto"][];
        };
        PlanningRegionListDto: {
            items: components["schemas"]["PlanningRegionDto"][];
        };
        MunicipalityDto: {
            /** Format: uuid */
            id: string;
            /** @example KOM01 */
            code: string;
            /** @example Teltow */
            name: string;
            /**
             * @description Town (Stadt) or municipality (Gemeinde)
             * @enum {string}
             */
            kind: "stadt" | "gemeinde";
            /** Format: uuid */
            socialSpaceId: string;
            /** @example Sozialraum Teltow */
            socialSpaceName: string;
            /** Format: uuid */
            planningRegionId: string;
        };
        MunicipalityListDto: {
            items: components["schemas"]["MunicipalityDto"][];
        };
        MemberDto: {
            /** @enum {string} */
            kind: "user" | "contract_partner" | "municipality";
            /** @description Id of the user, contract partner or municipality */
            refId: string;
            /** @example Schulsozialarbeit */
            function: string;
        };
        StartProcessDto: {
            socialSpaceId: string;
            /** @description Members of the lokale Verantwortungsgemeinschaft */
            members?: components["schemas"]["MemberDto"][];
        };
        SozialraumPhaseDto: {
            /** @example identify */
            key: string;
            /** @example Sozialraum identifizieren */
            title: string;
            /** @enum {string} */
            status: "pending" | "active" | "completed";
            /** Format: date-time */
            startedAt?: string;
            /**
             * Format: date-time
             * @description Due date from the definition
             */
            dueAt?: string;
            /** Format: date-time */
            completedAt?: string;
            /**
             * Format: date-time
             * @description Extended due date, when one was granted
             */
            extendedTo?: string;
            overdue?: boolean;
        };
        SozialraumProcessDto: {
            /** Format: uuid */
            id: string;
            /** @example sozialraum-development/… */
            workflowId: string;
            /** @example sozialraum-development */
            definitionKey: string;
            /** @description The definition version the run pinned */
            definitionVersion: number;
            /** @enum {string} */
            status: "running" | "paused" | "completed" | "cancelled";
            /** @example social_space */
            subjectType: string;
            /** @description The social space */
            subjectId: string;
            /** Format: uuid */
            planningRegionId: string | null;
            /** Format: uuid */
            socialSpaceId: string | null;
            /** @description Key of the active phase */
            currentStep: string | null;
            currentStepTitle: string | null;
            /**
             * Format: date-time
             * @description Effective due date of the active phase
             */
            currentDueAt: string | null;
            steps: components["schemas"]["SozialraumPhaseDto"][];
            /** @description Title and coordinator of the process */
            summary: {
                [key: string]: unknown;
            };
            /** @description Revision of the workflow state the read model shows */
            revision: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SozialraumProcessPageDto: {
            items: components["schemas"]["SozialraumProcessDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        SozialraumPinnedDefinitionDto: {
            /** @example sozialraum-development */
            key: string;
            version: number;
            checksum: string;
            spec: {
                [key: string]: unknown;
            };
        };
        SozialraumMemberDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "user" | "contract_partner" | "municipality";
            /** @description Id of the user, contract partner or municipality */
            refId: string;
            /** @example Schulsozialarbeit */
            function: string;
        };
        PhaseExtensionDto: {
            phaseKey: string;
            /**
             * Format: date-time
             * @description Due date before the extension
             */
            from: string;
            /**
             * Format: date-time
             * @description Due date after the extension
             */
            to: string;
            reason: string;
            /** @description User id of who extended it */
            actorId: string;
            /** Format: date-time */
            at: string;
        };
        SozialraumStateDto: {
            /** Format: uuid */
            processId: string;
            /** Format: uuid */
            socialSpaceId: string;
            /** Format: uuid */
            planningRegionId: string;
            /** @description Name of the social space */
            title: string;
            /** @description User id of the responsible coordinator */
            coordinatorId: string;
            definition: components["schemas"]["SozialraumPinnedDefinitionDto"];
            /** @enum {string} */
            status: "running" | "paused" | "completed" | "cancelled";
            steps: components["schemas"]["SozialraumPhaseDto"][];
            /** @description Deliverable values by phase key and deliverable key */
            deliverables: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            members: components["schemas"]["SozialraumMemberDto"][];
            extensions: components["schemas"]["PhaseExtensionDto"][];
            /** Format: date-time */
            pausedAt?: string;
            cancelReason?: string;
            /** @description Bumped whenever the reminders of the active phase are re-armed */
            reminderCycle: number;
            /** Format: date-time */
            nextConferenceAt?: string;
            /** Format: date-time */
            nextReviewAt?: string;
            conferencesHeld: number;
            revision: number;
            eventSequence: number;
            continuedAsNew: number;
        };
        SozialraumProcessDetailDto: {
            process: components["schemas"]["SozialraumProcessDto"];
            state: components["schemas"]["SozialraumStateDto"] | null;
        };
        SozialraumHistoryEntryDto: {
            /** @description Sequence number (a PostgreSQL bigint, as a string) */
            id: string;
            /** Format: uuid */
            processId: string;
            /** Format: date-time */
            occurredAt: string;
            /** @example phase_completed */
            kind: string;
            actorId: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @description Makes a retried write a no-op */
            dedupeKey: string;
        };
        SozialraumHistoryPageDto: {
            items: components["schemas"]["SozialraumHistoryEntryDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        DeliverableDto: {
            /** @description Typed by the deliverable (boundaries, analysis, events, goals, measures, monitoring, text...); checked by the same validator the workflow runs */
            value: Record<string, never>;
        };
        CompletionDeliverableDto: {
            /**
             * @description Key of one of the phase's deliverables
             * @example boundaries
             */
            key: string;
            /** @description Typed by the deliverable, as for PUT …/deliverables/{deliverableKey} */
            value: Record<string, never>;
        };
        CompletePhaseDto: {
            /** @description The phase's last deliverable, saved with the completion as one change; nothing is saved when the completion is refused */
            deliverable?: components["schemas"]["CompletionDeliverableDto"];
        };
        PhaseCompletionDto: {
            /** @description Key of the completed phase */
            completed: string;
            /** @description Key of the phase now active; null after the last one */
            next: string | null;
        };
        ExtensionDto: {
            /** @example 2027-03-31T00:00:00Z */
            dueAt: string;
            /** @example Beteiligungsveranstaltung wegen Kommunalwahl verschoben */
            reason: string;
        };
        BudgetAmountDto: {
            /**
             * @description Euro cents; without it the definition's yearly default
             * @example 500000
             */
            amountCents?: number;
        };
        AllocationDto: {
            /** @enum {string} */
            kind: "measure" | "initiative";
            /** @example Jugendraum einrichten */
            title: string;
            processId?: string;
            measureKey?: string;
            /**
             * @description Euro cents
             * @example 150000
             */
            amountCents: number;
        };
        ReversalDto: {
            /** @example Maßnahme entfällt, Träger hat abgesagt */
            reason: string;
        };
        SpendingDto: {
            /**
             * @description Euro cents
             * @example 45000
             */
            amountCents: number;
            /**
             * @description Date of the payment
             * @example 2026-11-20
             */
            spentOn: string;
            /** @example Rechnung Nr. 2026-118 */
            note?: string;
        };
        StaffUserDto: {
            id: string;
            displayName: string;
            email: string | null;
            roles: ("caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics")[];
            active: boolean;
            planningRegionIds: string[];
            socialSpaceIds: string[];
            /** Format: uuid */
            teamId: string | null;
            organisation: string | null;
            expertise: string[];
            /**
             * @description demo seed, created by an admin, or at the first sign-in
             * @enum {string}
             */
            provisionedBy: "seed" | "admin" | "jit";
            /** Format: date-time */
            deactivatedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        StaffUserPageDto: {
            items: components["schemas"]["StaffUserDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        AdviserDto: {
            id: string;
            displayName: string;
            organisation: string | null;
            expertise: string[];
        };
        AdviserPageDto: {
            items: components["schemas"]["AdviserDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        CreateUserDto: {
            /** @example Anna Beispiel */
            displayName: string;
            /** @example anna.beispiel@jugendamt.example */
            email?: string | null;
            /** @description caseworker, lead (Leitung), coordinator, admin, adviser, approver */
            roles: ("caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics")[];
            planningRegionIds?: string[];
            /** @description Social spaces the person works in (case data needs at least one) */
            socialSpaceIds?: string[];
            /** Format: uuid */
            teamId?: string | null;
            /** @description External advisers: their organisation (required for them) */
            organisation?: string | null;
            /** @description External advisers: fields of expertise */
            expertise?: string[];
            /**
             * @description The token subject (`sub`) the person signs in with
             * @example f3a1c2d4-…
             */
            id: string;
        };
        UserBodyDto: {
            /** @example Anna Beispiel */
            displayName: string;
            /** @example anna.beispiel@jugendamt.example */
            email?: string | null;
            /** @description caseworker, lead (Leitung), coordinator, admin, adviser, approver */
            roles: ("caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics")[];
            planningRegionIds?: string[];
            /** @description Social spaces the person works in (case data needs at least one) */
            socialSpaceIds?: string[];
            /** Format: uuid */
            teamId?: string | null;
            /** @description External advisers: their organisation (required for them) */
            organisation?: string | null;
            /** @description External advisers: fields of expertise */
            expertise?: string[];
        };
        OpenCaseDto: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            /** @enum {string} */
            kind: "fallteam" | "jugendhilfedienst";
            /** Format: uuid */
            socialSpaceId: string;
            /** Format: date-time */
            createdAt: string;
        };
        DeactivationDto: {
            user: components["schemas"]["StaffUserDto"];
            /** @description Open cases still assigned to the person: transfer them (nothing is reassigned automatically) */
            openCases: components["schemas"]["OpenCaseDto"][];
            /** @description Teams the person still leads */
            ledTeamIds: string[];
        };
        OpenCaseListDto: {
            items: components["schemas"]["OpenCaseDto"][];
        };
        TeamDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "asd_team" | "regional_team";
            /** Format: uuid */
            planningRegionId: string | null;
            leadId: string | null;
            memberCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        TeamPageDto: {
            items: components["schemas"]["TeamDto"][];
            total: number;
            limit: number;
            offset: number;
        };
        TeamDetailDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "asd_team" | "regional_team";
            /** Format: uuid */
            planningRegionId: string | null;
            leadId: string | null;
            memberCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Active members */
            memberIds: string[];
        };
        TeamBodyDto: {
            /** @example ASD-Team Planregion 1 */
            name: string;
            /**
             * @description asd_team (ASD-Team) or regional_team (Regionalteam)
             * @enum {string}
             */
            kind: "asd_team" | "regional_team";
            /** Format: uuid */
            planningRegionId?: string | null;
            /** @description User id of the lead (role lead) */
            leadId?: string | null;
        };
        ColleagueDto: {
            id: string;
            displayName: string;
            roles: ("caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics")[];
        };
        ColleagueListDto: {
            items: components["schemas"]["ColleagueDto"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthConfigResponseDto"];
                };
            };
        };
    };
    DevAuthController_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevUserListDto"];
                };
            };
        };
    };
    DevAuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DevTokenResponseDto"];
                };
            };
        };
    };
    HealthController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All components are up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReportDto"];
                };
            };
            /** @description At least one component is down (problem+json with `components`) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AgreementsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "draft" | "in_approval" | "approved" | "active" | "expired" | "terminated";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementPageDto"];
                };
            };
        };
    };
    AgreementsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgreementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDetailDto"];
                };
            };
        };
    };
    AgreementsController_pending: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingDecisionPageDto"];
                };
            };
        };
    };
    AgreementsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDetailDto"];
                };
            };
        };
    };
    AgreementsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementMetaDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDetailDto"];
                };
            };
        };
    };
    AgreementsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementVersionListDto"];
                };
            };
        };
    };
    AgreementsController_revise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementVersionDto"];
                };
            };
        };
    };
    AgreementsController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementVersionDto"];
                };
            };
        };
    };
    AgreementsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitAgreementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDetailDto"];
                };
            };
        };
    };
    AgreementsController_decisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDecisionListDto"];
                };
            };
        };
    };
    AgreementsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionOutcomeDto"];
                };
            };
        };
    };
    AgreementsController_history: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementEventPageDto"];
                };
            };
        };
    };
    AgreementsController_terminate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDetailDto"];
                };
            };
        };
    };
    IndicatorsController_catalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Der Indikatorkatalog */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorDto"][];
                };
            };
        };
    };
    IndicatorsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIndicatorDto"];
            };
        };
        responses: {
            /** @description Legt einen Indikator im Katalog an */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorDto"];
                };
            };
        };
    };
    IndicatorsController_years: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Die Jahre, für die Werte vorliegen */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorYearsDto"];
                };
            };
        };
    };
    IndicatorsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndicatorFieldsDto"];
            };
        };
        responses: {
            /** @description Ändert einen Indikator des Katalogs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorDto"];
                };
            };
        };
    };
    IndicatorsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndicatorImportDto"];
            };
        };
        responses: {
            /** @description Importiert die Werte eines Jahres aus CSV und ersetzt die bisherigen Werte des Jahres (in den eigenen Planregionen) vollständig oder gar nicht */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
        };
    };
    IndicatorsController_setValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                year: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndicatorValueInputDto"];
            };
        };
        responses: {
            /** @description Erfasst einen Wert von Hand (ersetzt den bisherigen) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorValueDto"];
                };
            };
        };
    };
    ProfilesController_profile: {
        parameters: {
            query?: {
                year?: number;
            };
            header?: never;
            path: {
                socialSpaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sozialraumprofil eines Jahres (ohne Jahr: das letzte mit Werten) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpaceProfileDto"];
                };
            };
        };
    };
    SocialIndexController_methods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alle Methodenversionen, die neueste zuerst */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexMethodDto"][];
                };
            };
        };
    };
    SocialIndexController_createMethod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndexMethodInputDto"];
            };
        };
        responses: {
            /** @description Legt eine neue Methodenversion an und berechnet alle Jahre nach ihr; ältere Ergebnisse bleiben */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexMethodDto"];
                };
            };
        };
    };
    SocialIndexController_ranking: {
        parameters: {
            query?: {
                /** @description Methodenversion; ohne: die aktuelle */
                methodVersion?: number;
            };
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rangfolge aller Sozialräume des Landkreises (anonymisierte Vergleichswerte) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankingDto"];
                };
            };
        };
    };
    SocialIndexController_series: {
        parameters: {
            query?: {
                /** @description Methodenversion; ohne: die aktuelle */
                methodVersion?: number;
            };
            header?: never;
            path: {
                socialSpaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Zeitreihe eines Sozialraums */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexSeriesDto"];
                };
            };
        };
    };
    SocialSpaceMapController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialSpaceMapDto"];
                };
            };
        };
    };
    SocialSpaceMapController_importBoundaries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BoundaryImportDto"];
            };
        };
        responses: {
            /** @description Ersetzt alle Grenzen durch die einer GeoJSON-FeatureCollection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocialSpaceMapDto"];
                };
            };
        };
    };
    JhaReportsController_report: {
        parameters: {
            query?: {
                /** @description Planregion; ohne: der ganze Landkreis (nur Administration) */
                planningRegionId?: string;
            };
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhaReportDto"];
                };
            };
        };
    };
    JhaReportsController_pdf: {
        parameters: {
            query?: {
                /** @description Planregion; ohne: der ganze Landkreis (nur Administration) */
                planningRegionId?: string;
            };
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Der Bericht als PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                actorId?: string;
                resourceType?: string;
                resourceId?: string;
                action?: string;
                outcome?: "allowed" | "denied" | "failed";
                /** @description ISO 8601, inclusive */
                from?: string;
                /** @description ISO 8601, exclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
        };
    };
    CaseFileController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Version der Fallakte, für If-Match */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFileDto"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Version der Fallakte, für If-Match bei Änderungen */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    CaseFileController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description ETag der bearbeiteten Version, z. B. "3" */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Die neue Version der Fallakte */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    CaseFileController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    CaseFileController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReopenCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    PacketReleaseController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PacketPreviewDto"];
                };
            };
        };
    };
    PacketReleaseController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PacketPreviewDto"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Suchbegriff: Familien- oder Vorname (auch Wortanfang ab drei Zeichen; „Mueller“ findet „Müller“, „Strasse“ findet „Straße“), Geburtsdatum (TT.MM.JJJJ oder JJJJ-MM-TT), Pseudonym bzw. Aktenzeichen (F-2026-7KQ3MX, auch der Anfang) oder die Kennung der Akte. Mehrere Wörter müssen alle passen. Gesucht wird über einen Blindindex, ohne Akten zu entschlüsseln. */
                search?: string;
                /** @description Nur Fälle dieses Bereichs (Leistungs-, Grau-, Gefährdungsbereich); nur eigene Fälle */
                zone?: "service" | "unclear" | "endangerment";
                /** @description open = offen, closed = abgeschlossen; nur eigene Fälle */
                status?: "open" | "closed";
                /** @description Nur Fälle dieses Sozialraums */
                socialSpaceId?: string;
                /** @description Nur Fälle dieser fallverantwortlichen Fachkraft (Benutzerkennung) */
                responsibleId?: string;
                /** @description true: nur Fälle mit einer eigenen fälligen, nicht erledigten Wiedervorlage */
                followUpsDue?: boolean;
                /** @description Sortierung: -createdAt = neueste zuerst, createdAt = älteste zuerst, pseudonym / -pseudonym = nach Pseudonym */
                sort?: "-createdAt" | "createdAt" | "pseudonym" | "-pseudonym";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePageDto"];
                };
            };
        };
    };
    CasesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseIntakeDto"];
                };
            };
        };
    };
    CasesController_consents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentListDto"];
                };
            };
        };
    };
    CasesController_addConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRecordDto"];
                };
            };
        };
    };
    CasesController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                consentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRecordDto"];
                };
            };
        };
    };
    CasesController_addConfided: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfidedItemInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    CasesController_releaseConfided: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    CasesController_setTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseTeamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
        };
    };
    CasesController_breakGlass: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BreakGlassDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakGlassResponseDto"];
                };
            };
        };
    };
    CasesController_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseTransferDto"];
                };
            };
        };
    };
    CasesController_transfers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseTransferListDto"];
                };
            };
        };
    };
    CasesController_requestConsultation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestConsultationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationDto"];
                };
            };
        };
    };
    ConsultationsController_sessions: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FallteamSessionPageDto"];
                };
            };
        };
    };
    ConsultationsController_createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FallteamSessionDto"];
                };
            };
        };
    };
    ConsultationsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdviserConsultationListDto"];
                };
            };
        };
    };
    ConsultationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationDto"];
                };
            };
        };
    };
    ConsultationsController_packet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationPacketDto"];
                };
            };
        };
    };
    ConsultationsController_schedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationDto"];
                };
            };
        };
    };
    ConsultationsController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdviserAccessDto"][];
                };
            };
        };
    };
    ConsultationsController_recommend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationRecordDto"];
                };
            };
        };
    };
    ConsultationsController_outcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutcomeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationDto"];
                };
            };
        };
    };
    ConsultationsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsultationDto"];
                };
            };
        };
    };
    SubstitutionsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstitutionListDto"];
                };
            };
        };
    };
    SubstitutionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubstitutionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstitutionResponseDto"];
                };
            };
        };
    };
    SubstitutionsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubstitutionResponseDto"];
                };
            };
        };
    };
    CaseFollowUpsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFollowUpListDto"];
                };
            };
        };
    };
    CaseFollowUpsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseFollowUpBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFollowUpDto"];
                };
            };
        };
    };
    CaseFollowUpsController_done: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                followUpId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFollowUpDto"];
                };
            };
        };
    };
    CaseFollowUpsController_moveDue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                followUpId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseFollowUpDueDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFollowUpDto"];
                };
            };
        };
    };
    NotesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseNotePageDto"];
                };
            };
        };
    };
    NotesController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNoteDto"];
            };
        };
        responses: {
            /** @description Der erfasste Vermerk (eine Korrektur nennt den berichtigten) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseNoteDto"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDocumentPageDto"];
                };
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Die Datei (genau eine)
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Das abgelegte Dokument */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDocumentDto"];
                };
            };
            /** @description Die Datei ist größer als erlaubt (problem+json) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Kein PDF, Bild oder Office-Dokument, oder kein multipart/form-data (problem+json) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Der Inhalt des Dokuments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
        };
    };
    CodecController_decode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodecRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodecResponseDto"];
                };
            };
        };
    };
    CodecController_encode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodecRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodecResponseDto"];
                };
            };
        };
    };
    ContractPartnersController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                kind?: "municipality" | "free_provider";
                socialSpaceId?: string;
                active?: boolean;
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPartnerPageDto"];
                };
            };
        };
    };
    ContractPartnersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPartnerDto"];
                };
            };
        };
    };
    ContractPartnersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPartnerDto"];
                };
            };
        };
    };
    ContractPartnersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPartnerDto"];
                };
            };
        };
    };
    ContractPartnersController_exit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPartnerDto"];
                };
            };
        };
    };
    DashboardController_phaseDeadlines: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                planningRegionId?: string;
                status?: "overdue" | "due_soon" | "on_track" | "paused";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhaseDeadlinePageDto"];
                };
            };
        };
    };
    DefinitionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionSummaryListDto"];
                };
            };
        };
    };
    DefinitionsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionVersionListDto"];
                };
            };
        };
    };
    DefinitionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionDto"];
                };
            };
        };
    };
    DefinitionsController_updateDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionDto"];
                };
            };
        };
    };
    DefinitionsController_diff: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionDiffDto"];
                };
            };
        };
    };
    DefinitionsController_validate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateSpecDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecValidationDto"];
                };
            };
        };
    };
    DefinitionsController_createDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDraftDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionDto"];
                };
            };
        };
    };
    DefinitionsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishOutcomeDto"];
                };
            };
        };
    };
    DefinitionsController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefinitionDto"];
                };
            };
        };
    };
    MigrationsController_preview: {
        parameters: {
            query?: {
                /** @description The version instances would move to (default: the published one) */
                toVersion?: number;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationPreviewDto"];
                };
            };
        };
    };
    MigrationsController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyMigrationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationOutcomeDto"];
                };
            };
        };
    };
    CommitteesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Nur Gremien dieser Art */
                kind?: "sozialraumkonferenz" | "regionalteam" | "fallteam" | "jugendhilfeausschuss";
                /** @description Nur Gremien dieser Planregion */
                planningRegionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteePageDto"];
                };
            };
        };
    };
    CommitteesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeDetailDto"];
                };
            };
        };
    };
    CommitteesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeDetailDto"];
                };
            };
        };
    };
    CommitteesController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameCommitteeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeDetailDto"];
                };
            };
        };
    };
    CommitteesController_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeMemberDto"];
                };
            };
        };
    };
    CommitteesController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovedMemberDto"];
                };
            };
        };
    };
    CommitteesController_createMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeetingInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingsController_ofProcess: {
        parameters: {
            query: {
                processId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessMeetingListDto"];
                };
            };
        };
    };
    MeetingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeetingInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingsController_attendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingsController_minutes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MinutesInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveMinutesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDto"];
                };
            };
        };
    };
    MeetingTasksController_done: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinutesTaskDto"];
                };
            };
        };
    };
    ProviderNetworksController_list: {
        parameters: {
            query?: {
                socialSpaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderNetworkListDto"];
                };
            };
        };
    };
    ProviderNetworksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderNetworkInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderNetworkDto"];
                };
            };
        };
    };
    ProviderNetworksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderNetworkDto"];
                };
            };
        };
    };
    ProviderNetworksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderNetworkInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderNetworkDto"];
                };
            };
        };
    };
    ProviderNetworksController_interviews: {
        parameters: {
            query?: {
                /** @description Interviewzyklus; ohne Angabe der neueste */
                cycleId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkInterviewsDto"];
                };
            };
        };
    };
    ProviderNetworksController_budget: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetDto"];
                };
            };
        };
    };
    InterviewCyclesController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewCyclePageDto"];
                };
            };
        };
    };
    InterviewCyclesController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewCycleDto"];
                };
            };
        };
    };
    InterviewCyclesController_describeSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewScheduleViewDto"];
                };
            };
        };
    };
    InterviewCyclesController_upsertSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterviewScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewScheduleViewDto"];
                };
            };
        };
    };
    InterviewCyclesController_removeSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule is deleted; running cycles go on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InterviewCyclesController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewScheduleViewDto"];
                };
            };
        };
    };
    InterviewCyclesController_unpause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewScheduleViewDto"];
                };
            };
        };
    };
    InterviewCyclesController_trigger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewScheduleViewDto"];
                };
            };
        };
    };
    InterviewCyclesController_backfill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BackfillDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewScheduleViewDto"];
                };
            };
        };
    };
    InterviewCyclesController_mine: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignedInterviewPageDto"];
                };
            };
        };
    };
    InterviewCyclesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewCycleDto"];
                };
            };
        };
    };
    InterviewCyclesController_progress: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "open" | "planned" | "overdue" | "done" | "withdrawn" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewProgressPageDto"];
                };
            };
        };
    };
    InterviewCyclesController_report: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or with format=csv a CSV file (text/csv) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewReportDto"];
                    "text/csv": components["schemas"]["InterviewReportDto"];
                };
            };
        };
    };
    InterviewCyclesController_addPartner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPartnerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CycleEntryDto"];
                };
            };
        };
    };
    InterviewCyclesController_sync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerSyncDto"];
                };
            };
        };
    };
    InterviewCyclesController_interview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partnerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewDetailDto"];
                };
            };
        };
    };
    InterviewCyclesController_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partnerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedInterviewDto"];
                };
            };
        };
    };
    InterviewCyclesController_answers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partnerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedInterviewDto"];
                };
            };
        };
    };
    InterviewCyclesController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partnerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatedInterviewDto"];
                };
            };
        };
    };
    JugendhilfedienstController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                phase?: "classification" | "risk_assessment" | "immediate_protection" | "fallteam" | "help_plan" | "help" | "closure" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseListResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_intake: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntakeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_classify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_riskAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RiskAssessmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_immediateProtection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImmediateProtectionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_helpPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HelpPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HelpPlanReviewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    JugendhilfedienstController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JhdCaseResponseDto"];
                };
            };
        };
    };
    RetentionController_legalHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalHoldDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldResponseDto"];
                };
            };
        };
    };
    RetentionController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionScheduleResponseDto"];
                };
            };
        };
    };
    RetentionController_upsert: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionScheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionScheduleResponseDto"];
                };
            };
        };
    };
    RetentionController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule is gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RetentionController_trigger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionScheduleResponseDto"];
                };
            };
        };
    };
    RetentionController_anonymised: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnonymisedCaseListResponseDto"];
                };
            };
        };
    };
    RetentionController_legalHolds: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldListResponseDto"];
                };
            };
        };
    };
    StatisticsController_summary: {
        parameters: {
            query: {
                year: number;
                month?: number;
                dimension?: "result" | "ageGroup" | "sex" | "reportedBy";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskAssessmentSummaryResponseDto"];
                };
            };
        };
    };
    StatisticsController_riskAssessments: {
        parameters: {
            query: {
                year: number;
                month?: number;
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or with format=csv a `;`-separated CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskAssessmentStatisticsResponseDto"];
                    "text/csv": components["schemas"]["RiskAssessmentStatisticsResponseDto"];
                };
            };
        };
    };
    TimeEntriesController_mine: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryListResponseDto"];
                };
            };
        };
    };
    TimeEntriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryResponseDto"];
                };
            };
        };
    };
    TimeEntriesController_report: {
        parameters: {
            query: {
                from: string;
                to: string;
                groupBy?: "person" | "team" | "social_space";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeReportResponseDto"];
                };
            };
        };
    };
    TimeEntriesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry is gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentUserDto"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Nur Aufgaben dieser Arten (mehrfach angeben oder durch Komma getrennt), z. B. `consultation_schedule` */
                kind?: ("consultation_schedule" | "consultation_invite" | "consultation_release" | "consultation_recommend" | "consultation_outcome" | "jhd_classification" | "jhd_risk_assessment" | "jhd_immediate_protection" | "jhd_help_plan" | "jhd_help_plan_review" | "case_follow_up" | "sozialraum_phase" | "interview_plan" | "interview_conduct" | "agreement_decision" | "meeting_task")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Eine Seite der offenen Aufgaben */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
        };
    };
    NotificationsController_inbox: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
        };
    };
    NotificationsController_followUps: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpPageDto"];
                };
            };
        };
    };
    NotificationsController_unread: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
        };
    };
    NotificationsController_reminders: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "scheduled" | "sent" | "cancelled" | "failed" | "late";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderPageDto"];
                };
            };
        };
    };
    NotificationsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderDto"];
                };
            };
        };
    };
    NotificationsController_metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderMetricsDto"];
                };
            };
        };
    };
    PingController_ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingResultDto"];
                };
            };
        };
    };
    ReferenceController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanningRegionListDto"];
                };
            };
        };
    };
    MunicipalitiesController_list: {
        parameters: {
            query?: {
                planningRegionId?: string;
                socialSpaceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MunicipalityListDto"];
                };
            };
        };
    };
    SozialraumController_list: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                planningRegionId?: string;
                status?: "running" | "paused" | "completed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessPageDto"];
                };
            };
        };
    };
    SozialraumController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartProcessDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessDto"];
                };
            };
        };
    };
    SozialraumController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessDetailDto"];
                };
            };
        };
    };
    SozialraumController_history: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumHistoryPageDto"];
                };
            };
        };
    };
    SozialraumController_setDeliverable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                phaseKey: string;
                deliverableKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverableDto"];
            };
        };
        responses: {
            /** @description The read model after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessDto"];
                };
            };
        };
    };
    SozialraumController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                phaseKey: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CompletePhaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhaseCompletionDto"];
                };
            };
        };
    };
    SozialraumController_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                phaseKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhaseExtensionDto"];
                };
            };
        };
    };
    SozialraumController_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumMemberDto"];
                };
            };
        };
    };
    SozialraumController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumMemberDto"];
                };
            };
        };
    };
    SozialraumController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description The read model after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessDto"];
                };
            };
        };
    };
    SozialraumController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description The read model after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessDto"];
                };
            };
        };
    };
    SozialraumController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            /** @description The read model after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SozialraumProcessDto"];
                };
            };
        };
    };
    BudgetController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                socialSpaceId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetDto"];
                };
            };
        };
    };
    BudgetController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                socialSpaceId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetAmountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetDto"];
                };
            };
        };
    };
    BudgetController_allocate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                socialSpaceId: string;
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllocationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetDto"];
                };
            };
        };
    };
    BudgetController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                socialSpaceId: string;
                year: number;
                allocationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReversalDto"];
            };
        };
        responses: {
            /** @description The ledger with the counter-booking */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetDto"];
                };
            };
        };
    };
    BudgetController_spend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                socialSpaceId: string;
                year: number;
                allocationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpendingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetDto"];
                };
            };
        };
    };
    StaffController_listUsers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                role?: "caseworker" | "lead" | "coordinator" | "admin" | "adviser" | "approver" | "statistics";
                teamId?: string;
                active?: boolean;
                /** @description Part of id, name or e-mail */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUserPageDto"];
                };
            };
        };
    };
    StaffController_createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUserDto"];
                };
            };
        };
    };
    StaffController_advisers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description Part of the name, organisation or a field of expertise */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdviserPageDto"];
                };
            };
        };
    };
    StaffController_getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUserDto"];
                };
            };
        };
    };
    StaffController_updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUserDto"];
                };
            };
        };
    };
    StaffController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeactivationDto"];
                };
            };
        };
    };
    StaffController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUserDto"];
                };
            };
        };
    };
    StaffController_openCases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenCaseListDto"];
                };
            };
        };
    };
    StaffController_listTeams: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                planningRegionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPageDto"];
                };
            };
        };
    };
    StaffController_createTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDetailDto"];
                };
            };
        };
    };
    StaffController_getTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDetailDto"];
                };
            };
        };
    };
    StaffController_updateTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TeamBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDetailDto"];
                };
            };
        };
    };
    StaffController_deleteTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_colleagues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColleagueListDto"];
                };
            };
        };
    };
}
type FlattenedDeepRequired<T> = {
    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;
};
type ReadonlyArray<T> = [
    Exclude<T, undefined>
] extends [
    unknown[]
] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;
export const pathsCooperationAgreementsGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/cooperation-agreements"]["get"]["parameters"]["query"]["status"]> = ["draft", "in_approval", "approved", "active", "expired", "terminated"];
export const pathsAuditGetParametersQueryOutcomeValues: ReadonlyArray<FlattenedDeepRequired<paths>["/audit"]["get"]["parameters"]["query"]["outcome"]> = ["allowed", "denied", "failed"];
export const pathsCasesGetParametersQueryZoneValues: ReadonlyArray<FlattenedDeepRequired<paths>["/cases"]["get"]["parameters"]["query"]["zone"]> = ["service", "unclear", "endangerment"];
export const pathsCasesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/cases"]["get"]["parameters"]["query"]["status"]> = ["open", "closed"];
export const pathsCasesGetParametersQuerySortValues: ReadonlyArray<FlattenedDeepRequired<paths>["/cases"]["get"]["parameters"]["query"]["sort"]> = ["-createdAt", "createdAt", "pseudonym", "-pseudonym"];
export const pathsContractPartnersGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/contract-partners"]["get"]["parameters"]["query"]["kind"]> = ["municipality", "free_provider"];
export const pathsDashboardPhaseDeadlinesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/dashboard/phase-deadlines"]["get"]["parameters"]["query"]["status"]> = ["overdue", "due_soon", "on_track", "paused"];
export const pathsCommitteesGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/committees"]["get"]["parameters"]["query"]["kind"]> = ["sozialraumkonferenz", "regionalteam", "fallteam", "jugendhilfeausschuss"];
export const pathsInterviewCyclesIdProgressGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/interview-cycles/{id}/progress"]["get"]["parameters"]["query"]["status"]> = ["open", "planned", "overdue", "done", "withdrawn", "failed"];
export const pathsInterviewCyclesIdReportGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/interview-cycles/{id}/report"]["get"]["parameters"]["query"]["format"]> = ["json", "csv"];
export const pathsJugendhilfedienstCasesGetParametersQueryPhaseValues: ReadonlyArray<FlattenedDeepRequired<paths>["/jugendhilfedienst-cases"]["get"]["parameters"]["query"]["phase"]> = ["classification", "risk_assessment", "immediate_protection", "fallteam", "help_plan", "help", "closure", "closed"];
export const pathsStatisticsRiskAssessmentsSummaryGetParametersQueryDimensionValues: ReadonlyArray<FlattenedDeepRequired<paths>["/statistics/risk-assessments/summary"]["get"]["parameters"]["query"]["dimension"]> = ["result", "ageGroup", "sex", "reportedBy"];
export const pathsStatisticsRiskAssessmentsGetParametersQueryFormatValues: ReadonlyArray<FlattenedDeepRequired<paths>["/statistics/risk-assessments"]["get"]["parameters"]["query"]["format"]> = ["json", "csv"];
export const pathsTimeEntriesReportGetParametersQueryGroupByValues: ReadonlyArray<FlattenedDeepRequired<paths>["/time-entries/report"]["get"]["parameters"]["query"]["groupBy"]> = ["person", "team", "social_space"];
export const pathsMeTasksGetParametersQueryKindValues: ReadonlyArray<FlattenedDeepRequired<paths>["/me/tasks"]["get"]["parameters"]["query"]["kind"]> = ["consultation_schedule", "consultation_invite", "consultation_release", "consultation_recommend", "consultation_outcome", "jhd_classification", "jhd_risk_assessment", "jhd_immediate_protection", "jhd_help_plan", "jhd_help_plan_review", "case_follow_up", "sozialraum_phase", "interview_plan", "interview_conduct", "agreement_decision", "meeting_task"];
export const pathsRemindersGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/reminders"]["get"]["parameters"]["query"]["status"]> = ["scheduled", "sent", "cancelled", "failed", "late"];
export const pathsSozialraumProcessesGetParametersQueryStatusValues: ReadonlyArray<FlattenedDeepRequired<paths>["/sozialraum-processes"]["get"]["parameters"]["query"]["status"]> = ["running", "paused", "completed", "cancelled"];
export const pathsStaffUsersGetParametersQueryRoleValues: ReadonlyArray<FlattenedDeepRequired<paths>["/staff/users"]["get"]["parameters"]["query"]["role"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
export const authConfigResponseDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuthConfigResponseDto"]["mode"]> = ["dev", "oidc"];
export const devUserDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DevUserDto"]["roles"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
export const componentStatusDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ComponentStatusDto"]["status"]> = ["up", "down"];
export const healthReportDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HealthReportDto"]["status"]> = ["up", "down"];
export const agreementPartyDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementPartyDto"]["kind"]> = ["contract_partner", "municipality", "landkreis"];
export const createAgreementDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateAgreementDto"]["kind"]> = ["cooperation", "three_party", "social_space_contract"];
export const agreementPartyEntryDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementPartyEntryDto"]["kind"]> = ["contract_partner", "municipality", "landkreis"];
export const partyDecisionDtoDecisionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PartyDecisionDto"]["decision"]> = ["approve", "reject"];
export const stageApprovalDtoModeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StageApprovalDto"]["mode"]> = ["parallel", "sequential"];
export const stageApprovalDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StageApprovalDto"]["status"]> = ["pending", "active", "passed", "rejected", "withdrawn"];
export const approvalRoundDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ApprovalRoundDto"]["status"]> = ["running", "passed", "rejected", "withdrawn"];
export const agreementVersionSummaryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementVersionSummaryDto"]["status"]> = ["draft", "in_approval", "rejected", "approved", "superseded", "discarded", "withdrawn"];
export const latestAgreementVersionDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["LatestAgreementVersionDto"]["status"]> = ["draft", "in_approval", "rejected", "approved", "superseded", "discarded", "withdrawn"];
export const rejectionCommentDtoDecisionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RejectionCommentDto"]["decision"]> = ["approve", "reject"];
export const agreementDetailDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDetailDto"]["kind"]> = ["cooperation", "three_party", "social_space_contract"];
export const agreementDetailDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDetailDto"]["status"]> = ["draft", "in_approval", "approved", "active", "expired", "terminated"];
export const agreementDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDto"]["kind"]> = ["cooperation", "three_party", "social_space_contract"];
export const agreementDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDto"]["status"]> = ["draft", "in_approval", "approved", "active", "expired", "terminated"];
export const pendingDecisionDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PendingDecisionDto"]["kind"]> = ["cooperation", "three_party", "social_space_contract"];
export const agreementMetaDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementMetaDto"]["kind"]> = ["cooperation", "three_party", "social_space_contract"];
export const agreementVersionDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementVersionDto"]["status"]> = ["draft", "in_approval", "rejected", "approved", "superseded", "discarded", "withdrawn"];
export const decisionDtoDecisionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DecisionDto"]["decision"]> = ["approve", "reject"];
export const decisionOutcomeDtoDecisionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DecisionOutcomeDto"]["decision"]> = ["approve", "reject"];
export const decisionOutcomeDtoStageStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DecisionOutcomeDto"]["stageStatus"]> = ["pending", "active", "passed", "rejected", "withdrawn"];
export const decisionOutcomeDtoAgreementStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DecisionOutcomeDto"]["agreementStatus"]> = ["draft", "in_approval", "approved", "active", "expired", "terminated"];
export const agreementDecisionRecordDtoDecisionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgreementDecisionRecordDto"]["decision"]> = ["approve", "reject"];
export const indicatorDtoDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorDto"]["direction"]> = ["need", "resource"];
export const indicatorDtoLevelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorDto"]["level"]> = ["social_space", "municipality"];
export const createIndicatorDtoDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateIndicatorDto"]["direction"]> = ["need", "resource"];
export const createIndicatorDtoLevelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateIndicatorDto"]["level"]> = ["social_space", "municipality"];
export const indicatorFieldsDtoDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorFieldsDto"]["direction"]> = ["need", "resource"];
export const indicatorFieldsDtoLevelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IndicatorFieldsDto"]["level"]> = ["social_space", "municipality"];
export const profileIndicatorDtoDirectionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProfileIndicatorDto"]["direction"]> = ["need", "resource"];
export const profileIndicatorDtoLevelValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProfileIndicatorDto"]["level"]> = ["social_space", "municipality"];
export const boundaryGeometryDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BoundaryGeometryDto"]["type"]> = ["Polygon", "MultiPolygon"];
export const boundaryGeometryInputDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BoundaryGeometryInputDto"]["type"]> = ["Polygon", "MultiPolygon"];
export const jhaScopeDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhaScopeDto"]["kind"]> = ["district", "planning_region"];
export const auditEventDtoOutcomeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AuditEventDto"]["outcome"]> = ["allowed", "denied", "failed"];
export const caseRetentionRuleDtoDefinitionKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseRetentionRuleDto"]["definitionKey"]> = ["fallteam-consultation", "jugendhilfedienst-case"];
export const familyMemberDtoRelationValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["FamilyMemberDto"]["relation"]> = ["Mutter", "Vater", "Kind", "Geschwister", "Gro\u00DFmutter", "Gro\u00DFvater", "Stiefmutter", "Stiefvater", "Pflegemutter", "Pflegevater", "Tante", "Onkel", "Vormund", "andere"];
export const consentRecordDtoFormValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsentRecordDto"]["form"]> = ["written", "oral_documented", "electronic"];
export const caseFileConsultationDtoPhaseValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseFileConsultationDto"]["phase"]> = ["requested", "scheduled", "outcome_recorded", "closed", "cancelled"];
export const caseHistoryEntryDtoActionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseHistoryEntryDto"]["action"]> = ["create", "update", "close", "reopen", "packet-release"];
export const consultationStepDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsultationStepDto"]["status"]> = ["pending", "active", "completed"];
export const caseFileDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseFileDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const caseFileDtoAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseFileDto"]["access"]> = ["team", "substitute", "break-glass", "lead"];
export const caseFileDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseFileDto"]["status"]> = ["open", "closed"];
export const caseFileDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseFileDto"]["kind"]> = ["fallteam", "jugendhilfedienst"];
export const updateCaseDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdateCaseDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const caseDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const caseDtoAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseDto"]["access"]> = ["team", "substitute", "break-glass", "lead"];
export const caseDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseDto"]["status"]> = ["open", "closed"];
export const consultationPacketDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsultationPacketDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const consultationPacketDtoAgeBandsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsultationPacketDto"]["ageBands"]> = ["0-2", "3-5", "6-9", "10-13", "14-17", "18-26", "27+", "unknown"];
export const packetWarningDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PacketWarningDto"]["kind"]> = ["name", "birth-date"];
export const packetWarningDtoCodeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PacketWarningDto"]["code"]> = ["packet.name", "packet.birth-date"];
export const createCaseDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateCaseDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const participantDtoRoleValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ParticipantDto"]["role"]> = ["professional", "adviser", "family", "other"];
export const consultationDtoPhaseValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsultationDto"]["phase"]> = ["requested", "scheduled", "outcome_recorded", "closed", "cancelled"];
export const caseIntakeDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseIntakeDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const caseIntakeDtoAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseIntakeDto"]["access"]> = ["team", "substitute", "break-glass", "lead"];
export const caseIntakeDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseIntakeDto"]["status"]> = ["open", "closed"];
export const caseSummaryDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseSummaryDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const caseSummaryDtoAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseSummaryDto"]["access"]> = ["team", "substitute", "break-glass", "lead"];
export const consentDtoFormValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ConsentDto"]["form"]> = ["written", "oral_documented", "electronic"];
export const createNoteDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateNoteDto"]["kind"]> = ["conversation", "phone_call", "home_visit", "memo"];
export const caseNoteDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CaseNoteDto"]["kind"]> = ["conversation", "phone_call", "home_visit", "memo"];
export const contractPartnerDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ContractPartnerDto"]["kind"]> = ["municipality", "free_provider"];
export const partnerDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PartnerDto"]["kind"]> = ["municipality", "free_provider"];
export const phaseDeadlineDtoProcessStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PhaseDeadlineDto"]["processStatus"]> = ["running", "paused"];
export const phaseDeadlineDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PhaseDeadlineDto"]["status"]> = ["overdue", "due_soon", "on_track", "paused"];
export const definitionSummaryDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DefinitionSummaryDto"]["key"]> = ["sozialraum-development", "fallteam-consultation", "partner-interview-cycle", "cooperation-agreement", "jugendhilfedienst-case"];
export const definitionVersionDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DefinitionVersionDto"]["key"]> = ["sozialraum-development", "fallteam-consultation", "partner-interview-cycle", "cooperation-agreement", "jugendhilfedienst-case"];
export const definitionVersionDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DefinitionVersionDto"]["status"]> = ["draft", "published", "retired"];
export const definitionDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DefinitionDto"]["key"]> = ["sozialraum-development", "fallteam-consultation", "partner-interview-cycle", "cooperation-agreement", "jugendhilfedienst-case"];
export const definitionDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["DefinitionDto"]["status"]> = ["draft", "published", "retired"];
export const specStepDiffDtoChangeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SpecStepDiffDto"]["change"]> = ["added", "removed", "changed", "unchanged"];
export const migrationPreviewDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MigrationPreviewDto"]["key"]> = ["sozialraum-development", "fallteam-consultation", "partner-interview-cycle", "cooperation-agreement", "jugendhilfedienst-case"];
export const migrationPreviewDtoToStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MigrationPreviewDto"]["toStatus"]> = ["draft", "published", "retired"];
export const migrationOutcomeDtoKeyValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MigrationOutcomeDto"]["key"]> = ["sozialraum-development", "fallteam-consultation", "partner-interview-cycle", "cooperation-agreement", "jugendhilfedienst-case"];
export const committeeDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommitteeDto"]["kind"]> = ["sozialraumkonferenz", "regionalteam", "fallteam", "jugendhilfeausschuss"];
export const createCommitteeDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateCommitteeDto"]["kind"]> = ["sozialraumkonferenz", "regionalteam", "fallteam", "jugendhilfeausschuss"];
export const committeeMemberDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommitteeMemberDto"]["kind"]> = ["user", "external", "contract_partner"];
export const meetingSummaryDtoMinutesStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeetingSummaryDto"]["minutesStatus"]> = ["draft", "submitted", "approved"];
export const committeeDetailDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CommitteeDetailDto"]["kind"]> = ["sozialraumkonferenz", "regionalteam", "fallteam", "jugendhilfeausschuss"];
export const addMemberDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AddMemberDto"]["kind"]> = ["user", "external", "contract_partner"];
export const agendaItemInputDtoRefKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgendaItemInputDto"]["refKind"]> = ["process", "measure", "agreement", "interview_report"];
export const meetingCommitteeDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MeetingCommitteeDto"]["kind"]> = ["sozialraumkonferenz", "regionalteam", "fallteam", "jugendhilfeausschuss"];
export const agendaRefDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AgendaRefDto"]["kind"]> = ["process", "measure", "agreement", "interview_report"];
export const attendanceEntryResponseDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AttendanceEntryResponseDto"]["status"]> = ["present", "excused", "absent"];
export const minutesDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MinutesDto"]["status"]> = ["draft", "submitted", "approved"];
export const previousMeetingDtoMinutesStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PreviousMeetingDto"]["minutesStatus"]> = ["draft", "submitted", "approved"];
export const processMeetingDtoMinutesStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ProcessMeetingDto"]["minutesStatus"]> = ["draft", "submitted", "approved"];
export const attendanceEntryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AttendanceEntryDto"]["status"]> = ["present", "excused", "absent"];
export const reportCycleDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReportCycleDto"]["status"]> = ["running", "completed"];
export const questionReportDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["QuestionReportDto"]["type"]> = ["scale", "yes_no", "single_choice", "multiple_choice", "free_text"];
export const reportPerspectiveDtoPerspectiveValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReportPerspectiveDto"]["perspective"]> = ["children_youth", "parents", "professionals", "community"];
export const budgetAllocationDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["BudgetAllocationDto"]["kind"]> = ["measure", "initiative"];
export const interviewCycleDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InterviewCycleDto"]["status"]> = ["running", "completed"];
export const assignedInterviewDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AssignedInterviewDto"]["status"]> = ["open", "planned", "overdue", "done", "withdrawn", "failed"];
export const partnerInterviewDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["PartnerInterviewDto"]["status"]> = ["open", "planned", "overdue", "done", "withdrawn", "failed"];
export const cycleEntryDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CycleEntryDto"]["status"]> = ["open", "planned", "overdue", "done", "withdrawn", "failed"];
export const interviewDetailDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["InterviewDetailDto"]["status"]> = ["open", "planned", "overdue", "done", "withdrawn", "failed"];
export const updatedInterviewDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UpdatedInterviewDto"]["status"]> = ["open", "planned", "overdue", "done", "withdrawn", "failed"];
export const intakeDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["IntakeDto"]["source"]> = ["police_court", "school", "kita", "health_service", "social_services", "relatives", "neighbours", "parents", "child_self", "anonymous", "other"];
export const jhdClassificationDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdClassificationDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const jhdStepDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdStepDto"]["status"]> = ["pending", "active", "completed"];
export const jhdRiskAssessmentDtoResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdRiskAssessmentDto"]["result"]> = ["acute", "latent", "help_needed", "none"];
export const jhdRiskAssessmentDtoDangerKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdRiskAssessmentDto"]["dangerKinds"]> = ["neglect", "physical_abuse", "psychological_abuse", "sexual_violence"];
export const jhdRiskAssessmentDtoExistingHelpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdRiskAssessmentDto"]["existingHelp"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const jhdRiskAssessmentDtoNewHelpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdRiskAssessmentDto"]["newHelp"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const jhdImmediateProtectionDtoMeasureValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdImmediateProtectionDto"]["measure"]> = ["protective_custody", "family_court", "other"];
export const jhdFallteamDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdFallteamDto"]["status"]> = ["running", "outcome_recorded", "cancelled", "failed"];
export const jhdHelpPlanDtoHelpKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdHelpPlanDto"]["helpKinds"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const jhdCaseResponseDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseResponseDto"]["source"]> = ["police_court", "school", "kita", "health_service", "social_services", "relatives", "neighbours", "parents", "child_self", "anonymous", "other"];
export const jhdCaseResponseDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseResponseDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const jhdCaseResponseDtoPhaseValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseResponseDto"]["phase"]> = ["classification", "risk_assessment", "immediate_protection", "fallteam", "help_plan", "help", "closure", "closed"];
export const jhdCaseSummaryDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseSummaryDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const jhdCaseSummaryDtoSourceValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseSummaryDto"]["source"]> = ["police_court", "school", "kita", "health_service", "social_services", "relatives", "neighbours", "parents", "child_self", "anonymous", "other"];
export const jhdCaseSummaryDtoPhaseValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseSummaryDto"]["phase"]> = ["classification", "risk_assessment", "immediate_protection", "fallteam", "help_plan", "help", "closure", "closed"];
export const jhdCaseSummaryDtoAccessValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["JhdCaseSummaryDto"]["access"]> = ["team", "substitute", "break-glass", "lead"];
export const classifyDtoZoneValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ClassifyDto"]["zone"]> = ["service", "unclear", "endangerment"];
export const riskAssessmentDtoResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentDto"]["result"]> = ["acute", "latent", "help_needed", "none"];
export const riskAssessmentDtoDangerKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentDto"]["dangerKinds"]> = ["neglect", "physical_abuse", "psychological_abuse", "sexual_violence"];
export const riskAssessmentDtoChildSexValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentDto"]["childSex"]> = ["female", "male", "diverse", "unknown"];
export const riskAssessmentDtoExistingHelpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentDto"]["existingHelp"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const riskAssessmentDtoNewHelpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentDto"]["newHelp"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const immediateProtectionDtoMeasureValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ImmediateProtectionDto"]["measure"]> = ["protective_custody", "family_court", "other"];
export const helpPlanDtoHelpKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["HelpPlanDto"]["helpKinds"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const riskAssessmentSummaryResponseDtoDimensionValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentSummaryResponseDto"]["dimension"]> = ["result", "ageGroup", "sex", "reportedBy"];
export const riskAssessmentStatisticDtoAgeGroupValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["ageGroup"]> = ["0-2", "3-5", "6-8", "9-11", "12-13", "14-15", "16-17", "18+", "unknown"];
export const riskAssessmentStatisticDtoSexValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["sex"]> = ["female", "male", "diverse", "unknown"];
export const riskAssessmentStatisticDtoResultValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["result"]> = ["acute", "latent", "help_needed", "none"];
export const riskAssessmentStatisticDtoDangerKindsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["dangerKinds"]> = ["neglect", "physical_abuse", "psychological_abuse", "sexual_violence"];
export const riskAssessmentStatisticDtoReportedByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["reportedBy"]> = ["police_court", "school", "kita", "health_service", "social_services", "relatives", "neighbours", "parents", "child_self", "anonymous", "other"];
export const riskAssessmentStatisticDtoExistingHelpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["existingHelp"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const riskAssessmentStatisticDtoNewHelpValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["RiskAssessmentStatisticDto"]["newHelp"]> = ["family_support", "educational_assistance", "integration_assistance", "protective_custody", "other"];
export const timeEntryDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TimeEntryDto"]["kind"]> = ["case", "preventive", "other"];
export const timeEntryResponseDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TimeEntryResponseDto"]["kind"]> = ["case", "preventive", "other"];
export const timeReportResponseDtoGroupByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TimeReportResponseDto"]["groupBy"]> = ["person", "team", "social_space"];
export const currentUserDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CurrentUserDto"]["roles"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
export const taskSubjectDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskSubjectDto"]["type"]> = ["case", "sozialraum-process", "contract-partner", "cooperation-agreement", "meeting"];
export const taskDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TaskDto"]["kind"]> = ["consultation_schedule", "consultation_invite", "consultation_release", "consultation_recommend", "consultation_outcome", "jhd_classification", "jhd_risk_assessment", "jhd_immediate_protection", "jhd_help_plan", "jhd_help_plan_review", "case_follow_up", "sozialraum_phase", "interview_plan", "interview_conduct", "agreement_decision", "meeting_task"];
export const reminderRecipientDtoTypeValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReminderRecipientDto"]["type"]> = ["user", "role"];
export const reminderDtoChannelsValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReminderDto"]["channels"]> = ["in_app", "email"];
export const reminderDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ReminderDto"]["status"]> = ["scheduled", "sent", "cancelled", "failed", "late"];
export const municipalityDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MunicipalityDto"]["kind"]> = ["stadt", "gemeinde"];
export const memberDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["MemberDto"]["kind"]> = ["user", "contract_partner", "municipality"];
export const sozialraumPhaseDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SozialraumPhaseDto"]["status"]> = ["pending", "active", "completed"];
export const sozialraumProcessDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SozialraumProcessDto"]["status"]> = ["running", "paused", "completed", "cancelled"];
export const sozialraumMemberDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SozialraumMemberDto"]["kind"]> = ["user", "contract_partner", "municipality"];
export const sozialraumStateDtoStatusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["SozialraumStateDto"]["status"]> = ["running", "paused", "completed", "cancelled"];
export const allocationDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["AllocationDto"]["kind"]> = ["measure", "initiative"];
export const staffUserDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StaffUserDto"]["roles"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
export const staffUserDtoProvisionedByValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["StaffUserDto"]["provisionedBy"]> = ["seed", "admin", "jit"];
export const createUserDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["CreateUserDto"]["roles"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
export const userBodyDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["UserBodyDto"]["roles"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
export const openCaseDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["OpenCaseDto"]["kind"]> = ["fallteam", "jugendhilfedienst"];
export const teamDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TeamDto"]["kind"]> = ["asd_team", "regional_team"];
export const teamDetailDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TeamDetailDto"]["kind"]> = ["asd_team", "regional_team"];
export const teamBodyDtoKindValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["TeamBodyDto"]["kind"]> = ["asd_team", "regional_team"];
export const colleagueDtoRolesValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["ColleagueDto"]["roles"]> = ["caseworker", "lead", "coordinator", "admin", "adviser", "approver", "statistics"];
