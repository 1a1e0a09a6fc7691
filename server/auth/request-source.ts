import type { Request } from 'express';
import { sourceNetwork } from './denial-audit.ts';
import { describePrincipal } from './principal.ts';

/**
 * Who a request counts as for fairness (the query queue): an API key or an account by name, the public by
 * network (IPv6 by /64, which one machine usually holds whole), so that rotating addresses buys little.
 */
export function requestSource(request: Pick<Request, 'principal' | 'ip'>): string {
  return request.principal.kind === 'public' ? `net:${sourceNetwork(request.ip)}` : describePrincipal(request.principal);
}
