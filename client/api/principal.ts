/**
 * Who is using the client, as GET /api/auth/me describes it. The account types are the server's own
 * (type-only import, erased by the build), so a change to the account shape breaks the client's type check.
 */
import type { StaffRole, UserArea } from '../../server/auth/accounts.ts';
import { ApiError } from '../api/api-error.ts';

export type { StaffRole, UserArea };

export const STAFF_ROLES: readonly StaffRole[] = ['planner', 'inspector', 'admin'];

/** What the account may do with one layer (the server checks again on every request). */
export interface LayerPermissions {
  read: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  /** Sees the layer's personal properties (a permit's applicant, an inspection's inspector). */
  personal: boolean;
}

/** A signed-in member of staff. */
export interface StaffUser {
  username: string;
  displayName: string | null;
  role: StaffRole;
  /** Admin areas the account is assigned to; empty means the whole city. */
  areas: UserArea[];
  isAdministrator: boolean;
  /** By layer id: only the layers the account may read. */
  layers: Record<string, LayerPermissions>;
}

/**
 * The caller: a member of staff, or the public. An API key never reaches the browser client; were one
 * reported, the client treats it as the public (it offers no staff commands to it).
 */
export type CurrentPrincipal = { kind: 'public' } | { kind: 'user'; user: StaffUser };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

function isArea(value: unknown): value is UserArea {
  return isRecord(value) && typeof value.code === 'string' && typeof value.name_fr === 'string';
}

function parseLayerPermissions(value: unknown): Record<string, LayerPermissions> {
  if (!isRecord(value)) return {};
  const entries = Object.entries(value).flatMap(([layerId, raw]) => {
    if (!isRecord(raw)) return [];
    const flag = (name: keyof LayerPermissions) => raw[name] === true;
    return [[layerId, { read: flag('read'), create: flag('create'), update: flag('update'), delete: flag('delete'), personal: flag('personal') }] as const];
  });
  return Object.fromEntries(entries);
}

function invalidPrincipal(): ApiError {
  return new ApiError({ status: 200, type: 'invalid-response', title: 'Invalid response', detail: 'GET /api/auth/me is not a principal' });
}

/** Reads the body of GET /api/auth/me; throws `invalid-response` for a body that is not a principal. */
export function parsePrincipal(body: unknown): CurrentPrincipal {
  if (!isRecord(body) || typeof body.kind !== 'string') throw invalidPrincipal();
  if (body.kind !== 'user') return { kind: 'public' };
  if (typeof body.username !== 'string' || !isStaffRole(body.role)) throw invalidPrincipal();
  const permissions = isRecord(body.permissions) ? body.permissions : {};
  return {
    kind: 'user',
    user: {
      username: body.username,
      displayName: typeof body.displayName === 'string' && body.displayName.trim() !== '' ? body.displayName : null,
      role: body.role,
      areas: Array.isArray(body.areas) ? body.areas.filter(isArea) : [],
      isAdministrator: permissions.isAdministrator === true,
      layers: parseLayerPermissions(permissions.layers),
    },
  };
}

/** The name to show for an account: its display name, else its username. */
export function nameOf(user: StaffUser): string {
  return user.displayName ?? user.username;
}
