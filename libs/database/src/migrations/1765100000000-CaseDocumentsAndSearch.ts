import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents of a case file and the blind search index over its names.
 *
 * `case_document` holds what the API needs to list and serve a document; its bytes live sealed in
 * the document store (a directory or an S3-compatible bucket) under `storage_key`, the file name
 * sealed like every personal field. `case_search_token` holds truncated HMAC-SHA-256 values of the
 * normalised name tokens and their prefixes (key SEARCH_INDEX_KEY), so a search never opens a row.
 * Existing cases are indexed by the API at start (`CaseSearchBackfill`): the migration has no keys;
 * `case_file.search_key_id` names the key that indexed a case (NULL: not yet), so a new key re-indexes.
 */
export class CaseDocumentsAndSearch1765100000000 implements MigrationInterface {
  name = 'CaseDocumentsAndSearch1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_document (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        file_name_enc text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        key_id text NOT NULL,
        uploaded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_document_case_idx ON case_document (case_id, created_at DESC, id);

      -- The case's social space rides along (kept in step by a trigger), so a search learns which
      -- matches lie in the caller's spaces from the index alone.
      CREATE TABLE case_search_token (
        token bytea NOT NULL,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        social_space_id uuid NOT NULL,
        PRIMARY KEY (token, case_id) INCLUDE (social_space_id)
      );
      CREATE INDEX case_search_token_case_idx ON case_search_token (case_id);
      CREATE FUNCTION case_search_token_follow_space() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_search_token SET social_space_id = NEW.social_space_id WHERE case_id = NEW.id;
        RETURN NEW;
      END $$;
      CREATE TRIGGER case_search_token_space AFTER UPDATE OF social_space_id ON case_file
        FOR EACH ROW WHEN (OLD.social_space_id IS DISTINCT FROM NEW.social_space_id) EXECUTE FUNCTION case_search_token_follow_space();

      ALTER TABLE case_file ADD COLUMN search_key_id text;
      CREATE INDEX case_file_pseudonym_search_idx ON case_file (upper(replace(pseudonym, '-', '')) text_pattern_ops);
      CREATE INDEX case_file_created_idx ON case_file (created_at DESC, id) WHERE anonymised_at IS NULL;
      -- The case list filters, sorts and counts the matches of a search on these columns alone (index-only).
      CREATE INDEX case_file_list_idx ON case_file (id)
        INCLUDE (created_at, pseudonym, social_space_id, assigned_caseworker_ids, zone, closed_at, anonymised_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX case_file_list_idx;
      DROP INDEX case_file_created_idx;
      DROP INDEX case_file_pseudonym_search_idx;
      ALTER TABLE case_file DROP COLUMN search_key_id;
      DROP TRIGGER case_search_token_space ON case_file;
      DROP FUNCTION case_search_token_follow_space();
      DROP TABLE case_search_token;
      DROP TABLE case_document;
    `);
  }
}
