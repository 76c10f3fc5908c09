import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';

let installed = false;

/** Sets the SDK runtime's log level once per process (the runtime can only be installed before first use). */
export function installTemporalRuntime(level: LogLevel = 'WARN'): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already created by an earlier worker in this process: keep it.
  }
}
