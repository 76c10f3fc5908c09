import { Module } from '@nestjs/common';
import { CasesModule } from '@sro/cases';
import { CasesController, ConsultationsController } from './cases.controller';
import { NotesController } from './notes.controller';

/** The HTTP routes of case files, their notes, consents and Fallteam consultations. */
@Module({
  imports: [CasesModule],
  controllers: [CasesController, ConsultationsController, NotesController],
})
export class CasesApiModule {}
