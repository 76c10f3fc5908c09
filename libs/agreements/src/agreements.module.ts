import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { AssignmentsService } from '@sro/reference-data';
import { AgreementService } from './agreement.service';

/** Cooperation agreements (API side). */
@Module({
  imports: [DefinitionsModule],
  providers: [AgreementService, AssignmentsService],
  exports: [AgreementService],
})
export class AgreementsModule {}
