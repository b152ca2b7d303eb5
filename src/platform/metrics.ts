// Prometheus metrics of one process (prom-client): process and event-loop defaults, API latency, VK calls by
// outcome, jobs run; gauges read at scrape time are added by the roles that know them (jobs waiting, quota).
import client from 'prom-client';

export type Metrics = {
  registry: client.Registry;
  httpSeconds: client.Histogram<'method' | 'route' | 'status'>;
  vkCalls: client.Counter<'outcome'>;
  jobsRun: client.Counter<'queue' | 'result'>;
  scheduleFailures: client.Counter<'schedule'>;
  /** A gauge whose values are read when scraped. */
  gauge(name: string, help: string, labels: string[], read: () => Promise<GaugeValue[]>): void;
};

export type GaugeValue = { labels: Record<string, string>; value: number };

export function createMetrics(role: string): Metrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ role });
  client.collectDefaultMetrics({ register: registry, prefix: 'publica_' });
  return {
    registry,
    httpSeconds: new client.Histogram({
      name: 'publica_http_request_duration_seconds',
      help: 'API request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    vkCalls: new client.Counter({
      name: 'publica_vk_requests_total',
      help: 'VK API requests by outcome: ok, or the error class (vk_6, vk_29, timeout, http_5xx, …)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    jobsRun: new client.Counter({
      name: 'publica_jobs_run_total',
      help: 'Jobs this process ran, by queue and result',
      labelNames: ['queue', 'result'],
      registers: [registry],
    }),
    scheduleFailures: new client.Counter({
      name: 'publica_schedule_failures_total',
      help: 'Scheduler ticks on which a schedule failed (the others still fired), by schedule',
      labelNames: ['schedule'],
      registers: [registry],
    }),
    gauge(name, help, labels, read) {
      new client.Gauge({
        name,
        help,
        labelNames: labels,
        registers: [registry],
        async collect() {
          this.reset();
          for (const v of await read()) this.set(v.labels, v.value);
        },
      });
    },
  };
}
