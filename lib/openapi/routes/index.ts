/**
 * Every documented route, by area. An area file exports `routes: RouteDoc[]`; add a line here
 * for a new area. `tests/openapi/` fails when a route file under `app/api/` has a method that
 * no entry describes.
 */
import type { RouteDoc } from "@/lib/openapi/route-doc";
import { routes as search } from "@/lib/openapi/routes/search";

export const allRoutes: RouteDoc[] = [...search];
