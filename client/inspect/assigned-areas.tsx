import { useEffect } from 'react';
import { fetchFeature } from '../api/fetch-feature.ts';
import { geometryBounds } from '../api/geometry-bounds.ts';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMapController } from '../map/map-context.tsx';
import { useStore } from '../state/create-store.ts';
import type { UserArea } from '../api/principal.ts';
import { useServices } from '../state/services.tsx';
import { useSelection } from '../ui/use-selection.ts';
import { INSPECT_MESSAGES } from './inspect-messages.ts';

/** The catalog's layer of administrative areas: the reference layer the accounts' areas belong to. */
function areaLayerOf(catalog: LayerCatalog) {
  return catalog.layers.find((layer) => layer.family === 'reference');
}

/** The bounds of all these areas together, or null. */
async function boundsOfAreas(layerId: string, areas: readonly UserArea[], signal: AbortSignal): Promise<number[] | null> {
  const features = await Promise.all(areas.map((area) => fetchFeature(layerId, area.id, signal)));
  const bounds = features.flatMap((feature) => (feature.geometry ? [geometryBounds(feature.geometry)] : [])).filter((value) => value !== null);
  if (bounds.length === 0) return null;
  return [Math.min(...bounds.map((b) => b[0])), Math.min(...bounds.map((b) => b[1])), Math.max(...bounds.map((b) => b[2])), Math.max(...bounds.map((b) => b[3]))];
}

/**
 * The arrondissements the inspector is assigned to, each opening its card; the map shows them together
 * when the workspace opens. An account confined to no area works on the whole city.
 */
export function AssignedAreas({ catalog }: { catalog: LayerCatalog }) {
  const { session } = useServices();
  const controller = useMapController();
  const { language } = useI18n();
  const messages = useMessages(INSPECT_MESSAGES);
  const { open } = useSelection();
  const state = useStore(session, (snapshot) => snapshot.state);
  const areas = state.status === 'signed-in' ? state.user.areas : [];
  const areaLayer = areaLayerOf(catalog);
  const areaKey = areas.map((area) => area.id).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the areas are compared by their ids (areaKey); a new array of the same areas changes nothing.
  useEffect(() => {
    if (!areaLayer || areaKey === '') return undefined;
    const controllerSignal = new AbortController();
    boundsOfAreas(areaLayer.id, areas, controllerSignal.signal).then(
      (bounds) => {
        if (bounds) controller.fitBounds(bounds, { animate: false });
      },
      () => undefined,
    );
    return () => controllerSignal.abort();
  }, [areaLayer, areaKey, controller]);

  return (
    <section className="assigned-areas" aria-labelledby="assigned-areas-heading">
      <h2 id="assigned-areas-heading" className="panel-heading">
        {messages.areasHeading}
      </h2>
      {areas.length === 0 || !areaLayer ? (
        <p className="side-panel__intro">{messages.wholeCity}</p>
      ) : (
        <ul className="assigned-areas__list">
          {areas.map((area) => (
            <li key={area.id}>
              <button type="button" className="chip-button" data-area-code={area.code} onClick={() => open({ layerId: areaLayer.id, featureId: String(area.id) })}>
                {language === 'ar' && area.name_ar ? area.name_ar : area.name_fr}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
