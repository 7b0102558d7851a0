/** Which notifications a person wants, and how by email. */
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { EMAIL_MODES, NOTIFICATION_KINDS, type EmailMode } from "@/lib/notifications/kinds";
import { NotificationSettingsInput } from "@/lib/notifications/schemas";
import type { NotificationSettingsDTO } from "@/lib/notifications/present";

function present(row: { disabledKinds: string[]; emailMode: string } | null): NotificationSettingsDTO {
  const off = new Set(row?.disabledKinds ?? []);
  const email = (EMAIL_MODES as readonly string[]).includes(row?.emailMode ?? "") ? (row!.emailMode as EmailMode) : "immediate";
  return {
    kinds: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, !off.has(kind)])) as NotificationSettingsDTO["kinds"],
    email,
  };
}

/** `actor`'s settings: every kind on and email immediate until they change them. */
export async function getNotificationSettings({ actor }: { actor: Actor | null }): Promise<NotificationSettingsDTO> {
  assertCan(actor, "account.notifications");
  const row = await db.notificationSettings.findUnique({ where: { userId: actor.id }, select: { disabledKinds: true, emailMode: true } });
  return present(row);
}

/** Replaces `actor`'s settings (`{kinds: {mention: true, …}, email}`), audited. */
export async function updateNotificationSettings({ actor, input }: { actor: Actor | null; input: unknown }): Promise<NotificationSettingsDTO> {
  assertCan(actor, "account.notifications");
  const data = parseInput(NotificationSettingsInput, input);
  const disabledKinds = NOTIFICATION_KINDS.filter((kind) => !data.kinds[kind]);
  return db.$transaction(async (tx) => {
    const row = await tx.notificationSettings.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, disabledKinds, emailMode: data.email },
      update: { disabledKinds, emailMode: data.email },
      select: { disabledKinds: true, emailMode: true },
    });
    await recordEvent(tx, {
      actor,
      action: "notification_settings.updated",
      targetType: "user",
      targetId: actor.id,
      after: { disabledKinds, email: data.email },
    });
    return present(row);
  });
}
