import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem } from '@sro/common';
import { DEFINITION_KEYS, DEFINITION_STATUSES } from '@sro/definitions';
import type {
  DefinitionKey,
  DefinitionStatus,
  DefinitionVersionSummary,
  FieldChange,
  KeySummary,
  StepDiff,
  WorkflowDefinition,
} from '@sro/definitions';
import type { InstancePreview, MigrationOutcome, MigrationPreview } from '@sro/processes';
import type { DueDateChange } from '@sro/workflows/shared/steps';

/** A field of a spec holds any JSON value. */
const ANY_JSON = [
  { type: 'string' },
  { type: 'number' },
  { type: 'boolean' },
  { type: 'object', additionalProperties: true },
  { type: 'array', items: {} },
];

/** Where a key's versions stand. */
export class DefinitionSummaryDto implements KeySummary {
  @ApiProperty({ enum: DEFINITION_KEYS })
  key: DefinitionKey;

  @ApiProperty({ type: Number, nullable: true })
  publishedVersion: number | null;

  @ApiProperty({ description: '0 when the key has no version yet' })
  latestVersion: number;

  @ApiProperty({ type: Number, nullable: true, description: 'The open draft, if any' })
  draftVersion: number | null;

  @ApiProperty()
  versions: number;
}

export class DefinitionSummaryListDto {
  @ApiProperty({ type: [DefinitionSummaryDto] })
  items: DefinitionSummaryDto[];
}

/** One version of a definition, without its spec. */
export class DefinitionVersionDto implements DefinitionVersionSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DEFINITION_KEYS })
  key: DefinitionKey;

  @ApiProperty()
  version: number;

  @ApiProperty({ enum: DEFINITION_STATUSES })
  status: DefinitionStatus;

  @ApiProperty({ description: 'Checksum of the spec' })
  checksum: string;

  @ApiProperty({ description: 'User id of the last author' })
  author: string;

  @ApiProperty({ type: String, nullable: true })
  changeNote: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  retiredAt: Date | null;
}

export class DefinitionVersionListDto {
  @ApiProperty({ type: [DefinitionVersionDto] })
  items: DefinitionVersionDto[];
}

/** One version of a definition with its spec. */
export class DefinitionDto extends DefinitionVersionDto implements WorkflowDefinition {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The spec; its shape depends on the key' })
  spec: Record<string, unknown>;
}

/** The version now published and the one it retired. */
export class PublishOutcomeDto {
  @ApiProperty({ type: DefinitionDto })
  published: DefinitionDto;

  @ApiProperty({ type: Number, nullable: true, description: 'The version published before, now retired' })
  retired: number | null;
}

/** A problem in one field of a spec. */
export class SpecProblemDto implements FieldProblem {
  @ApiProperty({ example: '/phases/2/duration' })
  pointer: string;

  @ApiProperty()
  message: string;
}

export class SpecValidationDto {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({ type: [SpecProblemDto] })
  problems: SpecProblemDto[];
}

/** A changed field; `from` is absent for an added one, `to` for a removed one. */
export class SpecFieldChangeDto implements FieldChange {
  @ApiProperty({ example: '/phases[visions]/duration' })
  path: string;

  @ApiPropertyOptional({ oneOf: ANY_JSON, nullable: true, description: 'The value before' })
  from?: unknown;

  @ApiPropertyOptional({ oneOf: ANY_JSON, nullable: true, description: 'The value after' })
  to?: unknown;
}

export class SpecStepDiffDto implements Omit<StepDiff, 'fields'> {
  @ApiProperty({ example: 'phases' })
  collection: string;

  @ApiProperty()
  key: string;

  @ApiProperty({ enum: ['added', 'removed', 'changed', 'unchanged'] })
  change: StepDiff['change'];

  @ApiPropertyOptional({ description: 'Position in the old version' })
  fromIndex?: number;

  @ApiPropertyOptional({ description: 'Position in the new version' })
  toIndex?: number;

  @ApiProperty({ type: [SpecFieldChangeDto] })
  fields: SpecFieldChangeDto[];
}

export class DefinitionDiffDto {
  @ApiProperty()
  from: number;

  @ApiProperty()
  to: number;

  @ApiProperty({ type: [SpecStepDiffDto], description: 'Step by step, for every keyed list at the top' })
  steps: SpecStepDiffDto[];

  @ApiProperty({ type: [SpecFieldChangeDto], description: 'Every other change' })
  fields: SpecFieldChangeDto[];
}

/** A due date a migration moves. */
export class DueDateChangeDto implements DueDateChange {
  @ApiProperty()
  step: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  from: string | null;

  @ApiProperty({ format: 'date-time' })
  to: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Milliseconds the date moves (positive: later)' })
  deltaMs: number | null;

  @ApiProperty({ description: 'True for a step not started yet, whose date is a projection' })
  projected: boolean;
}

/** What a migration would change for one running instance. */
export class InstancePreviewDto implements InstancePreview {
  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty()
  workflowId: string;

  @ApiProperty()
  subjectId: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The social space name, the case file number (pseudonym) or the agreement reference',
  })
  subjectLabel: string | null;

  @ApiProperty()
  fromVersion: number;

  @ApiProperty({ type: String, nullable: true })
  currentStep: string | null;

  @ApiProperty()
  compatible: boolean;

  @ApiPropertyOptional({ description: 'Why the instance cannot move' })
  reason?: string;

  @ApiProperty({ description: 'Whether anything changes for the instance' })
  affected: boolean;

  @ApiProperty({ type: [DueDateChangeDto] })
  dueDateChanges: DueDateChangeDto[];

  @ApiProperty({ type: [String] })
  addedSteps: string[];

  @ApiProperty({ type: [String] })
  removedSteps: string[];

  @ApiProperty({ description: 'Milliseconds the current step was paused; the migrated due date keeps them' })
  pauseCreditMs: number;
}

export class MigrationSummaryDto {
  @ApiProperty()
  running: number;

  @ApiProperty()
  compatible: number;

  @ApiProperty()
  incompatible: number;

  @ApiProperty()
  affected: number;
}

export class MigrationPreviewDto implements MigrationPreview {
  @ApiProperty({ enum: DEFINITION_KEYS })
  key: DefinitionKey;

  @ApiProperty()
  toVersion: number;

  @ApiProperty({ enum: DEFINITION_STATUSES })
  toStatus: string;

  @ApiProperty({ type: [InstancePreviewDto] })
  instances: InstancePreviewDto[];

  @ApiProperty({ type: MigrationSummaryDto })
  summary: MigrationSummaryDto;
}

export class MigratedInstanceDto {
  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty()
  fromVersion: number;

  @ApiProperty({ type: [DueDateChangeDto] })
  dueDateChanges: DueDateChangeDto[];
}

export class UnmigratedInstanceDto {
  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty()
  reason: string;
}

export class MigrationOutcomeDto implements MigrationOutcome {
  @ApiProperty({ enum: DEFINITION_KEYS })
  key: DefinitionKey;

  @ApiProperty()
  toVersion: number;

  @ApiProperty({ type: [MigratedInstanceDto] })
  migrated: MigratedInstanceDto[];

  @ApiProperty({ type: [UnmigratedInstanceDto], description: 'Left untouched: the new version does not fit them' })
  incompatible: UnmigratedInstanceDto[];

  @ApiProperty({ type: [UnmigratedInstanceDto], description: 'The workflow refused or did not answer the update' })
  failed: UnmigratedInstanceDto[];
}
