import type { ApolloServerPlugin } from '@apollo/server';
import type { Driver } from 'neo4j-driver';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { isNeo4jUnavailable, neo4jLimitError, serviceUnavailableError } from './errorFormatting.ts';
import { ErrorCode } from '../common/error-codes.ts';

export interface Neo4jStatus {
  available: boolean;
  /** ms since epoch of the last probe. */
  checkedAt: number;
  /** Why the last probe failed (driver message), when it did. */
  error?: string;
}

export interface Neo4jMonitorOptions {
  database?: string;
  /** Background probe period while serving; 0 turns it off. */
  intervalMs?: number;
  /**
   * A probe that takes longer proves nothing on its own: a loaded machine makes Neo4j slow, not
   * down, so one timeout keeps the previous state. Only `timeoutsForOutage` timeouts in a row
   * (a hung server) mark it down.
   */
  probeTimeoutMs?: number;
  /**
   * Probe timeout while Neo4j is already down: short, since a timeout then only keeps it down, and a
   * probe stuck on a Neo4j still starting must not delay noticing that it answers.
   */
  downProbeTimeoutMs?: number;
  /** Consecutive probe timeouts that count as an outage (a hung server must not hang requests forever). */
  timeoutsForOutage?: number;
  /** While down, requests re-probe at most this often (then share the answer). */
  recheckMs?: number;
  /** Told once per change: "Neo4j unreachable: …" / "Neo4j answers again". */
  log?: (line: string) => void;
}

/**
 * Knows whether Neo4j answers, so requests fail fast with SERVICE_UNAVAILABLE while it is
 * down instead of waiting out the driver's retries, and notices within about a second
 * when it is back. It probes in the background while up (to notice an outage even with no
 * traffic), and on demand while down (so the first request after a restart succeeds).
 */
export class Neo4jMonitor {
  private current: Neo4jStatus = { available: true, checkedAt: 0 };
  private inFlight: Promise<Neo4jStatus> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly downListeners = new Set<() => void>();
  private readonly database: string | undefined;
  private readonly intervalMs: number;
  private readonly probeTimeoutMs: number;
  private readonly timeoutsForOutage: number;
  private readonly downProbeTimeoutMs: number;
  private consecutiveTimeouts = 0;
  private readonly recheckMs: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly driver: Driver,
    options: Neo4jMonitorOptions = {},
  ) {
    this.database = options.database;
    this.intervalMs = options.intervalMs ?? 1000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 10_000;
    this.timeoutsForOutage = options.timeoutsForOutage ?? 3;
    this.downProbeTimeoutMs = options.downProbeTimeoutMs ?? 1000;
    this.recheckMs = options.recheckMs ?? 200;
    this.log = options.log ?? (() => {});
  }

  get status(): Neo4jStatus {
    return this.current;
  }

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    void this.probe(); // know at once if Neo4j is already down when serving starts
    this.timer = setInterval(() => void this.probe(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.downListeners.clear();
  }

  /** The status for a request about to run: cached while up, re-probed (rate-limited) while down. */
  async ensure(): Promise<Neo4jStatus> {
    if (this.current.available) return this.current;
    if (Date.now() - this.current.checkedAt < this.recheckMs) return this.current;
    return this.probe();
  }

  /** Probes now; concurrent callers share one probe. */
  probe(): Promise<Neo4jStatus> {
    this.inFlight ??= this.runProbe().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Records an outage seen by a request (the driver said ServiceUnavailable). */
  markDown(error: string): void {
    this.update({ available: false, checkedAt: Date.now(), error });
  }

  /** Calls `listener` once, the next time Neo4j is seen going down. Returns a cancel function. */
  onNextOutage(listener: () => void): () => void {
    const once = () => {
      this.downListeners.delete(once);
      listener();
    };
    this.downListeners.add(once);
    return () => this.downListeners.delete(once);
  }

  /**
   * Only a connection-level failure (ServiceUnavailable, SessionExpired, ECONNREFUSED, …: what a
   * stopped or unreachable Neo4j gives, quickly) marks Neo4j down. A slow answer keeps the previous
   * state until `timeoutsForOutage` probes in a row time out; any other error (auth, a bad database
   * name) is not an outage either: requests meet it themselves and report it as it is.
   */
  private async runProbe(): Promise<Neo4jStatus> {
    let timeout: NodeJS.Timeout | undefined;
    const timedOut = Symbol('timed out');
    const limitMs = this.current.available ? this.probeTimeoutMs : this.downProbeTimeoutMs;
    try {
      const answer = await Promise.race([
        this.driver.getServerInfo(this.database ? { database: this.database } : {}),
        new Promise<typeof timedOut>((resolve) => {
          timeout = setTimeout(() => resolve(timedOut), limitMs);
        }),
      ]);
      if (answer === timedOut) {
        if (!this.current.available) {
          this.current = { ...this.current, checkedAt: Date.now() }; // still down: nothing new
        } else if (++this.consecutiveTimeouts >= this.timeoutsForOutage) {
          const error = `no answer to ${this.consecutiveTimeouts} probes in a row, ${this.probeTimeoutMs} ms each`;
          this.update({ available: false, checkedAt: Date.now(), error });
        } else {
          this.current = { ...this.current, checkedAt: Date.now() };
        }
      } else {
        this.consecutiveTimeouts = 0;
        this.update({ available: true, checkedAt: Date.now() });
      }
    } catch (error) {
      this.consecutiveTimeouts = 0;
      const message = error instanceof Error ? error.message : String(error);
      // Only Neo4j's own answer counts: a pool busy with requests keeps the previous state.
      if (isNeo4jUnavailable(error) && !neo4jLimitError(error)) this.update({ available: false, checkedAt: Date.now(), error: message });
      else this.current = { ...this.current, checkedAt: Date.now() };
    } finally {
      clearTimeout(timeout);
    }
    return this.current;
  }

  private update(next: Neo4jStatus): void {
    const wentDown = this.current.available && !next.available;
    const cameBack = !this.current.available && next.available;
    this.current = next;
    if (wentDown) {
      this.log(`[plangraph] Neo4j unreachable (${next.error}); answering SERVICE_UNAVAILABLE until it is back`);
      for (const listener of [...this.downListeners]) listener();
    }
    if (cameBack) this.log('[plangraph] Neo4j answers again');
  }
}

/** Operations that only ask about the schema run without Neo4j (GraphiQL still loads during an outage). */
function onlyIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}

/**
 * Fails requests fast with SERVICE_UNAVAILABLE (HTTP 503, Retry-After) while Neo4j is down,
 * and turns driver outage errors met during execution into the same status.
 */
export function neo4jAvailabilityPlugin(monitor: Neo4jMonitor): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (!operation || onlyIntrospection(operation)) return;
          const status = await monitor.ensure();
          if (!status.available) throw serviceUnavailableError();
        },
        async didEncounterErrors({ errors, response }) {
          const outage = errors.find((e) => isNeo4jUnavailable(e));
          if (!outage) {
            // Neo4j's limits and a busy pool: the client's or a passing load's, never a 500.
            const limits = errors.map((e) => neo4jLimitError(e)).filter((l) => l !== undefined);
            if (limits.length === 0) return;
            const worst = limits.find((l) => l.status === 503) ?? limits[0]!;
            response.http.status = worst.status;
            if (worst.status === 503) response.http.headers.set('retry-after', '2');
            return;
          }
          if (!(outage.extensions.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            monitor.markDown(outage.originalError?.message ?? outage.message);
          }
          response.http.status = 503;
          response.http.headers.set('retry-after', '2');
        },
      };
    },
  };
}
