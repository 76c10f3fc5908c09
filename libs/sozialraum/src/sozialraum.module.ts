import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ProcessesModule } from '@sro/processes';
import { ReferenceDataModule } from '@sro/reference-data';
import { BudgetRepository } from './budget.repository';
import { BudgetService } from './budget.service';
import { SozialraumReferenceRepository } from './sozialraum-reference.repository';
import { SozialraumService } from './sozialraum.service';

/** Social-space processes and budgets (API side: SozialraumService needs the Temporal client). */
@Module({
  imports: [DefinitionsModule, ReferenceDataModule, ProcessesModule],
  providers: [BudgetRepository, SozialraumReferenceRepository, SozialraumService, BudgetService],
  exports: [SozialraumService, BudgetService],
})
export class SozialraumModule {}
