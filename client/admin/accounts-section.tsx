import { type FormEvent, useCallback, useState } from 'react';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { STAFF_ROLES } from '../api/principal.ts';
import { type AssignableArea, createUser, listAreas, listUsers, type StaffRole, updateUser, type UserAccount } from './admin-api.ts';
import { ProblemNotice, SecretOnce } from './admin-feedback.tsx';
import { ADMIN_MESSAGES } from './admin-messages.ts';
import { AdminTable } from './admin-table.tsx';
import { AreaPicker } from './area-picker.tsx';
import { useResource } from './use-resource.ts';
import { useSubmission } from './use-submission.ts';

const loadAccounts = () => Promise.all([listUsers(), listAreas()]);

/** Accounts: who they are, their role and districts; create one (its password shown once), change or disable it. */
export function AccountsSection({ onAnnounce }: { onAnnounce: (text: string) => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { state, reload } = useResource(loadAccounts);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const { problem, run } = useSubmission();

  const change = useCallback(
    async (username: string, changes: Parameters<typeof updateUser>[1]) => {
      if (await run(() => updateUser(username, changes))) {
        onAnnounce(messages.accountUpdated(username));
        reload();
      }
    },
    [messages, onAnnounce, reload, run],
  );

  if (state.status === 'loading') return <p role="status">{messages.loading}</p>;
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  const [users, areas] = state.value;
  return (
    <div className="admin-section" data-section="accounts">
      <p className="admin-section__intro">{messages.accountsIntro}</p>
      {password && <SecretOnce label={messages.passwordShownOnce(password.username)} secret={password.password} onDismiss={() => setPassword(null)} />}
      {problem && <ProblemNotice error={problem} />}
      <AccountsTable users={users} areas={areas} onChange={change} />
      <NewAccountForm
        areas={areas}
        onCreated={(username, generated) => {
          onAnnounce(messages.accountCreated(username));
          if (generated) setPassword({ username, password: generated });
          reload();
        }}
      />
    </div>
  );
}

function areaNames(user: UserAccount, language: string, wholeCity: string): string {
  if (user.areas.length === 0) return wholeCity;
  return user.areas.map((area) => (language === 'ar' && area.name_ar ? area.name_ar : area.name_fr)).join(' · ');
}

interface AccountsTableProps {
  users: UserAccount[];
  areas: AssignableArea[];
  onChange: (username: string, changes: Parameters<typeof updateUser>[1]) => Promise<void>;
}

function AccountsTable({ users, areas, onChange }: AccountsTableProps) {
  const messages = useMessages(ADMIN_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const { language } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <AdminTable columns={[messages.username, messages.displayName, messages.role, messages.areas, messages.status]}>
          {users.map((user) => (
            <tr key={user.username} data-username={user.username} data-disabled={user.isDisabled}>
              <td>
                <bdi dir="ltr">{user.username}</bdi>
              </td>
              <td>{user.displayName ?? ''}</td>
              <td>
                <select aria-label={messages.changeRole(user.username)} value={user.role} onChange={(event) => onChange(user.username, { role: event.currentTarget.value as StaffRole })}>
                  {STAFF_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {common.roleNames[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {editing === user.username ? (
                  <AreaPicker
                    legend={messages.editAreas(user.username)}
                    areas={areas}
                    initial={user.areas.map((area) => area.code)}
                    onSave={async (codes) => {
                      await onChange(user.username, { areas: codes });
                      setEditing(null);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <button type="button" className="link-button" onClick={() => setEditing(user.username)} aria-label={messages.editAreas(user.username)}>
                    {areaNames(user, language, messages.wholeCity)}
                  </button>
                )}
              </td>
              <td>
                <span className="badge" data-state={user.isDisabled ? 'disabled' : 'active'}>
                  {user.isDisabled ? messages.disabled : messages.active}
                </span>{' '}
                <button type="button" className="button button--quiet button--small" onClick={() => onChange(user.username, { isDisabled: !user.isDisabled })}>
                  {user.isDisabled ? messages.enable : messages.disable}
                </button>
              </td>
            </tr>
          ))}
    </AdminTable>
  );
}

function NewAccountForm({ areas, onCreated }: { areas: AssignableArea[]; onCreated: (username: string, password: string | undefined) => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('inspector');
  const [codes, setCodes] = useState<string[]>([]);
  const { isSubmitting, problem, run } = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const created = await createUser({ username: username.trim(), role, ...(displayName.trim() ? { displayName: displayName.trim() } : {}), areas: codes });
      onCreated(created.user.username, created.password);
      setUsername('');
      setDisplayName('');
      setCodes([]);
    });
  }

  return (
    <form className="admin-form" aria-labelledby="new-account-heading" onSubmit={submit}>
      <h3 id="new-account-heading">{messages.newAccount}</h3>
      {problem && <ProblemNotice error={problem} />}
      <div className="form-field">
        <label htmlFor="new-account-username">{messages.username}</label>
        <input id="new-account-username" name="username" dir="ltr" required autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={64} value={username} onChange={(event) => setUsername(event.currentTarget.value)} />
      </div>
      <div className="form-field">
        <label htmlFor="new-account-name">{messages.displayName}</label>
        <input id="new-account-name" name="displayName" maxLength={200} value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} />
      </div>
      <div className="form-field">
        <label htmlFor="new-account-role">{messages.role}</label>
        <select id="new-account-role" name="role" value={role} onChange={(event) => setRole(event.currentTarget.value as StaffRole)}>
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {common.roleNames[value]}
            </option>
          ))}
        </select>
      </div>
      <AreaPicker legend={messages.areas} hint={messages.areasHint} areas={areas} initial={codes} onChange={setCodes} />
      <div className="admin-form__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? messages.creating : messages.create}
        </button>
      </div>
    </form>
  );
}
