import { ApiProperty } from '@nestjs/swagger';
import type { AnonymisedCase, AnonymisedCaseList, LegalHoldState, RetentionScheduleView } from '@sro/jugendhilfedienst';

/** The legal hold of a case after it was set or lifted. */
export class LegalHoldResponseDto implements LegalHoldState {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  legalHold: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  legalHoldAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Begründung des Setzens oder Aufhebens des Sperrvermerks' })
  legalHoldReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2031-11-20', description: 'null while the case is open' })
  deletionDate: string | null;
}

class RetentionRunDto {
  @ApiProperty({ format: 'date-time' })
  scheduledAt: string;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty()
  workflowId: string;
}

/** The installation's daily retention schedule. */
export class RetentionScheduleResponseDto implements RetentionScheduleView {
  @ApiProperty()
  scheduleId: string;

  @ApiProperty({ example: 2, description: 'Hour of the day (Europe/Berlin) the run starts' })
  hour: number;

  @ApiProperty()
  paused: boolean;

  @ApiProperty({ type: [String], format: 'date-time' })
  nextRuns: string[];

  @ApiProperty({ type: [RetentionRunDto] })
  recentRuns: RetentionRunDto[];

  @ApiProperty({ type: [String], description: 'Workflow ids of runs going on' })
  runningRuns: string[];

  @ApiProperty()
  runsStarted: number;
}

/** A case the retention anonymised: ids and times only. */
class AnonymisedCaseDto implements AnonymisedCase {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  anonymisedAt: Date;

  @ApiProperty({ type: String, nullable: true, example: '2026-11-20', description: 'The day whose deletion dates had passed' })
  asOf: string | null;
}

export class AnonymisedCaseListResponseDto implements AnonymisedCaseList {
  @ApiProperty({ type: [AnonymisedCaseDto] })
  items: AnonymisedCaseDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** A case under legal hold, as administrators see it: pseudonym, who set the hold and when, the deletion date; never the reason. */
class LegalHoldEntryDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: 'F-2026-7KQ3MX' })
  pseudonym: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  legalHoldAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  legalHoldBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  legalHoldByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: '2031-11-20' })
  deletionDate: string | null;

  @ApiProperty({ description: 'The deletion date has passed: only the hold keeps the case' })
  overdue: boolean;
}

export class LegalHoldListResponseDto {
  @ApiProperty({ type: [LegalHoldEntryDto] })
  items: LegalHoldEntryDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
