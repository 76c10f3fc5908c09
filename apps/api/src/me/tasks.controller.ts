import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { ALL_ROLES, Principal } from '@sro/common';
import { TaskService } from '@sro/tasks';
import { TaskPageDto, TaskQueryDto } from './dto/task.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/tasks')
export class TasksController {
  constructor(private readonly tasks: TaskService) {}

  /** The caller's open steps, from the read models; a case's steps only for its case team and substitutes. */
  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Meine Aufgaben',
    description:
      'Alle offenen Schritte, die auf die aufrufende Person oder eine ihrer Rollen warten (Fallteam terminieren, Empfehlung abgeben, ' +
      '§ 8a-Einschätzung, Nachweis einer Phase, Interview planen, Entscheidung zu einer Vereinbarung, fällige Wiedervorlagen …), ' +
      'überfällige zuerst, dann nach Fälligkeit. Schritte eines Falls sehen nur Mitglieder des Fallteams und ihre Vertretungen; ' +
      'Fälle erscheinen nur mit Pseudonym.',
  })
  @ApiOkResponse({ type: TaskPageDto, description: 'Eine Seite der offenen Aufgaben' })
  // Lists case pseudonyms: audited once per request like the case list (not per row).
  @Audited({ resourceType: 'task', action: 'list', purpose: 'Meine Aufgaben' })
  list(@CurrentUser() user: Principal, @Query() query: TaskQueryDto): Promise<TaskPageDto> {
    return this.tasks.mine(user, { kinds: query.kind, limit: query.limit, offset: query.offset });
  }
}
