import type { MessageSet } from '../i18n/define-messages.ts';
import type { AppId } from '../state/routes.ts';

/** Strings of the shell: the header, the app switcher, what a refused or loading app says. */
export interface ShellMessages {
  appTitle: string;
  appSubtitle: string;
  languageLabel: string;
  /** Names of the apps in the switcher, and in the page title. */
  appNames: Record<AppId, string>;
  appsLabel: string;
  loadingApp: string;
  appLoadFailed: string;
  /** A staff app opened with an account whose role it is not for. */
  deniedTitle: string;
  deniedDetail: (appName: string, roleName: string) => string;
  backToMap: string;
  switchAccount: string;
  skipToContent: string;
  /** The header's entry to the staff area, and its tooltip while signed out. */
  staffEntry: string;
  staffEntryHint: string;
  /** Announced to screen readers. */
  announceEnded: string;
}

export const SHELL_MESSAGES: MessageSet<ShellMessages> = {
  fr: {
    appTitle: 'casa-sig',
    appSubtitle: 'Système d’information géographique de Casablanca',
    languageLabel: 'Langue',
    appNames: { transit: 'Transports', explore: 'Carte de la ville', plan: 'Voirie', inspect: 'Inspection', admin: 'Administration', staff: 'Espace agents' },
    appsLabel: 'Applications',
    loadingApp: 'Chargement de l’application…',
    appLoadFailed: 'Cette partie de l’application n’a pas pu être chargée. Vérifiez votre connexion puis réessayez.',
    deniedTitle: 'Accès réservé',
    deniedDetail: (appName, roleName) => `« ${appName} » n’est pas ouvert au rôle ${roleName}. Connectez-vous avec un autre compte ou revenez à la carte.`,
    backToMap: 'Revenir à la carte',
    switchAccount: 'Changer de compte',
    skipToContent: 'Aller au contenu',
    staffEntry: 'Espace agents',
    staffEntryHint: 'Connexion des agents de la Ville',
    announceEnded: 'Votre session a pris fin.',
  },
  ar: {
    appTitle: 'casa-sig',
    appSubtitle: 'نظام المعلومات الجغرافية للدار البيضاء',
    languageLabel: 'اللغة',
    appNames: { transit: 'النقل', explore: 'خريطة المدينة', plan: 'الطرق', inspect: 'المراقبة', admin: 'الإدارة', staff: 'فضاء الموظفين' },
    appsLabel: 'التطبيقات',
    loadingApp: 'جار تحميل التطبيق…',
    appLoadFailed: 'تعذر تحميل هذا الجزء من التطبيق. تحقق من الاتصال ثم أعد المحاولة.',
    deniedTitle: 'ولوج محدود',
    deniedDetail: (appName, roleName) => `«${appName}» غير متاح لدور ${roleName}. سجل الدخول بحساب آخر أو عد إلى الخريطة.`,
    backToMap: 'العودة إلى الخريطة',
    switchAccount: 'تغيير الحساب',
    skipToContent: 'الانتقال إلى المحتوى',
    staffEntry: 'فضاء الموظفين',
    staffEntryHint: 'ولوج موظفي الجماعة',
    announceEnded: 'انتهت جلستك.',
  },
  en: {
    appTitle: 'casa-sig',
    appSubtitle: 'Casablanca geographic information system',
    languageLabel: 'Language',
    appNames: { transit: 'Transit', explore: 'City map', plan: 'Streets', inspect: 'Inspection', admin: 'Administration', staff: 'Staff area' },
    appsLabel: 'Applications',
    loadingApp: 'Loading the application…',
    appLoadFailed: 'This part of the application could not be loaded. Check your connection and try again.',
    deniedTitle: 'Restricted',
    deniedDetail: (appName, roleName) => `“${appName}” is not open to the ${roleName} role. Sign in with another account or go back to the map.`,
    backToMap: 'Back to the map',
    switchAccount: 'Switch account',
    skipToContent: 'Skip to content',
    staffEntry: 'Staff',
    staffEntryHint: 'Sign-in for City staff',
    announceEnded: 'Your session has ended.',
  },
};
