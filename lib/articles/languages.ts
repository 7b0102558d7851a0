/**
 * An article's language: ISO 639-1, chosen at import or detected from the text, English when
 * neither says. It picks the PostgreSQL text search configuration (factdesk_ts_config in the
 * desk_memory migration: a stemmer where PostgreSQL has one, `simple` otherwise) and is the
 * ClaimReview `inLanguage`. The list, shared by the import form
 * and the server; detection is lib/articles/detect-language.ts (server only).
 */
export const DEFAULT_LANGUAGE = "en";

/** The languages offered at import, by name; `stemmed` where PostgreSQL has a stemmer. */
export const LANGUAGES = {
  ar: { name: "Arabic", iso3: "arb", stemmed: true },
  ca: { name: "Catalan", iso3: "cat", stemmed: true },
  cs: { name: "Czech", iso3: "ces", stemmed: false },
  da: { name: "Danish", iso3: "dan", stemmed: true },
  de: { name: "German", iso3: "deu", stemmed: true },
  el: { name: "Greek", iso3: "ell", stemmed: true },
  en: { name: "English", iso3: "eng", stemmed: true },
  es: { name: "Spanish", iso3: "spa", stemmed: true },
  fi: { name: "Finnish", iso3: "fin", stemmed: true },
  fr: { name: "French", iso3: "fra", stemmed: true },
  hi: { name: "Hindi", iso3: "hin", stemmed: true },
  hu: { name: "Hungarian", iso3: "hun", stemmed: true },
  id: { name: "Indonesian", iso3: "ind", stemmed: true },
  it: { name: "Italian", iso3: "ita", stemmed: true },
  ja: { name: "Japanese", iso3: "jpn", stemmed: false },
  ko: { name: "Korean", iso3: "kor", stemmed: false },
  lt: { name: "Lithuanian", iso3: "lit", stemmed: true },
  nl: { name: "Dutch", iso3: "nld", stemmed: true },
  no: { name: "Norwegian", iso3: "nob", stemmed: true },
  pl: { name: "Polish", iso3: "pol", stemmed: false },
  pt: { name: "Portuguese", iso3: "por", stemmed: true },
  ro: { name: "Romanian", iso3: "ron", stemmed: true },
  ru: { name: "Russian", iso3: "rus", stemmed: true },
  sr: { name: "Serbian", iso3: "srp", stemmed: true },
  sv: { name: "Swedish", iso3: "swe", stemmed: true },
  ta: { name: "Tamil", iso3: "tam", stemmed: true },
  tr: { name: "Turkish", iso3: "tur", stemmed: true },
  uk: { name: "Ukrainian", iso3: "ukr", stemmed: false },
  zh: { name: "Chinese", iso3: "cmn", stemmed: false },
} as const;

export type LanguageCode = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as LanguageCode[];
