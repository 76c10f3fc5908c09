import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Meine Aufgaben" from a maintained table instead of deriving the case steps per request.
 *
 * `task` holds the open steps of the case processes (Fallteam consultation, Jugendhilfedienst),
 * the follow-ups and the social-space phases, derived from their read models by triggers in the
 * transaction that changes a read model (so a caller's next GET sees their own step at once). What
 * depends on the clock stays a column the read compares with `now()`: when a step appears
 * (`shown_from`, `shown_from_date`), disappears (`shown_until`) and counts as overdue
 * (`late_from`). A row is written once per member of the case team (`member_id`; for a phase its
 * coordinator), so a person's list is one index range; substitutions are looked up per request
 * (the absent member's rows); `assignee_id` narrows a follow-up to the person it belongs to. The other kinds (adviser recommendations, interviews, agreement decisions)
 * stay per-request queries: they are small and entered through an index of the caller.
 *
 * A refresh recomputes all rows of the changed cases (or social-space processes) under a
 * transaction-level advisory lock on each, so two transactions touching the same case cannot
 * interleave their deletes and inserts (READ COMMITTED: the statements after the lock see what the
 * other committed).
 */
export class MaintainedTasks1766200000000 implements MigrationInterface {
  name = 'MaintainedTasks1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id text NOT NULL,
        kind text NOT NULL,
        target_id text NOT NULL,
        case_id uuid REFERENCES case_file(id) ON DELETE CASCADE,
        process_id uuid,
        team_ids text[] NOT NULL,
        assignee_id text,
        due_at timestamptz,
        late_from timestamptz,
        shown_from timestamptz,
        shown_until timestamptz,
        shown_from_date date,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        subject_label text NOT NULL,
        extra_id text,
        detail text
      );
      -- A list is one range of this index, read without the table (index-only): the page's 50 rows are
      -- fetched by id afterwards.
      CREATE INDEX task_member_idx ON task (member_id, kind)
        INCLUDE (id, target_id, due_at, late_from, shown_from, shown_until, shown_from_date, assignee_id, case_id);
      CREATE INDEX task_case_idx ON task (case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX task_process_idx ON task (process_id) WHERE case_id IS NULL;

      CREATE FUNCTION task_refresh_cases(cs uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF coalesce(cardinality(cs), 0) = 0 THEN RETURN; END IF;
        -- In one order, so two transactions locking several cases cannot deadlock on each other.
        PERFORM pg_advisory_xact_lock(hashtextextended('task:' || x.c::text, 0))
           FROM (SELECT DISTINCT c FROM unnest(cs) c WHERE c IS NOT NULL ORDER BY c) x;
        DELETE FROM task WHERE case_id = ANY(cs);
        INSERT INTO task (kind, target_id, case_id, process_id, team_ids, assignee_id, due_at, late_from, shown_from, shown_until,
                          shown_from_date, subject_type, subject_id, subject_label, member_id)
        WITH f AS (SELECT id, pseudonym, assigned_caseworker_ids AS team FROM case_file WHERE id = ANY(cs) AND anonymised_at IS NULL),
        p AS (SELECT f.id AS case_id, f.pseudonym, f.team, p.id, p.definition_key, p.definition_version, p.current_due_at, p.summary,
                     (p.summary->>'sessionAt')::timestamptz AS session_at
                FROM f JOIN process_instance p
                  ON p.subject_id = f.id::text AND p.status = 'running' AND p.definition_key IN ('fallteam-consultation', 'jugendhilfedienst-case'))
        -- One row per member of the case team.
        SELECT u.*, m.member_id FROM (
        SELECT 'consultation_schedule', p.id::text, p.case_id, p.id, p.team, NULL, p.current_due_at, p.current_due_at, NULL::timestamptz, NULL::timestamptz,
               NULL::date, 'case', p.case_id::text, p.pseudonym
          FROM p WHERE p.definition_key = 'fallteam-consultation' AND p.summary->>'phase' = 'requested'
        UNION ALL
        SELECT 'consultation_invite', p.id::text, p.case_id, p.id, p.team, NULL, p.session_at, p.session_at, NULL, p.session_at,
               NULL, 'case', p.case_id::text, p.pseudonym
          FROM p WHERE p.definition_key = 'fallteam-consultation' AND p.summary->>'phase' = 'scheduled' AND (p.summary->>'advisers')::int = 0
           AND p.session_at IS NOT NULL
        UNION ALL
        -- Advisers see a packet only once the caseworker released it, and again after an edit made it stale.
        SELECT 'consultation_release', p.id::text, p.case_id, p.id, p.team, NULL, p.session_at, p.session_at, NULL, p.session_at,
               NULL, 'case', p.case_id::text, p.pseudonym
          FROM p WHERE p.definition_key = 'fallteam-consultation' AND p.summary->>'phase' = 'scheduled' AND p.session_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM consultation_packet_release pr WHERE pr.consultation_id = p.id AND pr.stale_since IS NULL)
        UNION ALL
        -- Due when the outcome step of the pinned definition ends after the session (P7D in the seed).
        SELECT 'consultation_outcome', p.id::text, p.case_id, p.id, p.team, NULL, o.due, o.due, p.session_at, NULL,
               NULL, 'case', p.case_id::text, p.pseudonym
          FROM p CROSS JOIN LATERAL (SELECT p.session_at + coalesce((SELECT (st->>'duration')::interval FROM workflow_definition d, jsonb_array_elements(d.spec->'steps') st
                  WHERE d.key = p.definition_key AND d.version = p.definition_version AND st->>'key' = 'outcome'), interval '7 days') AS due) o
         WHERE p.definition_key = 'fallteam-consultation' AND p.summary->>'phase' = 'scheduled' AND p.session_at IS NOT NULL
        UNION ALL
        SELECT 'jhd_' || (p.summary->>'phase'), p.case_id::text, p.case_id, p.id, p.team, NULL, p.current_due_at, p.current_due_at, NULL, NULL,
               NULL, 'case', p.case_id::text, p.pseudonym
          FROM p WHERE p.definition_key = 'jugendhilfedienst-case'
           AND p.summary->>'phase' IN ('classification', 'risk_assessment', 'immediate_protection', 'help_plan')
        UNION ALL
        -- Reviews are dated months ahead; they become tasks 14 days before (UPCOMING_HORIZON_DAYS).
        SELECT 'jhd_help_plan_review', p.case_id::text, p.case_id, p.id, p.team, NULL, r.on_date::timestamptz, (r.on_date + 1)::timestamptz, NULL, NULL,
               r.on_date - 14, 'case', p.case_id::text, p.pseudonym
          FROM p CROSS JOIN LATERAL (SELECT (p.summary->>'nextReviewAt')::date AS on_date) r
         WHERE p.definition_key = 'jugendhilfedienst-case' AND p.summary->>'phase' = 'help' AND r.on_date IS NOT NULL
        UNION ALL
        SELECT 'case_follow_up', fu.id::text, f.id, NULL, f.team, fu.user_id, fu.due_on::timestamptz, (fu.due_on + 1)::timestamptz, NULL, NULL,
               fu.due_on - 14, 'case', f.id::text, f.pseudonym
          FROM f JOIN case_follow_up fu ON fu.case_id = f.id AND fu.done_at IS NULL
        ) u CROSS JOIN LATERAL unnest(u.team) AS m(member_id);
      END
      $fn$;

      CREATE FUNCTION task_refresh_processes(ps uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        IF coalesce(cardinality(ps), 0) = 0 THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('task:' || x.p::text, 0))
           FROM (SELECT DISTINCT p FROM unnest(ps) p WHERE p IS NOT NULL ORDER BY p) x;
        DELETE FROM task WHERE process_id = ANY(ps) AND case_id IS NULL;
        -- The current phase of a running process, for its coordinator, with how many required deliverables are missing.
        INSERT INTO task (member_id, kind, target_id, case_id, process_id, team_ids, due_at, late_from, subject_type, subject_id, subject_label, detail)
        SELECT p.summary->>'coordinatorId', 'sozialraum_phase', p.id::text, NULL, p.id, ARRAY[p.summary->>'coordinatorId'], p.current_due_at, p.current_due_at,
               'sozialraum-process', p.id::text, coalesce(p.summary->>'title', p.current_step_title),
               (SELECT i FROM jsonb_array_elements(p.steps) WITH ORDINALITY AS e(step, i) WHERE e.step->>'key' = p.current_step)
               || '|' || (SELECT count(*) FROM workflow_definition d, jsonb_array_elements(d.spec->'phases') ph, jsonb_array_elements(ph->'deliverables') dl
                           WHERE d.key = p.definition_key AND d.version = p.definition_version AND ph->>'key' = p.current_step
                             AND (dl->>'required')::boolean AND NOT coalesce((p.summary->'deliverables'->p.current_step) ? (dl->>'key'), false))
               || '|' || coalesce(p.current_step_title, '')
          FROM process_instance p
         WHERE p.id = ANY(ps) AND p.definition_key = 'sozialraum-development' AND p.status = 'running'
           AND p.current_step IS NOT NULL AND p.summary->>'coordinatorId' IS NOT NULL;
      END
      $fn$;

      -- Statement-level triggers with transition tables: a bulk write refreshes its cases in one set-based
      -- statement instead of once per row (PostgreSQL allows one event per trigger with transition tables).
      CREATE FUNCTION task_on_process_instance() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM task_refresh_cases(ARRAY(
          SELECT DISTINCT r.subject_id::uuid FROM changed_rows r
           WHERE r.definition_key IN ('fallteam-consultation', 'jugendhilfedienst-case') AND r.subject_type = 'case'
             AND r.subject_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'));
        PERFORM task_refresh_processes(ARRAY(SELECT r.id FROM changed_rows r WHERE r.definition_key = 'sozialraum-development'));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER task_process_instance_insert AFTER INSERT ON process_instance
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_process_instance();
      CREATE TRIGGER task_process_instance_update AFTER UPDATE ON process_instance
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_process_instance();
      CREATE TRIGGER task_process_instance_delete AFTER DELETE ON process_instance
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_process_instance();

      CREATE FUNCTION task_on_case_follow_up() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM task_refresh_cases(ARRAY(SELECT DISTINCT r.case_id FROM changed_rows r));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER task_case_follow_up_insert AFTER INSERT ON case_follow_up
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_case_follow_up();
      -- A follow-up keeps its case (no route moves it), so the new rows name every case an update touches.
      CREATE TRIGGER task_case_follow_up_update AFTER UPDATE ON case_follow_up
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_case_follow_up();
      CREATE TRIGGER task_case_follow_up_delete AFTER DELETE ON case_follow_up
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_case_follow_up();

      CREATE FUNCTION task_on_packet_release() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM task_refresh_cases(ARRAY(SELECT DISTINCT k.case_id FROM changed_rows r JOIN consultation k ON k.id = r.consultation_id));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER task_packet_release_insert AFTER INSERT ON consultation_packet_release
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_packet_release();
      CREATE TRIGGER task_packet_release_update AFTER UPDATE ON consultation_packet_release
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_packet_release();
      CREATE TRIGGER task_packet_release_delete AFTER DELETE ON consultation_packet_release
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_packet_release();

      -- The team, the pseudonym and anonymisation are what the case's rows copy or depend on.
      CREATE FUNCTION task_on_case_file() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM task_refresh_cases(ARRAY(
          SELECT n.id FROM changed_rows n JOIN previous_rows o ON o.id = n.id
           WHERE o.assigned_caseworker_ids IS DISTINCT FROM n.assigned_caseworker_ids
              OR o.pseudonym IS DISTINCT FROM n.pseudonym OR o.anonymised_at IS DISTINCT FROM n.anonymised_at));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER task_case_file AFTER UPDATE ON case_file
        REFERENCING OLD TABLE AS previous_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION task_on_case_file();

      SELECT task_refresh_cases(ARRAY(SELECT id FROM case_file WHERE anonymised_at IS NULL));
      SELECT task_refresh_processes(ARRAY(SELECT id FROM process_instance WHERE definition_key = 'sozialraum-development' AND status = 'running'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER task_case_file ON case_file;
      DROP TRIGGER task_packet_release_insert ON consultation_packet_release;
      DROP TRIGGER task_packet_release_update ON consultation_packet_release;
      DROP TRIGGER task_packet_release_delete ON consultation_packet_release;
      DROP TRIGGER task_case_follow_up_insert ON case_follow_up;
      DROP TRIGGER task_case_follow_up_update ON case_follow_up;
      DROP TRIGGER task_case_follow_up_delete ON case_follow_up;
      DROP TRIGGER task_process_instance_insert ON process_instance;
      DROP TRIGGER task_process_instance_update ON process_instance;
      DROP TRIGGER task_process_instance_delete ON process_instance;
      DROP FUNCTION task_on_case_file();
      DROP FUNCTION task_on_packet_release();
      DROP FUNCTION task_on_case_follow_up();
      DROP FUNCTION task_on_process_instance();
      DROP FUNCTION task_refresh_processes(uuid[]);
      DROP FUNCTION task_refresh_cases(uuid[]);
      DROP TABLE task;
    `);
  }
}
