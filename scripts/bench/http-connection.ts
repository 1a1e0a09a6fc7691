import { connect, type Socket } from 'node:net';

/** One request on a keep-alive connection. */
export interface ConnectionRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the benchmark keeps of an answer. */
export interface ConnectionAnswer {
  status: number;
  /** Body bytes as sent (compressed when the server compressed). */
  bytes: number;
  /** The Retry-After header, when the answer has one. */
  retryAfter: string | undefined;
}

/**
 * A minimal HTTP/1.1 keep-alive connection of the benchmark's client: one request at a time, bodies framed
 * by Content-Length or chunked. About three times cheaper per request than node:http's client, so that on a
 * small machine the client does not starve the server it measures. Only 127.0.0.1 is ever contacted.
 */
export class HttpConnection {
  readonly #socket: Socket;
  readonly #host: string;
  #buffer: Buffer = Buffer.alloc(0);
  #waiter: { resolve: (answer: ConnectionAnswer) => void; reject: (error: Error) => void } | undefined;
  #isOpen = true;

  constructor(url: URL) {
    this.#host = url.host;
    this.#socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    this.#socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#parse();
    });
    this.#socket.on('error', (error) => this.#fail(error));
    this.#socket.on('close', () => this.#fail(new Error('connection closed')));
  }

  /** False once the server or the network closed it: it takes no more requests. */
  get isOpen(): boolean {
    return this.#isOpen;
  }

  request(request: ConnectionRequest): Promise<ConnectionAnswer> {
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const lines = [
      `${request.method} ${request.path} HTTP/1.1`, `Host: ${this.#host}`,
      ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
      ...(body === undefined ? [] : [`Content-Length: ${body.length}`]),
    ];
    return new Promise((resolve, reject) => {
      if (!this.#isOpen) return reject(new Error('connection closed'));
      this.#waiter = { resolve, reject };
      this.#socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (body !== undefined) this.#socket.write(body);
    });
  }

  close(): void {
    this.#waiter = undefined;
    this.#isOpen = false;
    this.#socket.destroy();
  }

  #parse(): void {
    const end = this.#buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.#waiter) return;
    const head = this.#buffer.subarray(0, end).toString('latin1');
    const status = Number(head.slice(9, 12));
    const bodyStart = end + 4;
    const length = status === 204 || status === 304 ? 0 : Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    const framed = /\r\ntransfer-encoding:\s*chunked/i.test(head) ? chunkedLength(this.#buffer, bodyStart) : { consumed: length, bytes: length };
    if (framed === undefined || this.#buffer.length < bodyStart + framed.consumed) return;
    this.#buffer = this.#buffer.subarray(bodyStart + framed.consumed);
    const waiter = this.#waiter;
    this.#waiter = undefined;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    waiter.resolve({ status, bytes: framed.bytes, retryAfter: /\r\nretry-after:\s*([^\r]*)/i.exec(head)?.[1] });
  }

  #fail(error: Error): void {
    this.#isOpen = false;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.reject(error);
  }
}

/** Of a chunked body starting at `start`: bytes it takes on the wire and bytes of data; undefined while incomplete. */
function chunkedLength(buffer: Buffer, start: number): { consumed: number; bytes: number } | undefined {
  let offset = start;
  let bytes = 0;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(buffer.subarray(offset, lineEnd).toString('latin1'), 16);
    if (size === 0) {
      // The last chunk, then (no trailers are sent here) the empty line.
      return buffer.length < lineEnd + 4 ? undefined : { consumed: lineEnd + 4 - start, bytes };
    }
    offset = lineEnd + 2 + size + 2;
    bytes += size;
    if (buffer.length < offset) return undefined;
  }
}
