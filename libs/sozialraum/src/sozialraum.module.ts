import { Module } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { ProcessReadModel } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { BudgetService } from './budget.service';
import { SozialraumService } from './sozialraum.service';

/** Social-space processes and budgets. */
@Module({
  providers: [SozialraumService, BudgetService, DefinitionsService, AssignmentsService, ProcessReadModel],
  exports: [SozialraumService, BudgetService],
})
export class SozialraumModule {}
