/**
 * Every documented route, by area. An area file exports `routes: RouteDoc[]`; add a line here
 * for a new area. `tests/openapi/` fails when a route file under `app/api/` has a method that
 * no entry describes.
 */
import type { RouteDoc } from "@/lib/openapi/route-doc";
import { routes as web } from "@/lib/openapi/routes/web";

export const allRoutes: RouteDoc[] = [...web];
