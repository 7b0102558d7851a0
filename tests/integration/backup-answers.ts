/**
 * Prints, as JSON, what the app answers about one desk: run by backup.integration.test.ts in a
 * process of its own with DATABASE_URL pointing at the original or at the restored database,
 * so the same code reads each. Argument: JSON {actorId, articleId, versionNumber}.
 */
import { db } from "@/lib/db";
import { resolveActor } from "@/lib/users/resolve-actor";
import { getArticle } from "@/lib/articles/get-article";
import { getVersion } from "@/lib/versions/get-version";
import { listVersions } from "@/lib/versions/version-history";
import { listUsers } from "@/lib/users/list-users";
import { listArticles } from "@/lib/articles/list-articles";
import { exportHtml, exportW3c, type ExportContext } from "@/lib/exports";
import type { VersionSnapshot } from "@/lib/versions/snapshot";

const { actorId, articleId, versionNumber } = JSON.parse(process.argv[2] ?? "{}") as { actorId: string; articleId: string; versionNumber: number };
const user = await db.user.findUniqueOrThrow({ where: { id: actorId }, select: { tokenVersion: true } });
const actor = await resolveActor({ userId: actorId, tokenVersion: user.tokenVersion });
if (!actor) throw new Error("no actor");
const context: ExportContext = { baseUrl: "https://desk.example.org", organization: { name: "Factdesk", url: "https://desk.example.org" } };
const version = await getVersion({ articleId, number: versionNumber });
const snapshot = version.snapshot as VersionSnapshot;
const answers = {
  article: await getArticle({ actor, id: articleId }),
  articles: await listArticles({ actor, input: { limit: 100 } }),
  users: await listUsers({ actor, input: { limit: 100 } }),
  versions: await listVersions({ actor, articleId }),
  version,
  html: exportHtml(snapshot, context),
  w3c: exportW3c(snapshot, context),
};
process.stdout.write(JSON.stringify(answers));
await db.$disconnect();
