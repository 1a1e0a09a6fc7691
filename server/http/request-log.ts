import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** One log line per request, written when the response is finished. */
export function createRequestLogger(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { requestId: request.id, method: request.method, url: request.originalUrl, status: response.statusCode, ms: Math.round(milliseconds * 10) / 10 },
        'request',
      );
    });
    next();
  };
}
