import arabicRegular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabicSemiBold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinSemiBold from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExtendedRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExtendedSemiBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import type { LabelFontFiles } from './style/label-fonts.ts';

/**
 * The woff2 files of the label fonts, copied into the build by Vite (`?url` gives their hashed,
 * same-origin URL), so labels never depend on a glyph server or a font CDN.
 */
export const LABEL_FONT_FILES: LabelFontFiles = {
  regular: { latin: latinRegular, latinExtended: latinExtendedRegular, arabic: arabicRegular },
  semiBold: { latin: latinSemiBold, latinExtended: latinExtendedSemiBold, arabic: arabicSemiBold },
};
