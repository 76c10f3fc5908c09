import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_ROLES, isRole, Role, ROLE_LABELS } from '@sro/common';
import { ESCALATION_ROLES, SEED_SPECS, validateSpec } from '@sro/definitions';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('roles', () => {
  it('knows the lead role (Leitung) with a German label for every role', () => {
    expect(isRole('lead')).toBe(true);
    expect(ROLE_LABELS[Role.Lead]).toBe('Leitung');
    for (const role of ALL_ROLES) expect(ROLE_LABELS[role]).toMatch(/\S/);
  });

  it('lets the database hold exactly the roles of the system (the app_user constraint mirrors the enum)', () => {
    // The newest migration that sets the constraint decides (in `up`, before any `down`).
    const dir = join(__dirname, '../../libs/database/src/migrations');
    const ups = readdirSync(dir)
      .filter((f) => /^\d{13}-.*\.ts$/.test(f))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8').split('async down')[0]);
    const constraint = ups
      .map((up) => up.match(/CHECK \(roles <@ ARRAY\[([^\]]+)\]/))
      .filter((m) => m !== null)
      .pop();
    expect(constraint).not.toBeNull();
    const allowed = constraint![1].split(',').map((r) => r.trim().replace(/'/g, ''));
    expect([...allowed].sort()).toEqual([...ALL_ROLES].sort());
  });

  it('lets definitions escalate only to roles a user can hold, never to advisers', () => {
    for (const role of ESCALATION_ROLES) expect(isRole(role)).toBe(true);
    expect(ESCALATION_ROLES).not.toContain('adviser');
    expect(ESCALATION_ROLES).toContain('lead');
  });

  it.each([
    ['lead', []],
    ['supervisor', ['/steps/1/escalationRole']],
    ['adviser', ['/steps/1/escalationRole']],
  ])('validates the escalation role %s of a Jugendhilfedienst step', (role, pointers) => {
    const spec = clone(SEED_SPECS['jugendhilfedienst-case']) as unknown as { steps: Array<Record<string, unknown>> };
    spec.steps[1].escalationRole = role;
    expect(validateSpec('jugendhilfedienst-case', spec).map((p) => p.pointer)).toEqual(pointers);
  });
});
