import { createUser, listUsers, STAFF_ROLES, type StaffRole, updateUser } from '../server/auth/accounts.ts';
import { generatePassword } from '../server/auth/passwords.ts';
import { recordSecurityEvent } from '../server/auth/security-events.ts';
import { optionValue, readPipedStdin, runWithDatabase } from './cli-database.ts';

const USAGE = `usage:
  npm run users -- create <username> --role <${STAFF_ROLES.join('|')}> [--areas <code,code>] [--name "<display name>"]
      password from standard input (echo ... | npm run users -- create ...), else generated and printed once
  npm run users -- disable <username>
  npm run users -- enable <username>
  npm run users -- set-areas <username> <code,code | "">
  npm run users -- list`;

const [command, username, ...rest] = process.argv.slice(2);
const splitCodes = (text: string | undefined) => (text ? text.split(',').map((code) => code.trim()).filter(Boolean) : []);

await runWithDatabase(async ({ pool }) => {
  const audit = (kind: 'user_created' | 'user_updated', detail: Record<string, unknown>) =>
    recordSecurityEvent(pool, { kind, principal: 'cli', detail });
  switch (command) {
    case 'create': {
      const role = optionValue(rest, '--role');
      if (!username || !role || !STAFF_ROLES.includes(role as StaffRole)) throw new Error(USAGE);
      const piped = (await readPipedStdin())?.replace(/\r?\n$/, '');
      const password = piped || generatePassword();
      const user = await createUser(pool, {
        username, role: role as StaffRole, password, displayName: optionValue(rest, '--name'), areaCodes: splitCodes(optionValue(rest, '--areas')),
      });
      await audit('user_created', { username, role });
      console.log(`created ${user.username} (${user.role})${user.areas.length ? ` in ${user.areas.map((area) => area.name_fr).join(', ')}` : ''}`);
      if (!piped) console.log(`password (shown once): ${password}`);
      return;
    }
    case 'disable':
    case 'enable': {
      if (!username) throw new Error(USAGE);
      await updateUser(pool, username, { isDisabled: command === 'disable' });
      await audit('user_updated', { username, changed: ['isDisabled'] });
      console.log(`${command}d ${username}${command === 'disable' ? ' (its sessions are revoked)' : ''}`);
      return;
    }
    case 'set-areas': {
      if (!username || rest[0] === undefined) throw new Error(USAGE);
      const user = await updateUser(pool, username, { areaCodes: splitCodes(rest[0]) });
      await audit('user_updated', { username, changed: ['areas'] });
      console.log(`${username}: ${user.areas.map((area) => area.name_fr).join(', ') || 'whole city'}`);
      return;
    }
    case 'list': {
      for (const user of await listUsers(pool)) {
        const areas = user.areas.map((area) => area.code).join(',') || '-';
        console.log(`${user.username.padEnd(24)} ${user.role.padEnd(10)} ${user.isDisabled ? 'disabled' : 'active  '} areas=${areas}`);
      }
      return;
    }
    default:
      throw new Error(USAGE);
  }
});
