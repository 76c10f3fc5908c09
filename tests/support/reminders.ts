import { seedDemoData } from '@sro/reference-data';
import { scratchDatabase } from './database';

export { startReminderContext as startReminders } from '../../scripts/devstack/reminder-context';
export { eventually } from './eventually';

/**
 * A migrated database with the demo users, for reminder suites: a worker sweeps every due reminder
 * of its database, so suites that share one would deliver each other's.
 */
export async function reminderDatabase() {
  const db = await scratchDatabase();
  await seedDemoData(db.dataSource);
  return db;
}
