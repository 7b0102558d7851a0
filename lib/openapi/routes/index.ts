/**
 * Every documented route, by area. An area file exports `routes: RouteDoc[]`; add a line here
 * for a new area. `lib/openapi/coverage.test.ts` fails when a route file under `app/api/` has
 * a method that no entry describes, or an entry describes no route.
 */
import type { RouteDoc } from "@/lib/openapi/route-doc";
import { routes as accounts } from "@/lib/openapi/routes/accounts";
import { routes as annotations } from "@/lib/openapi/routes/annotations";
import { routes as articles } from "@/lib/openapi/routes/articles";
import { routes as assignments } from "@/lib/openapi/routes/assignments";
import { routes as auth } from "@/lib/openapi/routes/auth";
import { routes as bench } from "@/lib/openapi/routes/bench";
import { routes as claims } from "@/lib/openapi/routes/claims";
import { routes as dashboard } from "@/lib/openapi/routes/dashboard";
import { routes as notifications } from "@/lib/openapi/routes/notifications";
import { routes as reference } from "@/lib/openapi/routes/reference";
import { routes as reviews } from "@/lib/openapi/routes/reviews";
import { routes as search } from "@/lib/openapi/routes/search";
import { routes as triage } from "@/lib/openapi/routes/triage";
import { routes as versions } from "@/lib/openapi/routes/versions";
import { routes as web } from "@/lib/openapi/routes/web";

export const allRoutes: RouteDoc[] = [
  ...articles,
  ...claims,
  ...annotations,
  ...reviews,
  ...search,
  ...assignments,
  ...notifications,
  ...dashboard,
  ...triage,
  ...versions,
  ...web,
  ...accounts,
  ...auth,
  ...reference,
  ...bench,
];
