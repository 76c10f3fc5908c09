import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '@sro/temporal-worker';
import { decodeHistory } from './histories/format';

const dir = join(__dirname, 'histories');
const stored = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((file) => ({ file, ...decodeHistory(readFileSync(join(dir, file), 'utf8')) }));

describe('replay of stored workflow histories', () => {
  beforeAll(() => installTemporalRuntime('WARN'));

  it('has a stored history for every workflow', () => {
    // fallteamConsultation twice: on its own, and as the child of a Jugendhilfedienst case (ends with its outcome).
    expect(stored.map((s) => s.workflowType).sort()).toEqual([
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

  it('fails when the command sequence changes without a patch', async () => {
    const { history } = stored.find((s) => s.workflowType === 'sozialraumDevelopment')!;
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('./fixtures/changed-command-order'),
      logger: new DefaultLogger('WARN'),
    });
    await expect(Worker.runReplayHistory({ workflowBundle: { code } }, history)).rejects.toThrow(/[Nn]ondeterminism/);
  });
});
