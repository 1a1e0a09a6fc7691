import type { ApiOperation } from '../http/api-operation.ts';
import { adminOperations } from './admin.ts';
import { apiDocsOperations } from './api-docs.ts';
import { archiveOperations } from './archives.ts';
import { authOperations } from './auth.ts';
import { changesOperations } from './changes.ts';
import { healthOperations } from './health.ts';
import { layersOperations } from './layers.ts';
import { mobilityOperations } from './mobility.ts';
import { itemOperations } from './ogc-items.ts';
import { ogcOperations } from './ogc.ts';
import { queryOperations } from './query.ts';
import { searchOperations } from './search.ts';
import { tileChangesOperations } from './tile-changes.ts';
import { tileOperations } from './tiles.ts';
import { webhookOperations } from './webhooks.ts';

/** Every operation the app serves, for /api/openapi.json; a test checks it against Express's routes. */
export const ALL_OPERATIONS: readonly ApiOperation[] = [
  ...healthOperations,
  ...apiDocsOperations,
  ...authOperations,
  ...adminOperations,
  ...layersOperations,
  ...tileOperations,
  ...tileChangesOperations,
  ...archiveOperations,
  ...ogcOperations,
  ...itemOperations,
  ...changesOperations,
  ...queryOperations,
  ...searchOperations,
  ...mobilityOperations,
  ...webhookOperations,
];
