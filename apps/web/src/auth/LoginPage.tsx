import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { client, unwrap } from '../api';
import { AuthConfig, beginOidcLogin, completeOidcLogin, startSession, takeNotice } from './auth';
import { ROLE_LABELS } from './session';
import { ErrorBox, Loaded, toApiError, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

export function LoginPage({ returnTo }: { returnTo: string }) {
  const config = useLoad(() => unwrap(client.GET('/auth/config')), []);
  const [notice] = useState(takeNotice);
  return (
    <main id="main" className="container narrow">
      <PageTitle>Anmeldung</PageTitle>
      <p>SRO Engine – Fallsteuerung und Sozialraumentwicklung im Jugendamt.</p>
      {notice && (
        <div className="alert" role="status">
          {notice}
        </div>
      )}
      <Loaded state={config}>
        {(c) => (c.mode === 'dev' ? <DevLogin returnTo={returnTo} /> : <OidcLogin config={c} returnTo={returnTo} />)}
      </Loaded>
    </main>
  );
}

function DevLogin({ returnTo }: { returnTo: string }) {
  const users = useLoad(() => unwrap(client.GET('/auth/dev-users')), []);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const navigate = useNavigate();
  const signIn = async (userId: string) => {
    try {
      const { accessToken, expiresIn } = await unwrap(client.POST('/auth/dev-token', { body: { userId } }));
      void navigate(returnTo, { replace: true });
      startSession(accessToken, expiresIn);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <section aria-labelledby="dev-login">
      <h2 id="dev-login">Demo-Zugang (Entwicklungsmodus)</h2>
      <p>Wählen Sie eine Demo-Person. Im Betrieb meldet man sich über den Anmeldedienst der Verwaltung an.</p>
      {error && <ErrorBox error={error} />}
      <Loaded state={users}>
        {({ items }) => (
          <ul className="user-list">
            {items.map((u) => (
              <li key={u.id}>
                <button type="button" onClick={() => signIn(u.id)}>
                  Anmelden als {u.displayName}
                </button>{' '}
                <span className="muted">{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

function OidcLogin({ config, returnTo }: { config: AuthConfig; returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <button type="button" onClick={() => beginOidcLogin(config, returnTo).catch((e: Error) => setError(e.message))}>
        Anmelden über den Anmeldedienst
      </button>
      <p className="muted">Anmeldedienst: {config.issuer}</p>
    </section>
  );
}

export function LoginCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    completeOidcLogin(location.search).then(
      (to) => navigate(to, { replace: true }),
      (e: Error) => setError(e.message),
    );
  }, [navigate]);
  return (
    <main id="main" className="container narrow">
      <PageTitle>Anmeldung</PageTitle>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error} <a href="/anmeldung">Erneut anmelden</a>
        </div>
      ) : (
        <p role="status">Anmeldung wird abgeschlossen …</p>
      )}
    </main>
  );
}
