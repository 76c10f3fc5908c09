import { Module } from '@nestjs/common';
import { CasesModule, FieldCipher } from '@sro/cases';
import { DefinitionsModule } from '@sro/definitions';
import { ReferenceDataModule } from '@sro/reference-data';
import { JugendhilfedienstService } from './jugendhilfedienst.service';
import { RetentionScheduleService } from './retention-schedule.service';
import { StatisticsService } from './statistics.service';
import { TimeEntryService } from './time-entry.service';

/** The standardised Jugendhilfedienst process, its statistics, staff time and retention (API side). */
@Module({
  imports: [DefinitionsModule, ReferenceDataModule, CasesModule],
  providers: [JugendhilfedienstService, RetentionScheduleService, StatisticsService, TimeEntryService, FieldCipher],
  exports: [JugendhilfedienstService, RetentionScheduleService, StatisticsService, TimeEntryService],
})
export class JugendhilfedienstModule {}
