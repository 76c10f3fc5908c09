import { ApiProperty } from '@nestjs/swagger';
import {
  AGENDA_REF_KINDS,
  AgendaRefKind,
  ATTENDANCE_STATUSES,
  AttendanceStatus,
  COMMITTEE_KINDS,
  COMMITTEE_MEMBER_KINDS,
  CommitteeKind,
  CommitteeMemberKind,
  MINUTES_STATUSES,
  MinutesStatus,
} from '@sro/gremien';
import { InterviewReportDto } from '../../interview-cycles/dto/interview-cycle-response.dto';

/** Ein Gremium: Sozialraumkonferenz, Regionalteam, Fallteam oder Jugendhilfeausschuss. */
export class CommitteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMMITTEE_KINDS }) kind: CommitteeKind;
  @ApiProperty({ example: 'Sozialraumkonferenz Teltow' }) name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planningRegionId: string | null;
  @ApiProperty({ type: String, nullable: true }) planningRegionName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) socialSpaceId: string | null;
  @ApiProperty({ type: String, nullable: true }) socialSpaceName: string | null;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Nächste geplante Sitzung' }) nextMeetingAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class CommitteePageDto {
  @ApiProperty({ type: [CommitteeDto] }) items: CommitteeDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** Ein Mitglied: Person aus dem Personal, externe Person oder Vertragspartner (Organisation). */
export class CommitteeMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMMITTEE_MEMBER_KINDS }) kind: CommitteeMemberKind;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contractPartnerId: string | null;
  @ApiProperty({ description: 'Name der Person oder der Organisation' }) name: string;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ type: String, nullable: true }) function: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) addedAt: Date;
}

export class MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: Date;
  @ApiProperty() place: string;
  @ApiProperty({ enum: MINUTES_STATUSES, nullable: true, description: 'Protokoll: Entwurf, versandt, genehmigt; null ohne Protokoll' })
  minutesStatus: MinutesStatus | null;
  @ApiProperty({ description: 'Offene Aufgaben aus dem versandten Protokoll' }) openTasks: number;
}

export class CommitteeDetailDto extends CommitteeDto {
  @ApiProperty({ type: [CommitteeMemberDto] }) members: CommitteeMemberDto[];
  @ApiProperty({ type: [MeetingSummaryDto], description: 'Sitzungen, neueste zuerst' }) meetings: MeetingSummaryDto[];
  @ApiProperty({ description: 'Ob die aufrufende Person das Gremium, seine Sitzungen und Protokolle ändern darf' }) canEdit: boolean;
}

export class RemovedMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class AgendaRefDto {
  @ApiProperty({ enum: AGENDA_REF_KINDS }) kind: AgendaRefKind;
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Titel des Prozesses, der Vereinbarung oder des Zyklus' }) label: string | null;
}

export class AgendaItemDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: AgendaRefDto, nullable: true }) ref: AgendaRefDto | null;
}

export class AttendanceEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
}

export class MinutesTaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() assigneeId: string;
  @ApiProperty() assigneeName: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) doneBy: string | null;
}

export class MinutesDto {
  @ApiProperty({ enum: MINUTES_STATUSES }) status: MinutesStatus;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) decisions: string[];
  @ApiProperty({ type: [MinutesTaskDto] }) tasks: MinutesTaskDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) submittedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Die Sitzung, in der das Protokoll genehmigt wurde' })
  approvedInMeetingId: string | null;
}

export class MeetingCommitteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMMITTEE_KINDS }) kind: CommitteeKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) socialSpaceId: string | null;
}

export class PreviousMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: Date;
  @ApiProperty({ enum: MINUTES_STATUSES, nullable: true }) minutesStatus: MinutesStatus | null;
}

/** Eine Sitzung mit Tagesordnung, Anwesenheit und Protokoll. */
export class MeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MeetingCommitteeDto }) committee: MeetingCommitteeDto;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: Date;
  @ApiProperty() place: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Sozialraumprozess (Phase 6)' }) sozialraumProcessId:
    string | null;
  @ApiProperty({ type: [AgendaItemDto] }) agenda: AgendaItemDto[];
  @ApiProperty({ type: [AttendanceEntryResponseDto] }) attendance: AttendanceEntryResponseDto[];
  @ApiProperty({ type: MinutesDto, nullable: true }) minutes: MinutesDto | null;
  @ApiProperty({ type: PreviousMeetingDto, nullable: true, description: 'Die vorige Sitzung: ihr Protokoll wird hier genehmigt' })
  previousMeeting: PreviousMeetingDto | null;
  @ApiProperty() canEdit: boolean;
}

export class ProcessMeetingDto extends MeetingSummaryDto {
  @ApiProperty() committeeName: string;
}

export class ProcessMeetingListDto {
  @ApiProperty({ type: [ProcessMeetingDto] }) items: ProcessMeetingDto[];
}

export class PartnerRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class NetworkMemberDto extends PartnerRefDto {
  @ApiProperty({ example: 'free_provider' }) kind: string;
}

export class NetworkAgreementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil: string | null;
}

/** Ein Trägerverbund: Vertragspartner eines Sozialraums mit federführendem Träger und Kooperationsvereinbarung. */
export class ProviderNetworkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) socialSpaceId: string;
  @ApiProperty() socialSpaceName: string;
  @ApiProperty({ format: 'uuid' }) planningRegionId: string;
  @ApiProperty({ type: PartnerRefDto }) leadPartner: PartnerRefDto;
  @ApiProperty({ type: [NetworkMemberDto] }) members: NetworkMemberDto[];
  @ApiProperty({ type: NetworkAgreementDto, nullable: true }) agreement: NetworkAgreementDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ProviderNetworkListDto {
  @ApiProperty({ type: [ProviderNetworkDto] }) items: ProviderNetworkDto[];
}

export class NetworkInterviewMemberDto {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'Stand des Interviews im Zyklus; null, wenn der Partner nicht im Zyklus ist' })
  status: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) plannedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: Date | null;
}

export class NetworkInterviewsDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cycleId: string | null;
  @ApiProperty({ type: InterviewReportDto, nullable: true, description: 'Auswertung nur über die Mitglieder des Verbunds' })
  report: InterviewReportDto | null;
  @ApiProperty({ type: [NetworkInterviewMemberDto] }) members: NetworkInterviewMemberDto[];
}
