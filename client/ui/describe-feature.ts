import type { LayerCatalogEntry } from '../api/layer-catalog.ts';
import { COMMON_MESSAGES } from '../i18n/common-messages.ts';
import type { Language } from '../i18n/language.ts';
import { pickLabel } from '../i18n/pick-label.ts';
import { type FormattedValue, formatDate, formatPropertyValue } from './format-value.ts';

/** What the details panel shows for one feature, in one language. */
export interface FeatureDescription {
  /** The feature's name in the language (or the other one), else its first text value, else "Layer no. id". */
  title: string;
  /** The layer's title. */
  layerTitle: string;
  /** Properties in catalog order, labelled and formatted; absent values are left out. */
  rows: { name: string; label: string; value: FormattedValue }[];
}

function textValue(properties: Record<string, unknown>, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const value = properties[name];
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

/**
 * The title of a feature: its name in the language (or the other one), else its first required text that
 * is not personal data (a permit's reference; an inspection is never titled with its inspector's name nor
 * its notes), else its layer and date, else its layer and number.
 */
export function describeTitle(layer: LayerCatalogEntry, properties: Record<string, unknown>, featureId: unknown, language: Language): string {
  if (layer.nameProperties) {
    const [first, second] = language === 'ar' ? [layer.nameProperties.ar, layer.nameProperties.fr] : [layer.nameProperties.fr, layer.nameProperties.ar];
    const name = textValue(properties, first) ?? textValue(properties, second);
    if (name) return name;
  }
  const firstText = layer.properties.find((property) => property.type === 'string' && property.isRequired && !property.isPersonal && textValue(properties, property.name));
  if (firstText) return String(properties[firstText.name]);
  const date = layer.primaryDateProperty ? textValue(properties, layer.primaryDateProperty) : undefined;
  if (date) return COMMON_MESSAGES[language].featureOnDate(pickLabel(layer.title, language), formatDate(date, language));
  const layerTitle = pickLabel(layer.title, language);
  return featureId === undefined ? layerTitle : `${layerTitle} ${COMMON_MESSAGES[language].featureNumber(String(featureId))}`;
}

/** Labels and formats the properties of a clicked feature from the catalog's description of its layer. */
export function describeFeature(
  layer: LayerCatalogEntry,
  properties: Record<string, unknown>,
  featureId: unknown,
  language: Language,
): FeatureDescription {
  const rows = layer.properties.flatMap((property) => {
    // A property tiles do not carry is not known yet until the whole feature arrives: not "unknown".
    if (!property.isInTiles && !Object.hasOwn(properties, property.name)) return [];
    const value = formatPropertyValue(property, properties[property.name], language);
    return value ? [{ name: property.name, label: pickLabel(property.label, language), value }] : [];
  });
  return { title: describeTitle(layer, properties, featureId, language), layerTitle: pickLabel(layer.title, language), rows };
}
