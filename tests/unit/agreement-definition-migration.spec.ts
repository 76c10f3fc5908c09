import { SEED_SPECS, specChecksum, validateSpec } from '@sro/definitions';
import {
  addWhenPresent,
  migrationSpecChecksum,
  removeWhenPresent,
} from '../../libs/database/src/migrations/1764120000000-AgreementApprovalFollowsParties';

describe('migration of the cooperation-agreement definition (approval follows the parties)', () => {
  const stored = () => removeWhenPresent(JSON.parse(JSON.stringify(SEED_SPECS['cooperation-agreement'])));

  it('turns a stored version 1 into the seed: the parties decide when present, the committee always', () => {
    const migrated = addWhenPresent(stored(), 1);
    expect(migrated).toEqual(SEED_SPECS['cooperation-agreement']);
    expect(migrationSpecChecksum(migrated)).toBe(specChecksum(SEED_SPECS['cooperation-agreement']));
  });

  it('keeps what later versions meant (every party decides) and leaves them valid', () => {
    const migrated = addWhenPresent(stored(), 2) as (typeof SEED_SPECS)['cooperation-agreement'];
    expect(migrated.approvalStages.flatMap((s) => s.parties.map((p) => p.whenPresent))).toEqual([false, false, false, false]);
    expect(validateSpec('cooperation-agreement', migrated)).toEqual([]);
  });
});
