import { DefaultLogger, LogLevel, Runtime } from '@temporalio/worker';

let installed = false;

/**
 * Sets the SDK runtime's log level once per process (the runtime can only be installed before first
 * use); with `metricsBind` (host:port) the runtime serves the SDK's worker metrics for Prometheus there.
 */
export function installTemporalRuntime(level: LogLevel = 'WARN', metricsBind?: string): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({
      logger: new DefaultLogger(level),
      ...(metricsBind ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsBind } } } } : {}),
    });
  } catch {
    // Already created by an earlier worker in this process: keep it.
  }
}
