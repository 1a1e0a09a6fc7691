import type { ApiKeyRecord } from '../../server/auth/api-keys.ts';
import type { AssignableArea, StaffRole, UserAccount } from '../../server/auth/accounts.ts';
import type { SecurityEvent } from '../../server/auth/security-events.ts';
import type { DeliveryEntry } from '../../server/webhooks/delivery-log.ts';
import type { WebhookRecord } from '../../server/webhooks/webhook-store.ts';
import { fetchJson, requestJson } from '../api/fetch-json.ts';

/**
 * The administration's calls to /api/admin (administrators only; the server checks every one). The types
 * are the server's own (type-only imports), so a change there breaks this file's type check.
 */
export type { ApiKeyRecord, AssignableArea, DeliveryEntry, SecurityEvent, StaffRole, UserAccount, WebhookRecord };

export async function listUsers(): Promise<UserAccount[]> {
  return ((await fetchJson('/api/admin/users')) as { users: UserAccount[] }).users;
}

export async function listAreas(): Promise<AssignableArea[]> {
  return ((await fetchJson('/api/admin/areas')) as { areas: AssignableArea[] }).areas;
}

export interface NewAccount {
  username: string;
  role: StaffRole;
  displayName?: string;
  areas?: string[];
}

/** Creates an account; the password the server generated is returned once. */
export async function createUser(account: NewAccount): Promise<{ user: UserAccount; password?: string }> {
  return (await requestJson('/api/admin/users', { method: 'POST', body: account })) as { user: UserAccount; password?: string };
}

export async function updateUser(username: string, changes: { role?: StaffRole; isDisabled?: boolean; areas?: string[] }): Promise<UserAccount> {
  const body = await requestJson(`/api/admin/users/${encodeURIComponent(username)}`, { method: 'PATCH', body: changes });
  return (body as { user: UserAccount }).user;
}

export async function listKeys(): Promise<ApiKeyRecord[]> {
  return ((await fetchJson('/api/admin/api-keys')) as { apiKeys: ApiKeyRecord[] }).apiKeys;
}

export async function listScopes(): Promise<string[]> {
  return ((await fetchJson('/api/admin/api-keys/scopes')) as { scopes: string[] }).scopes;
}

/** Creates an API key; the key itself is returned once. */
export async function createKey(input: { module: string; scopes: string[]; description?: string }): Promise<{ key: string; apiKey: ApiKeyRecord }> {
  return (await requestJson('/api/admin/api-keys', { method: 'POST', body: input })) as { key: string; apiKey: ApiKeyRecord };
}

export async function revokeKey(prefix: string): Promise<void> {
  await requestJson(`/api/admin/api-keys/${encodeURIComponent(prefix)}`, { method: 'DELETE' });
}

export async function listWebhooks(): Promise<WebhookRecord[]> {
  return ((await fetchJson('/api/admin/webhooks')) as { webhooks: WebhookRecord[] }).webhooks;
}

/** Registers a webhook; its signing secret is returned once. */
export async function createWebhook(input: { url: string; layers: string[]; description?: string }): Promise<{ webhook: WebhookRecord; secret: string }> {
  return (await requestJson('/api/admin/webhooks', { method: 'POST', body: input })) as { webhook: WebhookRecord; secret: string };
}

export async function updateWebhook(id: number, changes: { isEnabled?: boolean }): Promise<WebhookRecord> {
  return ((await requestJson(`/api/admin/webhooks/${id}`, { method: 'PATCH', body: changes })) as { webhook: WebhookRecord }).webhook;
}

export async function retryWebhook(id: number): Promise<number> {
  return ((await requestJson(`/api/admin/webhooks/${id}/retry`, { method: 'POST', body: {} })) as { rescheduled: number }).rescheduled;
}

export async function listDeliveries(id: number): Promise<DeliveryEntry[]> {
  return ((await fetchJson(`/api/admin/webhooks/${id}/deliveries?limit=50`)) as { deliveries: DeliveryEntry[] }).deliveries;
}

export interface EventFilters {
  kind?: string;
  principal?: string;
  /** ISO instants. */
  since?: string;
  until?: string;
}

/** A page of the security audit, newest first; `next` is the URL of the following (older) page. */
export async function listEvents(filters: EventFilters, next?: string): Promise<{ events: SecurityEvent[]; next: string | null }> {
  const parameters = new URLSearchParams(Object.entries({ limit: '50', ...filters }).filter(([, value]) => value !== undefined && value !== ''));
  return (await fetchJson(next ?? `/api/admin/security-events?${parameters}`)) as { events: SecurityEvent[]; next: string | null };
}
