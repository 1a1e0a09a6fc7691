import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommitPositions } from './commit-positions.ts';

/** The primary's position as a test sets it; each read is counted. */
function fakePrimary(start: bigint) {
  const primary = { position: start, reads: 0, isDown: false };
  const read = async () => {
    primary.reads += 1;
    if (primary.isDown) throw new Error('connect ECONNREFUSED');
    return primary.position;
  };
  return { primary, read };
}

/** Lets the promise callbacks queued so far run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('CommitPositions', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('knows nothing until the first barrier is read, then requires the primary position of that moment', async () => {
    const { read } = fakePrimary(100n);
    const positions = new CommitPositions({ readPrimaryPosition: read });
    expect(positions.required(['road_segments'])).toBeUndefined();
    positions.listening();
    expect(positions.required(['road_segments'])).toBeUndefined();
    await settle();
    expect(positions.required(['road_segments'])).toBe(100n);
    expect(positions.required()).toBe(100n);
  });

  it('holds a changed layer unknown until its writer announces the position, other layers unaffected', async () => {
    const { primary, read } = fakePrimary(100n);
    const positions = new CommitPositions({ readPrimaryPosition: read });
    positions.listening();
    await settle();
    positions.changed(['road_segments', 'inspections'], 'commit-1');
    expect(positions.required(['road_segments'])).toBeUndefined();
    expect(positions.required(['inspections'])).toBeUndefined();
    expect(positions.required()).toBeUndefined();
    expect(positions.required(['permits'])).toBe(100n);
    positions.positioned('commit-1', 250n);
    expect(positions.required(['road_segments'])).toBe(250n);
    expect(positions.required(['permits', 'inspections'])).toBe(250n);
    expect(positions.required(['permits'])).toBe(100n);
    expect(primary.reads).toBe(1);
  });

  it('merges the notifications of one commit and ignores positions of commits it never heard of', async () => {
    const { read } = fakePrimary(0n);
    const positions = new CommitPositions({ readPrimaryPosition: read });
    positions.listening();
    await settle();
    positions.changed(['road_segments'], 'commit-1');
    positions.changed(['permits'], 'commit-1');
    positions.positioned('commit-2', 999n);
    expect(positions.required(['permits'])).toBeUndefined();
    positions.positioned('commit-1', 300n);
    expect(positions.required(['road_segments', 'permits'])).toBe(300n);
  });

  it('reads the primary itself for a change without a commit id, and for one whose position never comes', async () => {
    const { primary, read } = fakePrimary(500n);
    const positions = new CommitPositions({ readPrimaryPosition: read, graceMs: 1_000 });
    positions.listening();
    await settle();
    primary.position = 600n;
    positions.changed(['permits']);
    expect(positions.required(['permits'])).toBeUndefined();
    await settle();
    expect(positions.required(['permits'])).toBe(600n);

    positions.changed(['road_segments'], 'writer-died');
    primary.position = 700n;
    await vi.advanceTimersByTimeAsync(999);
    expect(positions.required(['road_segments'])).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(positions.required(['road_segments'])).toBe(700n);
  });

  it('keeps a layer unknown while the primary cannot be read, and resolves it once it can', async () => {
    const { primary, read } = fakePrimary(10n);
    const errors: Error[] = [];
    const positions = new CommitPositions({ readPrimaryPosition: read, onError: (error) => errors.push(error) });
    positions.listening();
    await settle();
    primary.isDown = true;
    positions.changed(['permits']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(positions.required(['permits'])).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
    primary.isDown = false;
    primary.position = 20n;
    await vi.advanceTimersByTimeAsync(600);
    expect(positions.required(['permits'])).toBe(20n);
  });

  it('raises the requirement at once for this process\'s own commits, and never lowers it', async () => {
    const { read } = fakePrimary(10n);
    const positions = new CommitPositions({ readPrimaryPosition: read });
    positions.listening();
    await settle();
    positions.committedHere(['road_segments'], 80n);
    expect(positions.required(['road_segments'])).toBe(80n);
    positions.changed(['road_segments'], 'older');
    positions.positioned('older', 50n);
    expect(positions.required(['road_segments'])).toBe(80n);
  });

  it('on a reconnection, requires the primary position of that moment of every layer', async () => {
    const { primary, read } = fakePrimary(10n);
    const positions = new CommitPositions({ readPrimaryPosition: read });
    positions.listening();
    await settle();
    primary.position = 40n;
    positions.listening();
    expect(positions.required(['permits'])).toBeUndefined();
    await settle();
    expect(positions.required(['permits'])).toBe(40n);
  });
});
