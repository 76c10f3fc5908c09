import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** A payload in protobuf-JSON form, as the Temporal UI and CLI send it: bytes as base64. */
export class JsonPayloadDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', format: 'byte' } })
  @IsObject()
  metadata: Record<string, string>;

  @ApiProperty({ format: 'byte', required: false })
  @IsOptional()
  @IsBase64()
  data?: string;
}

export class CodecRequestDto {
  @ApiProperty({ type: [JsonPayloadDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => JsonPayloadDto)
  payloads: JsonPayloadDto[];
}

/** The payloads encoded or decoded, in the order sent. */
export class CodecResponseDto {
  @ApiProperty({ type: [JsonPayloadDto] })
  payloads: JsonPayloadDto[];
}
