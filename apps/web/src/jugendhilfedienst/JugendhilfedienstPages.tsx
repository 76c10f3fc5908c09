// The standardised Jugendhilfedienst process for the caseworkers of a case: intake, classification,
// § 8a risk assessment, immediate protection, help plan (§ 36) and its reviews, closure and legal hold.
// Each step shows its deadline; tasks ("Meine Aufgaben") link to the section that completes it.
import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import {
  CheckboxGroup,
  DeadlineBadge,
  ErrorBox,
  fieldDomId,
  formatDate,
  FormErrors,
  Loaded,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { DateField, DateTimeField, DurationField, RadioGroup, RepeatableRows } from '../shared/forms';
import { germanDuration, isoDateOf, isoDateTimeOf, parseGermanDate } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { useDraft } from '../shared/drafts';
import { DraftNotice } from '../shared/DraftNotice';
import { ZONES, zoneLabel } from '../shared/labels';
import { usePlanningRegions } from '../shared/reference';
import { formatWhen, StepList } from '../fallteam/steps';
import { addDuration } from './dates';
import { HelpPlanCard } from './HelpPlans';
import { CASE_SOURCES, DANGER_KINDS, HELP_KINDS, JHD_PHASES, labelOf, PROTECTION_MEASURES, RISK_RESULTS, SEXES, YES_NO } from './labels';

type JhdCase = Schemas['JhdCaseResponseDto'];
type RiskBody = Schemas['RiskAssessmentDto'];
type HelpPlanBody = Schemas['HelpPlanDto'];

const FALLTEAM_STATUS: Record<string, string> = {
  running: 'läuft',
  outcome_recorded: 'Ergebnis dokumentiert',
  cancelled: 'abgesagt',
  failed: 'gescheitert',
};

const today = () =>
  new Date().toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** A call that changes the case: its problems at the fields, the case reloaded after success. */
function useSubmit(onDone: () => void) {
  const problems = useProblems();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    try {
      await work();
      problems.setError(null);
      after?.();
      onDone();
    } catch (err) {
      problems.setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return { ...problems, busy, run };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titel`} id={id} tabIndex={-1}>
      <h2 id={`${id}-titel`}>{title}</h2>
      {children}
    </section>
  );
}

/** The caseworkers' list of Jugendhilfedienst cases, with the current step and its deadline. */
export function JugendhilfedienstListPage() {
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => unwrap(client.GET('/jugendhilfedienst-cases', { params: { query: { limit: 50, offset } } })), [offset]);
  return (
    <>
      <PageTitle>Jugendhilfedienst</PageTitle>
      <p>
        <Link to="/jugendhilfedienst/neu" className="button">
          Meldung aufnehmen
        </Link>{' '}
        <Link to="/zeiterfassung">Zeiterfassung</Link>
      </p>
      {list.error && <ErrorBox error={list.error} />}
      <DataTable
        caption="Fälle des Jugendhilfedienstes"
        rows={list.data?.items}
        loading={list.loading}
        rowKey={(c) => c.id}
        empty="Es gibt keine Fälle des Jugendhilfedienstes."
        columns={[
          {
            key: 'pseudonym',
            header: 'Pseudonym',
            render: (c) => (c.access ? <Link to={`/faelle/${c.id}/jugendhilfedienst`}>{c.pseudonym}</Link> : c.pseudonym),
            sortValue: (c) => c.pseudonym,
          },
          { key: 'phase', header: 'Phase', render: (c) => (c.phase ? JHD_PHASES[c.phase] : '–'), sortValue: (c) => c.phase },
          { key: 'zone', header: 'Bereich', render: (c) => (c.access ? zoneLabel(c.zone) : '–') },
          {
            key: 'due',
            header: 'Frist',
            render: (c) => (c.currentDueAt ? formatDate(c.currentDueAt) : '–'),
            sortValue: (c) => c.currentDueAt,
          },
          {
            key: 'responsible',
            header: 'Zuständig',
            render: (c) => (c.access ? 'Sie / Ihr Team' : `nur gelistet, zuständig: ${c.responsibleCaseworkerId}`),
          },
        ]}
        paging={list.data ? { total: list.data.total, limit: list.data.limit, offset: list.data.offset, onChange: setOffset } : undefined}
      />
    </>
  );
}

const EMPTY_INTAKE = {
  socialSpaceId: '',
  source: '',
  anonymous: false,
  reported: { date: '', time: '' },
  report: '',
  reporterName: '',
  reporterContact: '',
  familyName: '',
  givenNames: '',
  birthDates: [] as string[],
  address: '',
  will: '',
};

/** Intake of a report (Meldung), anonymous ones included; opens the case and its process. */
export function IntakePage() {
  const me = useMe();
  const navigate = useNavigate();
  const regions = usePlanningRegions();
  const draft = useDraft(me.sub, 'jhd-meldung', EMPTY_INTAKE);
  const form = draft.value;
  const { error, setError, at, only } = useProblems();
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof typeof EMPTY_INTAKE>(key: K) =>
    (value: (typeof EMPTY_INTAKE)[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces).filter((s) => me.socialSpaceIds.includes(s.id));
  const anonymous = form.anonymous || form.source === 'anonymous';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const given = form.givenNames
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const created = await unwrap(
        client.POST('/jugendhilfedienst-cases', {
          body: {
            socialSpaceId: form.socialSpaceId,
            source: (form.source || undefined) as Schemas['IntakeDto']['source'],
            anonymous,
            ...(form.reported.date.trim() ? { reportedAt: isoDateTimeOf(form.reported.date, form.reported.time || '00:00') } : {}),
            report: form.report,
            ...(!anonymous && form.reporterName.trim()
              ? { reporter: { name: form.reporterName, ...(form.reporterContact.trim() ? { contact: form.reporterContact } : {}) } }
              : {}),
            personal: {
              ...(form.familyName.trim() ? { familyName: form.familyName } : {}),
              ...(given.length ? { givenNames: given } : {}),
              birthDates: form.birthDates.filter((d) => d.trim()).map(isoDateOf),
              ...(form.address.trim() ? { address: form.address } : {}),
            },
            ...(form.will.trim() ? { will: form.will } : {}),
          },
        }),
      );
      draft.clear();
      void navigate(`/faelle/${created.id}/jugendhilfedienst`);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Meldung aufnehmen</PageTitle>
      <p>Mit der Meldung beginnt der Jugendhilfedienst-Prozess; die Einordnung ist danach fristgebunden.</p>
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(EMPTY_INTAKE)} />
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <SelectField
          label="Sozialraum"
          pointer="/socialSpaceId"
          value={form.socialSpaceId}
          onChange={set('socialSpaceId')}
          placeholder="Bitte wählen"
          options={spaces.map((s) => ({ value: s.id, label: s.name }))}
          errors={at('/socialSpaceId')}
          required
        />
        <SelectField
          label="Bekannt geworden durch"
          pointer="/source"
          value={form.source}
          onChange={set('source')}
          placeholder="Bitte wählen"
          options={CASE_SOURCES}
          errors={at('/source')}
          required
        />
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={(e) => set('anonymous')(e.target.checked)} /> Die meldende Person bleibt
          anonym
        </label>
        <DateTimeField
          label="Eingang der Meldung"
          pointer="/reportedAt"
          hint="Leer lassen für jetzt. Datum als TT.MM.JJJJ, Uhrzeit als SS:MM."
          value={form.reported}
          onChange={set('reported')}
          errors={at('/reportedAt')}
        />
        <TextField
          label="Inhalt der Meldung"
          pointer="/report"
          multiline
          rows={5}
          value={form.report}
          onChange={set('report')}
          errors={at('/report')}
          required
        />
        {!anonymous && (
          <>
            <TextField
              label="Name der meldenden Person"
              pointer="/reporter/name"
              value={form.reporterName}
              onChange={set('reporterName')}
              errors={at('/reporter/name')}
            />
            <TextField
              label="Erreichbarkeit der meldenden Person"
              pointer="/reporter/contact"
              value={form.reporterContact}
              onChange={set('reporterContact')}
              errors={at('/reporter/contact')}
            />
          </>
        )}
        <fieldset>
          <legend>Was über die Familie bekannt ist</legend>
          <TextField
            label="Familienname"
            pointer="/personal/familyName"
            value={form.familyName}
            onChange={set('familyName')}
            errors={at('/personal/familyName')}
          />
          <TextField
            label="Vornamen"
            pointer="/personal/givenNames"
            hint="Mehrere durch Komma trennen."
            value={form.givenNames}
            onChange={set('givenNames')}
            errors={at('/personal/givenNames')}
          />
          <RepeatableRows
            legend="Geburtsdaten der Kinder"
            pointer="/personal/birthDates"
            rows={form.birthDates}
            onChange={set('birthDates')}
            newRow={() => ''}
            rowLegend={(_, i) => `Kind ${i + 1}`}
            addLabel="Kind hinzufügen"
            errors={only('/personal/birthDates')}
          >
            {(date, _u, i) => (
              <DateField
                label={`Geburtsdatum Kind ${i + 1}`}
                pointer={`/personal/birthDates/${i}`}
                value={date}
                onChange={(text) => set('birthDates')(form.birthDates.map((d, j) => (j === i ? text : d)))}
                errors={at(`/personal/birthDates/${i}`)}
              />
            )}
          </RepeatableRows>
          <TextField
            label="Anschrift"
            pointer="/personal/address"
            value={form.address}
            onChange={set('address')}
            errors={at('/personal/address')}
          />
          <TextField
            label="Wille der Familie (in ihren Worten)"
            pointer="/will"
            multiline
            value={form.will}
            onChange={set('will')}
            errors={at('/will')}
          />
        </fieldset>
        <SubmitButton busy={busy}>Meldung aufnehmen</SubmitButton>
      </form>
    </>
  );
}

/** The process of one case: its state and the form of each step. */
export function JugendhilfedienstCasePage() {
  const { id } = useParams();
  const location = useLocation();
  const state = useLoad(() => unwrap(client.GET('/jugendhilfedienst-cases/{id}', { params: { path: { id: id! } } })), [id]);
  const loaded = state.data !== undefined;
  const [open, setOpen] = useState<'close' | 'hold' | null>(null);
  // A task's link names the section of its step: bring it into view once the case is there.
  useEffect(() => {
    if (!loaded || !location.hash) return;
    const target = document.getElementById(location.hash.slice(1));
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [loaded, location.hash]);

  return (
    <Loaded state={state}>
      {(c) => {
        const helpRuns = !!c.helpPlan && (c.phase === 'help' || c.phase === 'help_plan');
        return (
          <>
            <PageTitle>{`Jugendhilfedienst ${c.pseudonym}`}</PageTitle>
            <p>
              <Link to={`/faelle/${c.id}`}>Zur Fallakte {c.pseudonym}</Link> · <Link to="/zeiterfassung">Zeit erfassen</Link>
            </p>
            <dl className="facts">
              <dt>Phase</dt>
              <dd>{JHD_PHASES[c.phase] ?? c.phase}</dd>
              <dt>Bereich</dt>
              <dd>{zoneLabel(c.zone)}</dd>
              <dt>Erwartete Dauer der Hilfe</dt>
              <dd>{c.expectedHelpDuration ? germanDuration(c.expectedHelpDuration) : '–'}</dd>
              <dt>Meldung</dt>
              <dd>
                {formatWhen(c.reportedAt)}
                {c.source ? `, ${labelOf(CASE_SOURCES, c.source)}` : ''}
                {c.anonymous ? ' (anonym)' : ''}
              </dd>
              {c.helpPlan && (
                <>
                  <dt>Nächste Überprüfung des Hilfeplans</dt>
                  <dd>
                    {formatDate(c.helpPlan.nextReviewAt)} {c.helpPlan.reviewOverdue && <DeadlineBadge status="overdue" />}
                  </dd>
                </>
              )}
              {c.fallteam && (
                <>
                  <dt>Fallteam-Beratung</dt>
                  <dd>
                    <Link to={`/beratungen/${c.fallteam.consultationId}`}>{FALLTEAM_STATUS[c.fallteam.status] ?? c.fallteam.status}</Link>
                  </dd>
                </>
              )}
              <dt>Sperrvermerk</dt>
              <dd>{c.legalHold ? 'gesetzt: die Akte wird nicht gelöscht' : 'keiner'}</dd>
              {c.deletionDate && (
                <>
                  <dt>Löschdatum</dt>
                  <dd>{formatDate(c.deletionDate)}</dd>
                </>
              )}
            </dl>
            {c.report && (
              <>
                <h2>Meldung</h2>
                <blockquote>{c.report.text}</blockquote>
              </>
            )}
            <h2>Schritte und Fristen</h2>
            <StepList steps={c.steps} label="Schritte des Jugendhilfedienstes" />

            {(c.phase === 'classification' || helpRuns) && (
              <Section id="einordnung" title={c.phase === 'classification' ? 'Fall einordnen' : 'Neu einordnen'}>
                <ClassifyForm jhd={c} reclassify={c.phase !== 'classification'} onDone={state.reload} />
              </Section>
            )}
            {(c.phase === 'risk_assessment' || c.phase === 'help') && (
              <Section id="einschaetzung" title={c.phase === 'help' ? 'Weitere § 8a-Einschätzung' : '§ 8a-Einschätzung'}>
                <RiskAssessmentForm jhd={c} onDone={state.reload} />
              </Section>
            )}
            {c.phase === 'immediate_protection' && (
              <Section id="sofortschutz" title="Sofortschutz veranlassen">
                <ImmediateProtectionForm jhd={c} onDone={state.reload} />
              </Section>
            )}
            {(c.phase === 'help_plan' || c.phase === 'help') && (
              <Section id="hilfeplan" title={c.helpPlan ? 'Hilfeplan fortschreiben' : 'Hilfeplan aufstellen'}>
                <HelpPlanForm jhd={c} onDone={state.reload} />
              </Section>
            )}
            {c.phase === 'help' && c.helpPlan && (
              <Section id="ueberpruefung" title="Hilfeplan überprüfen">
                <ReviewForm jhd={c} onDone={state.reload} />
              </Section>
            )}
            <History jhd={c} />
            {c.phase === 'immediate_protection' ? (
              <Section id="abschluss" title="Abschluss und Sperrvermerk">
                <p>Bei akuter Gefährdung ist zuerst der Sofortschutz zu dokumentieren; danach kann der Fall abgeschlossen werden.</p>
              </Section>
            ) : (
              // One of the two forms at a time: both name their reason `/reason`, and a field's id follows its pointer.
              <>
                {c.phase !== 'closed' && (
                  <Section id="abschluss" title="Fall abschließen">
                    {open === 'close' ? (
                      <CloseForm jhd={c} onDone={state.reload} />
                    ) : (
                      <button type="button" className="secondary" onClick={() => setOpen('close')}>
                        Abschluss vorbereiten
                      </button>
                    )}
                  </Section>
                )}
                <Section id="sperrvermerk" title="Sperrvermerk">
                  {open === 'hold' ? (
                    <LegalHoldForm jhd={c} onDone={() => (setOpen(null), state.reload())} />
                  ) : (
                    <button type="button" className="secondary" onClick={() => setOpen('hold')}>
                      {c.legalHold ? 'Sperrvermerk aufheben …' : 'Sperrvermerk setzen …'}
                    </button>
                  )}
                </Section>
              </>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function ClassifyForm({ jhd, reclassify, onDone }: { jhd: JhdCase; reclassify: boolean; onDone: () => void }) {
  const [zone, setZone] = useState('');
  const [duration, setDuration] = useState('');
  const [withoutHelp, setWithoutHelp] = useState(false);
  const { error, at, busy, run } = useSubmit(onDone);
  const [confirm, dialog] = useConfirm();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      reclassify &&
      !(await confirm({
        title: 'Fall neu einordnen?',
        body: (
          <p>
            Der Fall {jhd.pseudonym} wird dem {zoneLabel(zone)} zugeordnet.
            {zone === 'endangerment' ? ' Damit ist eine neue § 8a-Einschätzung mit Frist fällig.' : ''}
          </p>
        ),
        confirmLabel: 'Neu einordnen',
      }))
    )
      return;
    await run(() =>
      unwrap(
        client.POST('/jugendhilfedienst-cases/{id}/classification', {
          params: { path: { id: jhd.id } },
          body: {
            zone: zone as Schemas['ClassifyDto']['zone'],
            ...(!reclassify && zone !== 'endangerment' && !withoutHelp && duration ? { expectedHelpDuration: duration } : {}),
          },
        }),
      ),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      {dialog}
      <FormErrors error={error} />
      <RadioGroup label="Bereich" pointer="/zone" value={zone} onChange={setZone} options={ZONES} errors={at('/zone')} required />
      {!reclassify && zone && zone !== 'endangerment' && (
        <>
          <label className="check">
            <input type="checkbox" checked={withoutHelp} onChange={(e) => setWithoutHelp(e.target.checked)} /> Keine Hilfe nötig (der Fall
            geht zum Abschluss)
          </label>
          {!withoutHelp && (
            <DurationField
              label="Erwartete Dauer der Hilfe"
              pointer="/expectedHelpDuration"
              hint="Ab sechs Monaten geht der Fall ins erweiterte Fallteam, sonst direkt in die Hilfeplanung."
              value={duration}
              onChange={setDuration}
              errors={at('/expectedHelpDuration')}
            />
          )}
        </>
      )}
      {zone === 'endangerment' && <p className="hint">Im Gefährdungsbereich folgt die § 8a-Einschätzung; sie legt die Dauer fest.</p>}
      <SubmitButton busy={busy}>{reclassify ? 'Neu einordnen' : 'Einordnung speichern'}</SubmitButton>
    </form>
  );
}

type ProfessionalRow = { userId: string; function: string };
const EXTERNAL = '__extern';

function useTeamOptions(caseId: string) {
  const me = useMe();
  const team = useLoad(() => unwrap(client.GET('/cases/{id}', { params: { path: { id: caseId } } })), [caseId]);
  const ids = [...new Set([me.sub, ...(team.data ? [team.data.responsibleCaseworkerId, ...team.data.assignedCaseworkerIds] : [])])];
  return ids.map((id) => ({ value: id, label: id === me.sub ? `${me.displayName} (Sie)` : id }));
}

const emptyAssessment = (meId: string) => ({
  professionals: [
    { userId: meId, function: 'Fallführende Fachkraft (ASD)' },
    { userId: '', function: '' },
  ] as ProfessionalRow[],
  parentsInvolved: '',
  childInvolved: '',
  involvementNote: '',
  homeVisit: '',
  result: '',
  dangerKinds: [] as string[],
  childIndex: '0',
  childSex: '',
  existingHelp: [] as string[],
  newHelp: [] as string[],
  familyCourt: 'false',
  details: '',
  expectedHelpDuration: '',
});

const yesNo = (v: string) => (v === 'true' ? true : v === 'false' ? false : (v as unknown as boolean));

function RiskAssessmentForm({ jhd, onDone }: { jhd: JhdCase; onDone: () => void }) {
  const me = useMe();
  const team = useTeamOptions(jhd.id);
  const empty = emptyAssessment(me.sub);
  const draft = useDraft(me.sub, `jhd-8a:${jhd.id}`, empty);
  const form = draft.value;
  const { error, at, only, busy, run } = useSubmit(onDone);
  const [confirm, dialog] = useConfirm();
  const set =
    <K extends keyof typeof empty>(key: K) =>
    (value: (typeof empty)[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const children = jhd.personal.birthDates;
  const notInvolved = form.parentsInvolved === 'false' || form.childInvolved === 'false';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const acute = form.result === 'acute';
    const ok = await confirm({
      title: '§ 8a-Einschätzung abschließen?',
      body: (
        <p>
          Die Gefährdungseinschätzung für {jhd.pseudonym} wird mit dem Ergebnis „{labelOf(RISK_RESULTS, form.result)}“ gespeichert und kann
          nicht geändert werden.{acute ? ' Als Nächstes ist der Sofortschutz zu veranlassen (kurze Frist).' : ''}
        </p>
      ),
      confirmLabel: 'Einschätzung speichern',
      danger: true,
    });
    if (!ok) return;
    const body: RiskBody = {
      professionals: form.professionals.map((p) => ({
        ...(p.userId && p.userId !== EXTERNAL ? { userId: p.userId } : {}),
        function: p.function,
      })),
      parentsInvolved: yesNo(form.parentsInvolved),
      childInvolved: yesNo(form.childInvolved),
      ...(form.involvementNote.trim() ? { involvementNote: form.involvementNote } : {}),
      homeVisit: yesNo(form.homeVisit),
      result: form.result as RiskBody['result'],
      dangerKinds: form.dangerKinds as RiskBody['dangerKinds'],
      childIndex: Number(form.childIndex) || 0,
      childSex: form.childSex as RiskBody['childSex'],
      existingHelp: form.existingHelp as RiskBody['existingHelp'],
      newHelp: form.newHelp as RiskBody['newHelp'],
      familyCourt: form.familyCourt === 'true',
      details: form.details,
      ...(form.result !== 'none' && form.expectedHelpDuration ? { expectedHelpDuration: form.expectedHelpDuration } : {}),
    };
    await run(
      () => unwrap(client.POST('/jugendhilfedienst-cases/{id}/risk-assessment', { params: { path: { id: jhd.id } }, body })),
      () => draft.clear(),
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      {dialog}
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(empty)} />
      <FormErrors error={error} />
      <RepeatableRows
        legend="Beteiligte Fachkräfte"
        pointer="/professionals"
        hint="Mindestens zwei Fachkräfte schätzen gemeinsam ein (§ 8a Abs. 1 SGB VIII); eine insoweit erfahrene Fachkraft ohne Benutzerkonto als „extern“."
        rows={form.professionals}
        onChange={set('professionals')}
        newRow={() => ({ userId: '', function: '' })}
        rowLegend={(_, i) => `Fachkraft ${i + 1}`}
        addLabel="Fachkraft hinzufügen"
        errors={only('/professionals')}
        min={1}
      >
        {(row, update, i) => (
          <>
            <SelectField
              label="Person"
              pointer={`/professionals/${i}/userId`}
              value={row.userId}
              onChange={(userId) => update({ userId })}
              placeholder="Bitte wählen"
              options={[...team, { value: EXTERNAL, label: 'Externe Fachkraft (ohne Benutzerkonto)' }]}
              errors={at(`/professionals/${i}/userId`)}
              required
            />
            <TextField
              label="Funktion"
              pointer={`/professionals/${i}/function`}
              hint="z. B. ASD-Fachkraft, insoweit erfahrene Fachkraft"
              value={row.function}
              onChange={(fn) => update({ function: fn })}
              errors={at(`/professionals/${i}/function`)}
              required
            />
          </>
        )}
      </RepeatableRows>
      <RadioGroup
        label="Eltern einbezogen"
        pointer="/parentsInvolved"
        value={form.parentsInvolved}
        onChange={set('parentsInvolved')}
        options={YES_NO}
        errors={at('/parentsInvolved')}
        required
      />
      <RadioGroup
        label="Kind einbezogen"
        pointer="/childInvolved"
        value={form.childInvolved}
        onChange={set('childInvolved')}
        options={YES_NO}
        errors={at('/childInvolved')}
        required
      />
      {notInvolved && (
        <TextField
          label="Warum nicht einbezogen"
          pointer="/involvementNote"
          hint="Pflicht, wenn Eltern oder Kind nicht einbezogen wurden (z. B. weil der Schutz des Kindes sonst gefährdet wäre)."
          multiline
          value={form.involvementNote}
          onChange={set('involvementNote')}
          errors={at('/involvementNote')}
          required
        />
      )}
      <RadioGroup
        label="Hausbesuch"
        pointer="/homeVisit"
        value={form.homeVisit}
        onChange={set('homeVisit')}
        options={YES_NO}
        errors={at('/homeVisit')}
        required
      />
      <RadioGroup
        label="Ergebnis"
        pointer="/result"
        value={form.result}
        onChange={set('result')}
        options={RISK_RESULTS}
        errors={at('/result')}
        required
      />
      {form.result === 'acute' && (
        <p className="alert alert-error" role="status">
          Akute Gefährdung: Nach dem Speichern ist sofort der Sofortschutz zu veranlassen (Inobhutnahme oder Familiengericht).
        </p>
      )}
      <div id={fieldDomId('/dangerKinds')} data-pointer="/dangerKinds" data-label="Art der Gefährdung" tabIndex={-1}>
        <CheckboxGroup
          legend="Art der Gefährdung"
          options={DANGER_KINDS}
          value={form.dangerKinds}
          onChange={set('dangerKinds')}
          errors={at('/dangerKinds')}
        />
      </div>
      {children.length > 1 && (
        <SelectField
          label="Betroffenes Kind"
          pointer="/childIndex"
          value={form.childIndex}
          onChange={set('childIndex')}
          options={children.map((d, i) => ({ value: String(i), label: `Kind ${i + 1} (geboren ${formatDate(d)})` }))}
          errors={at('/childIndex')}
        />
      )}
      <RadioGroup
        label="Geschlecht des Kindes"
        pointer="/childSex"
        value={form.childSex}
        onChange={set('childSex')}
        options={SEXES}
        errors={at('/childSex')}
        required
      />
      <div id={fieldDomId('/existingHelp')} data-pointer="/existingHelp" data-label="Bisherige Hilfen" tabIndex={-1}>
        <CheckboxGroup
          legend="Bisherige Hilfen"
          options={HELP_KINDS}
          value={form.existingHelp}
          onChange={set('existingHelp')}
          errors={at('/existingHelp')}
        />
      </div>
      <div id={fieldDomId('/newHelp')} data-pointer="/newHelp" data-label="Neu eingeleitete oder geplante Hilfen" tabIndex={-1}>
        <CheckboxGroup
          legend="Neu eingeleitete oder geplante Hilfen"
          options={HELP_KINDS}
          value={form.newHelp}
          onChange={set('newHelp')}
          errors={at('/newHelp')}
        />
      </div>
      <RadioGroup
        label="Familiengericht angerufen (§ 8a Abs. 2)"
        pointer="/familyCourt"
        value={form.familyCourt}
        onChange={set('familyCourt')}
        options={YES_NO}
        errors={at('/familyCourt')}
        required
      />
      <TextField
        label="Einschätzung"
        pointer="/details"
        multiline
        rows={6}
        value={form.details}
        onChange={set('details')}
        errors={at('/details')}
        required
      />
      {form.result !== 'none' && (
        <DurationField
          label="Erwartete Dauer der Hilfe"
          pointer="/expectedHelpDuration"
          hint="Ab sechs Monaten geht der Fall ins erweiterte Fallteam, sonst direkt in die Hilfeplanung."
          value={form.expectedHelpDuration}
          onChange={set('expectedHelpDuration')}
          errors={at('/expectedHelpDuration')}
        />
      )}
      <SubmitButton busy={busy}>Einschätzung speichern</SubmitButton>
    </form>
  );
}

function ImmediateProtectionForm({ jhd, onDone }: { jhd: JhdCase; onDone: () => void }) {
  const [measure, setMeasure] = useState('');
  const [taken, setTaken] = useState({ date: '', time: '' });
  const [reason, setReason] = useState('');
  const { error, at, busy, run } = useSubmit(onDone);
  const [confirm, dialog] = useConfirm();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: 'Sofortschutz dokumentieren?',
      body: (
        <p>
          Für {jhd.pseudonym} wird „{labelOf(PROTECTION_MEASURES, measure)}“ als veranlasster Sofortschutz gespeichert.
        </p>
      ),
      confirmLabel: 'Sofortschutz speichern',
      danger: true,
    });
    if (!ok) return;
    await run(() =>
      unwrap(
        client.POST('/jugendhilfedienst-cases/{id}/immediate-protection', {
          params: { path: { id: jhd.id } },
          body: {
            measure: measure as Schemas['ImmediateProtectionDto']['measure'],
            ...(taken.date.trim() ? { takenAt: isoDateTimeOf(taken.date, taken.time || '00:00') } : {}),
            ...(reason.trim() ? { reason } : {}),
          },
        }),
      ),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      {dialog}
      <FormErrors error={error} />
      <RadioGroup
        label="Maßnahme"
        pointer="/measure"
        value={measure}
        onChange={setMeasure}
        options={PROTECTION_MEASURES}
        errors={at('/measure')}
        required
      />
      <DateTimeField
        label="Veranlasst am"
        pointer="/takenAt"
        hint="Leer lassen für jetzt."
        value={taken}
        onChange={setTaken}
        errors={at('/takenAt')}
      />
      <TextField
        label="Begründung"
        pointer="/reason"
        hint="Pflicht außer bei einer Inobhutnahme."
        multiline
        value={reason}
        onChange={setReason}
        errors={at('/reason')}
        required={measure !== 'protective_custody'}
      />
      <SubmitButton busy={busy}>Sofortschutz speichern</SubmitButton>
    </form>
  );
}

const emptyPlan = () => ({
  planDate: today(),
  reviewInterval: 'P3M',
  helpKinds: [] as string[],
  goals: [''] as string[],
  agreements: '',
  participants: [] as string[],
});

function HelpPlanForm({ jhd, onDone }: { jhd: JhdCase; onDone: () => void }) {
  const me = useMe();
  const draft = useDraft(me.sub, `jhd-hilfeplan:${jhd.id}`, emptyPlan);
  const form = draft.value;
  const { error, at, only, busy, run } = useSubmit(onDone);
  const [confirm, dialog] = useConfirm();
  const set =
    <K extends keyof ReturnType<typeof emptyPlan>>(key: K) =>
    (value: ReturnType<typeof emptyPlan>[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const planDate = parseGermanDate(form.planDate);
  const reviewAt = planDate && form.reviewInterval ? addDuration(planDate, form.reviewInterval) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: jhd.helpPlan ? 'Hilfeplan fortschreiben?' : 'Hilfeplan speichern?',
      body: (
        <p>
          Der Hilfeplan für {jhd.pseudonym} wird als {jhd.helpPlan ? `Version ${jhd.helpPlan.version + 1}` : 'erste Version'} gespeichert
          {reviewAt ? `; die erste Überprüfung ist am ${formatDate(reviewAt)} fällig` : ''}. Gespeicherte Versionen bleiben unverändert.
        </p>
      ),
      confirmLabel: 'Hilfeplan speichern',
    });
    if (!ok) return;
    const body: HelpPlanBody = {
      planDate: isoDateOf(form.planDate),
      ...(reviewAt
        ? { reviewAt }
        : form.reviewInterval && !/^P\d+[DWMY]$/.test(form.reviewInterval)
          ? { reviewAt: form.reviewInterval }
          : {}),
      helpKinds: form.helpKinds as HelpPlanBody['helpKinds'],
      goals: form.goals.map((g) => g.trim()).filter(Boolean),
      agreements: form.agreements,
      participants: form.participants.map((p) => p.trim()).filter(Boolean),
    };
    await run(
      () => unwrap(client.POST('/jugendhilfedienst-cases/{id}/help-plans', { params: { path: { id: jhd.id } }, body })),
      () => draft.clear(),
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      {dialog}
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(emptyPlan())} />
      <FormErrors error={error} />
      <DateField
        label="Datum des Hilfeplans"
        pointer="/planDate"
        value={form.planDate}
        onChange={set('planDate')}
        errors={at('/planDate')}
        required
      />
      <DurationField
        label="Überprüfung nach"
        pointer="/reviewAt"
        hint={reviewAt ? `Erste Überprüfung am ${formatDate(reviewAt)}.` : 'z. B. 3 Monate nach dem Datum des Hilfeplans.'}
        value={form.reviewInterval}
        onChange={set('reviewInterval')}
        errors={at('/reviewAt')}
      />
      <div id={fieldDomId('/helpKinds')} data-pointer="/helpKinds" data-label="Hilfearten" tabIndex={-1}>
        <CheckboxGroup
          legend="Hilfearten"
          options={HELP_KINDS}
          value={form.helpKinds}
          onChange={set('helpKinds')}
          errors={at('/helpKinds')}
        />
      </div>
      <RepeatableRows
        legend="Ziele"
        pointer="/goals"
        rows={form.goals}
        onChange={set('goals')}
        newRow={() => ''}
        rowLegend={(_, i) => `Ziel ${i + 1}`}
        addLabel="Ziel hinzufügen"
        errors={only('/goals')}
        min={1}
      >
        {(goal, _u, i) => (
          <TextField
            label={`Ziel ${i + 1}`}
            pointer={`/goals/${i}`}
            value={goal}
            onChange={(text) => set('goals')(form.goals.map((g, j) => (j === i ? text : g)))}
            errors={at(`/goals/${i}`)}
            required
          />
        )}
      </RepeatableRows>
      <TextField
        label="Vereinbarungen (wer macht was)"
        pointer="/agreements"
        multiline
        rows={4}
        value={form.agreements}
        onChange={set('agreements')}
        errors={at('/agreements')}
        required
      />
      <RepeatableRows
        legend="Beteiligte an der Hilfeplanung (§ 36)"
        pointer="/participants"
        rows={form.participants}
        onChange={set('participants')}
        newRow={() => ''}
        rowLegend={(_, i) => `Beteiligte*r ${i + 1}`}
        addLabel="Beteiligte*n hinzufügen"
        errors={only('/participants')}
      >
        {(name, _u, i) => (
          <TextField
            label={`Name und Rolle, Beteiligte*r ${i + 1}`}
            pointer={`/participants/${i}`}
            hint="z. B. Mutter, Kind, Träger der Hilfe"
            value={name}
            onChange={(text) => set('participants')(form.participants.map((p, j) => (j === i ? text : p)))}
            errors={at(`/participants/${i}`)}
          />
        )}
      </RepeatableRows>
      <SubmitButton busy={busy}>Hilfeplan speichern</SubmitButton>
    </form>
  );
}

function ReviewForm({ jhd, onDone }: { jhd: JhdCase; onDone: () => void }) {
  const me = useMe();
  const empty = { reviewedAt: today(), nextInterval: 'P3M', notes: '' };
  const draft = useDraft(me.sub, `jhd-ueberpruefung:${jhd.id}`, empty);
  const form = draft.value;
  const { error, at, busy, run } = useSubmit(onDone);
  const set =
    <K extends keyof typeof empty>(key: K) =>
    (value: (typeof empty)[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const reviewed = parseGermanDate(form.reviewedAt);
  const next = reviewed && form.nextInterval ? addDuration(reviewed, form.nextInterval) : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(
      () =>
        unwrap(
          client.POST('/jugendhilfedienst-cases/{id}/help-plans/reviews', {
            params: { path: { id: jhd.id } },
            body: {
              reviewedAt: isoDateOf(form.reviewedAt),
              ...(next
                ? { nextReviewAt: next }
                : form.nextInterval && !/^P\d+[DWMY]$/.test(form.nextInterval)
                  ? { nextReviewAt: form.nextInterval }
                  : {}),
              notes: form.notes,
            },
          }),
        ),
      () => draft.clear(),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>
        Fällig am {formatDate(jhd.helpPlan!.nextReviewAt)}
        {jhd.helpPlan!.reviewOverdue ? ' (überfällig)' : ''}; bisher {jhd.helpPlan!.reviews} Überprüfung(en).
      </p>
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(empty)} />
      <FormErrors error={error} />
      <DateField
        label="Überprüft am"
        pointer="/reviewedAt"
        value={form.reviewedAt}
        onChange={set('reviewedAt')}
        errors={at('/reviewedAt')}
        required
      />
      <DurationField
        label="Nächste Überprüfung nach"
        pointer="/nextReviewAt"
        hint={next ? `Nächste Überprüfung am ${formatDate(next)}.` : 'Leer lassen für das Intervall der Definition.'}
        value={form.nextInterval}
        onChange={set('nextInterval')}
        errors={at('/nextReviewAt')}
      />
      <TextField
        label="Ergebnis der Überprüfung"
        pointer="/notes"
        multiline
        rows={4}
        value={form.notes}
        onChange={set('notes')}
        errors={at('/notes')}
        required
      />
      <SubmitButton busy={busy}>Überprüfung speichern</SubmitButton>
    </form>
  );
}

function History({ jhd }: { jhd: JhdCase }) {
  if (!jhd.riskAssessments.length && !jhd.helpPlans.length && !jhd.immediateProtections.length && jhd.classifications.length < 2)
    return null;
  return (
    <Section id="verlauf" title="Bisherige Schritte">
      {jhd.classifications.length > 0 && (
        <>
          <h3>Einordnungen</h3>
          <ul>
            {jhd.classifications.map((k, i) => (
              <li key={i}>
                {formatWhen(k.at)}: {zoneLabel(k.zone)} ({k.actorId})
              </li>
            ))}
          </ul>
        </>
      )}
      {jhd.riskAssessments.map((a) => (
        <article key={a.id} className="card">
          <h3>
            § 8a-Einschätzung vom {formatDate(a.completedAt)}: {labelOf(RISK_RESULTS, a.result)}
            {a.late ? ' (nach Fristablauf)' : ''}
          </h3>
          <p>
            Fachkräfte: {a.professionals.map((p) => `${p.userId ?? 'extern'} (${p.function})`).join(', ')}. Eltern einbezogen:{' '}
            {a.parentsInvolved ? 'ja' : 'nein'}, Kind einbezogen: {a.childInvolved ? 'ja' : 'nein'}, Hausbesuch:{' '}
            {a.homeVisit ? 'ja' : 'nein'}.
          </p>
          {a.details && <p>{a.details}</p>}
        </article>
      ))}
      {jhd.immediateProtections.map((p) => (
        <p key={p.id}>
          Sofortschutz am {formatWhen(p.takenAt)}: {labelOf(PROTECTION_MEASURES, p.measure)}
          {p.reason ? ` – ${p.reason}` : ''}
        </p>
      ))}
      {jhd.helpPlans.map((plan) => (
        <HelpPlanCard key={plan.id} plan={plan} />
      ))}
    </Section>
  );
}

function CloseForm({ jhd, onDone }: { jhd: JhdCase; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { error, at, busy, run } = useSubmit(onDone);
  const [confirm, dialog] = useConfirm();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: 'Fall abschließen?',
      body: (
        <p>
          Der Fall {jhd.pseudonym} und sein Jugendhilfedienst-Prozess werden abgeschlossen. Die Akte ist danach schreibgeschützt, das
          Löschdatum ergibt sich aus der Aufbewahrungsregel, und ein abgeschlossener Jugendhilfedienst-Fall kann nicht wieder geöffnet
          werden.
        </p>
      ),
      confirmLabel: 'Fall abschließen',
      danger: true,
    });
    if (!ok) return;
    await run(() => unwrap(client.POST('/cases/{id}/close', { params: { path: { id: jhd.id } }, body: { reason } })));
  };
  return (
    <form onSubmit={submit} noValidate>
      {dialog}
      <FormErrors error={error} />
      <TextField label="Begründung des Abschlusses" pointer="/reason" value={reason} onChange={setReason} errors={at('/reason')} required />
      <button type="submit" className="danger" disabled={busy}>
        Fall abschließen
      </button>
    </form>
  );
}

function LegalHoldForm({ jhd, onDone }: { jhd: JhdCase; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { error, at, busy, run } = useSubmit(onDone);
  const [confirm, dialog] = useConfirm();
  const hold = !jhd.legalHold;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: hold ? 'Sperrvermerk setzen?' : 'Sperrvermerk aufheben?',
      body: (
        <p>
          {hold
            ? `Die Akte ${jhd.pseudonym} wird über ihr Löschdatum hinaus aufbewahrt, bis der Sperrvermerk aufgehoben wird.`
            : `Die Akte ${jhd.pseudonym} wird wieder nach der Aufbewahrungsregel gelöscht; ist das Löschdatum überschritten, beim nächsten Lauf.`}
        </p>
      ),
      confirmLabel: hold ? 'Sperrvermerk setzen' : 'Sperrvermerk aufheben',
      danger: !hold,
    });
    if (!ok) return;
    await run(
      () => unwrap(client.PUT('/cases/{id}/legal-hold', { params: { path: { id: jhd.id } }, body: { hold, reason } })),
      () => setReason(''),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      {dialog}
      <FormErrors error={error} />
      <TextField
        label={hold ? 'Begründung des Sperrvermerks' : 'Begründung der Aufhebung'}
        pointer="/reason"
        hint="z. B. laufendes Gerichtsverfahren"
        value={reason}
        onChange={setReason}
        errors={at('/reason')}
        required
      />
      <SubmitButton busy={busy}>{hold ? 'Sperrvermerk setzen' : 'Sperrvermerk aufheben'}</SubmitButton>
    </form>
  );
}
