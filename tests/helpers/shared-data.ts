import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';

/**
 * The real Casablanca data beside the checkout (../shared/data/casablanca): for tests and benchmarks
 * only, never copied into the repository. Tests that read it skip with a message when it is absent.
 */
export const SHARED_DATA_DIR = join(PROJECT_ROOT, '..', 'shared', 'data', 'casablanca');
