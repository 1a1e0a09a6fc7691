/** A street name in French and Arabic. */
export interface StreetName {
  fr: string;
  ar: string;
}

/**
 * Names given to the generated local streets of the central neighbourhoods. They are names common in
 * Casablanca's street naming (scholars, historical figures, Moroccan cities, rivers), but the sample puts
 * them on a generated grid: a street called so in the sample is not the real street of that name.
 */
export const LOCAL_STREET_NAMES: readonly StreetName[] = [
  { fr: 'Rue Ibnou Khaldoun', ar: 'زنقة ابن خلدون' },
  { fr: 'Rue Al Moutanabbi', ar: 'زنقة المتنبي' },
  { fr: 'Rue Tarik Ibn Ziad', ar: 'زنقة طارق بن زياد' },
  { fr: 'Rue Ibn Batouta', ar: 'زنقة ابن بطوطة' },
  { fr: 'Rue Ibn Rochd', ar: 'زنقة ابن رشد' },
  { fr: 'Rue Ibn Sina', ar: 'زنقة ابن سينا' },
  { fr: 'Rue El Farabi', ar: 'زنقة الفارابي' },
  { fr: 'Rue Al Kindi', ar: 'زنقة الكندي' },
  { fr: 'Rue Abou Bakr Seddik', ar: 'زنقة أبو بكر الصديق' },
  { fr: 'Rue Omar Ibn El Khattab', ar: 'زنقة عمر بن الخطاب' },
  { fr: 'Rue Moussa Ibn Noussair', ar: 'زنقة موسى بن نصير' },
  { fr: 'Rue Allal Ben Abdellah', ar: 'زنقة علال بن عبد الله' },
  { fr: 'Rue Tahar Sebti', ar: 'زنقة الطاهر السبتي' },
  { fr: 'Rue Mohamed El Qorri', ar: 'زنقة محمد القري' },
  { fr: 'Rue Abdelkrim Diouri', ar: 'زنقة عبد الكريم الديوري' },
  { fr: 'Rue Mustapha El Maani', ar: 'زنقة مصطفى المعاني' },
  { fr: 'Rue Jaber Ibn Hayane', ar: 'زنقة جابر بن حيان' },
  { fr: 'Rue de Fès', ar: 'زنقة فاس' },
  { fr: 'Rue de Tanger', ar: 'زنقة طنجة' },
  { fr: 'Rue de Marrakech', ar: 'زنقة مراكش' },
  { fr: "Rue d'Agadir", ar: 'زنقة أكادير' },
  { fr: 'Rue de Meknès', ar: 'زنقة مكناس' },
  { fr: "Rue d'Oujda", ar: 'زنقة وجدة' },
  { fr: 'Rue de Tétouan', ar: 'زنقة تطوان' },
  { fr: "Rue d'Ifrane", ar: 'زنقة إفران' },
  { fr: 'Rue de Safi', ar: 'زنقة آسفي' },
  { fr: "Rue d'Essaouira", ar: 'زنقة الصويرة' },
  { fr: 'Rue de Larache', ar: 'زنقة العرائش' },
  { fr: 'Rue de Taza', ar: 'زنقة تازة' },
  { fr: 'Rue de Figuig', ar: 'زنقة فجيج' },
  { fr: 'Rue Soumaya', ar: 'زنقة سمية' },
  { fr: 'Rue Bachir Laalej', ar: 'زنقة بشير العلج' },
  { fr: 'Rue Ahmed Touki', ar: 'زنقة أحمد التوكي' },
  { fr: 'Rue Najib Mahfoud', ar: 'زنقة نجيب محفوظ' },
  { fr: 'Rue Oued Ziz', ar: 'زنقة واد زيز' },
  { fr: 'Rue Oued Draa', ar: 'زنقة واد درعة' },
  { fr: 'Rue Oued Moulouya', ar: 'زنقة واد ملوية' },
  { fr: 'Rue Al Khalil', ar: 'زنقة الخليل' },
  { fr: 'Rue Chella', ar: 'زنقة شالة' },
  { fr: 'Rue Al Imam Malik', ar: 'زنقة الإمام مالك' },
  { fr: 'Rue Ibnou Mounir', ar: 'زنقة ابن منير' },
  { fr: 'Rue Al Bakri', ar: 'زنقة البكري' },
  { fr: 'Rue Ibn Al Haitham', ar: 'زنقة ابن الهيثم' },
  { fr: 'Rue Al Idrissi', ar: 'زنقة الإدريسي' },
  { fr: 'Rue Ibn Zaidoun', ar: 'زنقة ابن زيدون' },
  { fr: 'Rue Al Mansour Addahbi', ar: 'زنقة المنصور الذهبي' },
  { fr: 'Rue Lalla Aicha', ar: 'زنقة للا عائشة' },
  { fr: 'Rue Mohamed Abdou', ar: 'زنقة محمد عبده' },
];

/**
 * A numbered street ("Rue 12" / "الزنقة 12"), the usual naming of the planned housing estates of the
 * outer arrondissements.
 */
export function numberedStreet(number: number): StreetName {
  return { fr: `Rue ${number}`, ar: `الزنقة ${number}` };
}
