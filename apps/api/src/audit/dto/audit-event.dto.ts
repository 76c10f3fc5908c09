import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_OUTCOMES } from '@sro/audit';

/** One entry of the audit log. */
export class AuditEventDto {
  @ApiProperty({ description: 'Laufende Nummer des Eintrags' })
  id: string;

  @ApiProperty({ description: 'Zeitpunkt' })
  occurredAt: Date;

  @ApiProperty({ description: 'Wer gehandelt hat (Benutzer-ID)' })
  actorId: string;

  @ApiProperty({ type: [String], description: 'Rollen der handelnden Person' })
  actorRoles: string[];

  @ApiProperty({ description: 'Aktion, z. B. read, create, update' })
  action: string;

  @ApiProperty({ description: 'Art der Ressource, z. B. case' })
  resourceType: string;

  @ApiProperty({ type: String, nullable: true, description: 'ID der Ressource' })
  resourceId: string | null;

  @ApiProperty({ description: 'Zweck des Zugriffs' })
  purpose: string;

  @ApiProperty({ enum: AUDIT_OUTCOMES, description: 'Ergebnis' })
  outcome: string;

  @ApiProperty({ type: String, nullable: true, description: 'Anfrage-ID' })
  requestId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Weitere Angaben (keine Sozialdaten)' })
  details: Record<string, unknown>;

  @ApiProperty({ description: 'Hash des vorigen Eintrags (Kette)' })
  prevHash: string;

  @ApiProperty({ description: 'Hash dieses Eintrags' })
  hash: string;
}

/** A page of the audit log. */
export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items: AuditEventDto[];

  @ApiProperty({ description: 'Anzahl aller Treffer' })
  total: number;

  @ApiPropertyOptional()
  limit?: number;

  @ApiPropertyOptional()
  offset?: number;
}
