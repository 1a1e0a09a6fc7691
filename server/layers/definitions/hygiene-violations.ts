import type { Labels } from '../layer-definition.ts';

/**
 * The findings an inspection may record, as the municipal hygiene reports word them: the stored value is
 * the report's code and French wording (what the city's records hold), each labelled in the three
 * interface languages. Minor findings first, then major ones.
 */
export const VIOLATION_VALUES: Readonly<Record<string, Labels>> = {
  'HYG-01 Tenue du personnel non conforme': {
    fr: 'HYG-01 Tenue du personnel non conforme',
    ar: 'HYG-01 هندام المستخدمين غير مطابق',
    en: 'HYG-01 Staff clothing not compliant',
  },
  'HYG-03 Nettoyage insuffisant des sols': {
    fr: 'HYG-03 Nettoyage insuffisant des sols',
    ar: 'HYG-03 تنظيف غير كاف للأرضيات',
    en: 'HYG-03 Floors not cleaned enough',
  },
  'HYG-04 Poubelles non couvertes': {
    fr: 'HYG-04 Poubelles non couvertes',
    ar: 'HYG-04 حاويات نفايات غير مغطاة',
    en: 'HYG-04 Bins not covered',
  },
  'DOC-01 Registre de nettoyage non tenu': {
    fr: 'DOC-01 Registre de nettoyage non tenu',
    ar: 'DOC-01 سجل التنظيف غير ممسوك',
    en: 'DOC-01 Cleaning log not kept',
  },
  'DOC-02 Certificats médicaux du personnel non à jour': {
    fr: 'DOC-02 Certificats médicaux du personnel non à jour',
    ar: 'DOC-02 الشواهد الطبية للمستخدمين غير محينة',
    en: 'DOC-02 Staff medical certificates out of date',
  },
  'INF-01 Éclairage insuffisant en zone de préparation': {
    fr: 'INF-01 Éclairage insuffisant en zone de préparation',
    ar: 'INF-01 إنارة غير كافية في منطقة التحضير',
    en: 'INF-01 Poor lighting in the preparation area',
  },
  'INF-02 Revêtements muraux dégradés': {
    fr: 'INF-02 Revêtements muraux dégradés',
    ar: 'INF-02 تكسيات جدارية متدهورة',
    en: 'INF-02 Damaged wall coverings',
  },
  'TEMP-01 Chaîne du froid non respectée': {
    fr: 'TEMP-01 Chaîne du froid non respectée',
    ar: 'TEMP-01 عدم احترام سلسلة التبريد',
    en: 'TEMP-01 Cold chain broken',
  },
  'TEMP-02 Température de conservation excessive': {
    fr: 'TEMP-02 Température de conservation excessive',
    ar: 'TEMP-02 درجة حرارة الحفظ مرتفعة',
    en: 'TEMP-02 Storage temperature too high',
  },
  'NUI-01 Présence de nuisibles': {
    fr: 'NUI-01 Présence de nuisibles',
    ar: 'NUI-01 وجود حشرات وقوارض ضارة',
    en: 'NUI-01 Pests present',
  },
  'ALI-01 Denrées périmées': {
    fr: 'ALI-01 Denrées périmées',
    ar: 'ALI-01 مواد غذائية منتهية الصلاحية',
    en: 'ALI-01 Food past its use-by date',
  },
  'ALI-02 Produits sans traçabilité': {
    fr: 'ALI-02 Produits sans traçabilité',
    ar: 'ALI-02 منتجات بدون تتبع',
    en: 'ALI-02 Products without traceability',
  },
  'ALI-03 Contamination croisée cru/cuit': {
    fr: 'ALI-03 Contamination croisée cru/cuit',
    ar: 'ALI-03 تلوث متبادل بين النيء والمطبوخ',
    en: 'ALI-03 Raw/cooked cross-contamination',
  },
  'EAU-01 Eau non contrôlée': {
    fr: 'EAU-01 Eau non contrôlée',
    ar: 'EAU-01 ماء غير مراقب',
    en: 'EAU-01 Water not tested',
  },
  'HYG-05 Absence de lave-mains': {
    fr: 'HYG-05 Absence de lave-mains',
    ar: 'HYG-05 غياب مغسلة الأيدي',
    en: 'HYG-05 No hand-washing basin',
  },
};
