import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { ProcessMigrationsModule } from '@sro/processes';
import { DefinitionsController } from './definitions.controller';
import { MigrationsController } from './migrations.controller';

/** The HTTP side of workflow definitions and of migrating running instances to a newer version. */
@Module({
  imports: [DefinitionsModule, ProcessMigrationsModule],
  controllers: [DefinitionsController, MigrationsController],
})
export class DefinitionsApiModule {}
