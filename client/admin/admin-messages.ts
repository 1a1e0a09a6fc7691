import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';

/** Strings of the administration (/admin): accounts, API keys, webhooks, security audit. */
export interface AdminMessages {
  title: string;
  sections: Record<'accounts' | 'keys' | 'webhooks' | 'audit', string>;
  loading: string;
  loadFailed: string;
  save: string;
  saving: string;
  create: string;
  creating: string;
  // Accounts
  accountsIntro: string;
  username: string;
  displayName: string;
  role: string;
  areas: string;
  status: string;
  active: string;
  disabled: string;
  disable: string;
  enable: string;
  wholeCity: string;
  newAccount: string;
  areasHint: string;
  passwordShownOnce: (username: string) => string;
  accountCreated: (username: string) => string;
  accountUpdated: (username: string) => string;
  editAreas: (username: string) => string;
  changeRole: (username: string) => string;
  // Keys
  keysIntro: string;
  module: string;
  description: string;
  scopes: string;
  scopeGroups: { layers: string; endpoints: string };
  scopeActions: Record<'read' | 'write' | 'personal', string>;
  created: string;
  lastUsed: string;
  never: string;
  revoked: string;
  revoke: string;
  confirmRevoke: (prefix: string, module: string) => string;
  newKey: string;
  keyShownOnce: string;
  keyRevoked: (prefix: string) => string;
  chooseScope: string;
  // Webhooks
  webhooksIntro: string;
  url: string;
  layers: string;
  enabled: string;
  backlog: (pending: number, failing: number) => string;
  lastDelivered: string;
  newWebhook: string;
  secretShownOnce: string;
  deliveries: string;
  hideDeliveries: string;
  noDeliveries: string;
  deliveryStates: Record<'queued' | 'sending' | 'retrying' | 'delivered', string>;
  attempts: PluralForms;
  retryNow: string;
  chooseLayer: string;
  // Audit
  auditIntro: string;
  kind: string;
  allKinds: string;
  principal: string;
  since: string;
  until: string;
  filter: string;
  when: string;
  address: string;
  detail: string;
  noEvents: string;
  more: string;
  eventKinds: Record<string, string>;
  copy: string;
  copied: string;
  dismiss: string;
  /** Why a change was refused, by problem type; `default` for the others. */
  problems: Record<string, string>;
}

export const ADMIN_MESSAGES: MessageSet<AdminMessages> = {
  fr: {
    title: 'Administration',
    sections: { accounts: 'Comptes', keys: 'Clés d’API', webhooks: 'Webhooks', audit: 'Journal de sécurité' },
    loading: 'Chargement…',
    loadFailed: 'La liste n’a pas pu être chargée.',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    create: 'Créer',
    creating: 'Création…',
    accountsIntro: 'Les agents de la Ville, leur rôle et les arrondissements auxquels leurs droits sont limités.',
    username: 'Identifiant',
    displayName: 'Nom affiché',
    role: 'Rôle',
    areas: 'Secteurs',
    status: 'État',
    active: 'Actif',
    disabled: 'Désactivé',
    disable: 'Désactiver',
    enable: 'Réactiver',
    wholeCity: 'Toute la ville',
    newAccount: 'Nouveau compte',
    areasHint: 'Sans secteur, le compte couvre toute la ville.',
    passwordShownOnce: (username) => `Mot de passe de ${username}, affiché une seule fois : transmettez-le à l’agent par un canal sûr.`,
    accountCreated: (username) => `Compte ${username} créé.`,
    accountUpdated: (username) => `Compte ${username} modifié.`,
    editAreas: (username) => `Secteurs de ${username}`,
    changeRole: (username) => `Rôle de ${username}`,
    keysIntro: 'Les clés des autres logiciels de la Ville (fiscalité, GRC, open data), chacune limitée à ses droits.',
    module: 'Module',
    description: 'Description',
    scopes: 'Droits',
    scopeGroups: { layers: 'Couches', endpoints: 'Services' },
    scopeActions: { read: 'lecture', write: 'écriture', personal: 'données personnelles' },
    created: 'Créée le',
    lastUsed: 'Dernier usage',
    never: 'jamais',
    revoked: 'Révoquée',
    revoke: 'Révoquer',
    confirmRevoke: (prefix, module) => `Révoquer la clé ${prefix} (${module}) ? Le logiciel qui l’utilise perdra l’accès immédiatement.`,
    newKey: 'Nouvelle clé',
    keyShownOnce: 'La clé, affichée une seule fois : copiez-la maintenant dans la configuration du module.',
    keyRevoked: (prefix) => `Clé ${prefix} révoquée.`,
    chooseScope: 'Choisissez au moins un droit.',
    webhooksIntro: 'Les adresses averties de chaque modification validée des couches suivies, signées et rejouées jusqu’à réception.',
    url: 'Adresse (URL)',
    layers: 'Couches suivies',
    enabled: 'Actif',
    backlog: (pending, failing) => `${pending} en attente, dont ${failing} en échec`,
    lastDelivered: 'Dernière livraison',
    newWebhook: 'Nouveau webhook',
    secretShownOnce: 'Le secret de signature, affiché une seule fois : copiez-le dans le logiciel destinataire.',
    deliveries: 'Livraisons',
    hideDeliveries: 'Masquer les livraisons',
    noDeliveries: 'Aucune livraison pour l’instant.',
    deliveryStates: { queued: 'En attente', sending: 'En cours d’envoi', retrying: 'En échec, nouvel essai prévu', delivered: 'Livrée' },
    attempts: { one: '{count} tentative', other: '{count} tentatives' },
    retryNow: 'Réessayer maintenant',
    chooseLayer: 'Choisissez au moins une couche.',
    auditIntro: 'Connexions, échecs, usages des clés, refus et changements d’administration, du plus récent au plus ancien.',
    kind: 'Type',
    allKinds: 'Tous les types',
    principal: 'Auteur',
    since: 'Depuis le',
    until: 'Jusqu’au',
    filter: 'Filtrer',
    when: 'Date',
    address: 'Adresse IP',
    detail: 'Détail',
    noEvents: 'Aucun évènement ne correspond.',
    more: 'Plus anciens',
    eventKinds: {
      login: 'Connexion', login_failed: 'Connexion refusée', login_rate_limited: 'Connexions bloquées', logout: 'Déconnexion',
      key_used: 'Usage de clé', access_denied: 'Accès refusé', user_created: 'Compte créé', user_updated: 'Compte modifié',
      key_created: 'Clé créée', key_revoked: 'Clé révoquée', webhook_created: 'Webhook créé', webhook_updated: 'Webhook modifié', webhook_deleted: 'Webhook supprimé',
    },
    copy: 'Copier',
    copied: 'Copié',
    dismiss: 'J’ai noté',
    problems: {
      'invalid-username': 'L’identifiant compte 3 à 64 caractères : minuscules, chiffres, points, tirets ou soulignés.',
      'weak-password': 'Ce mot de passe est trop court.',
      'unknown-area': 'Un des secteurs choisis n’existe plus. Rechargez la page.',
      conflict: 'Cet identifiant est déjà pris.',
      'invalid-scopes': 'Un des droits choisis n’existe pas.',
      'invalid-module': 'Le nom du module compte 1 à 64 lettres, chiffres, points, tirets ou soulignés.',
      'webhook-target-not-allowed': 'Cette adresse est locale ou privée : elle n’est pas autorisée.',
      'unknown-layer': 'Une des couches choisies n’existe pas.',
      'invalid-body': 'Vérifiez les champs du formulaire.',
      default: 'L’opération a échoué.',
    },
  },
  ar: {
    title: 'الإدارة',
    sections: { accounts: 'الحسابات', keys: 'مفاتيح الواجهة البرمجية', webhooks: 'الإشعارات الآلية', audit: 'سجل الأمان' },
    loading: 'جار التحميل…',
    loadFailed: 'تعذر تحميل القائمة.',
    save: 'حفظ',
    saving: 'جار الحفظ…',
    create: 'إنشاء',
    creating: 'جار الإنشاء…',
    accountsIntro: 'موظفو الجماعة وأدوارهم والمقاطعات التي تقتصر عليها صلاحياتهم.',
    username: 'اسم المستخدم',
    displayName: 'الاسم المعروض',
    role: 'الدور',
    areas: 'القطاعات',
    status: 'الحالة',
    active: 'نشط',
    disabled: 'معطل',
    disable: 'تعطيل',
    enable: 'إعادة التفعيل',
    wholeCity: 'المدينة كلها',
    newAccount: 'حساب جديد',
    areasHint: 'بدون قطاع، يشمل الحساب المدينة كلها.',
    passwordShownOnce: (username) => `كلمة مرور ${username}، تعرض مرة واحدة فقط: أرسلها إلى الموظف عبر قناة آمنة.`,
    accountCreated: (username) => `تم إنشاء الحساب ${username}.`,
    accountUpdated: (username) => `تم تعديل الحساب ${username}.`,
    editAreas: (username) => `قطاعات ${username}`,
    changeRole: (username) => `دور ${username}`,
    keysIntro: 'مفاتيح البرامج الأخرى للجماعة (الجبايات، العلاقات مع المواطنين، البيانات المفتوحة)، كل منها محدود بصلاحياته.',
    module: 'الوحدة',
    description: 'الوصف',
    scopes: 'الصلاحيات',
    scopeGroups: { layers: 'الطبقات', endpoints: 'الخدمات' },
    scopeActions: { read: 'قراءة', write: 'كتابة', personal: 'معطيات شخصية' },
    created: 'تاريخ الإنشاء',
    lastUsed: 'آخر استعمال',
    never: 'أبدا',
    revoked: 'ملغى',
    revoke: 'إلغاء',
    confirmRevoke: (prefix, module) => `إلغاء المفتاح ${prefix} (${module})؟ سيفقد البرنامج الذي يستعمله الولوج فورا.`,
    newKey: 'مفتاح جديد',
    keyShownOnce: 'المفتاح، يعرض مرة واحدة فقط: انسخه الآن في إعدادات الوحدة.',
    keyRevoked: (prefix) => `تم إلغاء المفتاح ${prefix}.`,
    chooseScope: 'اختر صلاحية واحدة على الأقل.',
    webhooksIntro: 'العناوين التي تُخطر بكل تعديل مصادق عليه في الطبقات المتتبعة، موقعة ومعادة حتى الاستلام.',
    url: 'العنوان (URL)',
    layers: 'الطبقات المتتبعة',
    enabled: 'نشط',
    backlog: (pending, failing) => `${pending} في الانتظار، منها ${failing} متعثرة`,
    lastDelivered: 'آخر تسليم',
    newWebhook: 'إشعار آلي جديد',
    secretShownOnce: 'سر التوقيع، يعرض مرة واحدة فقط: انسخه في البرنامج المستقبل.',
    deliveries: 'عمليات التسليم',
    hideDeliveries: 'إخفاء عمليات التسليم',
    noDeliveries: 'لا توجد أي عملية تسليم حاليا.',
    deliveryStates: { queued: 'في الانتظار', sending: 'جار الإرسال', retrying: 'متعثر، محاولة جديدة مبرمجة', delivered: 'مسلّم' },
    attempts: { zero: 'لا محاولة', one: 'محاولة واحدة', two: 'محاولتان', few: '{count} محاولات', many: '{count} محاولة', other: '{count} محاولة' },
    retryNow: 'إعادة المحاولة الآن',
    chooseLayer: 'اختر طبقة واحدة على الأقل.',
    auditIntro: 'عمليات الدخول والإخفاقات واستعمالات المفاتيح والرفض وتغييرات الإدارة، من الأحدث إلى الأقدم.',
    kind: 'النوع',
    allKinds: 'كل الأنواع',
    principal: 'الفاعل',
    since: 'ابتداء من',
    until: 'إلى غاية',
    filter: 'تصفية',
    when: 'التاريخ',
    address: 'عنوان IP',
    detail: 'التفاصيل',
    noEvents: 'لا يوجد أي حدث مطابق.',
    more: 'الأقدم',
    eventKinds: {
      login: 'تسجيل الدخول', login_failed: 'دخول مرفوض', login_rate_limited: 'محاولات دخول محظورة', logout: 'تسجيل الخروج',
      key_used: 'استعمال مفتاح', access_denied: 'ولوج مرفوض', user_created: 'إنشاء حساب', user_updated: 'تعديل حساب',
      key_created: 'إنشاء مفتاح', key_revoked: 'إلغاء مفتاح', webhook_created: 'إنشاء إشعار آلي', webhook_updated: 'تعديل إشعار آلي', webhook_deleted: 'حذف إشعار آلي',
    },
    copy: 'نسخ',
    copied: 'تم النسخ',
    dismiss: 'تم التدوين',
    problems: {
      'invalid-username': 'يتكون اسم المستخدم من 3 إلى 64 حرفا: حروف لاتينية صغيرة أو أرقام أو نقاط أو شرطات.',
      'weak-password': 'كلمة المرور هذه قصيرة جدا.',
      'unknown-area': 'أحد القطاعات المختارة لم يعد موجودا. أعد تحميل الصفحة.',
      conflict: 'اسم المستخدم هذا مستعمل.',
      'invalid-scopes': 'إحدى الصلاحيات المختارة غير موجودة.',
      'invalid-module': 'يتكون اسم الوحدة من 1 إلى 64 حرفا لاتينيا أو رقما أو نقطة أو شرطة.',
      'webhook-target-not-allowed': 'هذا العنوان محلي أو خاص: غير مسموح به.',
      'unknown-layer': 'إحدى الطبقات المختارة غير موجودة.',
      'invalid-body': 'تحقق من حقول الاستمارة.',
      default: 'فشلت العملية.',
    },
  },
  en: {
    title: 'Administration',
    sections: { accounts: 'Accounts', keys: 'API keys', webhooks: 'Webhooks', audit: 'Security audit' },
    loading: 'Loading…',
    loadFailed: 'The list could not be loaded.',
    save: 'Save',
    saving: 'Saving…',
    create: 'Create',
    creating: 'Creating…',
    accountsIntro: 'City staff, their role and the arrondissements their rights are confined to.',
    username: 'Username',
    displayName: 'Display name',
    role: 'Role',
    areas: 'Districts',
    status: 'Status',
    active: 'Active',
    disabled: 'Disabled',
    disable: 'Disable',
    enable: 'Enable',
    wholeCity: 'The whole city',
    newAccount: 'New account',
    areasHint: 'With no district, the account covers the whole city.',
    passwordShownOnce: (username) => `Password of ${username}, shown once: pass it on to them over a safe channel.`,
    accountCreated: (username) => `Account ${username} created.`,
    accountUpdated: (username) => `Account ${username} updated.`,
    editAreas: (username) => `Districts of ${username}`,
    changeRole: (username) => `Role of ${username}`,
    keysIntro: 'Keys of the City’s other software (tax, CRM, open data), each limited to its rights.',
    module: 'Module',
    description: 'Description',
    scopes: 'Rights',
    scopeGroups: { layers: 'Layers', endpoints: 'Services' },
    scopeActions: { read: 'read', write: 'write', personal: 'personal data' },
    created: 'Created',
    lastUsed: 'Last used',
    never: 'never',
    revoked: 'Revoked',
    revoke: 'Revoke',
    confirmRevoke: (prefix, module) => `Revoke key ${prefix} (${module})? The software using it loses access at once.`,
    newKey: 'New key',
    keyShownOnce: 'The key, shown once: copy it now into the module’s configuration.',
    keyRevoked: (prefix) => `Key ${prefix} revoked.`,
    chooseScope: 'Choose at least one right.',
    webhooksIntro: 'Addresses told of every committed change on the layers they follow, signed and retried until received.',
    url: 'Address (URL)',
    layers: 'Layers followed',
    enabled: 'Enabled',
    backlog: (pending, failing) => `${pending} pending, ${failing} of them failing`,
    lastDelivered: 'Last delivery',
    newWebhook: 'New webhook',
    secretShownOnce: 'The signing secret, shown once: copy it into the receiving software.',
    deliveries: 'Deliveries',
    hideDeliveries: 'Hide deliveries',
    noDeliveries: 'No delivery yet.',
    deliveryStates: { queued: 'Queued', sending: 'Sending', retrying: 'Failing, retry scheduled', delivered: 'Delivered' },
    attempts: { one: '{count} attempt', other: '{count} attempts' },
    retryNow: 'Retry now',
    chooseLayer: 'Choose at least one layer.',
    auditIntro: 'Sign-ins, failures, key use, denials and administrative changes, newest first.',
    kind: 'Kind',
    allKinds: 'All kinds',
    principal: 'Principal',
    since: 'From',
    until: 'Until',
    filter: 'Filter',
    when: 'When',
    address: 'IP address',
    detail: 'Detail',
    noEvents: 'No event matches.',
    more: 'Older',
    eventKinds: {
      login: 'Sign-in', login_failed: 'Sign-in refused', login_rate_limited: 'Sign-ins blocked', logout: 'Sign-out',
      key_used: 'Key used', access_denied: 'Access denied', user_created: 'Account created', user_updated: 'Account updated',
      key_created: 'Key created', key_revoked: 'Key revoked', webhook_created: 'Webhook created', webhook_updated: 'Webhook updated', webhook_deleted: 'Webhook deleted',
    },
    copy: 'Copy',
    copied: 'Copied',
    dismiss: 'Noted',
    problems: {
      'invalid-username': 'A username is 3 to 64 lowercase letters, digits, dots, dashes or underscores.',
      'weak-password': 'This password is too short.',
      'unknown-area': 'One of the districts chosen no longer exists. Reload the page.',
      conflict: 'This username is taken.',
      'invalid-scopes': 'One of the rights chosen does not exist.',
      'invalid-module': 'A module name is 1 to 64 letters, digits, dots, dashes or underscores.',
      'webhook-target-not-allowed': 'This address is local or private: it is not allowed.',
      'unknown-layer': 'One of the layers chosen does not exist.',
      'invalid-body': 'Check the fields of the form.',
      default: 'The operation failed.',
    },
  },
};
