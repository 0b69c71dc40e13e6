import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { InstanceHooks } from '../../core/instance.js';

/**
 * The host's Prometheus metrics, on a registry of its own (no global state). Labels are server ids,
 * tool names and outcomes only: never a user id, session key or anything secret.
 */
export class HostMetrics {
  readonly registry = new Registry();
  readonly activeConnections = new Gauge({
    name: 'gumcp_active_connections',
    help: 'Live sessions (Streamable HTTP sessions and SSE streams) by server',
    labelNames: ['server'] as const,
    registers: [this.registry],
  });
  readonly connectionTotal = new Counter({
    name: 'gumcp_connection_total',
    help: 'Sessions opened since start, by server',
    labelNames: ['server'] as const,
    registers: [this.registry],
  });
  readonly toolCalls = new Counter({
    name: 'gumcp_tool_calls_total',
    help: 'Tool calls by server, tool and outcome (ok, error, invalid_arguments)',
    labelNames: ['server', 'tool', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly toolDuration = new Histogram({
    name: 'gumcp_tool_call_duration_seconds',
    help: 'Tool call duration in seconds by server and tool',
    labelNames: ['server', 'tool'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly sessionsRejected = new Counter({
    name: 'gumcp_sessions_rejected_total',
    help: 'Sessions refused because the host was at its session cap',
    registers: [this.registry],
  });
  readonly sessionsEvicted = new Counter({
    name: 'gumcp_sessions_evicted_total',
    help: 'Sessions closed for being idle',
    registers: [this.registry],
  });

  readonly toolCallsInFlight = new Gauge({
    name: 'gumcp_tool_calls_in_flight',
    help: 'Tool calls running now',
    registers: [this.registry],
  });
  /** Tool calls running now, as a number the drain can wait on. */
  inFlight = 0;

  readonly hooks: InstanceHooks = {
    onToolStart: () => {
      this.inFlight++;
      this.toolCallsInFlight.inc();
    },
    onToolCall: (server, tool, outcome, seconds) => {
      this.inFlight--;
      this.toolCallsInFlight.dec();
      this.toolCalls.inc({ server, tool, outcome });
      this.toolDuration.observe({ server, tool }, seconds);
    },
  };

  opened(server: string): void {
    this.activeConnections.inc({ server });
    this.connectionTotal.inc({ server });
  }

  closed(server: string): void {
    this.activeConnections.dec({ server });
  }
}
