import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@sro/reference-data';
import { TasksModule } from '@sro/tasks';
import { MeController } from './me.controller';
import { TasksController } from './tasks.controller';

/** The caller's own profile and task list ("Meine Aufgaben"). */
@Module({
  imports: [ReferenceDataModule, TasksModule],
  controllers: [MeController, TasksController],
})
export class MeModule {}
