import { Module } from '@nestjs/common';
import { AssignmentsService } from './assignments.service';
import { ContractPartnerRepository } from './contract-partner.repository';
import { ContractPartnerService } from './contract-partner.service';
import { PlanningRegionRepository } from './planning-region.repository';
import { StaffService } from './staff.service';
import { TeamRepository } from './team.repository';
import { UserRepository } from './user.repository';

/** Planning regions, social spaces, users' assignments and contract partners; the one place that provides them. */
@Module({
  providers: [
    UserRepository,
    TeamRepository,
    PlanningRegionRepository,
    ContractPartnerRepository,
    AssignmentsService,
    ContractPartnerService,
    StaffService,
  ],
  exports: [UserRepository, TeamRepository, PlanningRegionRepository, AssignmentsService, ContractPartnerService, StaffService],
})
export class ReferenceDataModule {}
