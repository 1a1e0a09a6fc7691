/** Values of permits.kind (see the CHECK in migration 0002). */
export type PermitKind =
  | 'construction'
  | 'renovation'
  | 'demolition'
  | 'public_space_occupation'
  | 'signage'
  | 'commercial_activity'
  | 'event';

/** How one kind of authorisation is numbered, described and timed. */
export interface PermitKindProfile {
  /** Reference prefix, as in PC-2025-00123 (permis de construire) or ODP-2026-0042. */
  prefix: string;
  /** Digits of the yearly sequence number. */
  digits: number;
  /** Share of all applications, relative. */
  weight: number;
  /** Days from submission to decision, min and max. */
  processingDays: [number, number];
  /** Days of validity after the decision, min and max. */
  validityDays: [number, number];
  /** Whether a building footprint (Polygon) is often known rather than just the parcel point. */
  hasFootprint: boolean;
  /** Descriptions, French then Arabic; {n} is replaced by a number of upper floors. */
  descriptions: readonly (readonly [string, string])[];
}

export const PERMIT_KINDS: Readonly<Record<PermitKind, PermitKindProfile>> = {
  construction: {
    prefix: 'PC', digits: 5, weight: 25, processingDays: [30, 120], validityDays: [365, 365], hasFootprint: true,
    descriptions: [
      ["Construction d'un immeuble R+{n} à usage d'habitation", 'بناء عمارة (سفلي + {n}) معدة للسكن'],
      ["Construction d'une villa individuelle", 'بناء فيلا فردية'],
      ["Construction d'un immeuble mixte commerces et bureaux R+{n}", 'بناء عمارة مختلطة للتجارة والمكاتب (سفلي + {n})'],
      ["Surélévation d'un niveau sur construction existante", 'تعلية طابق فوق بناية قائمة'],
    ],
  },
  renovation: {
    prefix: 'AR', digits: 5, weight: 20, processingDays: [15, 60], validityDays: [180, 365], hasFootprint: true,
    descriptions: [
      ['Réfection de façade', 'إصلاح الواجهة'],
      ["Rénovation intérieure d'un local commercial", 'تجديد داخلي لمحل تجاري'],
      ["Réaménagement d'un appartement", 'إعادة تهيئة شقة'],
      ["Mise en conformité d'un immeuble ancien", 'مطابقة عمارة قديمة للمعايير'],
    ],
  },
  demolition: {
    prefix: 'PD', digits: 5, weight: 5, processingDays: [20, 90], validityDays: [180, 180], hasFootprint: true,
    descriptions: [
      ["Démolition d'une construction menaçant ruine", 'هدم بناية آيلة للسقوط'],
      ["Démolition d'un hangar", 'هدم مستودع'],
    ],
  },
  public_space_occupation: {
    prefix: 'ODP', digits: 4, weight: 18, processingDays: [7, 30], validityDays: [90, 365], hasFootprint: false,
    descriptions: [
      ['Occupation temporaire du domaine public par une terrasse de café', 'الاحتلال المؤقت للملك العمومي بواسطة شرفة مقهى'],
      ["Installation d'un échafaudage sur le trottoir", 'تركيب سقالة على الرصيف'],
      ['Dépôt de matériaux de construction sur la voie publique', 'إيداع مواد البناء على الطريق العمومي'],
      ['Étalage de marchandises devant un commerce', 'عرض السلع أمام محل تجاري'],
    ],
  },
  signage: {
    prefix: 'ENS', digits: 4, weight: 12, processingDays: [10, 45], validityDays: [365, 730], hasFootprint: false,
    descriptions: [
      ["Pose d'une enseigne lumineuse", 'تثبيت لافتة مضيئة'],
      ["Installation d'un panneau publicitaire", 'تثبيت لوحة إشهارية'],
      ["Remplacement d'une enseigne en façade", 'استبدال لافتة على الواجهة'],
    ],
  },
  commercial_activity: {
    prefix: 'AEC', digits: 4, weight: 15, processingDays: [15, 60], validityDays: [730, 1095], hasFootprint: false,
    descriptions: [
      ["Ouverture d'un café", 'فتح مقهى'],
      ["Ouverture d'un restaurant", 'فتح مطعم'],
      ["Exploitation d'une boulangerie-pâtisserie", 'استغلال مخبزة وحلويات'],
      ["Ouverture d'une épicerie", 'فتح محل بقالة'],
      ["Ouverture d'un salon de coiffure", 'فتح صالون حلاقة'],
      ["Exploitation d'un hammam", 'استغلال حمام'],
    ],
  },
  event: {
    prefix: 'EVT', digits: 4, weight: 5, processingDays: [5, 20], validityDays: [5, 30], hasFootprint: false,
    descriptions: [
      ["Organisation d'un concert en plein air", 'تنظيم حفل موسيقي في الهواء الطلق'],
      ["Tournage d'un film sur la voie publique", 'تصوير فيلم في الطريق العمومي'],
      ['Course à pied dans le quartier', 'سباق على الأقدام في الحي'],
      ['Fête de quartier', 'حفل الحي'],
    ],
  },
};
