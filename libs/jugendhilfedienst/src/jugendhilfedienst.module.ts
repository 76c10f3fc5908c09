import { Module } from '@nestjs/common';
import { CasesModule } from '@sro/cases';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { CaseClosureService } from './case-closure.service';
import { JugendhilfedienstActivitiesModule } from './jugendhilfedienst-activities.module';
import { JugendhilfedienstWorkflowClient } from './jugendhilfedienst-workflow.client';
import { JugendhilfedienstService } from './jugendhilfedienst.service';
import { RetentionScheduleService } from './retention-schedule.service';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';
import { TimeEntryRepository } from './time-entry.repository';
import { TimeEntryService } from './time-entry.service';

/** The standardised Jugendhilfedienst process, its statistics, staff time and retention (API side; needs the Temporal client). */
@Module({
  imports: [CasesModule, DefinitionsModule, ReferenceDataModule, JugendhilfedienstActivitiesModule],
  providers: [
    CaseClosureService,
    JugendhilfedienstService,
    JugendhilfedienstWorkflowClient,
    RetentionScheduleService,
    StatisticsRepository,
    StatisticsService,
    TimeEntryRepository,
    TimeEntryService,
  ],
  exports: [CaseClosureService, JugendhilfedienstService, RetentionScheduleService, StatisticsService, TimeEntryService],
})
export class JugendhilfedienstModule {}
