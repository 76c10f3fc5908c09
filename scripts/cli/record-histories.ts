import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { SEED_SPECS } from '@sro/definitions';
import { installTemporalRuntime } from '@sro/temporal-worker';
import {
  agreementUpdates,
  cycleStateQuery,
  fallteamUpdates,
  interviewUpdates,
  jugendhilfedienstStateQuery,
  jugendhilfedienstUpdates,
  migrateDefinitionUpdate,
  sozialraumStateQuery,
  sozialraumUpdates,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import type { CyclePartner, SozialraumDevelopmentInput } from '@sro/workflows/contracts';
import { repoRoot } from '../devstack/paths';
import { encodeHistory } from '../../tests/workflows/histories/format';
import { resolveTestServer } from '../devstack/temporal';

const DAY = 86_400_000;

/**
 * `node scripts/run.js record-histories`: runs each workflow through a representative scenario on
 * the time-skipping server and stores its history under tests/workflows/histories/. The replay test
 * replays them against the current code, so a change to a command sequence without `patched()`
 * fails CI. Re-record only for a deliberate, patched change of behaviour. Names after the command
 * (`npm run histories:record -- partnerInterviewCycle`) record only those workflows; `--out=<dir>`
 * (relative to tests/workflows/histories/) stores them as a generation of their own, so the older
 * generations keep proving that runs recorded before the newer markers still replay.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.filter((a) => !a.startsWith('--'));
  const outArg = args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const registry = { partners: [] as CyclePartner[], cycles: 0 };
  installTemporalRuntime('WARN');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: await resolveTestServer() } },
  });
  const taskQueue = 'record-histories';
  const noop = async () => undefined;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: join(repoRoot(), 'dist', 'workflow-bundle.js') },
    activities: {
      recordProcessState: noop,
      recordProcessEvent: noop,
      recordProcessChange: noop,
      recordAgreementChange: noop,
      scheduleReminders: noop,
      cancelReminders: async () => 0,
      openPacketAccess: noop,
      closePacketAccess: noop,
      recordAgreementState: noop,
      pong: async (m: string) => `pong: ${m}`,
      openInterviewCycle: async () => ({
        cycleId: randomUUID(),
        number: ++registry.cycles,
        definition: { key: 'partner-interview-cycle' as const, version: 1, checksum: 'v1', spec: SEED_SPECS['partner-interview-cycle'] },
        partners: [...registry.partners],
      }),
      activeCyclePartners: async () => [...registry.partners],
      recordInterview: noop,
      recordInterviewFailure: noop,
      closeInterviewCycle: noop,
      prepareFallteamConsultation: async (input: { consultationId: string }) => ({
        consultationId: input.consultationId,
        definition: { key: 'fallteam-consultation' as const, version: 1, checksum: 'v1', spec: SEED_SPECS['fallteam-consultation'] },
      }),
      recordCaseClosure: noop,
      findExpiredCases: async (input: { limit: number; after?: string }) =>
        input.after ? [] : Array.from({ length: input.limit }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`),
      anonymiseCase: async (input: { caseId: string }) => !input.caseId.endsWith('1'),
      countCasesOnHold: async () => ({ onHold: 1 }),
    },
  });
  const out = join(repoRoot(), 'tests', 'workflows', 'histories', outArg ?? '');
  mkdirSync(out, { recursive: true });
  await worker.runUntil(async () => {
    if (wanted('ping')) await recordPing();
    if (wanted('sozialraumDevelopment')) await recordSozialraum();
    if (wanted('fallteamConsultation')) await recordFallteam();
    if (wanted('partnerInterviewCycle') || wanted('partnerInterview')) await recordInterviewCycle();
    if (wanted('cooperationAgreement')) await recordAgreement();
    if (wanted('jugendhilfedienstCase')) await recordJugendhilfedienst();
    if (wanted('caseRetention')) await recordRetention();
  });
  await env.teardown();
  process.stdout.write(`histories written to ${out}\n`);

  async function recordPing() {
    const ping = await env.client.workflow.start(WorkflowType.Ping, {
      taskQueue,
      workflowId: 'history-ping',
      args: [{ message: 'hallo' }],
    });
    await ping.result();
    writeFileSync(join(out, 'ping.json'), encodeHistory('ping', await ping.fetchHistory()));
  }

  async function recordSozialraum() {
    const v1 = { key: 'sozialraum-development' as const, version: 1, checksum: 'v1', spec: SEED_SPECS['sozialraum-development'] };
    const v2spec = JSON.parse(JSON.stringify(v1.spec));
    v2spec.phases[2].duration = 'P5M';
    const input: SozialraumDevelopmentInput = {
      processId: randomUUID(),
      socialSpaceId: randomUUID(),
      planningRegionId: randomUUID(),
      title: 'Sozialraum Beispiel',
      coordinatorId: 'demo-coordinator',
      definition: v1,
      maxHistoryEvents: 150,
    };
    const srd = await env.client.workflow.start(WorkflowType.SozialraumDevelopment, {
      taskQueue,
      workflowId: 'history-sozialraum-development',
      args: [input],
    });
    const actor = { actorId: 'demo-coordinator' };
    const questions = v1.spec.analysisQuestions.map((q) => ({ questionKey: q.key, answer: 'Antwort' }));
    const owner = randomUUID();
    const deliverables = [
      ['identify', 'boundaries', { description: 'Beschreibung', municipalityIds: [randomUUID()] }],
      ['analyse', 'analysis', { profileYear: 2026, answers: questions }],
      ['visions', 'events', [{ kind: 'workshop', date: '2026-05-01', participants: 12, ageGroups: ['12-17'] }]],
      ['goals', 'goals', [{ key: 'g1', title: 'Ziel', rank: 1, perspective: 'community', indicator: 'Anzahl' }]],
      [
        'measures',
        'measures',
        [{ key: 'm1', title: 'Maßnahme', goalKey: 'g1', ownerId: owner, start: '2026-06-01', end: '2026-09-01', budgetCents: 1000 }],
      ],
    ] as const;
    await srd.executeUpdate(sozialraumUpdates.addMember, {
      args: [{ ...actor, member: { kind: 'contract_partner', refId: owner, function: 'Träger' } }],
    });
    const [first, ...rest] = deliverables;
    await srd.executeUpdate(sozialraumUpdates.setDeliverable, {
      args: [{ ...actor, phaseKey: first[0], deliverableKey: first[1], value: first[2] }],
    });
    const state = await srd.query(sozialraumStateQuery);
    const due = Date.parse(state.steps[0].dueAt!) + 10 * DAY;
    await srd.executeUpdate(sozialraumUpdates.extendDueDate, {
      args: [{ ...actor, phaseKey: 'identify', dueAt: new Date(due).toISOString(), reason: 'Verschoben' }],
    });
    await env.sleep(75 * DAY); // overdue
    await srd.executeUpdate(sozialraumUpdates.completePhase, { args: [{ ...actor, phaseKey: 'identify' }] });
    await srd.executeUpdate(migrateDefinitionUpdate, {
      args: [{ ...actor, definition: { ...v1, version: 2, checksum: 'v2', spec: v2spec } }],
    });
    await srd.executeUpdate(sozialraumUpdates.pause, { args: [{ ...actor, reason: 'Sommerpause' }] });
    await env.sleep(10 * DAY);
    await srd.executeUpdate(sozialraumUpdates.resume, { args: [actor] });
    for (const [phaseKey, deliverableKey, value] of rest) {
      await srd.executeUpdate(sozialraumUpdates.setDeliverable, { args: [{ ...actor, phaseKey, deliverableKey, value }] });
      await srd.executeUpdate(sozialraumUpdates.completePhase, { args: [{ ...actor, phaseKey }] });
    }
    const firstRun = (await srd.describe()).runId;
    await env.sleep(3 * 365 * DAY); // phase 6: conferences until continue-as-new
    const history = await env.client.workflow.getHandle(srd.workflowId, firstRun).fetchHistory();
    writeFileSync(join(out, 'sozialraum-development.json'), encodeHistory('sozialraumDevelopment', history));
    await env.client.workflow
      .getHandle(srd.workflowId)
      .executeUpdate(sozialraumUpdates.cancel, { args: [{ ...actor, reason: 'Ende der Aufzeichnung' }] });
  }

  async function recordFallteam() {
    const consultationId = randomUUID();
    const ftc = await env.client.workflow.start(WorkflowType.FallteamConsultation, {
      taskQueue,
      workflowId: 'history-fallteam-consultation',
      args: [
        {
          consultationId,
          caseId: randomUUID(),
          pseudonym: 'F-2026-HIST01',
          caseworkerId: 'demo-caseworker',
          socialSpaceId: randomUUID(),
          definition: { key: 'fallteam-consultation', version: 1, checksum: 'v1', spec: SEED_SPECS['fallteam-consultation'] },
        },
      ],
    });
    const sessionAt = new Date((await env.currentTimeMs()) + 7 * DAY).toISOString();
    await ftc.executeUpdate(fallteamUpdates.schedule, { args: [{ sessionId: randomUUID(), sessionAt, actorId: 'demo-caseworker' }] });
    await ftc.executeUpdate(fallteamUpdates.inviteAdvisers, { args: [{ adviserIds: ['demo-adviser'], actorId: 'demo-caseworker' }] });
    await env.sleep(15 * DAY); // access window closes
    await ftc.executeUpdate(fallteamUpdates.recordOutcome, { args: [{ professionals: 2, participants: 3, actorId: 'demo-caseworker' }] });
    await ftc.result(); // follow-up after six months, then closed
    writeFileSync(join(out, 'fallteam-consultation.json'), encodeHistory('fallteamConsultation', await ftc.fetchHistory()));
  }

  /** A cycle of three partners: one answered at once, one overdue then answered, one that joins and leaves. */
  async function recordInterviewCycle() {
    const [a, b, c] = ['A', 'B', 'C'].map((n) => ({ partnerId: randomUUID(), name: `Partner ${n}` }));
    registry.partners = [a, b];
    const cycle = await env.client.workflow.start(WorkflowType.PartnerInterviewCycle, {
      taskQueue,
      workflowId: 'history-partner-interview-cycle',
      args: [{ coordinatorId: 'demo-coordinator', syncEveryDays: 7 }],
    });
    let cycleId = '';
    while (!cycleId || (await cycle.query(cycleStateQuery)).entries.length < 2) {
      cycleId = (await cycle.query(cycleStateQuery)).cycleId;
      await new Promise((r) => setTimeout(r, 50));
    }
    const interview = (p: CyclePartner) => env.client.workflow.getHandle(workflowIds.partnerInterview(cycleId, p.partnerId));
    const answers = SEED_SPECS['partner-interview-cycle'].questionnaire.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.required)
      .map((q) => ({
        questionKey: q.key,
        value: q.type === 'scale' ? 4 : q.type === 'yes_no' ? true : q.type === 'multiple_choice' ? [q.options![0]] : q.options![0],
      }));
    const plan = async (p: CyclePartner, days: number) =>
      interview(p).executeUpdate(interviewUpdates.plan, {
        args: [
          {
            plannedAt: new Date((await env.currentTimeMs()) + days * DAY).toISOString(),
            interviewerId: 'demo-caseworker',
            actorId: 'demo-coordinator',
          },
        ],
      });
    await plan(a, 30);
    await interview(a).executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers, actorId: 'demo-caseworker' }] });
    await env.sleep(100 * DAY); // B overdue
    registry.partners = [a, b, c];
    await env.sleep(8 * DAY); // C joins
    registry.partners = [a, b];
    await env.sleep(8 * DAY); // C leaves
    await plan(b, 10);
    await interview(b).executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers, actorId: 'demo-caseworker' }] });
    await cycle.result();
    writeFileSync(join(out, 'partner-interview-cycle.json'), encodeHistory('partnerInterviewCycle', await cycle.fetchHistory()));
    writeFileSync(join(out, 'partner-interview.json'), encodeHistory('partnerInterview', await interview(b).fetchHistory()));
  }

  /** A three-party agreement with the committee: a rejection, a revision, approval, renewal reminder, expiry. */
  async function recordAgreement() {
    // A three-party agreement with the committee: a rejection, a revision, approval, renewal reminder, expiry.
    const serverNow = await env.currentTimeMs(); // the server's clock, moved on by the recordings above
    const day = (offset: number) => new Date(serverNow + offset * DAY).toISOString().slice(0, 10);
    const cav = await env.client.workflow.start(WorkflowType.CooperationAgreement, {
      taskQueue,
      workflowId: 'history-cooperation-agreement',
      args: [
        {
          agreementId: randomUUID(),
          reference: 'KV-HIST01',
          planningRegionId: randomUUID(),
          coordinatorId: 'demo-coordinator',
          definition: { key: 'cooperation-agreement', version: 1, checksum: 'v1', spec: SEED_SPECS['cooperation-agreement'] },
          firstVersion: { version: 1, validFrom: day(30), validUntil: day(400) },
        },
      ],
    });
    const approvers = [
      { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-municipality'] },
      { stageKey: 'parties', partyKey: 'provider', approverIds: ['ap-provider'] },
      { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-landkreis'] },
      { stageKey: 'committee', partyKey: 'jha', approverIds: ['ap-jha'] },
    ];
    const coordinator = { actorId: 'demo-coordinator' };
    const decideParty = (round: number, partyKey: string, decision: 'approve' | 'reject' = 'approve') =>
      cav.executeUpdate(agreementUpdates.decide, { args: [{ round, stageKey: 'parties', partyKey, decision, actorId: `ap-${partyKey}` }] });
    await cav.executeUpdate(agreementUpdates.submit, { args: [{ ...coordinator, version: 1, committeeRequired: true, approvers }] });
    await decideParty(1, 'municipality');
    await decideParty(1, 'landkreis', 'reject');
    await cav.executeUpdate(agreementUpdates.revise, { args: [{ ...coordinator, version: 2, validFrom: day(30), validUntil: day(400) }] });
    await cav.executeUpdate(agreementUpdates.submit, { args: [{ ...coordinator, version: 2, committeeRequired: true }] });
    for (const party of ['municipality', 'provider', 'landkreis']) await decideParty(2, party);
    await env.sleep(100 * DAY); // the committee stage is overdue
    await cav.executeUpdate(agreementUpdates.decide, {
      args: [
        {
          round: 2,
          stageKey: 'committee',
          partyKey: 'jha',
          decision: 'approve',
          resolutionNumber: 'JHA-2026/017',
          resolutionDate: day(100),
          actorId: 'ap-jha',
        },
      ],
    });
    await cav.result(); // renewal due, then expiry
    writeFileSync(join(out, 'cooperation-agreement.json'), encodeHistory('cooperationAgreement', await cav.fetchHistory()));
  }

  /**
   * A case in the Gefährdungsbereich: the § 8a assessment runs late (escalation), nine months of help
   * bring it to the Fallteam (child, stored as well), a help plan whose review is missed and then
   * recorded, closure.
   */
  async function recordJugendhilfedienst() {
    const caseId = randomUUID();
    const caseworker = { actorId: 'demo-caseworker' };
    const jhd = await env.client.workflow.start(WorkflowType.JugendhilfedienstCase, {
      taskQueue,
      workflowId: 'history-jugendhilfedienst-case',
      args: [
        {
          caseId,
          pseudonym: 'F-2026-HIST02',
          caseworkerId: 'demo-caseworker',
          socialSpaceId: randomUUID(),
          planningRegionId: randomUUID(),
          source: 'school',
          anonymous: false,
          reportedAt: new Date(await env.currentTimeMs()).toISOString(),
          definition: { key: 'jugendhilfedienst-case', version: 1, checksum: 'v1', spec: SEED_SPECS['jugendhilfedienst-case'] },
        },
      ],
    });
    await jhd.executeUpdate(jugendhilfedienstUpdates.classify, { args: [{ ...caseworker, zone: 'endangerment' }] });
    await env.sleep(2 * DAY); // the § 8a limit passes: escalation
    await jhd.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
      args: [
        {
          ...caseworker,
          assessmentId: randomUUID(),
          professionals: 2,
          result: 'latent',
          parentsInvolved: true,
          childInvolved: true,
          homeVisit: false,
          expectedHelpDuration: 'P9M',
        },
      ],
    });
    let consultationId = '';
    while (!consultationId) {
      consultationId = (await jhd.query(jugendhilfedienstStateQuery)).fallteam?.consultationId ?? '';
      await new Promise((r) => setTimeout(r, 50));
    }
    const child = env.client.workflow.getHandle(workflowIds.fallteamConsultation(consultationId));
    while (
      !(await child.describe().then(
        () => true,
        () => false,
      ))
    )
      await new Promise((r) => setTimeout(r, 50));
    await child.executeUpdate(fallteamUpdates.schedule, {
      args: [{ sessionId: randomUUID(), sessionAt: new Date((await env.currentTimeMs()) + 7 * DAY).toISOString(), ...caseworker }],
    });
    await child.executeUpdate(fallteamUpdates.inviteAdvisers, { args: [{ adviserIds: ['demo-adviser'], ...caseworker }] });
    await env.sleep(7 * DAY + 60_000); // the outcome is recorded once the session has begun
    await child.executeUpdate(fallteamUpdates.recordOutcome, { args: [{ professionals: 2, participants: 3, ...caseworker }] });
    await child.result();
    while ((await jhd.query(jugendhilfedienstStateQuery)).phase !== 'help_plan') await new Promise((r) => setTimeout(r, 50));
    const planDate = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
    await jhd.executeUpdate(jugendhilfedienstUpdates.recordHelpPlan, { args: [{ ...caseworker, helpPlanId: randomUUID(), planDate }] });
    await env.sleep(200 * DAY); // the review is missed
    const reviewedAt = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
    await jhd.executeUpdate(jugendhilfedienstUpdates.recordReview, { args: [{ ...caseworker, reviewedAt }] });
    await jhd.executeUpdate(jugendhilfedienstUpdates.close, { args: [caseworker] });
    await jhd.result();
    writeFileSync(join(out, 'jugendhilfedienst-case.json'), encodeHistory('jugendhilfedienstCase', await jhd.fetchHistory()));
    writeFileSync(join(out, 'fallteam-consultation-child.json'), encodeHistory('fallteamConsultation', await child.fetchHistory()));
  }

  /** A retention run over two batches; one case is refused (hold set meanwhile). */
  async function recordRetention() {
    const run = await env.client.workflow.start(WorkflowType.CaseRetention, {
      taskQueue,
      workflowId: 'history-case-retention',
      args: [{ batchSize: 3 }],
    });
    await run.result();
    writeFileSync(join(out, 'case-retention.json'), encodeHistory('caseRetention', await run.fetchHistory()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`recording failed: ${(error as Error).stack} ${String((error as { cause?: unknown }).cause)}\n`);
  process.exit(1);
});
