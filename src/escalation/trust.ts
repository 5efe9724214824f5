import type { Messages } from '../i18n';
import type { AppLogger } from '../logger';
import type { TrustStatus } from './model';

/**
 * Salesforce's public Trust status API (https://api.status.salesforce.com/v1, unauthenticated).
 * Support asks first whether an incident or maintenance was running, so the case says. Answers
 * are cached briefly per instance; a failure is "unreachable", never "down".
 */
export interface TrustOptions {
  readonly apiUrl: string;
  readonly cacheMs: number;
  readonly timeoutMs: number;
  readonly logger: AppLogger;
  readonly clock?: () => number;
}

interface InstanceStatus {
  readonly key?: string;
  readonly status?: string;
  readonly Incidents?: ReadonlyArray<{
    id?: number | string;
    IncidentImpacts?: ReadonlyArray<{ endTime?: string | null; severity?: string }>;
    message?: { title?: string };
  }>;
  readonly Maintenances?: ReadonlyArray<{
    id?: number | string;
    name?: string;
    plannedStartTime?: string;
    plannedEndTime?: string;
    message?: { name?: string; eventStatus?: string };
  }>;
}

export class TrustService {
  private readonly cache = new Map<string, { at: number; status: TrustStatus }>();

  constructor(private readonly options: TrustOptions) {}

  async check(instance: string | undefined): Promise<TrustStatus> {
    if (instance === undefined || instance.trim() === '') {
      return {
        state: 'not-checked',
        instance: undefined,
        summary: 'Instance unknown, so status.salesforce.com was not checked.',
        links: ['https://status.salesforce.com'],
      };
    }
    const key = instance.trim().toUpperCase();
    const now = (this.options.clock ?? Date.now)();
    const hit = this.cache.get(key);
    if (hit !== undefined && now - hit.at < this.options.cacheMs) return hit.status;
    const status = await this.fetch(key, now);
    if (status.state !== 'unreachable') this.cache.set(key, { at: now, status });
    return status;
  }

  private async fetch(key: string, now: number): Promise<TrustStatus> {
    const page = `https://status.salesforce.com/instances/${encodeURIComponent(key)}`;
    try {
      const res = await fetch(`${this.options.apiUrl}instances/${encodeURIComponent(key)}/status?childProducts=false`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (res.status === 404)
        return {
          state: 'unknown-instance',
          instance: key,
          summary: `status.salesforce.com does not know an instance called ${key}.`,
          links: [page],
        };
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return interpret(key, (await res.json()) as InstanceStatus, now, page);
    } catch (err) {
      this.options.logger.warn({ err, instance: key }, 'Trust status API unreachable');
      return {
        state: 'unreachable',
        instance: key,
        summary: `Could not reach the Salesforce Trust status API for ${key}; check status.salesforce.com by hand.`,
        links: [page],
      };
    }
  }
}

export function interpret(key: string, body: InstanceStatus, now: number, page: string): TrustStatus {
  const incidents = (body.Incidents ?? []).filter((i) =>
    (i.IncidentImpacts ?? [{}]).some((imp) => !imp.endTime || Date.parse(imp.endTime) > now),
  );
  if (incidents.length > 0) {
    const first = incidents[0];
    return {
      state: 'incident',
      instance: key,
      summary: `Active incident on ${key}${first?.message?.title ? `: ${first.message.title}` : ''} (status ${body.status ?? 'unknown'}).`,
      ...(first?.message?.title ? { detail: first.message.title } : {}),
      links: incidents.slice(0, 3).map((i) => `https://status.salesforce.com/incidents/${i.id}`),
    };
  }
  const maintenances = (body.Maintenances ?? []).filter((m) => {
    const start = Date.parse(m.plannedStartTime ?? '');
    const end = Date.parse(m.plannedEndTime ?? '');
    return (
      (Number.isFinite(start) && Number.isFinite(end) && start <= now && now <= end) ||
      /progress/i.test(m.message?.eventStatus ?? '')
    );
  });
  if (maintenances.length > 0 || /MAINTENANCE/.test(body.status ?? '')) {
    const first = maintenances[0];
    return {
      state: 'maintenance',
      instance: key,
      summary: `Maintenance in progress on ${key}${first?.name || first?.message?.name ? `: ${first.name ?? first.message?.name}` : ''}.`,
      ...(first?.name || first?.message?.name ? { detail: first.name ?? first.message?.name } : {}),
      links:
        maintenances.length > 0
          ? maintenances.slice(0, 3).map((m) => `https://status.salesforce.com/maintenances/${m.id}`)
          : [page],
    };
  }
  if (body.status !== undefined && body.status !== 'OK' && /INCIDENT/.test(body.status)) {
    return {
      state: 'incident',
      instance: key,
      summary: `${key} reports status ${body.status}.`,
      status: body.status,
      links: [page],
    };
  }
  return { state: 'ok', instance: key, summary: `${key} reports no incident or maintenance right now.`, links: [page] };
}

/**
 * The status in the reader's language. `summary` (English) is what older stored cases have; the
 * state, instance and detail let any language say the same thing.
 */
export function trustSummary(trust: TrustStatus, t: Messages): string {
  const instance = trust.instance;
  if (trust.state === 'not-checked' || instance === undefined) return t.trust.notChecked;
  switch (trust.state) {
    case 'unknown-instance':
      return t.trust.unknownInstance(instance);
    case 'unreachable':
      return t.trust.unreachable(instance);
    case 'incident':
      return trust.status !== undefined && trust.detail === undefined
        ? t.trust.degraded(instance, trust.status)
        : t.trust.incident(instance, trust.detail);
    case 'maintenance':
      return t.trust.maintenance(instance, trust.detail);
    case 'ok':
      return t.trust.ok(instance);
  }
}
