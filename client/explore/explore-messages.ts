import type { MessageSet } from '../i18n/define-messages.ts';

/** Strings of the public map app. */
export interface ExploreMessages {
  panelLabel: string;
}

export const EXPLORE_MESSAGES: MessageSet<ExploreMessages> = {
  fr: { panelLabel: 'Couches et objets de la carte' },
  ar: { panelLabel: 'طبقات الخريطة وعناصرها' },
  en: { panelLabel: 'Map layers and features' },
};
