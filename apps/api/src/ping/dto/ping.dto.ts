import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class PingDto {
  @ApiProperty({ example: 'hello' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  message: string;
}
