import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpConnection } from './http-connection.ts';

/** A local node:http server answering each path in one framing. */
let server: Server;
let url: URL;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/chunked') {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('hello ');
      response.end('world');
    } else if (request.url === '/busy') {
      response.writeHead(503, { 'Retry-After': '2', 'Content-Length': '4' }).end('busy');
    } else if (request.url === '/echo') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        response.writeHead(200, { 'Content-Length': String(body.length) }).end(body);
      });
    } else if (request.url === '/close') {
      response.writeHead(204, { Connection: 'close' }).end();
    } else {
      response.writeHead(200, { 'Content-Length': '2' }).end('ok');
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HttpConnection', () => {
  it('reads answers framed by length and chunked, one after the other on one connection, and their Retry-After', async () => {
    const connection = new HttpConnection(url);
    try {
      const get = (path: string) => connection.request({ method: 'GET', path, headers: {} });
      expect(await get('/chunked')).toEqual({ status: 200, bytes: 11, retryAfter: undefined });
      expect(await get('/plain')).toEqual({ status: 200, bytes: 2, retryAfter: undefined });
      expect(await get('/busy')).toEqual({ status: 503, bytes: 4, retryAfter: '2' });
      const echoed = await connection.request({ method: 'PATCH', path: '/echo', headers: { 'Content-Type': 'application/json' }, body: '{"a":"é"}' });
      expect(echoed).toEqual({ status: 200, bytes: 10, retryAfter: undefined });
      expect(connection.isOpen).toBe(true);
    } finally {
      connection.close();
    }
  });

  it('takes no more requests once the server says it closes the connection', async () => {
    const connection = new HttpConnection(url);
    expect((await connection.request({ method: 'GET', path: '/close', headers: {} })).status).toBe(204);
    expect(connection.isOpen).toBe(false);
    await expect(connection.request({ method: 'GET', path: '/plain', headers: {} })).rejects.toThrow('connection closed');
  });
});
