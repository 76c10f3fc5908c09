import { Module } from '@nestjs/common';
import { CasesModule } from '@sro/cases';
import { CaseFollowUpsController } from './case-follow-ups.controller';
import { CasesController, ConsultationsController, SubstitutionsController } from './cases.controller';
import { NotesController } from './notes.controller';

/** The HTTP routes of case files, their notes, consents and Fallteam consultations. */
@Module({
  imports: [CasesModule],
  controllers: [CasesController, ConsultationsController, SubstitutionsController, CaseFollowUpsController, NotesController],
})
export class CasesApiModule {}
