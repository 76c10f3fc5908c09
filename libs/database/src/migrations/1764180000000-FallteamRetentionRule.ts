import { MigrationInterface, QueryRunner } from 'typeorm';
import { patchDefinitionSpecs } from './1764110000000-FallteamConsentPurposes';

/**
 * The Fallteam definition states its retention rule: a closed case is kept five years after its
 * closure, two when it was closed without help. Stored versions get these seed values.
 */
export class FallteamRetentionRule1764180000000 implements MigrationInterface {
  name = 'FallteamRetentionRule1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(q, 'fallteam-consultation', (spec) => ({
      ...spec,
      retentionAfterClosure: spec.retentionAfterClosure ?? 'P5Y',
      retentionAfterClosureWithoutHelp: spec.retentionAfterClosureWithoutHelp ?? 'P2Y',
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(
      q,
      'fallteam-consultation',
      ({ retentionAfterClosure: _a, retentionAfterClosureWithoutHelp: _b, ...spec }) => spec,
    );
  }
}
