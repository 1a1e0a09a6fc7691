import { describe, expect, it } from 'vitest';
import { splitByScript } from './split-by-script.ts';

describe('splitByScript', () => {
  it.each([
    ['Boulevard du Golan شارع الجولان', 'Boulevard du Golan', 'شارع الجولان'],
    ['Boulevard Mohammed VI شارع محمد السادس', 'Boulevard Mohammed VI', 'شارع محمد السادس'],
    ['شارع القدس Boulevard Al Qods', 'Boulevard Al Qods', 'شارع القدس'],
    ['Rue 12 زنقة 12', 'Rue 12', 'زنقة 12'],
    ['12 rue des Écoles', '12 rue des Écoles', null],
    ['طريق مديونة', null, 'طريق مديونة'],
    ['Place Bel Air - ساحة الهواء الجميل', 'Place Bel Air', 'ساحة الهواء الجميل'],
    ['  ', null, null],
  ])('%s', (text, latin, arabic) => {
    expect(splitByScript(text)).toEqual({ latin, arabic });
  });
});
