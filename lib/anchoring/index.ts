/**
 * Anchoring (D2): canonical text of article documents, the offset ↔ position map, W3C selectors,
 * plain text → document JSON, and re-anchoring claims on a newer revision. Pure code shared by
 * the server and the browser editor.
 */
export {
  BLOCK_SEPARATOR,
  HARD_BREAK_TEXT,
  InvalidDocumentError,
  canonicalText,
  canonicalTextFromJSON,
  documentFromJSON,
  type Bias,
  type CanonicalText,
} from "./canonical-text";
export {
  DEFAULT_CONTEXT_LENGTH,
  describeRange,
  verifyPosition,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "./selectors";
export {
  docFromPlainText,
  normalizePlainText,
  plainTextParagraphs,
  type DocFromPlainTextOptions,
  type PlainTextBlock,
  type PlainTextDoc,
  type PlainTextInline,
} from "./plain-text-doc";
export {
  DEFAULT_REANCHOR_THRESHOLD,
  MIN_FUZZY_QUOTE_LENGTH,
  reanchor,
  reanchorAll,
  type OrphanReason,
  type ReanchorAnchor,
  type ReanchorOptions,
  type ReanchorResult,
} from "./reanchor";
