import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';

/** Strings of the cards (inspection history, permit timeline), the inspection form and the offline queue. */
export interface RecordMessages {
  historyHeading: string;
  historyEmpty: string;
  historyLoading: string;
  historyFailed: string;
  score: (score: string) => string;
  followUp: (date: string) => string;
  recordInspection: string;
  timelineHeading: string;
  timeline: Record<'submitted' | 'decided' | 'validUntil' | 'expired' | 'changed', (detail: string) => string>;
  formTitle: (name: string) => string;
  date: string;
  scoreLabel: string;
  grade: string;
  violations: string;
  outcome: string;
  followUpDate: string;
  notes: string;
  save: string;
  cancel: string;
  saving: string;
  invalid: Record<'date' | 'score' | 'grade' | 'outcome' | 'followUp', string>;
  positionChecking: string;
  positionUnavailable: string;
  positionNear: (distance: string) => string;
  positionFar: (distance: string) => string;
  savedOnline: string;
  savedOffline: string;
  refusedOnline: string;
  queueHeading: string;
  queueCount: PluralForms;
  queueEmpty: string;
  queueWaiting: string;
  queueRefused: (why: string) => string;
  queueOtherAccount: (owner: string) => string;
  queueSendNow: string;
  queueDiscard: string;
  queueOffline: string;
  pendingInCard: string;
}

export const RECORD_MESSAGES: MessageSet<RecordMessages> = {
  fr: {
    historyHeading: 'Historique des inspections',
    historyEmpty: 'Aucune inspection enregistrée.',
    historyLoading: 'Chargement de l’historique…',
    historyFailed: 'L’historique n’a pas pu être chargé.',
    score: (score) => `${score}/100`,
    followUp: (date) => `Contre-visite le ${date}`,
    recordInspection: 'Enregistrer une inspection',
    timelineHeading: 'Chronologie',
    timeline: {
      submitted: (date) => `Déposée le ${date}`,
      decided: (detail) => `Décision : ${detail}`,
      validUntil: (date) => `Valable jusqu’au ${date}`,
      expired: (date) => `Expirée le ${date}`,
      changed: (detail) => `Modifiée : ${detail}`,
    },
    formTitle: (name) => `Inspection de ${name}`,
    date: 'Date du contrôle',
    scoreLabel: 'Score (0 à 100)',
    grade: 'Note',
    violations: 'Infractions constatées',
    outcome: 'Suite donnée',
    followUpDate: 'Date de contre-visite',
    notes: 'Observations',
    save: 'Enregistrer',
    cancel: 'Annuler',
    saving: 'Enregistrement…',
    invalid: {
      date: 'Indiquez la date du contrôle.',
      score: 'Le score est un nombre entier de 0 à 100.',
      grade: 'Choisissez une note.',
      outcome: 'Choisissez la suite donnée.',
      followUp: 'La contre-visite ne peut précéder le contrôle.',
    },
    positionChecking: 'Vérification de votre position…',
    positionUnavailable: 'Position de l’appareil indisponible : elle n’a pas pu être comparée au lieu de l’établissement.',
    positionNear: (distance) => `Vous êtes à ${distance} de l’établissement.`,
    positionFar: (distance) => `Attention : vous êtes à ${distance} de l’établissement. Vérifiez qu’il s’agit du bon lieu.`,
    savedOnline: 'Inspection enregistrée.',
    savedOffline: 'Hors connexion : inspection gardée sur l’appareil, elle sera envoyée au retour du réseau.',
    refusedOnline: 'Le serveur a refusé cette inspection :',
    queueHeading: 'Envois en attente',
    queueCount: { one: '{count} envoi en attente', other: '{count} envois en attente' },
    queueEmpty: 'Tout est envoyé.',
    queueWaiting: 'En attente du réseau',
    queueRefused: (why) => `Refusé : ${why}`,
    queueOtherAccount: (owner) => `Enregistré par ${owner} : sera envoyé quand ce compte sera connecté`,
    queueSendNow: 'Envoyer maintenant',
    queueDiscard: 'Abandonner',
    queueOffline: 'Hors connexion',
    pendingInCard: 'Sur l’appareil, pas encore envoyée',
  },
  ar: {
    historyHeading: 'سجل عمليات المراقبة',
    historyEmpty: 'لا توجد أي مراقبة مسجلة.',
    historyLoading: 'جارٍ تحميل السجل…',
    historyFailed: 'تعذر تحميل السجل.',
    score: (score) => `${score}/100`,
    followUp: (date) => `زيارة المتابعة في ${date}`,
    recordInspection: 'تسجيل مراقبة',
    timelineHeading: 'التسلسل الزمني',
    timeline: {
      submitted: (date) => `أودعت في ${date}`,
      decided: (detail) => `القرار: ${detail}`,
      validUntil: (date) => `صالحة إلى غاية ${date}`,
      expired: (date) => `انتهت صلاحيتها في ${date}`,
      changed: (detail) => `تم تعديلها: ${detail}`,
    },
    formTitle: (name) => `مراقبة ${name}`,
    date: 'تاريخ المراقبة',
    scoreLabel: 'النقطة (من 0 إلى 100)',
    grade: 'التقدير',
    violations: 'المخالفات المسجلة',
    outcome: 'الإجراء المتخذ',
    followUpDate: 'تاريخ زيارة المتابعة',
    notes: 'ملاحظات',
    save: 'تسجيل',
    cancel: 'إلغاء',
    saving: 'جارٍ التسجيل…',
    invalid: {
      date: 'أدخل تاريخ المراقبة.',
      score: 'النقطة عدد صحيح من 0 إلى 100.',
      grade: 'اختر التقدير.',
      outcome: 'اختر الإجراء المتخذ.',
      followUp: 'لا يمكن أن تسبق زيارة المتابعة تاريخ المراقبة.',
    },
    positionChecking: 'جارٍ التحقق من موقعك…',
    positionUnavailable: 'موقع الجهاز غير متاح: تعذرت مقارنته بموقع المؤسسة.',
    positionNear: (distance) => `أنت على بعد ${distance} من المؤسسة.`,
    positionFar: (distance) => `تنبيه: أنت على بعد ${distance} من المؤسسة. تحقق من أنه المكان الصحيح.`,
    savedOnline: 'تم تسجيل المراقبة.',
    savedOffline: 'بدون اتصال: حُفظت المراقبة على الجهاز وسترسل عند عودة الشبكة.',
    refusedOnline: 'رفض الخادم هذه المراقبة:',
    queueHeading: 'إرسالات في الانتظار',
    queueCount: { zero: 'لا إرسال في الانتظار', one: 'إرسال واحد في الانتظار', two: 'إرسالان في الانتظار', few: '{count} إرسالات في الانتظار', many: '{count} إرسالًا في الانتظار', other: '{count} إرسال في الانتظار' },
    queueEmpty: 'تم إرسال كل شيء.',
    queueWaiting: 'في انتظار الشبكة',
    queueRefused: (why) => `مرفوض: ${why}`,
    queueOtherAccount: (owner) => `سجله ${owner}: سيرسل عند اتصال هذا الحساب`,
    queueSendNow: 'إرسال الآن',
    queueDiscard: 'التخلي عنه',
    queueOffline: 'بدون اتصال',
    pendingInCard: 'على الجهاز، لم ترسل بعد',
  },
  en: {
    historyHeading: 'Inspection history',
    historyEmpty: 'No inspection recorded.',
    historyLoading: 'Loading the history…',
    historyFailed: 'The history could not be loaded.',
    score: (score) => `${score}/100`,
    followUp: (date) => `Follow-up visit on ${date}`,
    recordInspection: 'Record an inspection',
    timelineHeading: 'Timeline',
    timeline: {
      submitted: (date) => `Submitted on ${date}`,
      decided: (detail) => `Decision: ${detail}`,
      validUntil: (date) => `Valid until ${date}`,
      expired: (date) => `Expired on ${date}`,
      changed: (detail) => `Changed: ${detail}`,
    },
    formTitle: (name) => `Inspection of ${name}`,
    date: 'Inspected on',
    scoreLabel: 'Score (0 to 100)',
    grade: 'Grade',
    violations: 'Violations found',
    outcome: 'Outcome',
    followUpDate: 'Follow-up visit on',
    notes: 'Notes',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    invalid: {
      date: 'Give the inspection date.',
      score: 'The score is a whole number from 0 to 100.',
      grade: 'Choose a grade.',
      outcome: 'Choose the outcome.',
      followUp: 'The follow-up visit cannot come before the inspection.',
    },
    positionChecking: 'Checking your position…',
    positionUnavailable: 'The device’s position is not available: it could not be compared with the establishment’s place.',
    positionNear: (distance) => `You are ${distance} from the establishment.`,
    positionFar: (distance) => `Careful: you are ${distance} from the establishment. Check that this is the right place.`,
    savedOnline: 'Inspection saved.',
    savedOffline: 'Offline: the inspection is kept on this device and will be sent when the network returns.',
    refusedOnline: 'The server refused this inspection:',
    queueHeading: 'Waiting to be sent',
    queueCount: { one: '{count} record waiting', other: '{count} records waiting' },
    queueEmpty: 'Everything is sent.',
    queueWaiting: 'Waiting for the network',
    queueRefused: (why) => `Refused: ${why}`,
    queueOtherAccount: (owner) => `Recorded by ${owner}: sent when that account signs in`,
    queueSendNow: 'Send now',
    queueDiscard: 'Discard',
    queueOffline: 'Offline',
    pendingInCard: 'On this device, not sent yet',
  },
};
