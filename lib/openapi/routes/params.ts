/** Path parameters shared by the area files. */
import { z } from "zod";

const id = (what: string) => z.string().meta({ description: `The ${what}'s id.` });

export const ArticleIdParams = z.object({ id: id("article") });
export const ClaimIdParams = z.object({ id: id("claim") });
export const AnnotationIdParams = z.object({ id: id("annotation") });
export const UserIdParams = z.object({ id: id("account") });
export const TokenIdParams = z.object({ id: id("access token") });
export const RevisionParams = z.object({
  id: id("article"),
  n: z.string().regex(/^\d+$/).meta({ description: "The revision's number (1, 2, …)." }),
});
export const VersionParams = z.object({
  id: id("article"),
  n: z.string().regex(/^[1-9]\d*$/).meta({ description: "The published version's number (1, 2, …)." }),
});
