import type pg from 'pg';

/** Counts of rows written per table by loadSampleData. */
export type SampleDataSummary = Record<string, number>;

/**
 * Writes the Casablanca sample data inside the caller's transaction.
 * Placeholder until data/sample lands: writes nothing.
 */
export async function loadSampleData(_client: pg.ClientBase): Promise<SampleDataSummary> {
  return {};
}
