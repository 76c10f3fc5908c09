import { Worker as Thread } from 'node:worker_threads';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import { ActivityInterceptorsFactory, InjectedSinks, NativeConnection, Worker } from '@temporalio/worker';
import { AppConfig } from '@sro/config';
import { activityFailureInterceptors, ActivityRegistry, appDataConverter, temporalConnectionOptions } from '@sro/temporal';
import { installTemporalRuntime, workflowBundle } from '@sro/temporal-worker';
import { Tracing } from '@sro/tracing';

/**
 * Runs the Temporal worker with every @Activities provider of the imported modules (ActivityRegistry)
 * and one failure mapping for all of them.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: ActivityRegistry,
    private readonly tracing: Tracing,
  ) {}

  get state(): string {
    return this.worker?.getState() ?? 'STARTING';
  }

  /**
   * The threads the workflows run in (their heaps are not the main thread's), for the soak's heap
   * snapshots. The SDK does not expose them: this reads its internals (1.x `ThreadedVMWorkflowCreator`)
   * and answers none when they look different.
   */
  workflowThreads(): Thread[] {
    const creator = (this.worker as unknown as { workflowCreator?: { workerThreadClients?: Array<{ workerThread?: unknown }> } })
      ?.workflowCreator;
    return (creator?.workerThreadClients ?? [])
      .map((client) => client.workerThread)
      .filter((thread): thread is Thread => thread instanceof Thread);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { temporal } = this.config;
    installTemporalRuntime(
      this.config.logLevel === 'debug' || this.config.logLevel === 'verbose' ? 'DEBUG' : 'WARN',
      this.config.metrics.temporalBind,
    );
    this.connection = await NativeConnection.connect(temporalConnectionOptions(temporal));
    const activities = this.registry.collect();
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      workflowBundle: await workflowBundle(temporal.workflowBundlePath),
      activities,
      // Domain refusals fail an activity at once; everything else is retried (libs/temporal).
      interceptors: { activity: [activityFailureInterceptors, ...this.tracingInterceptors()] },
      sinks: this.tracingSinks(),
      dataConverter: appDataConverter(this.config),
      shutdownGraceTime: '10 seconds',
      maxCachedWorkflows: temporal.workflowCacheSize,
      workflowThreadPoolSize: temporal.workflowThreads,
      maxConcurrentWorkflowTaskExecutions: temporal.workflowTaskSlots,
      maxConcurrentLocalActivityExecutions: temporal.localActivitySlots,
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => this.logger.error({ msg: 'worker stopped with an error', error: (error as Error).message }));
    this.logger.log({ msg: 'worker running', taskQueue: temporal.taskQueue, activities: Object.keys(activities).length });
  }

  /** Activity spans (children of the workflow's span) and trace ids in activity log attributes, when tracing is on. */
  private tracingInterceptors(): ActivityInterceptorsFactory[] {
    if (!this.tracing.active) return [];
    return [
      (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }),
    ];
  }

  /** The sink the bundled workflow interceptors export their spans to; with tracing off it drops them. */
  private tracingSinks(): InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }> {
    const active = this.tracing.active;
    if (active) return { exporter: makeWorkflowExporter(active.processor, active.resource) };
    return { exporter: { export: { fn: () => undefined } } };
  }

  // Before any module closes its resources: activities in flight still have the database, Redis and the queues.
  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
