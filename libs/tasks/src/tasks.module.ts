import { Module } from '@nestjs/common';
import { TaskRepository } from './task.repository';
import { TaskService } from './task.service';

/** "Meine Aufgaben": reads the other areas' read models, writes nothing. */
@Module({
  providers: [TaskRepository, TaskService],
  exports: [TaskService],
})
export class TasksModule {}
