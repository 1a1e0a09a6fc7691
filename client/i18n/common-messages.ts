import type { MessageSet } from './define-messages.ts';
import type { Language } from './language.ts';

/** Strings every part of the interface uses: yes/no, retry, errors, lists. */
export interface CommonMessages {
  yes: string;
  no: string;
  /** A value the data does not know (the source did not say). */
  unknown: string;
  /** Between the items of a list of codes. */
  listSeparator: string;
  retry: string;
  close: string;
  cancel: string;
  loading: string;
  errorReference: (requestId: string) => string;
  /** Why a request failed, by problem type; `default` for the others. */
  errorDetail: Record<string, string>;
  featureNumber: (id: string) => string;
  /** A feature without a name, by its layer and its date ("Inspections d’hygiène · 3 mars 2026"). */
  featureOnDate: (layerTitle: string, date: string) => string;
  /** The staff roles, as the header, the account and the administration name them. */
  roleNames: Record<'planner' | 'inspector' | 'admin', string>;
}

export const COMMON_MESSAGES: MessageSet<CommonMessages> = {
  fr: {
    yes: 'Oui',
    no: 'Non',
    unknown: 'Inconnu',
    listSeparator: ', ',
    retry: 'Réessayer',
    close: 'Fermer',
    cancel: 'Annuler',
    loading: 'Chargement…',
    errorReference: (requestId) => `Référence de l’erreur : ${requestId}`,
    errorDetail: {
      'network-error': 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
      'invalid-response': 'Le serveur a envoyé une réponse inattendue.',
      default: 'Le serveur a rencontré une erreur.',
    },
    featureNumber: (id) => `n° ${id}`,
    featureOnDate: (layerTitle, date) => `${layerTitle} · ${date}`,
    roleNames: { planner: 'Urbaniste', inspector: 'Inspecteur', admin: 'Administrateur' },
  },
  ar: {
    yes: 'نعم',
    no: 'لا',
    unknown: 'غير معروف',
    listSeparator: '، ',
    retry: 'إعادة المحاولة',
    close: 'إغلاق',
    cancel: 'إلغاء',
    loading: 'جار التحميل…',
    errorReference: (requestId) => `مرجع الخطأ: ${requestId}`,
    errorDetail: {
      'network-error': 'الخادم لا يستجيب. تحقق من الاتصال ثم أعد المحاولة.',
      'invalid-response': 'أرسل الخادم ردا غير متوقع.',
      default: 'حدث خطأ في الخادم.',
    },
    featureNumber: (id) => `رقم ${id}`,
    featureOnDate: (layerTitle, date) => `${layerTitle} · ${date}`,
    roleNames: { planner: 'مخطط حضري', inspector: 'مفتش', admin: 'مدير النظام' },
  },
  en: {
    yes: 'Yes',
    no: 'No',
    unknown: 'Unknown',
    listSeparator: ', ',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    loading: 'Loading…',
    errorReference: (requestId) => `Error reference: ${requestId}`,
    errorDetail: {
      'network-error': 'The server does not answer. Check your connection and try again.',
      'invalid-response': 'The server sent an unexpected answer.',
      default: 'The server ran into an error.',
    },
    featureNumber: (id) => `no. ${id}`,
    featureOnDate: (layerTitle, date) => `${layerTitle} · ${date}`,
    roleNames: { planner: 'Urban planner', inspector: 'Inspector', admin: 'Administrator' },
  },
};

/** Units the registry writes after numbers, as each language writes them. */
const UNIT_LABELS: Readonly<Record<string, Record<Language, string>>> = {
  m: { fr: 'm', ar: 'م', en: 'm' },
  km: { fr: 'km', ar: 'كلم', en: 'km' },
  'm²': { fr: 'm²', ar: 'م²', en: 'm²' },
  '%': { fr: '%', ar: '%', en: '%' },
};

/** A unit as written in the language; an unknown unit is shown as the registry wrote it. */
export function localiseUnit(unit: string, language: Language): string {
  return UNIT_LABELS[unit]?.[language] ?? unit;
}
