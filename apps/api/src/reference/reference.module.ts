import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@sro/reference-data';
import { ReferenceController } from './reference.controller';

/** Planning regions and social spaces for pickers and filters. */
@Module({
  imports: [ReferenceDataModule],
  controllers: [ReferenceController],
})
export class ReferenceModule {}
