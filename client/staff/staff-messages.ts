import type { MessageSet } from '../i18n/define-messages.ts';

/**
 * Strings of the staff area ("Espace agents", /staff): the sign-in form and the account.
 */
export interface StaffMessages {
  /** The header entry, and the title of the staff panel. */
  entry: string;
  /** Tooltip of the header entry while signed out. */
  entryHint: string;
  close: string;
  checking: string;
  signInHeading: string;
  signInIntro: string;
  username: string;
  password: string;
  submit: string;
  submitting: string;
  /** Shown above the form when the server ended the session (401, expiry). */
  sessionEnded: string;
  /** Sign-in failures by problem type; `default` for the others. */
  signInErrors: Record<string, string>;
  /** 429: `retryIn` is a relative time ("dans 15 minutes"), or null when the server gave none. */
  tooManyAttempts: (retryIn: string | null) => string;
  signedInAs: string;
  usernameLabel: string;
  roleLabel: string;
  areasLabel: string;
  wholeCity: string;
  permissionsHeading: string;
  operations: { read: string; create: string; update: string; delete: string; personal: string };
  showMap: string;
  signOut: string;
  signingOut: string;
  signOutFailed: string;
  /** Announced to screen readers. */
  announceSignedIn: (name: string) => string;
  announceSignedOut: string;
  announceEnded: string;
  /** Above the form when a staff app was asked for: sign in to open it. */
  signInToOpen: (appName: string) => string;
  /** Names of the staff apps, as the sign-in form names where it leads. */
  appNames: Record<'plan' | 'inspect' | 'admin', string>;
}

const fr: StaffMessages = {
  entry: 'Espace agents',
  entryHint: 'Connexion des agents de la Ville',
  close: 'Fermer',
  checking: 'Vérification de la session…',
  signInHeading: 'Connexion',
  signInIntro: 'Réservé aux agents de la Ville de Casablanca. La carte publique reste accessible sans compte.',
  username: 'Identifiant',
  password: 'Mot de passe',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  sessionEnded: 'Votre session a pris fin. Connectez-vous à nouveau pour continuer.',
  signInErrors: {
    'invalid-login': 'Identifiant ou mot de passe incorrect.',
    'missing-credentials': 'Saisissez votre identifiant et votre mot de passe.',
    'network-error': 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    'cookie-refused': 'Le navigateur a refusé le cookie de session. Autorisez les cookies pour ce site puis réessayez.',
    default: 'La connexion a échoué. Réessayez.',
  },
  tooManyAttempts: (retryIn) => `Trop de tentatives de connexion. ${retryIn ? `Réessayez ${retryIn}.` : 'Réessayez plus tard.'}`,
  signedInAs: 'Compte connecté',
  usernameLabel: 'Identifiant',
  roleLabel: 'Rôle',
  areasLabel: 'Secteurs attribués',
  wholeCity: 'Toute la ville',
  permissionsHeading: 'Vos droits par couche',
  operations: { read: 'Consulter', create: 'Créer', update: 'Modifier', delete: 'Supprimer', personal: 'Données personnelles' },
  showMap: 'Voir la carte',
  signOut: 'Se déconnecter',
  signingOut: 'Déconnexion…',
  signOutFailed: 'La déconnexion a échoué : le serveur ne répond pas. Réessayez.',
  announceSignedIn: (name) => `Connexion réussie : ${name}.`,
  announceSignedOut: 'Vous êtes déconnecté. La carte publique est affichée.',
  announceEnded: 'Votre session a pris fin.',
  signInToOpen: (appName) => `Connectez-vous pour ouvrir « ${appName} ».`,
  appNames: { plan: 'Voirie', inspect: 'Inspection', admin: 'Administration' },
};

const ar: StaffMessages = {
  entry: 'فضاء الموظفين',
  entryHint: 'ولوج موظفي الجماعة',
  close: 'إغلاق',
  checking: 'جار التحقق من الجلسة…',
  signInHeading: 'تسجيل الدخول',
  signInIntro: 'مخصص لموظفي جماعة الدار البيضاء. تبقى الخريطة العمومية متاحة بدون حساب.',
  username: 'اسم المستخدم',
  password: 'كلمة المرور',
  submit: 'تسجيل الدخول',
  submitting: 'جار تسجيل الدخول…',
  sessionEnded: 'انتهت جلستك. سجل الدخول من جديد للمتابعة.',
  signInErrors: {
    'invalid-login': 'اسم المستخدم أو كلمة المرور غير صحيحة.',
    'missing-credentials': 'أدخل اسم المستخدم وكلمة المرور.',
    'network-error': 'الخادم لا يستجيب. تحقق من الاتصال ثم أعد المحاولة.',
    'cookie-refused': 'رفض المتصفح ملف تعريف الارتباط الخاص بالجلسة. اسمح بملفات تعريف الارتباط لهذا الموقع ثم أعد المحاولة.',
    default: 'تعذر تسجيل الدخول. أعد المحاولة.',
  },
  tooManyAttempts: (retryIn) => `محاولات دخول كثيرة. ${retryIn ? `أعد المحاولة ${retryIn}.` : 'أعد المحاولة لاحقا.'}`,
  signedInAs: 'الحساب المتصل',
  usernameLabel: 'اسم المستخدم',
  roleLabel: 'الدور',
  areasLabel: 'المناطق المسندة',
  wholeCity: 'المدينة كلها',
  permissionsHeading: 'صلاحياتك حسب الطبقة',
  operations: { read: 'الاطلاع', create: 'الإنشاء', update: 'التعديل', delete: 'الحذف', personal: 'المعطيات الشخصية' },
  showMap: 'عرض الخريطة',
  signOut: 'تسجيل الخروج',
  signingOut: 'جار تسجيل الخروج…',
  signOutFailed: 'تعذر تسجيل الخروج: الخادم لا يستجيب. أعد المحاولة.',
  announceSignedIn: (name) => `تم تسجيل الدخول: ${name}.`,
  announceSignedOut: 'تم تسجيل الخروج. الخريطة العمومية معروضة.',
  announceEnded: 'انتهت جلستك.',
  signInToOpen: (appName) => `سجل الدخول لفتح «${appName}».`,
  appNames: { plan: 'الطرق', inspect: 'المراقبة', admin: 'الإدارة' },
};

const en: StaffMessages = {
  entry: 'Staff',
  entryHint: 'Sign-in for City staff',
  close: 'Close',
  checking: 'Checking your session…',
  signInHeading: 'Sign in',
  signInIntro: 'For staff of the City of Casablanca. The public map stays open to everyone without an account.',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  sessionEnded: 'Your session has ended. Sign in again to continue.',
  signInErrors: {
    'invalid-login': 'Wrong username or password.',
    'missing-credentials': 'Enter your username and password.',
    'network-error': 'The server does not answer. Check your connection and try again.',
    'cookie-refused': 'The browser refused the session cookie. Allow cookies for this site and try again.',
    default: 'Signing in failed. Try again.',
  },
  tooManyAttempts: (retryIn) => `Too many sign-in attempts. ${retryIn ? `Try again ${retryIn}.` : 'Try again later.'}`,
  signedInAs: 'Signed in as',
  usernameLabel: 'Username',
  roleLabel: 'Role',
  areasLabel: 'Assigned areas',
  wholeCity: 'Whole city',
  permissionsHeading: 'What you may do, by layer',
  operations: { read: 'View', create: 'Create', update: 'Edit', delete: 'Delete', personal: 'Personal data' },
  showMap: 'Show the map',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutFailed: 'Signing out failed: the server does not answer. Try again.',
  announceSignedIn: (name) => `Signed in: ${name}.`,
  announceSignedOut: 'You are signed out. The public map is shown.',
  announceEnded: 'Your session has ended.',
  signInToOpen: (appName) => `Sign in to open “${appName}”.`,
  appNames: { plan: 'Streets', inspect: 'Inspection', admin: 'Administration' },
};

export const STAFF_MESSAGES: MessageSet<StaffMessages> = { fr, ar, en };
