import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AgreementRejection, AgreementStatus, AgreementVersionStatus, ApprovalRound } from '@sro/workflows/contracts';

export const AGREEMENT_KINDS = ['cooperation', 'three_party', 'social_space_contract'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_PARTY_KINDS = ['contract_partner', 'municipality', 'landkreis'] as const;
export type AgreementPartyKind = (typeof AGREEMENT_PARTY_KINDS)[number];

/** A party of the agreement: a contract partner or municipality by id, or the Landkreis; the name as it was when named. */
export interface AgreementParty {
  kind: AgreementPartyKind;
  refId: string | null;
  name: string;
}

/** Metadata of an attached document; the file itself lives in the document store. */
export interface AttachmentMeta {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256?: string;
  description?: string;
}

/** A Kooperationsvereinbarung: organisational data only, never client data. */
@Entity('cooperation_agreement')
export class CooperationAgreement {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ unique: true })
  reference: string;

  @Column()
  title: string;

  @Column({ type: 'text' })
  kind: AgreementKind;

  @Column({ type: 'text' })
  status: AgreementStatus;

  @Column('uuid', { name: 'planning_region_id' })
  planningRegionId: string;

  @Column({ name: 'coordinator_id' })
  coordinatorId: string;

  @Column({ type: 'jsonb' })
  parties: AgreementParty[];

  @Column('uuid', { name: 'social_space_ids', array: true })
  socialSpaceIds: string[];

  @Column({ name: 'workflow_id', unique: true })
  workflowId: string;

  @Column({ name: 'definition_version', type: 'int' })
  definitionVersion: number;

  @Column({ name: 'latest_version', type: 'int' })
  latestVersion: number;

  @Column({ name: 'active_version', type: 'int', nullable: true })
  activeVersion: number | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'renewal_due_at', type: 'timestamptz', nullable: true })
  renewalDueAt: Date | null;

  /** The current (or last) approval round as the workflow reported it. */
  @Column({ type: 'jsonb', nullable: true })
  approval: ApprovalRound | null;

  @Column({ name: 'last_rejection', type: 'jsonb', nullable: true })
  lastRejection: AgreementRejection | null;

  @Column('text', { name: 'approver_ids', array: true })
  approverIds: string[];

  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason: string | null;

  @Column({ name: 'state_revision', type: 'int' })
  stateRevision: number;

  @Column({ name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One version of the agreement's text; every version is kept. */
@Entity('cooperation_agreement_version')
export class AgreementVersion {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  status: AgreementVersionStatus;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb' })
  attachments: AttachmentMeta[];

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil: string;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote: string | null;

  @Column({ name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An approver's decision for one party of one stage in one approval round, with its comment. */
@Entity('cooperation_agreement_decision')
export class AgreementDecisionRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'int' })
  round: number;

  @Column({ name: 'stage_key' })
  stageKey: string;

  @Column({ name: 'party_key' })
  partyKey: string;

  @Column({ name: 'approver_id' })
  approverId: string;

  @Column({ type: 'text' })
  decision: 'approve' | 'reject';

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'resolution_number', type: 'text', nullable: true })
  resolutionNumber: string | null;

  @Column({ name: 'resolution_date', type: 'date', nullable: true })
  resolutionDate: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
