import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Payload } from '@temporalio/common';
import { Audited } from '@sro/audit';
import { Roles } from '@sro/auth';
import { DomainError, Role } from '@sro/common';
import { AppConfig } from '@sro/config';
import { EncryptionCodec } from '@sro/temporal';
import { CodecRequestDto, CodecResponseDto, JsonPayloadDto } from './dto/codec.dto';

const toPayload = (p: JsonPayloadDto): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(String(v), 'base64')])),
  data: p.data ? Buffer.from(p.data, 'base64') : undefined,
});

const toJson = (p: Payload): JsonPayloadDto => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: p.data ? Buffer.from(p.data).toString('base64') : undefined,
});

/**
 * The remote codec the Temporal UI and CLI call (`--ui-codec-endpoint`/`--codec-endpoint`).
 * Decoding reveals workflow payloads, so only admins may, and every decode is audited.
 */
@ApiTags('system')
@ApiBearerAuth()
@Controller('temporal-codec')
export class CodecController {
  private readonly codec: EncryptionCodec;

  constructor(config: AppConfig) {
    // Lenient on purpose: decoding here only shows payloads to an admin; it never feeds a workflow.
    this.codec = new EncryptionCodec(config.payloadKeys, { refuseUnencrypted: false });
  }

  @Post('decode')
  @HttpCode(200)
  @Roles(Role.Admin)
  @Audited({ resourceType: 'workflow-payload', action: 'decode', purpose: 'workflow operations' })
  @ApiOkResponse({ type: CodecResponseDto })
  async decode(@Body() body: CodecRequestDto): Promise<CodecResponseDto> {
    try {
      return { payloads: (await this.codec.decode(body.payloads.map(toPayload))).map(toJson) };
    } catch {
      throw DomainError.invalid('Eine Nutzlast ließ sich mit den eingerichteten Schlüsseln nicht entschlüsseln.');
    }
  }

  @Post('encode')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({ type: CodecResponseDto })
  async encode(@Body() body: CodecRequestDto): Promise<CodecResponseDto> {
    return { payloads: (await this.codec.encode(body.payloads.map(toPayload))).map(toJson) };
  }
}
