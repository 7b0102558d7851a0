"use client";

import { useRouter } from "next/navigation";
import type { AssignmentDTO } from "@/lib/assignments/present";
import { AssignmentControl } from "@/components/assignments/assignment-control";

/** The article's assignee and due date under its title; editors change them here. */
export function ArticleAssignment({
  articleId,
  assignment,
  canAssign,
  viewerId,
}: {
  articleId: string;
  assignment: AssignmentDTO | null;
  canAssign: boolean;
  viewerId: string;
}) {
  const router = useRouter();
  if (!assignment && !canAssign) return null;
  return (
    <div className="mt-3 max-w-md" data-testid="article-assignment">
      <AssignmentControl
        endpoint={`/api/articles/${articleId}/assignment`}
        assignment={assignment}
        can={{ assign: canAssign, take: false, release: canAssign }}
        viewerId={viewerId}
        onChanged={() => router.refresh()}
      />
    </div>
  );
}
