import type { MessageSet } from '../i18n/define-messages.ts';

/** Strings of the transit map. */
export interface TransitMessages {
  panelLabel: string;
  intro: string;
}

export const TRANSIT_MESSAGES: MessageSet<TransitMessages> = {
  fr: {
    panelLabel: 'Lignes et stations',
    intro: 'Tramway, busway et bus de Casablanca. Choisissez une ligne pour la voir sur la carte, ou une station pour ses lignes.',
  },
  ar: {
    panelLabel: 'الخطوط والمحطات',
    intro: 'ترامواي وباصواي وحافلات الدار البيضاء. اختر خطا لرؤيته على الخريطة، أو محطة لمعرفة خطوطها.',
  },
  en: {
    panelLabel: 'Lines and stations',
    intro: 'Casablanca’s tram, busway and bus. Choose a line to see it on the map, or a station for its lines.',
  },
};
