import { useState } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { Language } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { type LayerPermissions, nameOf, type StaffUser, type UserArea } from '../api/principal.ts';
import { STAFF_MESSAGES } from './staff-messages.ts';

interface AccountSummaryProps {
  user: StaffUser;
  /** For the layers' titles (the account's permissions name layers by id). */
  catalog: LayerCatalog | undefined;
  /** Rejects when the server cannot be reached. */
  onSignOut: () => Promise<void>;
  onShowMap: () => void;
}

const OPERATIONS: readonly (keyof LayerPermissions)[] = ['read', 'create', 'update', 'delete', 'personal'];

function areaName(area: UserArea, language: Language): string {
  return language === 'ar' && area.name_ar ? area.name_ar : area.name_fr;
}

/** Layer ids of the permissions, in the catalog's order, then any the catalog does not list yet. */
function orderedLayerIds(user: StaffUser, catalog: LayerCatalog | undefined): string[] {
  const ids = Object.keys(user.layers);
  const catalogOrder = catalog?.layers.map((layer) => layer.id).filter((id) => ids.includes(id)) ?? [];
  return [...catalogOrder, ...ids.filter((id) => !catalogOrder.includes(id))];
}

/**
 * Who is signed in (name, username, role in the interface language, assigned areas), what the account may
 * do on each layer, and the way out: back to the map, or sign out.
 */
export function AccountSummary({ user, catalog, onSignOut, onShowMap }: AccountSummaryProps) {
  const { language } = useI18n();
  const messages = useMessages(STAFF_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const [isSigningOut, setSigningOut] = useState(false);
  const [hasSignOutFailed, setSignOutFailed] = useState(false);
  const titleOf = (layerId: string) => {
    const entry = catalog?.layers.find((layer) => layer.id === layerId);
    return entry ? pickLabel(entry.title, language) : layerId;
  };

  async function signOut() {
    setSigningOut(true);
    setSignOutFailed(false);
    try {
      await onSignOut();
    } catch {
      setSignOutFailed(true);
      setSigningOut(false);
    }
  }

  return (
    <section className="account-summary" aria-labelledby="account-summary-name" data-username={user.username}>
      <p className="account-summary__eyebrow">{messages.signedInAs}</p>
      <h3 id="account-summary-name" className="account-summary__name">
        {nameOf(user)}
      </h3>
      <dl className="account-summary__facts">
        <div>
          <dt>{messages.usernameLabel}</dt>
          <dd>
            <bdi dir="ltr">{user.username}</bdi>
          </dd>
        </div>
        <div>
          <dt>{messages.roleLabel}</dt>
          <dd data-role={user.role}>{common.roleNames[user.role]}</dd>
        </div>
        <div>
          <dt>{messages.areasLabel}</dt>
          <dd className="account-summary__areas">
            {user.areas.length === 0
              ? messages.wholeCity
              : user.areas.map((area) => (
                  <span key={area.code} className="badge badge--area" data-area-code={area.code}>
                    {areaName(area, language)}
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      <h4 className="account-summary__subheading">{messages.permissionsHeading}</h4>
      <ul className="permission-list">
        {orderedLayerIds(user, catalog).map((layerId) => (
          <li key={layerId} className="permission-list__row" data-layer-id={layerId}>
            <span className="permission-list__layer">{titleOf(layerId)}</span>
            <span className="permission-list__operations">
              {OPERATIONS.filter((operation) => user.layers[layerId]?.[operation]).map((operation) => (
                <span key={operation} className="badge" data-operation={operation}>
                  {messages.operations[operation]}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {hasSignOutFailed && (
        <p className="notice notice--error" role="alert">
          {messages.signOutFailed}
        </p>
      )}
      <div className="staff-dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onShowMap}>
          {messages.showMap}
        </button>
        <button type="button" className="button button--quiet" disabled={isSigningOut} aria-busy={isSigningOut} onClick={signOut}>
          {isSigningOut ? messages.signingOut : messages.signOut}
        </button>
      </div>
    </section>
  );
}
