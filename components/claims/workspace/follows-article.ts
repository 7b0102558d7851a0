"use client";

import { createContext, useContext } from "react";

/**
 * Whether the components below sit on an article page that follows the article's change
 * stream (D9, `useLiveArticle`): there, a claim's annotations are read again whenever a change
 * touches them, so a component need not poll for news of its own (a source's archived copy).
 * Elsewhere (the review queue) it is false.
 */
export const FollowsArticle = createContext(false);

export function useFollowsArticle(): boolean {
  return useContext(FollowsArticle);
}
