import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGE_BANDS, AgeBand, CASE_ACCESS_KINDS, CASE_ZONES, CaseAccessKind, CaseZone, CONSENT_FORMS, ConsentForm } from '@sro/cases';
import type { ConsultationPhase } from '@sro/workflows/contracts';
import type { StepStatus } from '@sro/workflows/shared/steps';
import { FamilyMemberDto, OutcomeDto, PersonalDataDto, ResourcesDto } from './case.dto';

// Answers of the cases and consultations routes. Dates the database holds arrive as Date objects
// and leave as ISO 8601 strings.

const CONSULTATION_PHASES: ConsultationPhase[] = ['requested', 'scheduled', 'outcome_recorded', 'closed', 'cancelled'];
const STEP_STATUSES: StepStatus[] = ['pending', 'active', 'completed'];

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'F-2026-7KQ3MX' })
  pseudonym: string;

  @ApiProperty({ enum: CASE_ZONES, nullable: true, description: 'Null until a Jugendhilfedienst case is classified' })
  zone: CaseZone | null;

  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for a case the caller is not on (listed only, so they know whom to ask)',
  })
  familyName: string | null;

  @ApiProperty({ enum: CASE_ACCESS_KINDS, nullable: true, description: 'How the caller reaches the case; null: listed only' })
  access: CaseAccessKind | null;

  @ApiProperty({ description: 'The responsible caseworker (user id)' })
  responsibleCaseworkerId: string;

  @ApiProperty({ type: String, nullable: true })
  responsibleCaseworkerName: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] })
  items: CaseSummaryDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

export class ConfidedItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  text: string;

  @ApiPropertyOptional({ description: 'Whom it was confided to (user id)' })
  confidantId?: string;

  @ApiPropertyOptional({ description: 'Released by the confidant to the case team' })
  released?: boolean;
}

/** Die Aufbewahrungsregel der Definition, aus der das Löschdatum bei Abschluss berechnet wird. */
export class CaseRetentionRuleDto {
  @ApiProperty({ enum: ['fallteam-consultation', 'jugendhilfedienst-case'], description: 'Definition, deren Regel gilt' })
  definitionKey: 'fallteam-consultation' | 'jugendhilfedienst-case';

  @ApiProperty({ description: 'Veröffentlichte Version der Definition' })
  definitionVersion: number;

  @ApiProperty({ example: 'P5Y', description: 'Löschdatum = Abschluss + diese Frist (ISO-8601-Dauer)' })
  afterClosure: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'P2Y',
    description: 'Frist nach Abschluss für Fallteam-Fälle ohne Hilfe; null, wo die Definition keine kennt',
  })
  afterClosureWithoutHelp: string | null;
}

/** The whole case file, for a caseworker who may see it. */
export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'F-2026-7KQ3MX' })
  pseudonym: string;

  @ApiProperty({
    enum: CASE_ZONES,
    nullable: true,
    description:
      'Bereich: service = Leistungs-, unclear = Grau-, endangerment = Gefährdungsbereich; null, bis ein Jugendhilfedienst-Fall eingestuft ist',
  })
  zone: CaseZone | null;

  @ApiProperty({ format: 'uuid', description: 'Sozialraum' })
  socialSpaceId: string;

  @ApiProperty({ type: [String], description: 'Fallteam; die erste Kennung ist die fallverantwortliche Fachkraft' })
  assignedCaseworkerIds: string[];

  @ApiProperty({ description: 'Fallverantwortliche Fachkraft' })
  responsibleCaseworkerId: string;

  @ApiProperty({
    enum: CASE_ACCESS_KINDS,
    description: 'Wie die aufrufende Person den Fall erreicht: Fallteam, Vertretung, Notfallzugriff, Leitung',
  })
  access: CaseAccessKind;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Löschdatum: wird bei Abschluss aus der Aufbewahrungsregel berechnet, nie eingegeben; null, solange der Fall offen ist',
  })
  deletionDate: Date | null;

  @ApiProperty({ type: CaseRetentionRuleDto, description: 'Aufbewahrungsregel, aus der das Löschdatum folgt' })
  retentionRule: CaseRetentionRuleDto;

  @ApiProperty({ description: 'Aufbewahrungssperre: der Fall wird auch nach dem Löschdatum nicht gelöscht' })
  legalHold: boolean;

  @ApiProperty({ type: PersonalDataDto, description: 'Persönliche Daten (verschlüsselt gespeichert)' })
  personal: PersonalDataDto;

  @ApiProperty({ description: 'Wille der Familie, in ihren eigenen Worten' })
  will: string;

  @ApiProperty({ type: [String], description: 'Ziele' })
  goals: string[];

  @ApiProperty({ type: ResourcesDto, description: 'Ressourcen der Person, des Umfelds und des Sozialraums' })
  resources: ResourcesDto;

  @ApiProperty({ type: [ConfidedItemDto], description: 'Anvertraute Daten (§ 65 SGB VIII)' })
  confided: ConfidedItemDto[];

  @ApiProperty({ type: String, format: 'date-time', description: 'Zeitpunkt der Fallaufnahme' })
  createdAt: Date;

  @ApiProperty({
    example: 3,
    description: 'Version der Fallakte; eine Änderung nennt sie (If-Match mit dem ETag oder Feld version), sonst 412',
  })
  version: number;

  @ApiProperty({
    enum: ['open', 'closed'],
    description: 'open: in Bearbeitung; closed: abgeschlossen und schreibgeschützt (Vermerke der Leitung ausgenommen)',
  })
  status: 'open' | 'closed';

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Zeitpunkt des Abschlusses' })
  closedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, description: 'Wer den Fall abgeschlossen hat (Benutzerkennung)' })
  closedBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Begründung des Abschlusses' })
  closedReason: string | null;
}

/** A recorded consent; a revoked one stays with its revocation date. */
export class ConsentRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ description: 'Counts per case from 1' })
  version: number;

  @ApiProperty({ example: 'Mutter (sorgeberechtigt)' })
  givenBy: string;

  @ApiProperty({ example: 'fallteam' })
  purpose: string;

  @ApiProperty({ type: [String], example: ['familyName'] })
  fields: string[];

  @ApiProperty({ enum: CONSENT_FORMS })
  form: ConsentForm;

  @ApiProperty({ type: String, format: 'date-time' })
  givenAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: Date | null;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class ConsentListDto {
  @ApiProperty({ type: [ConsentRecordDto] })
  items: ConsentRecordDto[];
}

export class FallteamSessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty()
  place: string;

  @ApiProperty({ description: 'How many consultations the session takes' })
  capacity: number;

  @ApiProperty()
  moderatorId: string;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class BookedFallteamSessionDto extends FallteamSessionDto {
  @ApiProperty({ description: 'Consultations booked into the session' })
  booked: number;
}

export class FallteamSessionPageDto {
  @ApiProperty({ type: [BookedFallteamSessionDto] })
  items: BookedFallteamSessionDto[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

export class ConsultationStepDto {
  @ApiProperty()
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: STEP_STATUSES })
  status: StepStatus;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  dueAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Set when the due date was extended with a reason' })
  extendedTo?: string;

  @ApiPropertyOptional()
  overdue?: boolean;
}

/** An adviser's access window to the packet, as the consultation lists it. */
export class InvitationDto {
  @ApiProperty()
  adviserId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  opensAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  closesAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when access was closed early' })
  closedAt: Date | null;
}

/** An adviser's recorded recommendation. */
export class RecommendationRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  adviserId: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: [String] })
  suggestedHelp: string[];

  @ApiProperty({ type: [String] })
  risks: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

/** A consultation for its caseworker: the workflow's state with the questions and outcome. */
export class ConsultationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty()
  pseudonym: string;

  @ApiProperty({ enum: CONSULTATION_PHASES })
  phase: ConsultationPhase;

  @ApiProperty({ type: [ConsultationStepDto] })
  steps: ConsultationStepDto[];

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sessionId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sessionAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Wiedervorlage, set with the outcome' })
  followUpAt: string | null;

  @ApiProperty({ type: [String] })
  questions: string[];

  @ApiProperty({ type: OutcomeDto, nullable: true })
  outcome: OutcomeDto | null;

  @ApiProperty({ type: [InvitationDto] })
  invitations: InvitationDto[];

  @ApiProperty({ type: [RecommendationRecordDto], description: 'The advisers’ recommendations; the outcome answers each' })
  adviserRecommendations: RecommendationRecordDto[];
}

/** An adviser's access as the workflow granted it. */
export class AdviserAccessDto {
  @ApiProperty()
  adviserId: string;

  @ApiProperty({ format: 'date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty()
  closed: boolean;
}

/** A consultation an adviser may open now: ids, pseudonym and dates only. */
export class AdviserConsultationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  pseudonym: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sessionAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  accessUntil: Date;
}

export class AdviserConsultationListDto {
  @ApiProperty({ type: [AdviserConsultationDto] })
  items: AdviserConsultationDto[];
}

/** The identity fields a consent in force releases; absent ones stay hidden. */
export class ReleasedPersonalDataDto {
  @ApiPropertyOptional()
  familyName?: string;

  @ApiPropertyOptional({ type: [String] })
  givenNames?: string[];

  @ApiPropertyOptional({ type: [String] })
  birthDates?: string[];

  @ApiPropertyOptional()
  address?: string;

  @ApiPropertyOptional({ type: [FamilyMemberDto] })
  familyMembers?: FamilyMemberDto[];
}

/** What an external adviser sees: pseudonymised, no confided items, identity only as far as consent releases it. */
export class ConsultationPacketDto {
  @ApiProperty({ format: 'uuid' })
  consultationId: string;

  @ApiProperty()
  pseudonym: string;

  @ApiProperty({ enum: CASE_ZONES, nullable: true })
  zone: string | null;

  @ApiProperty()
  will: string;

  @ApiProperty({ type: [String] })
  goals: string[];

  @ApiProperty({ type: ResourcesDto })
  resources: ResourcesDto;

  @ApiProperty({ type: [String] })
  questions: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sessionAt: string | null;

  @ApiProperty({
    enum: AGE_BANDS,
    isArray: true,
    description: 'The children’s age bands today, in the order of the case’s birth dates; never the birth dates',
  })
  ageBands: AgeBand[];

  @ApiProperty({ type: ReleasedPersonalDataDto })
  released: ReleasedPersonalDataDto;
}

export class BreakGlassResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty()
  userId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  openedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the access ends (BREAK_GLASS_HOURS after opening)' })
  expiresAt: Date;
}

export class CaseTransferDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fromUserId: string;

  @ApiProperty()
  toUserId: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty()
  transferredBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  transferredAt: Date;
}

export class CaseTransferListDto {
  @ApiProperty({ type: [CaseTransferDto] })
  items: CaseTransferDto[];
}

export class SubstitutionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  absentUserId: string;

  @ApiProperty()
  substituteUserId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  endsAt: Date;

  @ApiProperty()
  namedBy: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class SubstitutionListDto {
  @ApiProperty({ type: [SubstitutionResponseDto] })
  items: SubstitutionResponseDto[];
}

/** A new case; with the consultation when the intake asked for one in the same call. */
export class CaseIntakeDto extends CaseDto {
  @ApiPropertyOptional({ type: ConsultationDto, description: 'Die Fallteam-Anfrage, wenn sie mit der Fallaufnahme gestellt wurde' })
  consultation?: ConsultationDto;
}
