import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '@sro/temporal-worker';
import type { temporal } from '@temporalio/proto';
import { LOCAL_WRITES_PATCH } from '@sro/workflows/shared/process-kit';
import { STEADY_WAKE_PATCH } from '@sro/workflows/shared/runtime';
import { decodeHistory } from './histories/format';

const root = join(__dirname, 'histories');
/**
 * Generations of recorded histories: the first at the top of histories/, each later one in a
 * folder named by its month. Older generations stay, so runs recorded before a newer patch marker
 * keep proving that they replay.
 */
const generations = [
  '',
  ...readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(),
];
const stored = generations.flatMap((generation) =>
  readdirSync(join(root, generation))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ generation, file: join(generation, f), ...decodeHistory(readFileSync(join(root, generation, f), 'utf8')) })),
);

/** The patch ids a history records, in their order. */
function patchMarkers(history: temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? []).flatMap((e) => {
    const marker = e.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
  });
}

describe('replay of stored workflow histories', () => {
  beforeAll(() => installTemporalRuntime('WARN'));

  it.each(generations)('has a stored history for every workflow (generation "%s")', (generation) => {
    // fallteamConsultation twice: on its own, and as the child of a Jugendhilfedienst case (ends with its outcome).
    const types = stored.filter((s) => s.generation === generation).map((s) => s.workflowType);
    expect(types.sort()).toEqual([
      'caseRetention',
      'cooperationAgreement',
      'fallteamConsultation',
      'fallteamConsultation',
      'jugendhilfedienstCase',
      'partnerInterview',
      'partnerInterviewCycle',
      'ping',
      'sozialraumDevelopment',
    ]);
  });

  it.each(stored.map((s) => [s.file, s]))('%s replays deterministically against the current code', async (_file, { history }) => {
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! } }, history);
  });

  it('runs the newest paths in the newest generation: every process workflow records the current patch markers', () => {
    const newest = generations[generations.length - 1];
    const processes = [
      'cooperationAgreement',
      'fallteamConsultation',
      'jugendhilfedienstCase',
      'partnerInterview',
      'sozialraumDevelopment',
    ];
    const newestProcesses = stored.filter((s) => s.generation === newest && processes.includes(s.workflowType));
    expect(newestProcesses).toHaveLength(6);
    for (const { workflowType, history } of newestProcesses) {
      expect({ workflowType, markers: patchMarkers(history) }).toEqual({
        workflowType,
        markers: expect.arrayContaining([LOCAL_WRITES_PATCH, STEADY_WAKE_PATCH]),
      });
    }
  });

  it('fails when the command sequence changes without a patch', async () => {
    const { history } = stored.find((s) => s.generation === '' && s.workflowType === 'sozialraumDevelopment')!;
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('./fixtures/changed-command-order'),
      logger: new DefaultLogger('WARN'),
    });
    await expect(Worker.runReplayHistory({ workflowBundle: { code } }, history)).rejects.toThrow(/[Nn]ondeterminism/);
  });
});
