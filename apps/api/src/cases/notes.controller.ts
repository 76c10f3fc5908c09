import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { NoteService } from '@sro/cases';
import { Principal, Role } from '@sro/common';
import { PagingDto } from '../common/paging.dto';
import { CreateNoteDto } from './dto/note.dto';
import { CaseNoteDto, CaseNotePageDto } from './dto/note-response.dto';

const uuid = new ParseUUIDPipe();

/** Notes of a case file (Aktenvermerke): for whoever may read the case; append-only, every call audited. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/notes')
export class NotesController {
  constructor(private readonly notes: NoteService) {}

  @Post()
  // The lead writes notes too: on a closed case they are the only ones who still may.
  @Roles(Role.Caseworker, Role.Lead)
  @ApiCreatedResponse({ type: CaseNoteDto, description: 'Der erfasste Vermerk (eine Korrektur nennt den berichtigten)' })
  @Audited({ resourceType: 'case-note', action: 'create', detailParams: ['id'], purpose: 'Aktenvermerk erfassen' })
  add(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: CreateNoteDto): Promise<CaseNoteDto> {
    return this.notes.add(user, id, body);
  }

  @Get()
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: CaseNotePageDto })
  @Audited({ resourceType: 'case', action: 'read-notes', purpose: 'Fallbearbeitung' })
  list(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() page: PagingDto): Promise<CaseNotePageDto> {
    return this.notes.list(user, id, page);
  }
}
