export * from './cycle-schedule-spec';
export * from './interview-cycle.service';
export * from './interview-report';
export * from './interview-report.service';
export * from './interview-schedule.service';
export * from './interview.activities';
export * from './interviews.module';
