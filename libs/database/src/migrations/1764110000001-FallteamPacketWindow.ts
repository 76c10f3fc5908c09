import { MigrationInterface, QueryRunner } from 'typeorm';
import { patchDefinitionSpecs } from './1764110000000-FallteamConsentPurposes';

/**
 * The adviser's packet window lies around the session (`packetOpensBefore`, `packetClosesAfter`)
 * instead of running `accessWindow` from the invitation; stored versions get the seed's values.
 */
export class FallteamPacketWindow1764110000001 implements MigrationInterface {
  name = 'FallteamPacketWindow1764110000001';

  async up(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(q, 'fallteam-consultation', ({ accessWindow: _replaced, ...spec }) => ({
      ...spec,
      packetOpensBefore: spec.packetOpensBefore ?? 'P14D',
      packetClosesAfter: spec.packetClosesAfter ?? 'P7D',
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(q, 'fallteam-consultation', ({ packetOpensBefore: _o, packetClosesAfter: _c, ...spec }) => ({
      ...spec,
      accessWindow: 'P14D',
    }));
  }
}
