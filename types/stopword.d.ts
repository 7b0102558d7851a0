/** The part of `stopword` (which ships no types) that lib/matching uses: per-language word lists. */
declare module "stopword" {
  export const eng: readonly string[];
}
