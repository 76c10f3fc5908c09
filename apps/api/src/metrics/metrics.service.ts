import { Injectable, OnModuleInit } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { AuditService } from '@sro/audit';
import { NotificationService, ReminderQueue } from '@sro/reminders';

/**
 * The API's Prometheus metrics, in a registry of its own (not prom-client's global one, so two
 * applications in one process do not collide). Counts and durations by route pattern, never by URL:
 * URLs carry ids.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'sro_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'sro_http_errors_total',
    help: 'HTTP answers with status 5xx (server) or 4xx (client), by route pattern',
    labelNames: ['method', 'route', 'class'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'sro_http_request_duration_seconds',
    help: 'HTTP request duration by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly auditAppend = new Histogram({
    name: 'sro_audit_append_seconds',
    help: 'Duration of one committed batch of audit rows (chain lock, link, insert)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor(
    private readonly audit: AuditService,
    private readonly reminders: ReminderQueue,
    private readonly notifications: NotificationService,
  ) {
    const queueDepth = new Gauge({
      name: 'sro_reminder_queue_jobs',
      help: 'Jobs of the BullMQ reminder queue by state',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect: async () => {
        const counts = await this.reminders.queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed', 'paused');
        for (const [state, n] of Object.entries(counts)) queueDepth.set({ state }, n);
      },
    });
    // One query set feeds the three gauges below; prom-client collects them concurrently, so a scrape shares one snapshot.
    let snapshot: ReturnType<NotificationService['metrics']> | undefined;
    const reminderFigures = () => {
      snapshot ??= notifications.metrics().finally(() => setTimeout(() => (snapshot = undefined), 1_000).unref());
      return snapshot;
    };
    const reminderGauge: Gauge<'status'> = new Gauge({
      name: 'sro_reminders',
      help: 'Reminders by status (PostgreSQL)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      collect: async () => {
        const { byStatus } = await reminderFigures();
        reminderGauge.reset();
        for (const [status, n] of Object.entries(byStatus)) reminderGauge.set({ status }, n);
      },
    });
    const lag: Gauge<'quantile'> = new Gauge({
      name: 'sro_reminder_lag_ms',
      help: 'Due-to-delivered lag of reminders sent in the last 24 hours',
      labelNames: ['quantile'] as const,
      registers: [this.registry],
      collect: async () => {
        const { lagMsLast24h } = await reminderFigures();
        for (const q of ['p50', 'p95', 'p99', 'max'] as const) lag.set({ quantile: q }, Number(lagMsLast24h[q] ?? 0));
      },
    });
    const outbox: Gauge<'state'> = new Gauge({
      name: 'sro_email_outbox',
      help: 'E-mails not yet delivered, by state (pending, sending, inDoubt, failed)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect: async () => {
        const { emails } = await reminderFigures();
        for (const [state, n] of Object.entries(emails)) outbox.set({ state }, n);
      },
    });
  }

  onModuleInit(): void {
    this.audit.onAppend((seconds) => this.auditAppend.observe(seconds));
  }

  /** Express middleware: one observation per finished request. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const pattern = req.route?.path as string | undefined;
      const route = pattern ? `${req.baseUrl ?? ''}${pattern}` : 'unmatched';
      if (route === '/metrics') return;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      this.duration.observe({ method: req.method, route }, seconds);
      if (res.statusCode >= 400) this.errors.inc({ method: req.method, route, class: res.statusCode >= 500 ? '5xx' : '4xx' });
    });
    next();
  };
}
