import { describe, expect, it } from 'vitest';
import type { PublicArchive } from '../api/public-archive.ts';
import { archiveForSession } from './public-archive-store.ts';
import type { SessionState } from './session-store.ts';

const ARCHIVE: PublicArchive = { url: '/archives/casa-sig-public-0123456789abcdef.pmtiles', minZoom: 0, maxZoom: 15, layers: ['transit_routes'] };
const STAFF: SessionState = { status: 'signed-in', user: { username: 'planner', displayName: null, role: 'planner', areas: [], isAdministrator: false, layers: {} } };

describe('the archive the map draws', () => {
  it('waits for both the session and the manifest', () => {
    expect(archiveForSession({ status: 'checking' }, ARCHIVE)).toEqual({ status: 'pending' });
    expect(archiveForSession({ status: 'public', notice: null }, undefined)).toEqual({ status: 'pending' });
  });

  it('is the published archive for the public, and live tiles when none is published', () => {
    expect(archiveForSession({ status: 'public', notice: null }, ARCHIVE)).toEqual({ status: 'settled', archive: ARCHIVE });
    expect(archiveForSession({ status: 'public', notice: 'signed-out' }, null)).toEqual({ status: 'settled', archive: null });
  });

  it('is never used for staff, whose tiles carry what their role may see', () => {
    expect(archiveForSession(STAFF, ARCHIVE)).toEqual({ status: 'settled', archive: null });
    expect(archiveForSession(STAFF, undefined)).toEqual({ status: 'settled', archive: null });
  });
});
