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
  const incoming = request.get('x-request-id');
  request.id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  next();
}
