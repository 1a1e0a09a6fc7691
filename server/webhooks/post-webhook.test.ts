import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './post-webhook.ts';
import { createTargetPolicy } from './target-policy.ts';

/** A loopback receiver whose answer each test chooses. */
let handler: (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void = (_q, response) => response.end();
const receiver = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => handler(request, response, body));
});
let base: string;
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
const loopback = { timeoutMs: 2_000, policy: createTargetPolicy('127.0.0.1/32'), agents };

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agents.http.destroy();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('postWebhook', () => {
  it('sends the body and headers, and a 2xx acknowledges', async () => {
    let seen: { headers: http.IncomingHttpHeaders; body: string } | undefined;
    handler = (request, response, body) => {
      seen = { headers: request.headers, body };
      response.writeHead(202).end('queued');
    };
    const outcome = await postWebhook(`${base}/hook?x=1`, { 'Content-Type': 'application/json', 'Idempotency-Key': '1:2' }, '{"a":"é"}', loopback);
    expect(outcome).toMatchObject({ isAcknowledged: true, statusCode: 202, error: null, excerpt: 'queued' });
    expect(seen?.body).toBe('{"a":"é"}');
    expect(seen?.headers['idempotency-key']).toBe('1:2');
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')));
  });

  it('does not follow redirects and keeps only a short, clean excerpt', async () => {
    handler = (_request, response) => response.writeHead(302, { Location: 'http://169.254.169.254/' }).end();
    expect(await postWebhook(`${base}/hook`, {}, '{}', loopback)).toMatchObject({ isAcknowledged: false, statusCode: 302 });
    handler = (_request, response) => response.writeHead(500).end(`\u0000boom${'x'.repeat(100_000)}`);
    const failed = await postWebhook(`${base}/hook`, {}, '{}', loopback);
    expect(failed).toMatchObject({ isAcknowledged: false, statusCode: 500 });
    expect(failed.excerpt).toHaveLength(500);
    expect(failed.excerpt!.startsWith('boomx')).toBe(true);
  });

  it('gives up after the timeout and closes the connection', async () => {
    // The receiver never answers; it sees its connection closed once the sender gives up (else the test times out).
    const closedByClient = new Promise<void>((resolve) => {
      handler = (request) => void request.socket.once('close', () => resolve());
    });
    const outcome = await postWebhook(`${base}/slow`, {}, '{}', { ...loopback, timeoutMs: 150 });
    expect(outcome).toMatchObject({ isAcknowledged: false, statusCode: null, error: 'timeout after 150 ms' });
    await closedByClient;
  });

  it('refuses targets outside the policy, by literal address and by resolved name, without connecting', async () => {
    let calls = 0;
    handler = (_request, response) => {
      calls += 1;
      response.end();
    };
    const strict = { ...loopback, policy: createTargetPolicy('') };
    const port = new URL(base).port;
    expect(await postWebhook(`http://127.0.0.1:${port}/`, {}, '{}', strict)).toMatchObject({ isAcknowledged: false, error: expect.stringMatching(/not allowed/) });
    expect(await postWebhook(`http://localhost:${port}/`, {}, '{}', strict)).toMatchObject({ isAcknowledged: false, error: expect.stringMatching(/not allowed/) });
    expect(calls).toBe(0);
  });

  it('reports a refused connection as an error, not a status', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await postWebhook(`http://127.0.0.1:${port}/`, {}, '{}', loopback)).toMatchObject({ isAcknowledged: false, statusCode: null, error: 'ECONNREFUSED' });
  });
});
