import type { MessageSet } from '../../i18n/define-messages.ts';

/** The editor's own checks of a segment, in words (client/plan/validation/segment-checks.ts). */
export interface IssueTexts {
  invalidGeometry: string;
  nearMiss: (end: 'start' | 'end', metres: string) => string;
  shortSegment: (metres: string) => string;
  selfCrossing: string;
  outsideCity: string;
  duplicateName: (other: string) => string;
}

export const ISSUE_MESSAGES: MessageSet<IssueTexts> = {
  fr: {
    invalidGeometry: 'Géométrie invalide : il faut au moins deux points distincts',
    nearMiss: (end, metres) => `${end === 'start' ? 'Le début' : 'La fin'} de la ligne passe à ${metres} m d’un autre tronçon sans le toucher`,
    shortSegment: (metres) => `Tronçon très court (${metres} m)`,
    selfCrossing: 'La ligne se croise elle-même',
    outsideCity: 'Le tronçon sort des limites de la ville',
    duplicateName: (other) => `Touche le tronçon n° ${other}, de même nom et mêmes attributs : les fusionner ?`,
  },
  ar: {
    invalidGeometry: 'شكل هندسي غير صالح: يلزم نقطتان مختلفتان على الأقل',
    nearMiss: (end, metres) => `${end === 'start' ? 'بداية' : 'نهاية'} الخط تمر على بعد ${metres} م من مقطع آخر دون أن تلمسه`,
    shortSegment: (metres) => `مقطع قصير جدا (${metres} م)`,
    selfCrossing: 'الخط يتقاطع مع نفسه',
    outsideCity: 'المقطع يتجاوز حدود المدينة',
    duplicateName: (other) => `يلامس المقطع رقم ${other} الذي يحمل الاسم والخصائص نفسها: هل تدمجهما؟`,
  },
  en: {
    invalidGeometry: 'Invalid geometry: at least two distinct positions are needed',
    nearMiss: (end, metres) => `${end === 'start' ? 'The start' : 'The end'} of the line stops ${metres} m from another segment without touching it`,
    shortSegment: (metres) => `Very short segment (${metres} m)`,
    selfCrossing: 'The line crosses itself',
    outsideCity: 'The segment leaves the city',
    duplicateName: (other) => `Touches segment ${other}, which has the same name and attributes: merge them?`,
  },
};
