import type { ReactNode } from 'react';
import type { LayerCatalog } from '../api/layer-catalog.ts';
import { useStore } from '../state/create-store.ts';
import { useServices } from '../state/services.tsx';
import { FeaturesInView } from './features-in-view.tsx';
import { LayerPanel } from './layer-panel.tsx';
import { MapWorkspace } from './map-workspace.tsx';
import { MeasureTool } from './measure-tool.tsx';
import { NamesLanguageNote } from './names-language-note.tsx';
import { SelectionDetails } from './selection-details.tsx';
import { layersOfFamilies, useLayerFamilies } from './use-layer-families.ts';
import { useSelection } from './use-selection.ts';

interface MapAppWorkspaceProps {
  /** The layer families the app works with; null for all. */
  families: readonly string[] | null;
  panelLabel: string;
  /** What the app adds to the side panel, above the layers (its own tools and lists). */
  panelStart?: ((catalog: LayerCatalog) => ReactNode) | undefined;
  /** What the app floats over the map, beside the details panel. */
  children?: ReactNode;
  /** Layers whose open feature the app shows itself (the editor's segment card): no details panel for them. */
  hidesDetailsOf?: readonly string[];
}

/**
 * What every map app starts from: the map with the app's layers, their switches and legends, the features
 * in view (the keyboard's way to the map), and the open feature's details. Apps add their own tools.
 */
export function MapAppWorkspace({ families, panelLabel, panelStart, children, hidesDetailsOf }: MapAppWorkspaceProps) {
  const { catalog } = useServices();
  const catalogState = useStore(catalog, (value) => value);
  if (catalogState.status !== 'ready') return null;
  return (
    <ReadyWorkspace catalog={catalogState.catalog} families={families} panelLabel={panelLabel} panelStart={panelStart} hidesDetailsOf={hidesDetailsOf}>
      {children}
    </ReadyWorkspace>
  );
}

function ReadyWorkspace({ catalog, families, panelLabel, panelStart, children, hidesDetailsOf }: MapAppWorkspaceProps & { catalog: LayerCatalog }) {
  const { open, selection } = useSelection();
  useLayerFamilies(catalog, families);
  return (
    <MapWorkspace
      panelLabel={panelLabel}
      tools={<MeasureTool />}
      panel={
        <>
          {panelStart?.(catalog)}
          <LayerPanel layers={layersOfFamilies(catalog, families)} onOpenFeature={open} />
          <FeaturesInView catalog={catalog} onOpen={open} />
        </>
      }
    >
      <NamesLanguageNote />
      {children}
      {!(selection && hidesDetailsOf?.includes(selection.layerId)) && <SelectionDetails catalog={catalog} />}
    </MapWorkspace>
  );
}
