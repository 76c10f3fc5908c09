import { Module } from '@nestjs/common';
import { PingController } from './ping.controller';

/** The end-to-end check through Temporal (needs the API's Temporal client). */
@Module({
  controllers: [PingController],
})
export class PingModule {}
