export { startReminderContext as startReminders } from '../../scripts/devstack/reminder-context';
export { eventually } from './eventually';
