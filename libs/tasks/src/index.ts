export * from './task.repository';
export * from './task.service';
export * from './task.types';
export * from './tasks.module';
