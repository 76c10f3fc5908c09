import { Module } from '@nestjs/common';
import { CasesModule } from '@sro/cases';
import { CaseFollowUpsController } from './case-follow-ups.controller';
import { CasesController, ConsultationsController, SubstitutionsController } from './cases.controller';

/** The HTTP routes of case files, consents and Fallteam consultations. */
@Module({
  imports: [CasesModule],
  controllers: [CasesController, ConsultationsController, SubstitutionsController, CaseFollowUpsController],
})
export class CasesApiModule {}
