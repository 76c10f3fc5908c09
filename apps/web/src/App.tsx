import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { client, unwrap } from './api';
import { currentToken, onSessionChange, scheduleRenewal, signOut } from './auth/auth';
import { hasRole, Me, MeContext, Role, ROLE_LABELS } from './auth/session';
import { ErrorBox, toApiError } from './shared/ui';
import { LoginCallbackPage, LoginPage } from './auth/LoginPage';
import { BoardPage, ProcessPage } from './sozialraum/SozialraumPages';
import { InterviewsPage } from './interviews/InterviewsPage';
import { InterviewPage } from './interviews/InterviewPage';
import { ReportPage } from './interviews/ReportPage';
import { NewPartnerPage, PartnerPage, PartnersPage } from './partners/PartnersPages';
import { AgreementPage, AgreementsPage, NewAgreementPage } from './agreements/AgreementsPage';
import { PendingDecisionsPage } from './agreements/DecisionsPage';
import { NewCasePage } from './cases/CasePages';
import { CasesPage } from './cases/CaseListPage';
import { CaseFilePage } from './cases/CaseFilePage';
import { DecisionPage } from './agreements/DecisionPage';
import { FollowUpsPage } from './cases/FollowUpsPage';
import { AdviserConsultationsPage, PacketPage } from './fallteam/AdviserPages';
import { ConsultationPage, FallteamOverviewPage } from './fallteam/ConsultationPages';
import { IntakePage, JugendhilfedienstCasePage, JugendhilfedienstListPage } from './jugendhilfedienst/JugendhilfedienstPages';
import { TimeEntriesPage } from './jugendhilfedienst/TimeEntriesPage';
import { AuditPage, DefinitionPage, DefinitionsPage, DraftEditorPage } from './admin/DefinitionPages';
import { TeamsPage, UserPage, UsersPage } from './admin/StaffPages';
import { FailedRemindersPage, RetentionPage, StatisticsPage } from './admin/OperationsPages';
import { InboxPage } from './tasks/InboxPage';
import { TasksPage } from './tasks/TasksPage';
import { PageTitle } from './shared/Page';
import { clearDrafts } from './shared/drafts';
import { CommitteePage, CommitteesPage, MeetingPage, ProviderNetworkPage, ProviderNetworksPage } from './gremien';
import { SOZIALRAUM_NAV, sozialraumRoutes } from './sozialraum/routes';

const NAV: Array<{ to: string; label: string; roles: Role[] }> = [
  { to: '/aufgaben', label: 'Meine Aufgaben', roles: Object.keys(ROLE_LABELS) as Role[] },
  { to: '/fristen', label: 'Phasenfristen', roles: ['coordinator', 'admin'] },
  { to: '/interviews', label: 'Partnerinterviews', roles: ['coordinator'] },
  { to: '/vereinbarungen', label: 'Vereinbarungen', roles: ['coordinator'] },
  { to: '/gremien', label: 'Gremien', roles: ['coordinator', 'lead', 'caseworker'] },
  { to: '/traegerverbuende', label: 'Trägerverbünde', roles: ['coordinator', 'lead', 'caseworker'] },
  ...SOZIALRAUM_NAV,
  { to: '/vertragspartner', label: 'Vertragspartner', roles: ['coordinator'] },
  { to: '/faelle', label: 'Meine Fälle', roles: ['caseworker'] },
  { to: '/faelle/neu', label: 'Fall anlegen', roles: ['caseworker'] },
  { to: '/wiedervorlagen', label: 'Wiedervorlagen', roles: ['caseworker'] },
  { to: '/fallteam', label: 'Fallteam', roles: ['caseworker'] },
  { to: '/jugendhilfedienst', label: 'Jugendhilfedienst', roles: ['caseworker'] },
  { to: '/zeiterfassung', label: 'Zeiterfassung', roles: ['caseworker'] },
  { to: '/beratungen', label: 'Meine Beratungen', roles: ['adviser'] },
  { to: '/entscheidungen', label: 'Entscheidungen', roles: ['approver'] },
  { to: '/definitionen', label: 'Definitionen', roles: ['admin'] },
  { to: '/benutzer', label: 'Benutzer', roles: ['admin'] },
  { to: '/teams', label: 'Teams', roles: ['admin'] },
  { to: '/erinnerungen', label: 'Erinnerungen', roles: ['admin'] },
  { to: '/loeschfristen', label: 'Löschfristen', roles: ['admin'] },
  { to: '/statistik', label: '§ 8a-Statistik', roles: ['admin'] },
  { to: '/audit', label: 'Audit-Log', roles: ['admin'] },
  { to: '/posteingang', label: 'Posteingang', roles: ['caseworker', 'coordinator', 'admin', 'adviser', 'approver'] },
];

/** After sign-in everyone starts on their tasks ("Meine Aufgaben"). */
function homeOf(_me: Me): string {
  return '/aufgaben';
}

/** Moves focus to the main heading after navigation, so screen readers announce the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);
}

export function App() {
  const [token, setToken] = useState(currentToken());
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const location = useLocation();
  useFocusOnNavigate();

  useEffect(() => onSessionChange(() => setToken(currentToken())), []);
  // After a reload the session comes from sessionStorage: its renewal has to be armed again.
  useEffect(() => scheduleRenewal(), []);
  useEffect(() => {
    setMe(null);
    setError(null);
    if (token) unwrap(client.GET('/me')).then(setMe, (e: unknown) => setError(toApiError(e)));
  }, [token]);

  if (location.pathname.startsWith('/anmeldung/rueckkehr')) return <LoginCallbackPage />;
  if (!token) return <LoginPage returnTo={location.pathname === '/anmeldung' ? '/' : location.pathname + location.search} />;
  if (error)
    return (
      <main className="container">
        <PageTitle>Anmeldung fehlgeschlagen</PageTitle>
        <ErrorBox error={error} />
      </main>
    );
  if (!me)
    return (
      <p role="status" className="container">
        Wird geladen …
      </p>
    );

  return (
    <MeContext.Provider value={me}>
      <a className="skip-link" href="#main">
        Zum Inhalt springen
      </a>
      <header className="top">
        <div className="container top-row">
          <Link to="/" className="brand">
            SRO Engine
          </Link>
          <span className="who">
            {me.displayName} · {me.roles.map((r) => ROLE_LABELS[r]).join(', ')}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clearDrafts();
              signOut();
            }}
          >
            Abmelden
          </button>
        </div>
        <nav aria-label="Hauptnavigation" className="container">
          <ul className="nav">
            {NAV.filter((n) => hasRole(me, ...n.roles)).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end>
                  {n.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="container">
        <Routes>
          <Route path="/" element={<Navigate to={homeOf(me)} replace />} />
          <Route path="/anmeldung" element={<Navigate to={homeOf(me)} replace />} />
          <Route path="/aufgaben" element={<TasksPage />} />
          <Route path="/fristen" element={<BoardPage />} />
          <Route path="/prozesse/:id" element={<ProcessPage />} />
          <Route path="/interviews" element={<InterviewsPage />} />
          <Route path="/vereinbarungen" element={<AgreementsPage />} />
          <Route path="/vereinbarungen/neu" element={<NewAgreementPage />} />
          <Route
            path="/vereinbarungen/:id"
            element={
              hasRole(me, 'coordinator') ? (
                <AgreementPage />
              ) : hasRole(me, 'approver') ? (
                <DecisionPage />
              ) : (
                <Navigate to="/vereinbarungen" replace />
              )
            }
          />
          <Route path="/interviews/:cycleId/bericht" element={<ReportPage />} />
          <Route path="/vertragspartner" element={<PartnersPage />} />
          <Route path="/vertragspartner/neu" element={<NewPartnerPage />} />
          <Route path="/vertragspartner/:id" element={<PartnerPage />} />
          <Route path="/interviews/:cycleId/:partnerId" element={<InterviewPage />} />
          <Route path="/gremien" element={<CommitteesPage />} />
          <Route path="/gremien/:id" element={<CommitteePage />} />
          <Route path="/gremien/sitzungen/:id" element={<MeetingPage />} />
          <Route path="/traegerverbuende" element={<ProviderNetworksPage />} />
          <Route path="/traegerverbuende/:id" element={<ProviderNetworkPage />} />
          <Route path="/faelle" element={<CasesPage />} />
          <Route path="/faelle/neu" element={<NewCasePage />} />
          <Route path="/faelle/:id/*" element={<CaseFilePage />} />
          <Route path="/faelle/:id/jugendhilfedienst" element={<JugendhilfedienstCasePage />} />
          <Route path="/jugendhilfedienst" element={<JugendhilfedienstListPage />} />
          <Route path="/jugendhilfedienst/neu" element={<IntakePage />} />
          <Route path="/zeiterfassung" element={<TimeEntriesPage />} />
          <Route path="/fallteam" element={<FallteamOverviewPage />} />
          <Route path="/wiedervorlagen" element={<FollowUpsPage />} />
          <Route path="/posteingang" element={<InboxPage />} />
          <Route path="/beratungen" element={<AdviserConsultationsPage />} />
          <Route path="/beratungen/:id" element={hasRole(me, 'adviser') ? <PacketPage /> : <ConsultationPage />} />
          <Route path="/entscheidungen" element={<PendingDecisionsPage />} />
          <Route path="/entscheidungen/:id" element={<DecisionPage />} />
          <Route path="/definitionen" element={<DefinitionsPage />} />
          <Route path="/definitionen/:key" element={<DefinitionPage />} />
          <Route path="/definitionen/:key/versionen/:version" element={<DraftEditorPage />} />
          <Route path="/audit" element={<AuditPage />} />
          {sozialraumRoutes}
          <Route path="/benutzer" element={<UsersPage />} />
          <Route path="/benutzer/:id" element={<UserPage />} />
          <Route path="/teams" element={<TeamsPage />} />
          <Route path="/erinnerungen" element={<FailedRemindersPage />} />
          <Route path="/loeschfristen" element={<RetentionPage />} />
          <Route path="/statistik" element={<StatisticsPage />} />
          <Route
            path="*"
            element={
              <>
                <PageTitle>Seite nicht gefunden</PageTitle>
                <p>
                  Diese Adresse gibt es nicht. <Link to="/">Zur Startseite</Link>
                </p>
              </>
            }
          />
        </Routes>
      </main>
    </MeContext.Provider>
  );
}
