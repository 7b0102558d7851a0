/** Which of the offered languages an article is written in (franc, trigram statistics; no model download). */
import { franc } from "franc-min";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, LANGUAGES, type LanguageCode } from "@/lib/articles/languages";

const BY_ISO3: ReadonlyMap<string, LanguageCode> = new Map(LANGUAGE_CODES.map((code) => [LANGUAGES[code].iso3, code]));

/** The language of `text` among LANGUAGES, or English when it cannot tell (short or mixed text). */
export function detectLanguage(text: string): LanguageCode {
  const sample = text.slice(0, 5_000);
  const iso3 = franc(sample, { minLength: 40, only: [...BY_ISO3.keys()] });
  return BY_ISO3.get(iso3) ?? DEFAULT_LANGUAGE;
}
