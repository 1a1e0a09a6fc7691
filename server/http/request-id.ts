import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

declare global {
  namespace Express {
    interface Request {
      /** Correlates a response, its problem document and the log lines of one request. */
      id: string;
    }
  }
}

/** Gives each request an id (a well-formed incoming X-Request-Id is kept) and echoes it in the response. */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  request.id = requestIdFor(request.get('x-request-id'));
  response.setHeader('X-Request-Id', request.id);
  next();
}

/** The id of a request: the caller's X-Request-Id when well formed (to follow it across services), else a new one. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}
