import { Module } from '@nestjs/common';
import { CasesModule } from '@sro/cases';
import { JugendhilfedienstModule } from '@sro/jugendhilfedienst';
import { CaseFileController, PacketReleaseController } from './case-file.controller';
import { CaseFollowUpsController } from './case-follow-ups.controller';
import { CasesController, ConsultationsController, SubstitutionsController } from './cases.controller';
import { NotesController } from './notes.controller';

/** The HTTP routes of case files, their notes, consents and Fallteam consultations. */
@Module({
  imports: [CasesModule, JugendhilfedienstModule],
  controllers: [
    CaseFileController,
    PacketReleaseController,
    CasesController,
    ConsultationsController,
    SubstitutionsController,
    CaseFollowUpsController,
    NotesController,
  ],
})
export class CasesApiModule {}
