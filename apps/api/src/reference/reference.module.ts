import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@sro/reference-data';
import { MunicipalitiesController, ReferenceController } from './reference.controller';

/** Planning regions, social spaces and municipalities for pickers and filters. */
@Module({
  imports: [ReferenceDataModule],
  controllers: [ReferenceController, MunicipalitiesController],
})
export class ReferenceModule {}
