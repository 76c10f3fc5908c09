import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { TASK_KINDS, TaskKind } from '@sro/tasks';
import { PagingDto } from '../../common/paging.dto';

export class TaskQueryDto extends PagingDto {
  @ApiPropertyOptional({
    enum: TASK_KINDS,
    isArray: true,
    description: 'Nur Aufgaben dieser Arten (mehrfach angeben oder durch Komma getrennt), z. B. `consultation_schedule`',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray()
  @ArrayMaxSize(TASK_KINDS.length)
  @IsIn(TASK_KINDS, { each: true })
  kind?: TaskKind[];
}

export class TaskSubjectDto {
  @ApiProperty({
    enum: ['case', 'sozialraum-process', 'contract-partner', 'cooperation-agreement', 'meeting'],
    description:
      'Worum es geht: Fall, Sozialraumprozess, Vertragspartner (Interview), Kooperationsvereinbarung oder Gremiensitzung (Aufgabe aus Protokoll)',
  })
  type: 'case' | 'sozialraum-process' | 'contract-partner' | 'cooperation-agreement' | 'meeting';

  @ApiProperty({ description: 'Kennung des Falls, Prozesses, Vertragspartners oder der Vereinbarung' })
  id: string;

  @ApiProperty({
    example: 'F-2026-ABC234',
    description: 'Bei Fällen nur das Pseudonym (keine Namen); sonst Prozesstitel, Name der Organisation oder Aktenzeichen der Vereinbarung',
  })
  label: string;
}

/** Ein offener Schritt, der auf die aufrufende Person (oder eine ihrer Rollen) wartet. */
export class TaskDto {
  @ApiProperty({ example: 'consultation_schedule:7f0c…', description: 'Stabile Kennung der Aufgabe, solange der Schritt offen ist' })
  id: string;

  @ApiProperty({ enum: TASK_KINDS, description: 'Art der Aufgabe (stabiler Code)' })
  kind: TaskKind;

  @ApiProperty({ example: 'Fallteam terminieren', description: 'Bezeichnung der Aufgabe (deutsch)' })
  title: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Fällig am; leer, wenn der Schritt keine Frist hat' })
  dueAt: string | null;

  @ApiProperty({ description: 'Die Frist ist verstrichen' })
  overdue: boolean;

  @ApiProperty({ type: TaskSubjectDto, description: 'Fall (Pseudonym), Prozess, Vertragspartner oder Vereinbarung' })
  subject: TaskSubjectDto;

  @ApiProperty({ example: '/beratungen/7f0c…', description: 'Seite der Web-Anwendung, auf der die Aufgabe erledigt wird' })
  link: string;
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskDto], description: 'Überfällige zuerst, dann nach Fälligkeit' })
  items: TaskDto[];

  @ApiProperty({ description: 'Anzahl aller offenen Aufgaben (mit dem Filter)' })
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
