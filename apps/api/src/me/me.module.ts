import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@sro/reference-data';
import { MeController } from './me.controller';

/** The caller's own profile. */
@Module({
  imports: [ReferenceDataModule],
  controllers: [MeController],
})
export class MeModule {}
