/** Values of establishments.category (see the CHECK in migration 0002). */
export type EstablishmentCategory =
  | 'restaurant' | 'cafe' | 'bakery' | 'butcher' | 'fishmonger' | 'grocery' | 'supermarket'
  | 'market_stall' | 'hotel' | 'food_factory' | 'hammam' | 'hair_salon';

/** How common each category is among inspected premises (relative), and how it is named in fr / ar. */
export const CATEGORY_PROFILES: Readonly<Record<EstablishmentCategory, { weight: number; labelFr: string; labelAr: string }>> = {
  restaurant: { weight: 70, labelFr: 'Restaurant', labelAr: 'مطعم' },
  cafe: { weight: 80, labelFr: 'Café', labelAr: 'مقهى' },
  bakery: { weight: 40, labelFr: 'Boulangerie', labelAr: 'مخبزة' },
  butcher: { weight: 25, labelFr: 'Boucherie', labelAr: 'مجزرة' },
  fishmonger: { weight: 15, labelFr: 'Poissonnerie', labelAr: 'محل بيع السمك' },
  grocery: { weight: 60, labelFr: 'Épicerie', labelAr: 'بقالة' },
  supermarket: { weight: 15, labelFr: 'Supermarché', labelAr: 'سوبرماركت' },
  market_stall: { weight: 30, labelFr: 'Étal', labelAr: 'نصبة' },
  hotel: { weight: 15, labelFr: 'Hôtel', labelAr: 'فندق' },
  food_factory: { weight: 10, labelFr: 'Unité agroalimentaire', labelAr: 'وحدة للصناعات الغذائية' },
  hammam: { weight: 20, labelFr: 'Hammam', labelAr: 'حمام' },
  hair_salon: { weight: 20, labelFr: 'Salon de coiffure', labelAr: 'صالون الحلاقة' },
};

/**
 * Trade names, French transliteration then Arabic: the words Casablanca's shop signs use most (places,
 * virtues, flowers). Combined at random with a category label they name no real business.
 */
export const TRADE_NAMES: readonly (readonly [string, string])[] = [
  ['Al Baraka', 'البركة'], ['Al Amal', 'الأمل'], ['Anfa', 'أنفا'], ['Atlas', 'الأطلس'], ['Al Andalous', 'الأندلس'],
  ['La Corniche', 'الكورنيش'], ['Essalam', 'السلام'], ['Nour', 'النور'], ['Yasmine', 'الياسمين'],
  ['Zahra', 'الزهراء'], ['Al Manar', 'المنار'], ['Marrakech', 'مراكش'], ['Les Palmiers', 'النخيل'],
  ['Al Mounia', 'المنية'], ['Rif', 'الريف'], ['Sahara', 'الصحراء'], ['Al Fath', 'الفتح'], ['Al Wahda', 'الوحدة'],
  ['Al Ikhlass', 'الإخلاص'], ['Dar Salam', 'دار السلام'], ['Belle Vue', 'المنظر الجميل'], ['Al Waha', 'الواحة'],
  ['Al Firdaous', 'الفردوس'], ['Oum Rabii', 'أم الربيع'], ['Tafilalet', 'تافيلالت'], ['Al Khayr', 'الخير'],
  ['Assafa', 'الصفاء'], ['Al Fajr', 'الفجر'], ['Al Hilal', 'الهلال'], ['Al Majd', 'المجد'],
  ['Ibn Battouta', 'ابن بطوطة'], ['Al Karama', 'الكرامة'], ['Chamal', 'الشمال'], ['Souss', 'سوس'],
  ['Doukkala', 'دكالة'], ['Al Yaqout', 'الياقوت'], ['Al Houria', 'الحرية'], ['Ennasr', 'النصر'],
  ['Al Bahr', 'البحر'], ['Zitouna', 'الزيتونة'],
];
