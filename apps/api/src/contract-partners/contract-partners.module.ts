import { Module } from '@nestjs/common';
import { InterviewsModule } from '@sro/interviews';
import { ReferenceDataModule } from '@sro/reference-data';
import { ContractPartnersController } from './contract-partners.controller';

/** The contract-partner registry; its changes reach running interview cycles. */
@Module({
  imports: [ReferenceDataModule, InterviewsModule],
  controllers: [ContractPartnersController],
})
export class ContractPartnersModule {}
