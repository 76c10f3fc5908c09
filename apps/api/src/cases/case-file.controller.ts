import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { CaseFileService, PacketReleaseService } from '@sro/cases';
import { DomainError, Principal, Role } from '@sro/common';
import { CaseClosureService } from '@sro/jugendhilfedienst';
import { CaseDto } from './dto/case-response.dto';
import { CaseFileDto, CloseCaseDto, PacketPreviewDto, ReopenCaseDto, UpdateCaseDto } from './dto/case-file.dto';

const uuid = new ParseUUIDPipe();

/** The ETag of a case file's version (strong: the version changes with every stored change). */
export const caseEtag = (version: number) => `"${version}"`;

/** The version an `If-Match` names (`"3"`, `W/"3"` or `3`); undefined without the header. */
function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    throw DomainError.invalid('Die Kopfzeile If-Match nennt keine Version dieser Fallakte.', [
      { pointer: '/version', code: 'format.etag', message: 'If-Match muss das ETag der Fallakte sein, z. B. "3".' },
    ]);
  return Number(match[1]);
}

/** The case file as the case team keeps it: the full read, edits, closure and reopening; every call audited. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseFileController {
  constructor(
    private readonly caseFiles: CaseFileService,
    private readonly closure: CaseClosureService,
  ) {}

  @Get(':id/file')
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOperation({
    summary: 'Die ganze Fallakte',
    description:
      'Persönliche Daten, Familienmitglieder, Wille, Ziele, Ressourcen, Anvertrautes (§ 65, nur soweit lesbar), Einwilligungen, Fallteam-Beratungen mit Stand, Schritte des Jugendhilfedienst-Prozesses, Wiedervorlagen und Historie. Das ETag nennt die Version für Änderungen.',
  })
  @ApiOkResponse({ type: CaseFileDto, headers: { ETag: { description: 'Version der Fallakte, für If-Match' } } })
  @Audited({ resourceType: 'case', action: 'read-file', purpose: 'Fallbearbeitung' })
  async file(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseFileDto> {
    const view = await this.closure.read(user, id);
    res.setHeader('ETag', caseEtag(view.version));
    return view;
  }

  @Patch(':id')
  @Roles(Role.Caseworker)
  @ApiOperation({
    summary: 'Fallakte ändern',
    description:
      'Die angegebenen Felder ersetzen die gespeicherten, geprüft wie bei der Fallaufnahme. Die bearbeitete Version steht in If-Match (ETag) oder im Feld version: ist sie nicht mehr aktuell, antwortet der Dienst 412 und ändert nichts; ohne Version 428. Ein abgeschlossener Fall antwortet 409. Die Historie nennt die geänderten Felder; eine freigegebene Paketfassung, deren Felder sich ändern, wird als veraltet markiert.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag der bearbeiteten Version, z. B. "3"' })
  @ApiOkResponse({ type: CaseDto, headers: { ETag: { description: 'Die neue Version der Fallakte' } } })
  @Audited({ resourceType: 'case', action: 'update', purpose: 'Fallakte bearbeiten' })
  async update(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: UpdateCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDto> {
    const fromHeader = versionOfIfMatch(ifMatch);
    if (fromHeader !== undefined && body.version !== undefined && fromHeader !== body.version)
      throw DomainError.invalid('If-Match und version nennen verschiedene Versionen.', [
        {
          pointer: '/version',
          code: 'equals',
          params: { value: fromHeader },
          message: `Die Version ${body.version} widerspricht If-Match ${ifMatch}.`,
        },
      ]);
    const { version, ...change } = body;
    const updated = await this.caseFiles.update(user, id, change, fromHeader ?? version);
    res.setHeader('ETag', caseEtag(updated.version));
    return updated;
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOperation({
    summary: 'Fall abschließen',
    description:
      'Schließt einen Fallteam- oder Jugendhilfedienst-Fall mit Begründung ab; das Löschdatum folgt aus der Aufbewahrungsregel der Definition. Danach ist der Fall schreibgeschützt (409), nur die Leitung kann noch Vermerke anlegen. Ein Jugendhilfedienst-Fall wird über seinen Prozess abgeschlossen; scheitert danach das Speichern von Begründung und Historie, vervollständigt ein erneuter Aufruf den Abschluss (der Prozess wird nicht noch einmal gefragt).',
  })
  @ApiOkResponse({ type: CaseDto })
  @Audited({ resourceType: 'case', action: 'close', purpose: 'Fallabschluss' })
  close(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: CloseCaseDto): Promise<CaseDto> {
    return this.closure.close(user, id, body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOperation({
    summary: 'Fall wieder öffnen',
    description:
      'Öffnet einen abgeschlossenen Fall mit Begründung wieder, solange sein Löschdatum nicht erreicht ist; das Löschdatum entfällt. Ein Jugendhilfedienst-Fall erhält wieder einen laufenden Prozess, der beim letzten Stand weitergeht (mit Hilfeplan: die Hilfe läuft, die Überprüfung ist wie geplant fällig; sonst beginnt der Schritt, aus dem er abgeschlossen wurde, neu).',
  })
  @ApiOkResponse({ type: CaseDto })
  @Audited({ resourceType: 'case', action: 'reopen', purpose: 'Wiedereröffnung des Falls' })
  reopen(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReopenCaseDto): Promise<CaseDto> {
    return this.closure.reopen(user, id, body.reason);
  }
}

/** Packet release: the caseworker previews the packet exactly as advisers would see it and releases it. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
export class PacketReleaseController {
  constructor(private readonly releases: PacketReleaseService) {}

  @Get(':id/packet-preview')
  @Roles(Role.Caseworker)
  @ApiOperation({
    summary: 'Vorschau des Beratungspakets',
    description:
      'Das Paket genau so, wie die externen Beratungen es nach einer Freigabe jetzt sähen, mit Hinweisen auf Namen und Geburtsdaten der Familie im Freitext, und der Stand der letzten Freigabe (veraltet nach einer Änderung der Fallakte).',
  })
  @ApiOkResponse({ type: PacketPreviewDto })
  @Audited({ resourceType: 'consultation-packet', action: 'preview', purpose: 'Paketfreigabe vorbereiten' })
  preview(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<PacketPreviewDto> {
    return this.releases.preview(user, id);
  }

  @Post(':id/packet-release')
  @Roles(Role.Caseworker)
  @ApiOperation({
    summary: 'Beratungspaket freigeben',
    description:
      'Speichert das Paket, wie die Vorschau es zeigt, als die Fassung, die die eingeladenen Beratungen sehen. Vor der ersten Freigabe sehen sie nichts.',
  })
  @ApiCreatedResponse({ type: PacketPreviewDto })
  @Audited({ resourceType: 'consultation-packet', action: 'release', purpose: 'Paketfreigabe an das erweiterte Fallteam' })
  release(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<PacketPreviewDto> {
    return this.releases.release(user, id);
  }
}
