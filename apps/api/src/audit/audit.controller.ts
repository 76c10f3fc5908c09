import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited, AuditService } from '@sro/audit';
import { Roles } from '@sro/auth';
import { Role } from '@sro/common';
import { AuditPageDto } from './dto/audit-event.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit log, newest first, filtered and paged. */
  @Get()
  @Roles(Role.Admin)
  @Audited({ resourceType: 'audit-log', action: 'list', purpose: 'audit review' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const { items, total } = await this.audit.list({
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }
}
