import type { MessageSet } from '../i18n/define-messages.ts';

/** Strings the map itself shows: its name for assistive technology, its credits and MapLibre's controls. */
export interface MapMessages {
  mapLabel: string;
  /** Credit line of the map: the city's data, and OpenStreetMap's for the streets, railways, city outline and coast. */
  attribution: string;
  /** MapLibre control tooltips and scale units (its own locale table keys). */
  controls: Record<string, string>;
}

const OSM = '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>';

export const MAP_MESSAGES: MessageSet<MapMessages> = {
  fr: {
    mapLabel: 'Carte de Casablanca',
    attribution: `© Ville de Casablanca · Voirie, voies ferrées, limites et littoral ${OSM}, ODbL`,
    controls: {
      'Map.Title': 'Carte',
      'NavigationControl.ZoomIn': 'Zoom avant',
      'NavigationControl.ZoomOut': 'Zoom arrière',
      'NavigationControl.ResetBearing': 'Réorienter vers le nord',
      'AttributionControl.ToggleAttribution': 'Afficher les sources',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
    },
  },
  ar: {
    mapLabel: 'خريطة الدار البيضاء',
    attribution: `© جماعة الدار البيضاء · الطرق والسكك الحديدية والحدود والساحل ${OSM}، ODbL`,
    controls: {
      'Map.Title': 'الخريطة',
      'NavigationControl.ZoomIn': 'تكبير',
      'NavigationControl.ZoomOut': 'تصغير',
      'NavigationControl.ResetBearing': 'التوجيه نحو الشمال',
      'AttributionControl.ToggleAttribution': 'إظهار المصادر',
      'ScaleControl.Meters': 'م',
      'ScaleControl.Kilometers': 'كلم',
    },
  },
  en: {
    mapLabel: 'Map of Casablanca',
    attribution: `© City of Casablanca · Streets, railways, boundary and coastline ${OSM}, ODbL`,
    controls: {
      'Map.Title': 'Map',
      'NavigationControl.ZoomIn': 'Zoom in',
      'NavigationControl.ZoomOut': 'Zoom out',
      'NavigationControl.ResetBearing': 'Reset bearing to north',
      'AttributionControl.ToggleAttribution': 'Toggle attribution',
      'ScaleControl.Meters': 'm',
      'ScaleControl.Kilometers': 'km',
    },
  },
};
