import { Module } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { InterviewCycleService } from './interview-cycle.service';
import { InterviewReportService } from './interview-report.service';
import { InterviewScheduleService } from './interview-schedule.service';

/** The two-yearly interview cycles with the contract partners (API side). */
@Module({
  providers: [InterviewCycleService, InterviewReportService, InterviewScheduleService, DefinitionsService],
  exports: [InterviewCycleService, InterviewScheduleService],
})
export class InterviewsModule {}
