import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@sro/reference-data';
import { StaffController } from './staff.controller';

/** Staff administration: users and teams. */
@Module({
  imports: [ReferenceDataModule],
  controllers: [StaffController],
})
export class StaffApiModule {}
