import { useEffect, useState } from 'react';
import { fetchFeature } from '../api/fetch-feature.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import type { FeatureReference } from '../state/url-state.ts';
import { describeTitle } from './describe-feature.ts';
import { UI_MESSAGES } from './ui-messages.ts';

interface RelatedFeatureLinkProps {
  reference: FeatureReference;
  onOpen: (reference: FeatureReference) => void;
}

/**
 * A property that names another feature (an inspection's establishment): the feature's own name, as a link
 * that opens it. Until the name arrives, or when the caller may not read that layer, its number is shown.
 */
export function RelatedFeatureLink({ reference, onOpen }: RelatedFeatureLinkProps) {
  const { catalog } = useServices();
  const { language } = useI18n();
  const messages = useMessages(UI_MESSAGES);
  const common = useMessages(COMMON_MESSAGES);
  const catalogState = useStore(catalog, (value) => value);
  const layer = catalogState.status === 'ready' ? catalogState.catalog.layers.find((entry) => entry.id === reference.layerId) : undefined;
  const [properties, setProperties] = useState<Record<string, unknown> | null>(null);

  useEffect(() => {
    if (!layer) return undefined;
    const controller = new AbortController();
    setProperties(null);
    fetchFeature(reference.layerId, reference.featureId, controller.signal).then(
      (feature) => setProperties(feature.properties),
      () => undefined,
    );
    return () => controller.abort();
  }, [layer, reference.layerId, reference.featureId]);

  const name = layer && properties ? describeTitle(layer, properties, reference.featureId, language) : common.featureNumber(reference.featureId);
  if (!layer) return <bdi>{name}</bdi>;
  return (
    <button
      type="button"
      className="link-button"
      data-related-layer={reference.layerId}
      data-related-id={reference.featureId}
      aria-label={messages.openRelated(name)}
      onClick={() => onOpen(reference)}
    >
      <bdi>{name}</bdi>
    </button>
  );
}
