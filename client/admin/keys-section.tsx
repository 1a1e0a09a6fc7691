import { type FormEvent, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatInstant } from '../i18n/format-instant.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { type ApiKeyRecord, createKey, listKeys, listScopes, revokeKey } from './admin-api.ts';
import { ProblemNotice, SecretOnce } from './admin-feedback.tsx';
import { ADMIN_MESSAGES } from './admin-messages.ts';
import { AdminTable } from './admin-table.tsx';
import { useResource } from './use-resource.ts';
import { useSubmission } from './use-submission.ts';

const loadKeys = () => Promise.all([listKeys(), listScopes()]);

/** API keys of the city's other software: list, create with scopes (the key shown once), revoke. */
export function KeysSection({ onAnnounce }: { onAnnounce: (text: string) => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { state, reload } = useResource(loadKeys);
  const [key, setKey] = useState<string | null>(null);
  const { problem, run } = useSubmission();

  const revoke = async (record: ApiKeyRecord) => {
    if (!window.confirm(messages.confirmRevoke(record.prefix, record.module))) return;
    if (await run(() => revokeKey(record.prefix))) {
      onAnnounce(messages.keyRevoked(record.prefix));
      reload();
    }
  };

  if (state.status === 'loading') return <p role="status">{messages.loading}</p>;
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  const [keys, scopes] = state.value;
  return (
    <div className="admin-section" data-section="keys">
      <p className="admin-section__intro">{messages.keysIntro}</p>
      {key && <SecretOnce label={messages.keyShownOnce} secret={key} onDismiss={() => setKey(null)} />}
      {problem && <ProblemNotice error={problem} />}
      <KeysTable keys={keys} onRevoke={revoke} />
      <NewKeyForm
        scopes={scopes}
        onCreated={(created) => {
          setKey(created);
          reload();
        }}
      />
    </div>
  );
}

function KeysTable({ keys, onRevoke }: { keys: ApiKeyRecord[]; onRevoke: (record: ApiKeyRecord) => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { language } = useI18n();
  const date = (iso: string | null) => (iso ? formatInstant(iso, language, 'day') : messages.never);
  return (
    <AdminTable columns={[messages.module, messages.scopes, messages.created, messages.lastUsed, messages.status]}>
          {keys.map((record) => (
            <tr key={record.prefix} data-prefix={record.prefix} data-revoked={record.revokedAt !== null}>
              <td>
                <bdi dir="ltr">{record.module}</bdi> <code dir="ltr">{record.prefix}</code>
                {record.description && <div className="admin-table__note">{record.description}</div>}
              </td>
              <td className="admin-table__scopes">
                {record.scopes.map((scope) => (
                  <code key={scope} dir="ltr">
                    {scope}
                  </code>
                ))}
              </td>
              <td>{date(record.createdAt)}</td>
              <td>{date(record.lastUsedAt)}</td>
              <td>
                {record.revokedAt ? (
                  <span className="badge" data-state="revoked">
                    {messages.revoked}
                  </span>
                ) : (
                  <button type="button" className="button button--quiet button--small" onClick={() => onRevoke(record)}>
                    {messages.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
    </AdminTable>
  );
}

/** Scopes grouped as the form lists them: per layer (read, write, personal), then the services. */
function groupScopes(scopes: string[]): { layers: Map<string, string[]>; endpoints: string[] } {
  const layers = new Map<string, string[]>();
  const endpoints: string[] = [];
  for (const scope of scopes) {
    const [layer, action] = scope.split(':');
    if (action === 'read' || action === 'write' || action === 'personal') layers.set(layer!, [...(layers.get(layer!) ?? []), scope]);
    else endpoints.push(scope);
  }
  return { layers, endpoints };
}

function NewKeyForm({ scopes, onCreated }: { scopes: string[]; onCreated: (key: string) => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { language } = useI18n();
  const { catalog } = useServices();
  const catalogState = useStore(catalog, (value) => value);
  const [module, setModule] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const { isSubmitting, problem, run } = useSubmission();
  const [isMissingScope, setMissingScope] = useState(false);
  const groups = groupScopes(scopes);
  const layerTitle = (id: string) => {
    const layer = catalogState.status === 'ready' ? catalogState.catalog.layers.find((entry) => entry.id === id) : undefined;
    return layer ? pickLabel(layer.title, language) : id;
  };
  const toggle = (scope: string, isChecked: boolean) => setChosen((current) => (isChecked ? [...current, scope] : current.filter((value) => value !== scope)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingScope(chosen.length === 0);
    if (chosen.length === 0) return;
    await run(async () => {
      const created = await createKey({ module: module.trim(), scopes: chosen, ...(description.trim() ? { description: description.trim() } : {}) });
      onCreated(created.key);
      setModule('');
      setDescription('');
      setChosen([]);
    });
  }

  const checkbox = (scope: string, label: string) => (
    <label key={scope} className="scope-option">
      <input type="checkbox" value={scope} checked={chosen.includes(scope)} onChange={(event) => toggle(scope, event.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
  return (
    <form className="admin-form" aria-labelledby="new-key-heading" onSubmit={submit} noValidate>
      <h3 id="new-key-heading">{messages.newKey}</h3>
      {problem && <ProblemNotice error={problem} />}
      <div className="form-field">
        <label htmlFor="new-key-module">{messages.module}</label>
        <input id="new-key-module" name="module" dir="ltr" required maxLength={64} autoComplete="off" value={module} onChange={(event) => setModule(event.currentTarget.value)} />
      </div>
      <div className="form-field">
        <label htmlFor="new-key-description">{messages.description}</label>
        <input id="new-key-description" name="description" maxLength={500} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
      </div>
      <fieldset className="scope-picker" aria-invalid={isMissingScope}>
        <legend>{messages.scopes}</legend>
        {isMissingScope && <p className="notice notice--error" role="alert">{messages.chooseScope}</p>}
        <p className="scope-picker__group">{messages.scopeGroups.layers}</p>
        {[...groups.layers].map(([layer, layerScopes]) => (
          <div key={layer} className="scope-picker__layer" data-layer-id={layer}>
            <span className="scope-picker__layer-title">{layerTitle(layer)}</span>
            {layerScopes.map((scope) => checkbox(scope, messages.scopeActions[scope.split(':')[1] as 'read' | 'write' | 'personal']))}
          </div>
        ))}
        <p className="scope-picker__group">{messages.scopeGroups.endpoints}</p>
        <div className="scope-picker__endpoints">{groups.endpoints.map((scope) => checkbox(scope, scope))}</div>
      </fieldset>
      <div className="admin-form__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? messages.creating : messages.create}
        </button>
      </div>
    </form>
  );
}
