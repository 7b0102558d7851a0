/**
 * A person's live channel. Notifications travel on the same LISTEN/NOTIFY channel as article
 * changes (lib/live), under a key that no article id can take (ids never contain a colon).
 */
export function userChannelKey(userId: string): string {
  return `user:${userId}`;
}
