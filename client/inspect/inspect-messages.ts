import type { MessageSet } from '../i18n/define-messages.ts';

/** Strings of the inspectors' workspace. */
export interface InspectMessages {
  panelLabel: string;
  intro: string;
  areasHeading: string;
  wholeCity: string;
}

export const INSPECT_MESSAGES: MessageSet<InspectMessages> = {
  fr: {
    panelLabel: 'Autorisations et hygiène',
    intro: 'Les autorisations, les établissements et leurs inspections dans vos secteurs.',
    areasHeading: 'Vos secteurs',
    wholeCity: 'Toute la ville',
  },
  ar: {
    panelLabel: 'الرخص وحفظ الصحة',
    intro: 'الرخص والمؤسسات وعمليات مراقبتها في قطاعاتك.',
    areasHeading: 'قطاعاتك',
    wholeCity: 'المدينة كلها',
  },
  en: {
    panelLabel: 'Permits and hygiene',
    intro: 'Permits, establishments and their inspections in your districts.',
    areasHeading: 'Your districts',
    wholeCity: 'The whole city',
  },
};
