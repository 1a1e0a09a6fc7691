import http from 'node:http';
import https from 'node:https';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { type ClaimedDelivery, claimDueDeliveries, millisecondsUntilNextDue, pruneDeliveredBefore, queueNewChanges, recordAttempt } from './delivery-queue.ts';
import { postWebhook } from './post-webhook.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-delay.ts';
import { createTargetPolicy, type TargetPolicy } from './target-policy.ts';
import { buildWebhookPayload, idempotencyKey } from './webhook-payload.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhookBody } from './webhook-signature.ts';

/** Channel on which a trigger announces committed feature changes (0007_webhooks.sql). */
export const FEATURE_CHANGES_CHANNEL = 'casa_sig_feature_changes';

export interface WebhookDispatcherOptions {
  pool: pg.Pool;
  registry: LayerRegistry;
  logger: Logger;
  policy: TargetPolicy;
  /** Each request (connect, send, answer) is cut after this many milliseconds. */
  timeoutMs: number;
  retry?: RetryPolicy;
  /** Fallback wake-up when no notification comes (a lost LISTEN connection, a lease that ran out). */
  pollIntervalMs?: number;
  /** Requests in flight at most, per process. */
  concurrency?: number;
  /** Changes looked at per hook per discovery round. */
  batchSize?: number;
  /** Delivered log entries are kept this many days. */
  retentionDays?: number;
}

/** Extra time a lease lasts beyond the request timeout, for recording the outcome. */
const LEASE_MARGIN_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;
/** A lost LISTEN connection is re-opened at most this often (polling covers the gap). */
const LISTEN_RETRY_MS = 30_000;

/**
 * Sends queued webhook deliveries, in every server process. Work comes from the database only (the
 * outbox in delivery-queue.ts), so nothing is lost when a process stops or dies, and several processes
 * share the work without sending one delivery twice at the same time. A trigger's NOTIFY wakes it as soon
 * as a change commits; a timer wakes it for retries and, as a fallback, every poll interval.
 */
export class WebhookDispatcher {
  readonly #options: Required<WebhookDispatcherOptions>;
  readonly #agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  readonly #inFlight = new Set<Promise<void>>();
  #listener: pg.Client | undefined;
  #timer: NodeJS.Timeout | undefined;
  #pumping: Promise<void> | undefined;
  #isPumpRequested = false;
  #isStopped = true;
  #lastPrunedAt = 0;
  #lastListenAttemptAt = 0;

  constructor(options: WebhookDispatcherOptions) {
    this.#options = { retry: DEFAULT_RETRY_POLICY, pollIntervalMs: 2_000, concurrency: 8, batchSize: 1_000, retentionDays: 30, ...options };
  }

  /** Starts listening and working; failures to listen are logged and polling carries on. */
  async start(): Promise<void> {
    this.#isStopped = false;
    await this.#listen();
    this.#requestPump();
  }

  /** Stops taking work and waits for the attempts under way (each bounded by the timeout). */
  async stop(): Promise<void> {
    this.#isStopped = true;
    clearTimeout(this.#timer);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.#pumping;
    await Promise.all(this.#inFlight);
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /**
   * Queues new changes and sends everything due now, waiting for each attempt, until nothing is due (for
   * tools and tests; the running dispatcher does the same on its own).
   */
  async drain(): Promise<void> {
    for (;;) {
      await this.#queueAll();
      const claimed = await claimDueDeliveries(this.#options.pool, this.#options.concurrency, this.#leaseMs());
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((delivery) => this.#send(delivery)));
    }
  }

  #leaseMs(): number {
    return this.#options.timeoutMs + LEASE_MARGIN_MS;
  }

  async #listen(): Promise<void> {
    this.#lastListenAttemptAt = Date.now();
    const client = new pg.Client({ ...this.#options.pool.options, application_name: 'casa-sig-webhooks' });
    client.on('notification', () => this.#requestPump());
    client.on('error', (error) => {
      this.#options.logger.warn({ err: error }, 'webhook listener lost its connection; polling until it is back');
      if (this.#listener === client) this.#listener = undefined;
      client.end().catch(() => undefined);
    });
    client.on('end', () => {
      if (this.#listener === client) this.#listener = undefined;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${FEATURE_CHANGES_CHANNEL}`);
      if (this.#isStopped) await client.end();
      else this.#listener = client;
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'webhook listener could not start; polling only');
      await client.end().catch(() => undefined);
    }
  }

  #requestPump(): void {
    if (this.#isStopped) return;
    if (this.#pumping) {
      this.#isPumpRequested = true;
      return;
    }
    this.#pumping = this.#pump().finally(() => {
      this.#pumping = undefined;
      if (this.#isPumpRequested) {
        this.#isPumpRequested = false;
        this.#requestPump();
      }
    });
  }

  /** One round: queue new changes, fill the free request slots, then sleep until the next due time. */
  async #pump(): Promise<void> {
    clearTimeout(this.#timer);
    let waitMs = this.#options.pollIntervalMs;
    try {
      if (!this.#listener && Date.now() - this.#lastListenAttemptAt > LISTEN_RETRY_MS) await this.#listen();
      await this.#queueAll();
      await this.#pruneNowAndThen();
      for (;;) {
        const free = this.#options.concurrency - this.#inFlight.size;
        if (this.#isStopped || free <= 0) return; // a finishing attempt requests the next round
        const claimed = await claimDueDeliveries(this.#options.pool, free, this.#leaseMs());
        for (const delivery of claimed) this.#launch(delivery);
        if (claimed.length < free) break;
      }
      const untilDue = await millisecondsUntilNextDue(this.#options.pool);
      if (untilDue !== null) waitMs = Math.min(waitMs, Math.max(untilDue, 10));
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'webhook dispatcher round failed; trying again later');
    }
    if (!this.#isStopped) this.#timer = setTimeout(() => this.#requestPump(), waitMs).unref();
  }

  async #queueAll(): Promise<void> {
    while ((await queueNewChanges(this.#options.pool, this.#options.batchSize)) >= this.#options.batchSize) {
      if (this.#isStopped) return;
    }
  }

  async #pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.#lastPrunedAt < PRUNE_EVERY_MS) return;
    this.#lastPrunedAt = Date.now();
    await pruneDeliveredBefore(this.#options.pool, this.#options.retentionDays);
  }

  #launch(delivery: ClaimedDelivery): void {
    const task: Promise<void> = this.#send(delivery)
      .catch((error) => this.#options.logger.warn({ err: error, delivery: delivery.id }, 'webhook delivery could not be recorded'))
      .finally(() => {
        this.#inFlight.delete(task);
        this.#requestPump();
      });
    this.#inFlight.add(task);
  }

  /** One attempt: build the body, sign it, POST it, record the outcome (and the next try if it failed). */
  async #send(delivery: ClaimedDelivery): Promise<void> {
    const { change } = delivery;
    const payload = buildWebhookPayload(delivery.webhookId, change, this.#options.registry.find(change.layer));
    const body = JSON.stringify(payload);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'casa-sig-webhooks/1',
      [IDEMPOTENCY_HEADER]: idempotencyKey(delivery.webhookId, change.seq),
      [SIGNATURE_HEADER]: signWebhookBody(delivery.secrets, Math.floor(Date.now() / 1000), body),
    };
    const outcome = await postWebhook(delivery.url, headers, body, { timeoutMs: this.#options.timeoutMs, policy: this.#options.policy, agents: this.#agents });
    const delayMs = outcome.isAcknowledged ? 0 : retryDelayMs(delivery.attempt, this.#options.retry);
    await recordAttempt(this.#options.pool, delivery, outcome, delayMs);
    if (!outcome.isAcknowledged) {
      this.#options.logger.info(
        { webhook: delivery.webhookId, seq: change.seq, attempt: delivery.attempt, status: outcome.statusCode, error: outcome.error, retryInMs: delayMs },
        'webhook delivery failed; will retry',
      );
    }
  }
}

/** Creates and starts the dispatcher of a server process from its configuration (server/index.ts). */
export async function startWebhookDispatcher(deps: {
  pool: pg.Pool;
  registry: LayerRegistry;
  logger: Logger;
  config: Pick<Config, 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_ALLOWED_NETWORKS'>;
}): Promise<WebhookDispatcher> {
  const dispatcher = new WebhookDispatcher({
    pool: deps.pool,
    registry: deps.registry,
    logger: deps.logger.child({ component: 'webhooks' }),
    policy: createTargetPolicy(deps.config.WEBHOOK_ALLOWED_NETWORKS),
    timeoutMs: deps.config.WEBHOOK_TIMEOUT_MS,
  });
  await dispatcher.start();
  return dispatcher;
}
