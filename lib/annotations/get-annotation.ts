/** One annotation, if the asking user may see it. */
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import type { AnnotationDTO } from "@/lib/claims/present";
import { annotationNotFound, visibleAnnotationWhere } from "@/lib/annotations/access";
import { annotationSelect, presentAnnotation } from "@/lib/annotations/present-annotation";

/** The annotation; `not_found` when it does not exist or is someone else's draft. */
export async function getAnnotation({ actor, annotationId }: { actor: Actor | null; annotationId: string }): Promise<AnnotationDTO> {
  assertCan(actor, "article.read");
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, ...visibleAnnotationWhere(actor) },
    select: annotationSelect,
  });
  if (!annotation) throw await annotationNotFound(annotationId);
  return presentAnnotation(annotation, actor);
}
