import { Module } from '@nestjs/common';
import { CodecController } from './codec.controller';

/** The remote payload codec for the Temporal UI and CLI. */
@Module({
  controllers: [CodecController],
})
export class CodecModule {}
