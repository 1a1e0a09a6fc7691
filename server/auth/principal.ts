import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../layers/layer-definition.ts';

/** Who is making a request. Without credentials, the caller is the public. */
export interface Principal {
  role: Role;
  /** Stable key of what the caller may see, used to keep tile cache entries of different roles apart. */
  visibilityClass: string;
}

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ role: 'public', visibilityClass: 'public' });

declare global {
  namespace Express {
    interface Request {
      principal: Principal;
    }
  }
}

/** Every request starts as the public; authentication middleware may replace the principal. */
export function assignPublicPrincipal(request: Request, _response: Response, next: NextFunction): void {
  request.principal = PUBLIC_PRINCIPAL;
  next();
}
