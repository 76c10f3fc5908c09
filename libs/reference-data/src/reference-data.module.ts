import { Module } from '@nestjs/common';
import { AssignmentsService } from './assignments.service';
import { ContractPartnerService } from './contract-partner.service';

/** Planning regions, social spaces, users' assignments and contract partners. */
@Module({
  providers: [AssignmentsService, ContractPartnerService],
  exports: [AssignmentsService, ContractPartnerService],
})
export class ReferenceDataModule {}
