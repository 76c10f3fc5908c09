import { Module } from '@nestjs/common';
import { AgreementsModule } from '@sro/agreements';
import { AgreementsController } from './agreements.controller';

/** The cooperation agreements' HTTP endpoints. */
@Module({
  imports: [AgreementsModule],
  controllers: [AgreementsController],
})
export class AgreementsApiModule {}
