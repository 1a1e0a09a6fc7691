import { useI18n } from '../i18n/i18n-context.tsx';
import { type Language, LANGUAGES, textDirectionOf } from '../i18n/language.ts';

interface LanguageSwitcherProps {
  onChange: (language: Language) => void;
}

/** One button per language, each named in its own language and script. */
export function LanguageSwitcher({ onChange }: LanguageSwitcherProps) {
  const { language: current, messages } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={messages.languageLabel}>
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
          {messages.languageNames[language]}
        </button>
      ))}
    </div>
  );
}
