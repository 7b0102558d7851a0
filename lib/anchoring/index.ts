/**
 * Anchoring (D2): canonical text of article documents, the offset ↔ position map, W3C selectors,
 * and plain text → document JSON. Pure code shared by the server and the browser editor.
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
