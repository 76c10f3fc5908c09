import { Module } from '@nestjs/common';
import { DefinitionsService } from '@sro/definitions';
import { AssignmentsService } from '@sro/reference-data';
import { AgreementService } from './agreement.service';

/** Cooperation agreements (API side). */
@Module({
  providers: [AgreementService, AssignmentsService, DefinitionsService],
  exports: [AgreementService],
})
export class AgreementsModule {}
