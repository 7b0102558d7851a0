"use client";

import { useId, useState } from "react";
import { UserPlus } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { AssignmentDTO } from "@/lib/assignments/present";
import type { AssignmentResultDTO } from "@/lib/assignments/assign";
import type { MemberDTO } from "@/lib/users/list-members";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { AssigneeLine } from "@/components/assignments/due-label";

export interface AssignAbilities {
  assign: boolean;
  take: boolean;
  release: boolean;
}

/** `2026-12-08T17:00` in the browser's time zone, for a datetime-local input. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Who is checking an article or a claim, by when, and the controls the caller may use: an
 * editor assigns anyone with an optional due date; a reviewer takes unassigned work or hands
 * back their own. `endpoint` is the `PUT …/assignment` route.
 */
export function AssignmentControl({
  endpoint,
  assignment,
  can,
  viewerId,
  onChanged,
}: {
  endpoint: string;
  assignment: AssignmentDTO | null;
  can: AssignAbilities;
  viewerId: string;
  onChanged: (assignment: AssignmentDTO | null) => void;
}) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [members, setMembers] = useState<MemberDTO[] | null>(null);
  const [assigneeId, setAssigneeId] = useState(assignment?.assignee.id ?? "");
  const [due, setDue] = useState(toLocalInput(assignment?.dueAt ?? null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(body: { assigneeId: string | null; dueAt?: string | null }) {
    setBusy(true);
    setError(null);
    try {
      const result = await api<AssignmentResultDTO>(endpoint, { method: "PUT", body });
      setEditing(false);
      onChanged(result.assignment);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not change the assignment.");
    } finally {
      setBusy(false);
    }
  }

  async function startEditing() {
    setEditing(true);
    setAssigneeId(assignment?.assignee.id ?? "");
    setDue(toLocalInput(assignment?.dueAt ?? null));
    if (members) return;
    try {
      setMembers((await api<{ items: MemberDTO[] }>("/api/members")).items);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not load the desk's members.");
    }
  }

  const mine = assignment?.assignee.id === viewerId;

  return (
    <div className="grid gap-2" data-testid="assignment">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <AssigneeLine assignment={assignment} />
        {!editing ? (
          <span className="flex flex-wrap gap-1.5">
            {can.assign ? (
              <Button variant="secondary" size="sm" onClick={() => void startEditing()}>
                <UserPlus aria-hidden /> {assignment ? "Reassign…" : "Assign…"}
              </Button>
            ) : null}
            {can.take && !can.assign ? (
              <Button variant="secondary" size="sm" disabled={busy} onClick={() => void save({ assigneeId: viewerId })}>
                Take
              </Button>
            ) : null}
            {mine && can.release && !can.assign ? (
              <Button variant="ghost" size="sm" disabled={busy} onClick={() => void save({ assigneeId: null })}>
                Hand back
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>
      {editing ? (
        <form
          className="grid gap-3 rounded-md border border-border bg-canvas p-3"
          onSubmit={(event) => {
            event.preventDefault();
            void save({ assigneeId: assigneeId || null, dueAt: assigneeId && due ? new Date(due).toISOString() : null });
          }}
        >
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-assignee`}>Assignee</Label>
            <Select
              id={`${id}-assignee`}
              value={assigneeId}
              disabled={members === null}
              onChange={(event) => setAssigneeId(event.target.value)}
            >
              <option value="">{members === null ? "Loading…" : "Nobody"}</option>
              {members?.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name} ({member.role})
                </option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-due`}>Due (optional)</Label>
            <Input
              id={`${id}-due`}
              type="datetime-local"
              value={due}
              disabled={!assigneeId}
              onChange={(event) => setDue(event.target.value)}
            />
          </div>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy || members === null}>
              Save assignment
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </div>
  );
}
