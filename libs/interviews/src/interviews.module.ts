import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { InterviewCycleRepository } from './interview-cycle.repository';
import { InterviewCycleService } from './interview-cycle.service';
import { InterviewReportService } from './interview-report.service';
import { InterviewScheduleService } from './interview-schedule.service';
import { InterviewActivities } from './interview.activities';
import { InterviewRepository } from './interview.repository';

/** The interview cycles' data, their report and the activities of their workflows: what the worker needs (no Temporal client). */
@Module({
  imports: [DefinitionsModule],
  providers: [InterviewCycleRepository, InterviewRepository, InterviewReportService, InterviewActivities],
  exports: [InterviewCycleRepository, InterviewRepository, InterviewReportService],
})
export class InterviewActivitiesModule {}

/** The two-yearly interview cycles with the contract partners as the API steers them (the services need the Temporal client). */
@Module({
  imports: [InterviewActivitiesModule, DefinitionsModule],
  providers: [InterviewCycleService, InterviewScheduleService],
  exports: [InterviewCycleService, InterviewScheduleService],
})
export class InterviewsModule {}
