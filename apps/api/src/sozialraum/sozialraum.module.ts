import { Module } from '@nestjs/common';
import { SozialraumModule } from '@sro/sozialraum';
import { BudgetController, SozialraumController } from './sozialraum.controller';

/** The HTTP side of the social-space processes and budgets. */
@Module({
  imports: [SozialraumModule],
  controllers: [SozialraumController, BudgetController],
})
export class SozialraumApiModule {}
