import { Module } from '@nestjs/common';
import { CasesModule } from '@sro/cases';
import { JugendhilfedienstModule } from '@sro/jugendhilfedienst';
import { CaseFileController, PacketReleaseController } from './case-file.controller';
import { CaseFollowUpsController } from './case-follow-ups.controller';
import { CasesController, ConsultationsController, SubstitutionsController } from './cases.controller';
import { DocumentsController } from './documents.controller';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { NotesController } from './notes.controller';

/** The HTTP routes of case files, their notes, documents, consents and Fallteam consultations. */
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
    DocumentsController,
  ],
  providers: [DocumentUploadInterceptor],
})
export class CasesApiModule {}
