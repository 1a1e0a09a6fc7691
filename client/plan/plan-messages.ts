import type { MessageSet } from '../i18n/define-messages.ts';
import type { PluralForms } from '../i18n/plural.ts';
import type { StepKind } from './model/edit-history.ts';

/** The shortcuts of the help panel. */
export type ShortcutName = 'draw' | 'split' | 'merge' | 'removeVertex' | 'delete' | 'undo' | 'redo' | 'save' | 'escape' | 'finish' | 'help' | 'deleteVertex';

/** Strings of the planners' workspace and editor. */
export interface PlanMessages {
  panelLabel: string;
  intro: string;
  historyHeading: string;
  historyEmpty: string;
  historyFailed: string;
  operations: Record<'create' | 'replace' | 'update' | 'delete' | 'restore', string>;
  version: (version: number) => string;
  by: (author: string) => string;
  historyChanged: (fields: string) => string;
  historyShow: string;
  historyHide: string;
  historyRestore: string;
  historyRestored: (version: string) => string;
  historyRestoreFailed: string;
  historyRestoreBlocked: string;
  toolbarLabel: string;
  tools: Record<'draw' | 'split' | 'merge' | 'removeVertex' | 'delete' | 'undo' | 'redo' | 'save' | 'help', string>;
  toolHints: Record<'draw' | 'split' | 'removeVertex' | 'reshape', string>;
  splitAtJunctions: string;
  zoomInToSnap: string;
  mergeWith: (segment: string) => string;
  mergeNone: string;
  confirmDelete: (segment: string) => string;
  confirmLeave: string;
  segment: (id: number | null) => string;
  segmentTitle: (id: number) => string;
  newSegment: string;
  closeSegment: string;
  opening: string;
  formHeading: string;
  formRequired: string;
  formEmpty: string;
  /** The empty choice of a value the data may not know (the catalog's isUnknownWhenNull): empty means unknown. */
  formUnknown: string;
  formYes: string;
  formNo: string;
  issuesHeading: string;
  issuesNone: string;
  issueCount: PluralForms;
  errorsBlock: string;
  zoomTo: string;
  fixes: Record<'snap-end' | 'remove-vertex' | 'merge', string>;
  unsavedHeading: string;
  unsavedNone: string;
  unsavedCount: PluralForms;
  changeKinds: Record<'create' | 'update' | 'delete', string>;
  lastStep: (step: string) => string;
  steps: Record<StepKind, string>;
  saving: string;
  saved: PluralForms;
  saveFailed: (detail: string) => string;
  savedWarnings: string;
  reasonLabel: string;
  notices: Record<'split-at-end' | 'not-touching' | 'different-attributes' | 'open-failed' | 'too-few-vertices', string>;
  conflictTitle: string;
  conflictIntro: (segment: string) => string;
  conflictDeleted: string;
  conflictField: string;
  conflictMine: string;
  conflictTheirs: string;
  conflictGeometry: string;
  conflictDiffers: string;
  keepMine: string;
  takeTheirs: string;
  mergeChoices: string;
  conflictMapNote: string;
  /** How the field-by-field choices start. */
  conflictChoicesNote: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchNothing: string;
  searchFailed: string;
  segmentsOf: (name: string) => string;
  helpTitle: string;
  helpIntro: string;
  shortcuts: Record<ShortcutName, string>;
  /** The keys of each shortcut as written on the keyboard (Latin key names, as Moroccan keyboards print them). */
  shortcutKeys: Record<ShortcutName, string>;
  close: string;
}

export const PLAN_MESSAGES: MessageSet<PlanMessages> = {
  fr: {
    panelLabel: 'Patrimoine voirie',
    intro: 'Le réseau de voirie entretenu par la commune, coloré par état. Choisissez un tronçon pour le modifier, ou dessinez-en un nouveau.',
    historyHeading: 'Historique du tronçon',
    historyEmpty: 'Aucune modification depuis son chargement.',
    historyFailed: 'L’historique n’a pas pu être chargé.',
    operations: { create: 'Création', replace: 'Remplacement', update: 'Modification', delete: 'Suppression', restore: 'Restauration' },
    version: (version) => `Version ${version}`,
    by: (author) => `par ${author}`,
    historyChanged: (fields) => `Modifié : ${fields}`,
    historyShow: 'Voir sur la carte',
    historyHide: 'Masquer',
    historyRestore: 'Restaurer cette version',
    historyRestored: (version) => `${version} restaurée.`,
    historyRestoreFailed: 'La restauration a échoué.',
    historyRestoreBlocked: 'Enregistrez ou annulez vos modifications avant de restaurer une version.',
    toolbarLabel: 'Outils d’édition',
    tools: { draw: 'Dessiner une voie', split: 'Couper le tronçon', merge: 'Fusionner', removeVertex: 'Retirer un sommet', delete: 'Supprimer le tronçon', undo: 'Annuler', redo: 'Rétablir', save: 'Enregistrer', help: 'Raccourcis clavier' },
    toolHints: {
      draw: 'Cliquez pour poser les sommets ; cliquez à nouveau le dernier ou appuyez sur Entrée pour terminer.',
      split: 'Cliquez sur le tronçon à l’endroit de la coupe.',
      removeVertex: 'Cliquez sur le sommet à retirer.',
      reshape: 'Faites glisser un sommet ; tirez un point milieu pour en ajouter ; clic droit pour en retirer.',
    },
    splitAtJunctions: 'Couper la voie rencontrée au carrefour',
    zoomInToSnap: 'Zoomez pour accrocher aux voies existantes.',
    mergeWith: (segment) => `Fusionner avec ${segment}`,
    mergeNone: 'Aucun tronçon voisin de mêmes attributs ne touche ses extrémités.',
    confirmDelete: (segment) => `Supprimer ${segment} ? La suppression sera enregistrée avec vos autres modifications.`,
    confirmLeave: 'Des modifications ne sont pas enregistrées. Quitter quand même ?',
    segment: (id) => (id === null ? 'le nouveau tronçon' : `le tronçon n° ${id}`),
    segmentTitle: (id) => `Tronçon n° ${id}`,
    newSegment: 'Nouveau tronçon',
    closeSegment: 'Fermer le tronçon',
    opening: 'Chargement du tronçon…',
    formHeading: 'Attributs',
    formRequired: 'obligatoire',
    formEmpty: '— aucun —',
    formUnknown: '— inconnu —',
    formYes: 'Oui',
    formNo: 'Non',
    issuesHeading: 'Problèmes',
    issuesNone: 'Aucun problème.',
    issueCount: { one: '{count} problème', other: '{count} problèmes' },
    errorsBlock: 'Les erreurs empêchent l’enregistrement ; les avertissements n’empêchent rien.',
    zoomTo: 'Voir',
    fixes: { 'snap-end': 'Raccorder l’extrémité', 'remove-vertex': 'Retirer le sommet en double', merge: 'Fusionner' },
    unsavedHeading: 'Modifications non enregistrées',
    unsavedNone: 'Rien à enregistrer.',
    unsavedCount: { one: '{count} modification', other: '{count} modifications' },
    changeKinds: { create: 'Création', update: 'Modification', delete: 'Suppression' },
    lastStep: (step) => `Dernière action : ${step}`,
    steps: { draw: 'tracé', reshape: 'forme modifiée', 'move-junction': 'carrefour déplacé', split: 'coupe', merge: 'fusion', delete: 'suppression', attributes: 'attributs', resolve: 'conflit résolu', fix: 'correction' },
    saving: 'Enregistrement…',
    saved: { one: '{count} modification enregistrée.', other: '{count} modifications enregistrées.' },
    saveFailed: (detail) => `L’enregistrement a échoué : ${detail}`,
    savedWarnings: 'Enregistré avec des avertissements :',
    reasonLabel: 'Motif (facultatif)',
    notices: {
      'split-at-end': 'On ne coupe pas un tronçon à son extrémité.',
      'not-touching': 'Ces tronçons ne se touchent pas par leurs extrémités.',
      'different-attributes': 'Ces tronçons n’ont pas les mêmes attributs.',
      'open-failed': 'Le tronçon n’a pas pu être chargé.',
      'too-few-vertices': 'Une voie garde au moins deux sommets.',
    },
    conflictTitle: 'Conflit de modification',
    conflictIntro: (segment) => `Quelqu’un a enregistré ${segment} pendant que vous le modifiiez. Rien n’a été écrasé : choisissez.`,
    conflictDeleted: 'Il a été supprimé entre-temps.',
    conflictField: 'Attribut',
    conflictMine: 'Votre version',
    conflictTheirs: 'Version actuelle',
    conflictGeometry: 'Tracé',
    conflictDiffers: 'diffère',
    keepMine: 'Garder la mienne',
    takeTheirs: 'Prendre la leur',
    mergeChoices: 'Fusionner mes choix',
    conflictMapNote: 'Sur la carte : votre tracé en bleu, l’actuel en rouge tireté.',
    conflictChoicesNote: 'Chaque ligne est cochée du côté qui l’a modifiée : le vôtre là où vous l’avez changée, l’actuel ailleurs.',
    searchLabel: 'Chercher une voie',
    searchPlaceholder: 'Nom de rue, en français ou en arabe',
    searchNothing: 'Aucune voie trouvée.',
    searchFailed: 'La recherche a échoué.',
    segmentsOf: (name) => `Tronçons de ${name}`,
    helpTitle: 'Raccourcis clavier',
    helpIntro: 'Tout se fait aussi à la souris ou au doigt, avec la barre d’outils.',
    shortcuts: {
      draw: 'Dessiner une voie',
      split: 'Couper le tronçon ouvert',
      merge: 'Fusionner avec le voisin',
      removeVertex: 'Retirer un sommet',
      delete: 'Supprimer le tronçon ouvert',
      undo: 'Annuler',
      redo: 'Rétablir',
      save: 'Enregistrer',
      escape: 'Quitter l’outil, fermer le tronçon',
      finish: 'Terminer le tracé',
      help: 'Afficher cette aide',
      deleteVertex: 'Retirer un sommet de la voie ouverte',
    },
    shortcutKeys: { draw: 'D', split: 'X', merge: 'M', removeVertex: 'V', deleteVertex: 'clic droit sur le sommet', delete: 'Suppr', undo: 'Ctrl + Z', redo: 'Ctrl + Maj + Z, Ctrl + Y', save: 'Ctrl + S', finish: 'Entrée', escape: 'Échap', help: '?' },
    close: 'Fermer',
  },
  ar: {
    panelLabel: 'الموروث الطرقي',
    intro: 'شبكة الطرق التي تصونها الجماعة، ملونة حسب حالتها. اختر مقطعا لتعديله أو ارسم مقطعا جديدا.',
    historyHeading: 'تاريخ المقطع',
    historyEmpty: 'لا توجد أي تعديلات منذ تحميله.',
    historyFailed: 'تعذر تحميل التاريخ.',
    operations: { create: 'إنشاء', replace: 'استبدال', update: 'تعديل', delete: 'حذف', restore: 'استرجاع' },
    version: (version) => `النسخة ${version}`,
    by: (author) => `بواسطة ${author}`,
    historyChanged: (fields) => `تغير: ${fields}`,
    historyShow: 'عرض على الخريطة',
    historyHide: 'إخفاء',
    historyRestore: 'استرجاع هذه النسخة',
    historyRestored: (version) => `تم استرجاع ${version}.`,
    historyRestoreFailed: 'فشل الاسترجاع.',
    historyRestoreBlocked: 'احفظ تعديلاتك أو ألغها قبل استرجاع نسخة.',
    toolbarLabel: 'أدوات التحرير',
    tools: { draw: 'رسم طريق', split: 'قطع المقطع', merge: 'دمج', removeVertex: 'حذف رأس', delete: 'حذف المقطع', undo: 'تراجع', redo: 'إعادة', save: 'حفظ', help: 'اختصارات لوحة المفاتيح' },
    toolHints: {
      draw: 'انقر لوضع الرؤوس؛ انقر على آخر رأس مرة أخرى أو اضغط Enter للإنهاء.',
      split: 'انقر على المقطع في موضع القطع.',
      removeVertex: 'انقر على الرأس المراد حذفه.',
      reshape: 'اسحب رأسا؛ اسحب نقطة وسطى لإضافة رأس؛ النقر بالزر الأيمن لحذفه.',
    },
    splitAtJunctions: 'قطع الطريق الملاقى عند التقاطع',
    zoomInToSnap: 'قرّب الخريطة للالتصاق بالطرق الموجودة.',
    mergeWith: (segment) => `دمج مع ${segment}`,
    mergeNone: 'لا يوجد مقطع مجاور بالخصائص نفسها يلامس طرفيه.',
    confirmDelete: (segment) => `حذف ${segment}؟ سيحفظ الحذف مع تعديلاتك الأخرى.`,
    confirmLeave: 'توجد تعديلات غير محفوظة. هل تريد المغادرة رغم ذلك؟',
    segment: (id) => (id === null ? 'المقطع الجديد' : `المقطع رقم ${id}`),
    segmentTitle: (id) => `المقطع رقم ${id}`,
    newSegment: 'مقطع جديد',
    closeSegment: 'إغلاق المقطع',
    opening: 'جار تحميل المقطع…',
    formHeading: 'الخصائص',
    formRequired: 'إلزامي',
    formEmpty: '— لا شيء —',
    formUnknown: '— غير معروف —',
    formYes: 'نعم',
    formNo: 'لا',
    issuesHeading: 'المشاكل',
    issuesNone: 'لا توجد مشاكل.',
    issueCount: { zero: 'لا توجد مشاكل', one: 'مشكلة واحدة', two: 'مشكلتان', few: '{count} مشاكل', many: '{count} مشكلة', other: '{count} مشكلة' },
    errorsBlock: 'الأخطاء تمنع الحفظ؛ التنبيهات لا تمنع شيئا.',
    zoomTo: 'عرض',
    fixes: { 'snap-end': 'وصل الطرف', 'remove-vertex': 'حذف الرأس المكرر', merge: 'دمج' },
    unsavedHeading: 'تعديلات غير محفوظة',
    unsavedNone: 'لا شيء للحفظ.',
    unsavedCount: { zero: 'لا توجد تعديلات', one: 'تعديل واحد', two: 'تعديلان', few: '{count} تعديلات', many: '{count} تعديلا', other: '{count} تعديل' },
    changeKinds: { create: 'إنشاء', update: 'تعديل', delete: 'حذف' },
    lastStep: (step) => `آخر عملية: ${step}`,
    steps: { draw: 'رسم', reshape: 'تعديل الشكل', 'move-junction': 'نقل تقاطع', split: 'قطع', merge: 'دمج', delete: 'حذف', attributes: 'الخصائص', resolve: 'حل تعارض', fix: 'تصحيح' },
    saving: 'جار الحفظ…',
    saved: { zero: 'لم يحفظ أي تعديل.', one: 'تم حفظ تعديل واحد.', two: 'تم حفظ تعديلين.', few: 'تم حفظ {count} تعديلات.', many: 'تم حفظ {count} تعديلا.', other: 'تم حفظ {count} تعديل.' },
    saveFailed: (detail) => `فشل الحفظ: ${detail}`,
    savedWarnings: 'تم الحفظ مع تنبيهات:',
    reasonLabel: 'السبب (اختياري)',
    notices: {
      'split-at-end': 'لا يقطع المقطع عند طرفه.',
      'not-touching': 'هذان المقطعان لا يتلامسان عند طرفيهما.',
      'different-attributes': 'هذان المقطعان لا يحملان الخصائص نفسها.',
      'open-failed': 'تعذر تحميل المقطع.',
      'too-few-vertices': 'يبقى للطريق رأسان على الأقل.',
    },
    conflictTitle: 'تعارض في التعديل',
    conflictIntro: (segment) => `حفظ شخص آخر ${segment} بينما كنت تعدله. لم يُستبدل أي شيء: اختر.`,
    conflictDeleted: 'لقد حُذف في هذه الأثناء.',
    conflictField: 'الخاصية',
    conflictMine: 'نسختك',
    conflictTheirs: 'النسخة الحالية',
    conflictGeometry: 'المسار',
    conflictDiffers: 'مختلف',
    keepMine: 'الاحتفاظ بنسختي',
    takeTheirs: 'أخذ نسختهم',
    mergeChoices: 'دمج اختياراتي',
    conflictMapNote: 'على الخريطة: مسارك بالأزرق، والمسار الحالي بالأحمر المتقطع.',
    conflictChoicesNote: 'كل سطر محدد في الجهة التي عدلته: نسختك حيث غيرته، والنسخة الحالية في غير ذلك.',
    searchLabel: 'البحث عن طريق',
    searchPlaceholder: 'اسم الشارع بالعربية أو بالفرنسية',
    searchNothing: 'لم يعثر على أي طريق.',
    searchFailed: 'فشل البحث.',
    segmentsOf: (name) => `مقاطع ${name}`,
    helpTitle: 'اختصارات لوحة المفاتيح',
    helpIntro: 'يمكن القيام بكل شيء بالفأرة أو باللمس أيضا، من شريط الأدوات.',
    shortcuts: {
      draw: 'رسم طريق',
      split: 'قطع المقطع المفتوح',
      merge: 'الدمج مع المقطع المجاور',
      removeVertex: 'حذف رأس',
      delete: 'حذف المقطع المفتوح',
      undo: 'تراجع',
      redo: 'إعادة',
      save: 'حفظ',
      escape: 'مغادرة الأداة وإغلاق المقطع',
      finish: 'إنهاء الرسم',
      help: 'عرض هذه المساعدة',
      deleteVertex: 'حذف رأس من الطريق المفتوح',
    },
    shortcutKeys: { draw: 'D', split: 'X', merge: 'M', removeVertex: 'V', deleteVertex: 'النقر بالزر الأيمن على الرأس', delete: 'Delete (حذف)', undo: 'Ctrl + Z', redo: 'Ctrl + Shift + Z أو Ctrl + Y', save: 'Ctrl + S', finish: 'Enter (إدخال)', escape: 'Esc (خروج)', help: '?' },
    close: 'إغلاق',
  },
  en: {
    panelLabel: 'Street heritage',
    intro: 'The road network the city maintains, coloured by condition. Choose a segment to edit it, or draw a new one.',
    historyHeading: 'Segment history',
    historyEmpty: 'No change since it was loaded.',
    historyFailed: 'The history could not be loaded.',
    operations: { create: 'Created', replace: 'Replaced', update: 'Updated', delete: 'Deleted', restore: 'Restored' },
    version: (version) => `Version ${version}`,
    by: (author) => `by ${author}`,
    historyChanged: (fields) => `Changed: ${fields}`,
    historyShow: 'Show on the map',
    historyHide: 'Hide',
    historyRestore: 'Restore this version',
    historyRestored: (version) => `${version} restored.`,
    historyRestoreFailed: 'The restore failed.',
    historyRestoreBlocked: 'Save or undo your changes before restoring a version.',
    toolbarLabel: 'Editing tools',
    tools: { draw: 'Draw a road', split: 'Split the segment', merge: 'Merge', removeVertex: 'Remove a vertex', delete: 'Delete the segment', undo: 'Undo', redo: 'Redo', save: 'Save', help: 'Keyboard shortcuts' },
    toolHints: {
      draw: 'Click to place vertices; click the last one again or press Enter to finish.',
      split: 'Click the segment where it should be split.',
      removeVertex: 'Click the vertex to remove.',
      reshape: 'Drag a vertex; drag a midpoint to add one; right-click to remove one.',
    },
    splitAtJunctions: 'Split the road met at the junction',
    zoomInToSnap: 'Zoom in to snap to existing roads.',
    mergeWith: (segment) => `Merge with ${segment}`,
    mergeNone: 'No neighbouring segment with the same attributes touches its ends.',
    confirmDelete: (segment) => `Delete ${segment}? The deletion is saved with your other changes.`,
    confirmLeave: 'Some changes are not saved. Leave anyway?',
    segment: (id) => (id === null ? 'the new segment' : `segment ${id}`),
    segmentTitle: (id) => `Segment ${id}`,
    newSegment: 'New segment',
    closeSegment: 'Close the segment',
    opening: 'Loading the segment…',
    formHeading: 'Attributes',
    formRequired: 'required',
    formEmpty: '— none —',
    formUnknown: '— unknown —',
    formYes: 'Yes',
    formNo: 'No',
    issuesHeading: 'Issues',
    issuesNone: 'No issue.',
    issueCount: { one: '{count} issue', other: '{count} issues' },
    errorsBlock: 'Errors prevent saving; warnings do not.',
    zoomTo: 'Show',
    fixes: { 'snap-end': 'Connect the end', 'remove-vertex': 'Remove the repeated vertex', merge: 'Merge' },
    unsavedHeading: 'Unsaved changes',
    unsavedNone: 'Nothing to save.',
    unsavedCount: { one: '{count} change', other: '{count} changes' },
    changeKinds: { create: 'Created', update: 'Changed', delete: 'Deleted' },
    lastStep: (step) => `Last action: ${step}`,
    steps: { draw: 'drawn', reshape: 'reshaped', 'move-junction': 'junction moved', split: 'split', merge: 'merged', delete: 'deleted', attributes: 'attributes', resolve: 'conflict resolved', fix: 'fixed' },
    saving: 'Saving…',
    saved: { one: '{count} change saved.', other: '{count} changes saved.' },
    saveFailed: (detail) => `Saving failed: ${detail}`,
    savedWarnings: 'Saved with warnings:',
    reasonLabel: 'Reason (optional)',
    notices: {
      'split-at-end': 'A segment is not split at its end.',
      'not-touching': 'These segments do not meet end to end.',
      'different-attributes': 'These segments do not have the same attributes.',
      'open-failed': 'The segment could not be loaded.',
      'too-few-vertices': 'A road keeps at least two vertices.',
    },
    conflictTitle: 'Edit conflict',
    conflictIntro: (segment) => `Someone saved ${segment} while you were editing it. Nothing was overwritten: choose.`,
    conflictDeleted: 'It has been deleted meanwhile.',
    conflictField: 'Attribute',
    conflictMine: 'Your version',
    conflictTheirs: 'Current version',
    conflictGeometry: 'Shape',
    conflictDiffers: 'differs',
    keepMine: 'Keep mine',
    takeTheirs: 'Take theirs',
    mergeChoices: 'Merge my choices',
    conflictMapNote: 'On the map: your shape in blue, the current one dashed red.',
    conflictChoicesNote: 'Each row starts on the side that changed it: yours where you changed it, the current one elsewhere.',
    searchLabel: 'Find a road',
    searchPlaceholder: 'Street name, in French or Arabic',
    searchNothing: 'No road found.',
    searchFailed: 'The search failed.',
    segmentsOf: (name) => `Segments of ${name}`,
    helpTitle: 'Keyboard shortcuts',
    helpIntro: 'Everything also works with a mouse or a finger, from the toolbar.',
    shortcuts: {
      draw: 'Draw a road',
      split: 'Split the open segment',
      merge: 'Merge with the neighbour',
      removeVertex: 'Remove a vertex',
      delete: 'Delete the open segment',
      undo: 'Undo',
      redo: 'Redo',
      save: 'Save',
      escape: 'Leave the tool, close the segment',
      finish: 'Finish drawing',
      help: 'Show this help',
      deleteVertex: 'Remove a vertex of the open road',
    },
    shortcutKeys: { draw: 'D', split: 'X', merge: 'M', removeVertex: 'V', deleteVertex: 'right-click the vertex', delete: 'Delete', undo: 'Ctrl + Z', redo: 'Ctrl + Shift + Z, Ctrl + Y', save: 'Ctrl + S', finish: 'Enter', escape: 'Esc', help: '?' },
    close: 'Close',
  },
};
