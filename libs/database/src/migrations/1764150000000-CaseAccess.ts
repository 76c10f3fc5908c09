import { MigrationInterface, QueryRunner } from 'typeorm';
import { specChecksum } from '@sro/definitions';

/** The processes whose overdue steps now escalate to the lead of the case's team, and the role they escalated to before. */
const ESCALATING_TO_LEAD: Record<string, string> = { 'jugendhilfedienst-case': 'admin', 'fallteam-consultation': 'coordinator' };

interface StoredSpec {
  id: string;
  key: string;
  spec: { steps?: Array<{ escalationRole?: string }> };
}

/**
 * Need-to-know access to case files: substitutions (Vertretung) for a period, break-glass openings
 * with reason and expiry, and the history of transfers. The case team stays in
 * `case_file.assigned_caseworker_ids`; its first entry is the responsible caseworker. `case_lead`
 * names the lead of a case (access rule and escalations share it). Version 1 of the
 * Jugendhilfedienst and Fallteam definitions escalates overdue steps to that lead instead of
 * admins (IT staff) and coordinators; processes already running keep the version they pinned.
 */
export class CaseAccess1764150000000 implements MigrationInterface {
  name = 'CaseAccess1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_substitution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        absent_user_id text NOT NULL REFERENCES app_user(id),
        substitute_user_id text NOT NULL REFERENCES app_user(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        named_by text NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (absent_user_id <> substitute_user_id)
      );
      CREATE INDEX case_substitution_substitute_idx ON case_substitution (substitute_user_id, ends_at);

      CREATE TABLE case_break_glass (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        user_id text NOT NULL,
        reason text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX case_break_glass_user_idx ON case_break_glass (user_id, case_id, expires_at);

      CREATE TABLE case_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        from_user_id text NOT NULL,
        to_user_id text NOT NULL,
        note_enc text,
        transferred_by text NOT NULL,
        transferred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_transfer_case_idx ON case_transfer (case_id, transferred_at);

      -- The active lead (role lead) of the team of the case's responsible caseworker, or NULL.
      CREATE FUNCTION case_lead(case_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT l.id FROM case_file f
          JOIN app_user u ON u.id = f.assigned_caseworker_ids[1]
          JOIN team t ON t.id = u.team_id
          JOIN app_user l ON l.id = t.lead_id
         WHERE f.id = case_id AND l.active AND 'lead' = ANY(l.roles)
      $$;
    `);
    await this.escalate(q, (key) => [ESCALATING_TO_LEAD[key], 'lead']);
  }

  /** Rewrites the escalation role of version 1's steps (from → to), keeping the stored checksum true. */
  private async escalate(q: QueryRunner, fromTo: (key: string) => [string, string]): Promise<void> {
    const rows: StoredSpec[] = await q.query(`SELECT id, key, spec FROM workflow_definition WHERE version = 1 AND key = ANY($1)`, [
      Object.keys(ESCALATING_TO_LEAD),
    ]);
    for (const row of rows) {
      const [from, to] = fromTo(row.key);
      for (const step of row.spec.steps ?? []) if (step.escalationRole === from) step.escalationRole = to;
      await q.query(`UPDATE workflow_definition SET spec = $2, checksum = $3, updated_at = now() WHERE id = $1`, [
        row.id,
        JSON.stringify(row.spec),
        specChecksum(row.spec),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await this.escalate(q, (key) => ['lead', ESCALATING_TO_LEAD[key]]);
    await q.query(`DROP FUNCTION case_lead(uuid); DROP TABLE case_transfer; DROP TABLE case_break_glass; DROP TABLE case_substitution;`);
  }
}
