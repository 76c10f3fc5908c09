import { ApiProperty } from '@nestjs/swagger';
import type { ReportGrouping, TimeEntryView, TimeKind, TimeReport, TimeReportRow } from '@sro/jugendhilfedienst';
import { TIME_KINDS } from '@sro/jugendhilfedienst';

/** A time entry as its author sees it. */
export class TimeEntryResponseDto implements TimeEntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-11-20' })
  date: string;

  @ApiProperty({ type: String, nullable: true, example: '09:30' })
  start: string | null;

  @ApiProperty({ example: 90 })
  minutes: number;

  @ApiProperty({ enum: TIME_KINDS })
  kind: TimeKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  socialSpaceId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  caseId: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class TimeEntryListResponseDto {
  @ApiProperty({ type: [TimeEntryResponseDto] })
  items: TimeEntryResponseDto[];
}

/** Minutes per kind and the preventive share of one person, team or social space. */
class TimeReportRowDto implements TimeReportRow {
  @ApiProperty({ type: String, nullable: true, description: 'User id, planning region id or social space id; null: none recorded' })
  key: string | null;

  @ApiProperty()
  label: string;

  @ApiProperty()
  caseMinutes: number;

  @ApiProperty()
  preventiveMinutes: number;

  @ApiProperty()
  otherMinutes: number;

  @ApiProperty()
  totalMinutes: number;

  @ApiProperty({ example: 0.125, description: 'Preventive minutes of all minutes (0–1)' })
  preventiveShare: number;

  @ApiProperty({ example: 0.1 })
  target: number;

  @ApiProperty()
  meetsTarget: boolean;

  @ApiProperty({ description: 'Preventive minutes missing to reach the target with the same total' })
  shortfallMinutes: number;
}

/** The preventive-share report of a period. */
export class TimeReportResponseDto implements TimeReport {
  @ApiProperty({ example: '2026-11-01' })
  from: string;

  @ApiProperty({ example: '2026-11-30' })
  to: string;

  @ApiProperty({ enum: ['person', 'team', 'social_space'] })
  groupBy: ReportGrouping;

  @ApiProperty({ example: 0.1, description: 'The definition’s preventive share target (0–1)' })
  target: number;

  @ApiProperty({ type: [TimeReportRowDto] })
  items: TimeReportRowDto[];
}
