import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { CaseFollowUp } from '@sro/cases';

/** A caseworker's own follow-up on a case. */
export class CaseFollowUpBodyDto {
  @ApiProperty({ example: '2027-03-01', description: 'When the case comes back (today or later)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn muss ein Datum JJJJ-MM-TT sein' })
  @IsISO8601({ strict: true }, { message: 'dueOn muss ein gültiges Datum sein' })
  dueOn: string;

  @ApiProperty({ example: 'Rückmeldung der Schule zur Anwesenheit einholen', description: 'What to look at; sealed, never in a reminder' })
  @IsString()
  @MinLength(1, { message: 'Bitte beschreiben Sie, worum es bei der Wiedervorlage geht' })
  @MaxLength(2000)
  text: string;
}

/** The new date of one's own open follow-up. */
export class CaseFollowUpDueDto {
  @ApiProperty({ example: '2027-03-15', description: 'The new date (today or later)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueOn muss ein Datum JJJJ-MM-TT sein' })
  @IsISO8601({ strict: true }, { message: 'dueOn muss ein gültiges Datum sein' })
  dueOn: string;
}

export class CaseFollowUpDto implements CaseFollowUp {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ description: 'Who set it (and gets its reminder)' })
  userId: string;

  @ApiProperty({ example: '2027-03-01' })
  dueOn: string;

  @ApiProperty({ type: String, nullable: true })
  text: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  doneBy: string | null;
}

export class CaseFollowUpListDto {
  @ApiProperty({ type: [CaseFollowUpDto] })
  items: CaseFollowUpDto[];
}
