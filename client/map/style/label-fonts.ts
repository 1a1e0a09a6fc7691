import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';
import { toAbsoluteUrl } from './absolute-url.ts';

/**
 * Map label fonts, drawn from woff2 files shipped with the app (no glyph server, no font CDN: the map
 * renders offline and identically on every machine). MapLibre's `font-faces` maps a font name used in
 * `text-font` to files, each covering a Unicode range; the first file that covers a character draws it.
 */

/** Font names used in `text-font`. */
export const LABEL_FONT = 'Noto Sans Regular';
export const LABEL_FONT_BOLD = 'Noto Sans SemiBold';

/** URLs of the woff2 files of one weight: Latin, Latin Extended (French accents, transliterations), Arabic. */
export interface FontFileUrls {
  latin: string;
  latinExtended: string;
  arabic: string;
}

/** Ranges of the @fontsource subsets (the same ranges their CSS declares). */
const LATIN_RANGES = [
  'U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329',
  'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD',
];
const LATIN_EXTENDED_RANGES = [
  'U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF',
  'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF',
];
/** Arabic letters, supplements, presentation forms and the joiners (ZWNJ, ZWJ, LRM) Arabic text uses. */
const ARABIC_RANGES = [
  'U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+0890-0891', 'U+0897-08E1', 'U+08E3-08FF', 'U+200C-200E',
  'U+FB50-FDFF', 'U+FE70-FE74', 'U+FE76-FEFC',
];

/** The regular and semi-bold files of the label fonts. */
export interface LabelFontFiles {
  regular: FontFileUrls;
  semiBold: FontFileUrls;
}

/**
 * The style's `font-faces` for the regular and semi-bold label fonts, with absolute URLs on the app's
 * origin. Arabic comes first so that the joiners it shares with the Latin punctuation range are drawn by
 * the Arabic font.
 */
export function buildLabelFontFaces({ regular, semiBold }: LabelFontFiles, origin: string): FontFacesSpecification {
  const faces = (urls: FontFileUrls) => [
    { url: toAbsoluteUrl(urls.arabic, origin), 'unicode-range': ARABIC_RANGES },
    { url: toAbsoluteUrl(urls.latin, origin), 'unicode-range': LATIN_RANGES },
    { url: toAbsoluteUrl(urls.latinExtended, origin), 'unicode-range': LATIN_EXTENDED_RANGES },
  ];
  return { [LABEL_FONT]: faces(regular), [LABEL_FONT_BOLD]: faces(semiBold) };
}
