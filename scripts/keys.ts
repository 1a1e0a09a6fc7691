import { createApiKey, listApiKeys, revokeApiKey } from '../server/auth/api-keys.ts';
import { allScopes } from '../server/auth/scopes.ts';
import { recordSecurityEvent } from '../server/auth/security-events.ts';
import { LayerRegistry } from '../server/layers/registry.ts';
import { optionValue, runWithDatabase } from './cli-database.ts';

const registry = new LayerRegistry();
const USAGE = `usage:
  npm run keys -- create <module> --scopes <scope,scope> [--description "<text>"] [--expires <ISO date>]
  npm run keys -- revoke <prefix>
  npm run keys -- list
scopes: ${allScopes(registry).join(', ')}`;

const [command, subject, ...rest] = process.argv.slice(2);

await runWithDatabase(async ({ pool }) => {
  switch (command) {
    case 'create': {
      const scopes = optionValue(rest, '--scopes');
      if (!subject || !scopes) throw new Error(USAGE);
      const expires = optionValue(rest, '--expires');
      if (expires !== undefined && Number.isNaN(Date.parse(expires))) throw new Error(`--expires is not a date: ${expires}`);
      const { key, record } = await createApiKey(pool, registry, {
        module: subject,
        scopes: scopes.split(',').map((scope) => scope.trim()).filter(Boolean),
        description: optionValue(rest, '--description'),
        expiresAt: expires ? new Date(expires) : undefined,
      });
      await recordSecurityEvent(pool, { kind: 'key_created', principal: 'cli', detail: { prefix: record.prefix, module: record.module, scopes: record.scopes } });
      console.log(`created key ${record.prefix} for ${record.module}: ${record.scopes.join(', ')}`);
      console.log(`key (shown once, send as "Authorization: Bearer <key>"): ${key}`);
      return;
    }
    case 'revoke': {
      if (!subject) throw new Error(USAGE);
      const record = await revokeApiKey(pool, subject);
      await recordSecurityEvent(pool, { kind: 'key_revoked', principal: 'cli', detail: { prefix: record.prefix } });
      console.log(`revoked ${record.prefix} (${record.module})`);
      return;
    }
    case 'list': {
      for (const key of await listApiKeys(pool)) {
        const state = key.revokedAt ? 'revoked' : key.expiresAt && Date.parse(key.expiresAt) < Date.now() ? 'expired' : 'active';
        console.log(`${key.prefix} ${key.module.padEnd(16)} ${state.padEnd(8)} last used ${key.lastUsedAt ?? 'never'}  ${key.scopes.join(',')}`);
      }
      return;
    }
    default:
      throw new Error(USAGE);
  }
});
