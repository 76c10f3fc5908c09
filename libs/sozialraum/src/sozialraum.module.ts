import { Module } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { ProcessReadModel } from '@sro/processes';
import { ReferenceDataModule } from '@sro/reference-data';
import { BudgetService } from './budget.service';
import { SozialraumService } from './sozialraum.service';

/** Social-space processes and budgets. */
@Module({
  imports: [ReferenceDataModule],
  providers: [SozialraumService, BudgetService, DefinitionsService, ProcessReadModel],
  exports: [SozialraumService, BudgetService],
})
export class SozialraumModule {}
