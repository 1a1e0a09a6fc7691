import pg from 'pg';
import type { Labels, LayerDefinition } from '../layers/layer-definition.ts';
import { toJsonPointer } from '../layers/property-validation.ts';
import type { LayerRegistry } from '../layers/registry.ts';
import { ruleOfConstraint } from '../layers/row-checks.ts';
import { type ImportIssue, labels } from './import-issue.ts';

/** Data exceptions (22xxx) and integrity violations (23xxx): the row's fault, not the server's. */
export function isDataError(error: unknown): error is pg.DatabaseError {
  return error instanceof pg.DatabaseError && typeof error.code === 'string' && /^2[23]/.test(error.code);
}

/** Which row of the import a refusal is about: a feature of the file, a derived parent, or a feature already in the layer. */
export interface RefusedRow {
  featureIndex?: number;
  derivedLink?: string;
  existingId?: number;
}

/** PostgreSQL names a one-column CHECK `<table>_<column>_check`; the rest name the column in their detail. */
function refusedColumn(error: pg.DatabaseError, layer: LayerDefinition): string | undefined {
  if (error.column) return error.column;
  const keyed = /^Key \(([^)]+)\)/.exec(error.detail ?? '')?.[1];
  if (keyed && !keyed.includes(',')) return keyed;
  const columns = [...Object.values(layer.properties).map((property) => property.column), layer.geometry.column];
  return columns.find((column) => error.constraint === `${layer.table.name}_${column}_check`);
}

function where(row: RefusedRow): Pick<ImportIssue, 'featureIndex'> & { prefix: Labels } {
  if (row.featureIndex !== undefined) return { featureIndex: row.featureIndex, prefix: labels('', '', '') };
  if (row.derivedLink !== undefined) return { prefix: labels(`zone parente dérivée « ${row.derivedLink} » : `, `المنطقة الأم المشتقة « ${row.derivedLink} »: `, `derived parent "${row.derivedLink}": `) };
  return { prefix: labels(`objet ${row.existingId} de la couche : `, `الكائن ${row.existingId} من الطبقة: `, `feature ${row.existingId} of the layer: `) };
}

function joined(prefix: Labels, text: Labels): Labels {
  return labels(prefix.fr + text.fr, prefix.ar + text.ar, prefix.en + text.en);
}

/**
 * A database refusal as an issue of one row, in the registry's words: a pointer at the property, the
 * property as `field`, what the rule asks and how to put it right. Never the SQL text of a constraint nor
 * the database's own message (which repeats the row, personal data and geometry included).
 */
export function refusalIssue(error: pg.DatabaseError, row: RefusedRow, layer: LayerDefinition, registry: LayerRegistry): ImportIssue {
  const { prefix, ...at } = where(row);
  const rule = ruleOfConstraint(layer, error.constraint);
  const column = refusedColumn(error, layer);
  const name = rule?.properties[0] ?? Object.entries(layer.properties).find(([, property]) => property.column === column)?.[0];
  const property = name ? layer.properties[name] : undefined;
  const pointer = name ? toJsonPointer('properties', name) : column === layer.geometry.column ? '/geometry' : '';
  const label = property ? `${property.label.fr} (${name})` : '';
  const make = (message: Labels, hint: Labels, code: ImportIssue['code'] = 'database-rule'): ImportIssue => ({
    ...at, pointer, ...(name ? { field: name } : {}), code, message: joined(prefix, message), hint,
  });
  if (rule) {
    return make(rule.message, labels(`corrigez ${rule.properties.join(' ou ')}`, `صحّح ${rule.properties.join(' أو ')}`, `correct ${rule.properties.join(' or ')}`), 'row-rule');
  }
  if (pointer === '/geometry') {
    return make(
      labels('la géométrie est refusée par la base (invalide selon PostGIS ou d’un autre type)', 'رفضت قاعدة البيانات الشكل الهندسي (غير صالح حسب PostGIS أو من نوع آخر)', 'the geometry is refused by the database (invalid according to PostGIS, or of another type)'),
      labels('corrigez la géométrie dans la source (QGIS : Réparer les géométries)', 'صحّح الشكل الهندسي في المصدر (QGIS: إصلاح الأشكال الهندسية)', 'repair the geometry in the source (QGIS: Fix geometries)'),
    );
  }
  switch (error.code) {
    case '23505':
      return make(
        labels(`${label} : cette valeur est déjà celle d’un autre objet de la couche`, `${name ?? ''}: هذه القيمة لكائن آخر في الطبقة`, `${name ?? 'value'}: this value already belongs to another feature of the layer`),
        labels('--key <attribut> met à jour les objets d’un import précédent ; --replace remplace le contenu de la couche', '--key <attribut> يحدّث كائنات استيراد سابق؛ --replace يستبدل محتوى الطبقة', '--key <attribute> updates the features of an earlier import; --replace swaps the layer’s content'),
      );
    case '23503': {
      const dependent = /referenced from table "([^"]+)"/.exec(error.detail ?? '')?.[1];
      if (dependent) {
        const other = registry.layers.find((candidate) => candidate.table.name === dependent)?.id ?? dependent;
        return make(
          labels(`des objets de la couche ${other} s’y rattachent : il ne peut être retiré`, `كائنات من الطبقة ${other} مرتبطة به: لا يمكن حذفه`, `features of layer ${other} refer to it: it cannot be removed`),
          labels(`retirez ou déplacez d’abord ces objets, ou importez sans --replace ni --retire-missing`, `احذف هذه الكائنات أو انقلها أولًا، أو استورد دون --replace و --retire-missing`, `remove or move those features first, or import without --replace or --retire-missing`),
          'dependent-features',
        );
      }
      return make(
        labels(`${label} : l’objet désigné n’existe pas`, `${name ?? ''}: الكائن المشار إليه غير موجود`, `${name ?? 'reference'}: the feature it names does not exist`),
        labels('donnez l’identifiant d’un objet existant', 'أعط معرف كائن موجود', 'give the id of an existing feature'),
      );
    }
    case '23502':
      return make(
        labels(`${label} : valeur obligatoire`, `${name ?? ''}: قيمة إلزامية`, `${name ?? 'value'}: a value is required`),
        labels(`associez-lui un attribut (--map attribut=${name ?? 'propriété'}) ou donnez-la (--set ${name ?? 'propriété'}=valeur)`, `اربطها بخاصية (--map attribut=${name ?? 'propriété'}) أو أعطها (--set ${name ?? 'propriété'}=valeur)`, `map an attribute to it (--map attribute=${name ?? 'property'}) or give it (--set ${name ?? 'property'}=value)`),
      );
    default:
      return make(
        labels(`${label || 'valeur'} : refusée par une règle de la couche`, `${name ?? 'القيمة'}: رفضتها قاعدة من قواعد الطبقة`, `${name ?? 'value'}: refused by a rule of the layer`),
        labels('comparez la valeur à la description de la couche (GET /api/layers)', 'قارن القيمة بوصف الطبقة (GET /api/layers)', 'compare the value with the layer’s description (GET /api/layers)'),
      );
  }
}

/** Refused rows found per statement at most: enough to see the pattern, bounded in time. */
const DIAGNOSED_ROWS = 100;

/**
 * Runs one statement over items, under a savepoint, inside the caller's transaction. When the database
 * refuses it for a row's data, the items are tried one at a time (each under its own savepoint) to find
 * which rows it refuses and why; the caller then rolls everything back. Other errors are rethrown.
 */
export async function runDiagnosed<T>(
  client: pg.ClientBase,
  text: string,
  items: readonly T[],
  parameter: (items: readonly T[]) => unknown,
): Promise<{ rows: Record<string, unknown>[] } | { refusals: { error: pg.DatabaseError; item: T }[] }> {
  await client.query('SAVEPOINT import_statement');
  try {
    const result = await client.query(text, [parameter(items)]);
    await client.query('RELEASE SAVEPOINT import_statement');
    return { rows: result.rows };
  } catch (error) {
    if (!isDataError(error)) throw error;
    await client.query('ROLLBACK TO SAVEPOINT import_statement');
  }
  const refusals: { error: pg.DatabaseError; item: T }[] = [];
  for (const item of items) {
    await client.query('SAVEPOINT import_row');
    try {
      await client.query(text, [parameter([item])]);
      await client.query('RELEASE SAVEPOINT import_row');
    } catch (error) {
      if (!isDataError(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT import_row');
      refusals.push({ error, item });
      if (refusals.length >= DIAGNOSED_ROWS) break;
    }
  }
  return { refusals };
}
