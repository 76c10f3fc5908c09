import { Module } from '@nestjs/common';
import { InterviewsModule } from '@sro/interviews';
import { InterviewCyclesController } from './interview-cycles.controller';

/** The interview cycles' HTTP endpoints. InterviewsModule is exported on: the contract partners tell running cycles of a change. */
@Module({
  imports: [InterviewsModule],
  controllers: [InterviewCyclesController],
  exports: [InterviewsModule],
})
export class InterviewCyclesApiModule {}
