import type { Role } from '../layers/layer-definition.ts';

/** Who is making a request, resolved once per request by authenticate.ts. */
export type Principal = PublicPrincipal | UserPrincipal | ApiKeyPrincipal;

export interface PublicPrincipal {
  kind: 'public';
  role: 'public';
}

export interface UserPrincipal {
  kind: 'user';
  role: Exclude<Role, 'public'>;
  userId: number;
  username: string;
  sessionId: number;
  /** Admin areas (arrondissements) the user is assigned to; empty = the whole city. */
  areaIds: readonly number[];
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  /** Keys have no role: what they may do is exactly their scopes. */
  role: null;
  keyId: number;
  prefix: string;
  module: string;
  scopes: ReadonlySet<string>;
}

export const PUBLIC_PRINCIPAL: PublicPrincipal = Object.freeze({ kind: 'public', role: 'public' });

/** How the principal is named in the audit log and in history: "user:alice", "key:ab12cd34", "public". */
export function describePrincipal(principal: Principal): string {
  if (principal.kind === 'user') return `user:${principal.username}`;
  if (principal.kind === 'api_key') return `key:${principal.prefix}`;
  return 'public';
}

declare global {
  namespace Express {
    interface Request {
      principal: Principal;
    }
  }
}
