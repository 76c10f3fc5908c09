import type { AppConfig } from '@sro/config';
import { startReminderContext } from '../../scripts/devstack/reminder-context';

export { eventually } from './eventually';

/** The reminder pieces of API and worker on real PostgreSQL and Redis; the processor only when asked. */
export function startReminders(config: AppConfig, options: { processor: boolean }) {
  return startReminderContext(config, options);
}
