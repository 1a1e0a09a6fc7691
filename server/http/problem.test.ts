import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError, BadRequestError } from './errors.ts';
import { PoolBusyError } from '../db/database-errors.ts';
import { toProblem } from './problem.ts';

const request = { originalUrl: '/tiles/x/1/2/3.mvt', id: 'req-12345678' } as Request;

describe('toProblem', () => {
  it('keeps the type, status, detail and extras of an AppError', () => {
    const { problem } = toProblem(new BadRequestError('invalid-tile-coordinates', 'z must be between 0 and 22', { allowed: [1] }), request);
    expect(problem).toEqual({
      type: 'invalid-tile-coordinates', title: 'Bad request', status: 400, detail: 'z must be between 0 and 22',
      allowed: [1], instance: '/tiles/x/1/2/3.mvt', requestId: 'req-12345678',
    });
  });

  it('passes response headers such as Retry-After', () => {
    expect(toProblem(new AppError(503, 'unavailable', 'Service unavailable', 'x', {}, { 'Retry-After': '7' }), request).headers).toEqual({ 'Retry-After': '7' });
  });

  it('maps PostgreSQL errors by SQLSTATE without their message', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "permits_reference_key"'), { code: '23505' });
    const { problem } = toProblem(error, request);
    expect(problem.status).toBe(409);
    expect(JSON.stringify(problem)).not.toContain('permits_reference_key');
    expect(toProblem(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), request).headers).toEqual({ 'Retry-After': '5' });
  });

  it('hides anything unexpected behind a 500 with the request id', () => {
    const { problem } = toProblem(new Error('relation "secret_table" does not exist at SELECT ...'), request);
    expect(problem).toEqual({ type: 'internal', title: 'Internal error', status: 500, instance: '/tiles/x/1/2/3.mvt', requestId: 'req-12345678' });
  });

  it('turns body-parser failures into 400 and 413', () => {
    expect(toProblem({ type: 'entity.parse.failed', status: 400, expose: true }, request).problem.status).toBe(400);
    expect(toProblem({ type: 'entity.too.large', status: 413, expose: true }, request).problem.status).toBe(413);
  });
});

describe('toProblem for values PostgreSQL refuses', () => {
  it.each(['22003', '22008', '22021'])('answers SQLSTATE %s with a 400 that hides the message', (code) => {
    const { problem } = toProblem(Object.assign(new Error('date/time field value out of range: "0000-01-01"'), { code }), request);
    expect(problem.status).toBe(400);
    expect(JSON.stringify(problem)).not.toContain('0000');
  });
});

describe('toProblem for a database that does not answer', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    Object.assign(new Error('connection failure'), { code: '08006' }),
    new Error('Connection terminated unexpectedly'),
    new Error('Client has encountered a connection error and is not queryable'),
  ])('answers %s with a 503 and Retry-After, hiding the message', (error) => {
    const { problem, headers } = toProblem(error, request);
    expect(problem).toMatchObject({ status: 503, type: 'database-unavailable' });
    expect(headers).toEqual({ 'Retry-After': '5' });
    expect(JSON.stringify(problem)).not.toContain(error.message);
  });

  it('does not take a query error for an outage', () => {
    expect(toProblem(Object.assign(new Error('syntax error'), { code: '42601' }), request).problem.status).toBe(500);
  });
});

describe('toProblem for a database whose disk is full', () => {
  it('answers a 503 storage-full with a longer Retry-After, hiding the file name', () => {
    const error = Object.assign(new Error('could not extend file "pg_tblspc/16384/PG_15_202209061/16385/18806": No space left on device'), { code: '53100' });
    const { problem, headers } = toProblem(error, request);
    expect(problem).toMatchObject({ status: 503, type: 'storage-full', detail: expect.stringContaining('nothing was changed') });
    expect(headers).toEqual({ 'Retry-After': '60' });
    expect(JSON.stringify(problem)).not.toContain('pg_tblspc');
  });
});

describe('toProblem for a pool whose queue is full', () => {
  it('answers the 503 of a busy server with Retry-After, without the pool\'s own message', () => {
    const { problem, headers } = toProblem(new PoolBusyError('100 requests are already waiting for a database connection'), request);
    expect(problem).toMatchObject({ status: 503, type: 'unavailable', detail: expect.stringContaining('waiting for the database') });
    expect(headers).toEqual({ 'Retry-After': '2' });
    expect(JSON.stringify(problem)).not.toContain('100 requests');
  });
});
