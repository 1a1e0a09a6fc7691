import { type FormEvent, useCallback, useState } from 'react';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatInstant } from '../i18n/format-instant.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { plural } from '../i18n/plural.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { createWebhook, listDeliveries, listWebhooks, retryWebhook, updateWebhook, type WebhookRecord } from './admin-api.ts';
import { ProblemNotice, SecretOnce } from './admin-feedback.tsx';
import { ADMIN_MESSAGES } from './admin-messages.ts';
import { useResource } from './use-resource.ts';
import { useSubmission } from './use-submission.ts';

/** The layer titles of the catalog, by id, for the lists and the form. */
function useLayerTitles(): { ids: string[]; titleOf: (id: string) => string } {
  const { catalog } = useServices();
  const { language } = useI18n();
  const state = useStore(catalog, (value) => value);
  const layers = state.status === 'ready' ? state.catalog.layers : [];
  return {
    ids: layers.map((layer) => layer.id),
    titleOf: (id) => {
      const layer = layers.find((entry) => entry.id === id);
      return layer ? pickLabel(layer.title, language) : id;
    },
  };
}

/** Webhooks: their backlog and deliveries (failures included), registering one (its secret shown once). */
export function WebhooksSection() {
  const messages = useMessages(ADMIN_MESSAGES);
  const { state, reload } = useResource(listWebhooks);
  const [secret, setSecret] = useState<string | null>(null);
  const { problem, run } = useSubmission();
  const act = async (action: () => Promise<unknown>) => {
    if (await run(action)) reload();
  };

  if (state.status === 'loading') return <p role="status">{messages.loading}</p>;
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  return (
    <div className="admin-section" data-section="webhooks">
      <p className="admin-section__intro">{messages.webhooksIntro}</p>
      {secret && <SecretOnce label={messages.secretShownOnce} secret={secret} onDismiss={() => setSecret(null)} />}
      {problem && <ProblemNotice error={problem} />}
      <ul className="webhook-list">
        {state.value.map((webhook) => (
          <WebhookItem
            key={webhook.id}
            webhook={webhook}
            onToggle={() => act(() => updateWebhook(webhook.id, { isEnabled: !webhook.isEnabled }))}
            onRetry={() => act(() => retryWebhook(webhook.id))}
          />
        ))}
      </ul>
      <NewWebhookForm
        onCreated={(created) => {
          setSecret(created);
          reload();
        }}
      />
    </div>
  );
}

function WebhookItem({ webhook, onToggle, onRetry }: { webhook: WebhookRecord; onToggle: () => void; onRetry: () => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { titleOf } = useLayerTitles();
  const [isOpen, setOpen] = useState(false);
  return (
    <li className="webhook-item" data-webhook-id={webhook.id}>
      <div className="webhook-item__head">
        <code dir="ltr" className="webhook-item__url">
          {webhook.url}
        </code>
        <label className="webhook-item__enabled">
          <input type="checkbox" checked={webhook.isEnabled} onChange={onToggle} /> {messages.enabled}
        </label>
      </div>
      <dl className="webhook-item__facts">
        <div>
          <dt>{messages.layers}</dt>
          <dd>{webhook.layers.map(titleOf).join(' · ')}</dd>
        </div>
        <div>
          <dt>{messages.deliveries}</dt>
          <dd data-pending={webhook.backlog.pending} data-failing={webhook.backlog.failing}>
            {messages.backlog(webhook.backlog.pending, webhook.backlog.failing)}
          </dd>
        </div>
      </dl>
      <div className="admin-form__actions">
        <button type="button" className="button button--quiet button--small" aria-expanded={isOpen} onClick={() => setOpen((value) => !value)}>
          {isOpen ? messages.hideDeliveries : messages.deliveries}
        </button>
        {webhook.backlog.failing > 0 && (
          <button type="button" className="button button--quiet button--small" onClick={onRetry}>
            {messages.retryNow}
          </button>
        )}
      </div>
      {isOpen && <DeliveryLog webhookId={webhook.id} />}
    </li>
  );
}

function DeliveryLog({ webhookId }: { webhookId: number }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { language } = useI18n();
  const load = useCallback(() => listDeliveries(webhookId), [webhookId]);
  const { state } = useResource(load);
  if (state.status === 'loading') return <p role="status">{messages.loading}</p>;
  if (state.status === 'failed') return <ProblemNotice error={state.error} />;
  if (state.value.length === 0) return <p className="admin-table__note">{messages.noDeliveries}</p>;
  return (
    <ol className="delivery-log">
      {state.value.map((delivery) => (
        <li key={delivery.id} className="delivery-log__entry" data-state={delivery.state}>
          <span className="badge" data-state={delivery.state}>
            {messages.deliveryStates[delivery.state]}
          </span>{' '}
          <code dir="ltr">{delivery.idempotencyKey}</code> · {plural(language, delivery.attempts, messages.attempts)} · {formatInstant(delivery.deliveredAt ?? delivery.lastAttemptAt ?? delivery.queuedAt, language, 'second')}
          {delivery.lastStatusCode !== null && <code dir="ltr"> HTTP {delivery.lastStatusCode}</code>}
          {delivery.lastError && (
            <div className="admin-table__note" dir="ltr">
              {delivery.lastError}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function NewWebhookForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const messages = useMessages(ADMIN_MESSAGES);
  const { ids, titleOf } = useLayerTitles();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [layers, setLayers] = useState<string[]>([]);
  const { isSubmitting, problem, run } = useSubmission();
  const [isMissingLayer, setMissingLayer] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingLayer(layers.length === 0);
    if (layers.length === 0) return;
    await run(async () => {
      const created = await createWebhook({ url: url.trim(), layers, ...(description.trim() ? { description: description.trim() } : {}) });
      onCreated(created.secret);
      setUrl('');
      setDescription('');
      setLayers([]);
    });
  }

  return (
    <form className="admin-form" aria-labelledby="new-webhook-heading" onSubmit={submit} noValidate>
      <h3 id="new-webhook-heading">{messages.newWebhook}</h3>
      {problem && <ProblemNotice error={problem} />}
      <div className="form-field">
        <label htmlFor="new-webhook-url">{messages.url}</label>
        <input id="new-webhook-url" name="url" type="url" dir="ltr" required value={url} onChange={(event) => setUrl(event.currentTarget.value)} />
      </div>
      <div className="form-field">
        <label htmlFor="new-webhook-description">{messages.description}</label>
        <input id="new-webhook-description" name="description" maxLength={500} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
      </div>
      <fieldset className="scope-picker" aria-invalid={isMissingLayer}>
        <legend>{messages.layers}</legend>
        {isMissingLayer && <p className="notice notice--error" role="alert">{messages.chooseLayer}</p>}
        {ids.map((id) => (
          <label key={id} className="scope-option">
            <input
              type="checkbox"
              value={id}
              checked={layers.includes(id)}
              onChange={(event) => {
                const isChecked = event.currentTarget.checked;
                setLayers((current) => (isChecked ? [...current, id] : current.filter((value) => value !== id)));
              }}
            />
            <span>{titleOf(id)}</span>
          </label>
        ))}
      </fieldset>
      <div className="admin-form__actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? messages.creating : messages.create}
        </button>
      </div>
    </form>
  );
}
