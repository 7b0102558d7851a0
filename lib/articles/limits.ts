/** Size limits of requests that carry a whole article (import, preview, revision). */

/**
 * Largest JSON body of such a request, in bytes: a 2 MB file is 2.7 MB in base64, and a
 * million characters of text can take 3 MB of UTF-8.
 */
export const MAX_ARTICLE_REQUEST_BYTES = 5_000_000;
