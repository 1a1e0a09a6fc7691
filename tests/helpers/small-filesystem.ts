import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmdirSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A size-limited filesystem (tmpfs) mounted for a test, which the test can fill and free again. */
export interface SmallFilesystem {
  path: string;
  /** Writes a ballast file until the filesystem refuses (ENOSPC): nothing more fits. */
  fill(): void;
  /** Deletes the ballast: the room comes back at once. */
  free(): void;
  freeBytes(): number;
  unmount(): void;
}

const BALLAST = 'ballast';

/**
 * Whether this machine lets the tests mount a small filesystem (root with CAP_SYS_ADMIN, as on these test
 * machines; not in an unprivileged container): undefined if so, else why not.
 */
export function whySmallFilesystemsCannotBeMounted(): string | undefined {
  const probe = mkdtempSync(join(tmpdir(), 'casa-sig-mount-probe-'));
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { encoding: 'utf8' });
    if (mounted.error) return `mount could not run: ${mounted.error.message}`;
    if (mounted.status !== 0) return `mount -t tmpfs was refused (${mounted.stderr.trim() || `exit ${mounted.status}`}): it needs root with CAP_SYS_ADMIN`;
    spawnSync('umount', [probe]);
    return undefined;
  } finally {
    rmdirSync(probe);
  }
}

/** Mounts a tmpfs of `sizeMegabytes` at `path` (created; world-traversable so the postgres user reaches inside). */
export function mountSmallFilesystem(path: string, sizeMegabytes: number): SmallFilesystem {
  mkdirSync(path, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMegabytes}m,mode=0755`, 'tmpfs', path], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`mount -t tmpfs at ${path} failed: ${mounted.stderr}`);
  const ballast = join(path, BALLAST);
  return {
    path,
    fill() {
      const descriptor = openSync(ballast, 'a');
      try {
        // Large pieces first, then single pages: the filesystem ends up with no free block at all.
        for (const size of [1024 * 1024, 4096]) {
          const piece = Buffer.alloc(size);
          for (;;) {
            try {
              writeSync(descriptor, piece);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(descriptor);
      }
    },
    free() {
      rmSync(ballast, { force: true });
    },
    freeBytes() {
      const stats = statfsSync(path);
      return stats.bavail * stats.bsize;
    },
    unmount() {
      // Lazily: a process that still holds a file there (a stopping server) does not keep it mounted.
      spawnSync('umount', ['--lazy', path]);
    },
  };
}
