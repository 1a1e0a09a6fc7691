import { useI18n } from '../i18n/i18n-context.tsx';
import { type Language, LANGUAGES, textDirectionOf } from '../i18n/language.ts';

interface LanguageSwitcherProps {
  /** Accessible name of the group ("Langue"). */
  label: string;
  onChange: (language: Language) => void;
}

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

/** One button per language, each named in its own language and script. */
export function LanguageSwitcher({ label, onChange }: LanguageSwitcherProps) {
  const { language: current } = useI18n();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{label}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          dir={textDirectionOf(language)}
          className="language-switcher__button"
          aria-pressed={language === current}
          data-language={language}
          onClick={() => onChange(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
