import type { Random } from './random.ts';

/**
 * Fictitious people for the personal-data columns (applicants, operators, inspectors). Names are drawn
 * from common Moroccan first and family names and combined at random: they designate no real person.
 * Phone numbers use the +212 6 mobile range with random digits; e-mail addresses use the reserved-style
 * domain exemple.ma so that nothing can ever be sent to a real mailbox.
 */
const FIRST_NAMES = [
  'Mohamed', 'Fatima Zahra', 'Youssef', 'Khadija', 'Ahmed', 'Salma', 'Omar', 'Nadia', 'Hicham', 'Imane',
  'Rachid', 'Samira', 'Karim', 'Leila', 'Hamza', 'Meryem', 'Anas', 'Sanae', 'Mehdi', 'Hajar', 'Yassine',
  'Zineb', 'Abdelilah', 'Houda', 'Said', 'Naima', 'Mustapha', 'Asmae', 'Reda', 'Kawtar', 'Adil', 'Loubna',
  'Tarik', 'Ghita', 'Driss', 'Souad', 'Ayoub', 'Malika', 'Amine', 'Rajae',
] as const;

const FAMILY_NAMES = [
  'Benali', 'El Idrissi', 'Alaoui', 'Bennani', 'Tazi', 'Berrada', 'Chraibi', 'El Amrani', 'Lahlou',
  'Benjelloun', 'Ouazzani', 'El Fassi', 'Sqalli', 'Kettani', 'Bouzid', 'Naciri', 'Lamrani', 'El Mansouri',
  'Hajji', 'Rami', 'Saidi', 'Ziani', 'Cherkaoui', 'Filali', 'Bouhaddou', 'El Khatib', 'Moussaoui', 'Tahiri',
  'Benkirane', 'Ait Ouahmane', 'Amzil', 'Ouchen', 'El Ghazi', 'Skalli', 'Bakkali', 'Zerouali',
] as const;

const COMPANY_WORDS = [
  'Atlas', 'Anfa', 'Al Baraka', 'Dar Essalam', 'Les Jardins', 'Oasis', 'Al Manar', 'Horizon', 'Nakhil',
  'Yasmine', 'Bouskoura', 'Zenata', 'Al Amal', 'Chaouia', 'Océan',
] as const;

const COMPANY_TRADES = ['Bâtiment', 'Immobilier', 'Promotion', 'Travaux', 'Services', 'Distribution', 'Négoce'] as const;

/** A person: given name then family name. */
export interface Person {
  firstName: string;
  familyName: string;
  fullName: string;
}

export function randomPerson(random: Random): Person {
  const firstName = random.pick(FIRST_NAMES);
  const familyName = random.pick(FAMILY_NAMES);
  return { firstName, familyName, fullName: `${firstName} ${familyName}` };
}

/** A company name in the usual Moroccan legal forms (SARL, SA, SNC). */
export function randomCompany(random: Random): string {
  return `${random.pick(['SARL', 'SARL', 'SA', 'SNC'])} ${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_TRADES)}`;
}

/** A mobile number written the way people write it: +212 6XX XX XX XX. */
export function randomMobilePhone(random: Random): string {
  const digits = () => String(random.int(0, 99)).padStart(2, '0');
  return `+212 6${random.int(10, 99)} ${digits()} ${digits()} ${digits()}`;
}

/** ASCII-only, dotted e-mail address for a name, on the exemple.ma domain. */
export function emailFor(name: string, random: Random): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}${random.chance(0.4) ? random.int(1, 99) : ''}@exemple.ma`;
}
