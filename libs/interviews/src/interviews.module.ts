import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { InterviewCycleService } from './interview-cycle.service';
import { InterviewReportService } from './interview-report.service';
import { InterviewScheduleService } from './interview-schedule.service';

/** The two-yearly interview cycles with the contract partners (API side). */
@Module({
  imports: [DefinitionsModule],
  providers: [InterviewCycleService, InterviewReportService, InterviewScheduleService],
  exports: [InterviewCycleService, InterviewScheduleService],
})
export class InterviewsModule {}
