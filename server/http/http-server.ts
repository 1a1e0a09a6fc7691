import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { AppError } from './errors.ts';
import { type ProblemDocument, serializeProblem } from './problem.ts';

/** What Node's HTTP parser reports, by error code, as the problem a client is sent. */
function parserProblem(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(431, 'headers-too-large', 'Request header fields too large', 'The request line or headers are too long (a query string of at most about 8,000 characters)');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    return new AppError(408, 'request-timeout', 'Request timeout', 'The request did not arrive in time');
  }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' || code === 'HPE_INVALID_CONTENT_LENGTH') {
    return new AppError(400, 'malformed-request', 'Bad request', 'The request framing is invalid');
  }
  return new AppError(400, 'malformed-request', 'Bad request', 'The request is not valid HTTP/1.1 (a request line with a percent-encoded ASCII path, then headers)');
}

/** The problem document of an error that no route saw: there is no trustworthy URL, hence no instance. */
function bareProblem(error: AppError, requestId: string): ProblemDocument {
  return { type: error.type, title: error.title, status: error.status, ...(error.detail ? { detail: error.detail } : {}), requestId };
}

/**
 * Answers what Node's HTTP parser refused (a bad request line, raw non-ASCII bytes in the path, headers or a
 * query string past the size limit, a header timeout) with the same application/problem+json as every other
 * error, instead of Node's bare status line. The connection is closed afterwards: after a parse error the
 * rest of the stream cannot be trusted.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex, logger: Logger): void {
  const pending = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const requestId = randomUUID();
  const problem = parserProblem(error.code);
  logger.info({ requestId, code: error.code, status: problem.status }, 'request refused by the HTTP parser');
  const { body, headers } = serializeProblem(bareProblem(problem, requestId), {});
  const head = [`HTTP/1.1 ${problem.status} ${problem.title}`, ...headers.map(([name, value]) => `${name}: ${value}`), 'Connection: close', '', ''].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}

/** An Expect header other than 100-continue: 417 (RFC 9110 §10.1.1), as a problem document. */
function answerUnmetExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const error = new AppError(417, 'expectation-failed', 'Expectation failed', 'The only expectation this server meets is 100-continue');
  const { body, headers } = serializeProblem(bareProblem(error, randomUUID()), {});
  response.shouldKeepAlive = false;
  response.writeHead(error.status, [...headers.flat(), 'Connection', 'close']).end(body);
}

/**
 * The server's node:http server: `listener` for every request, plus the two hooks through which Node would
 * otherwise answer by itself (clientError, checkExpectation), so that every error a client can meet has one
 * shape. Used by the process entry point and by the tests alike.
 */
export function createHttpServer(listener: RequestListener, logger: Logger): Server {
  const server = createServer(listener);
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => answerClientError(error, socket, logger));
  server.on('checkExpectation', answerUnmetExpectation);
  return server;
}
