/** The benchmark's framework floor: not part of the product's API. */
import { z } from "zod";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/bench/floor",
    summary: "Benchmark only: the framework floor of `npm run bench`",
    description:
      "Answers 404 unless the server was started by the benchmark (`FACTDESK_BENCH=1`). Then it does one insert behind the same wrapper as the API, to measure Next.js, authentication and one write without a use case. Not for clients.",
    tags: ["Benchmark only"],
    access: "session",
    responses: {
      201: { description: "One row written.", schema: z.object({ id: z.string() }) },
      404: { description: "The server was not started by the benchmark." },
    },
  }),
];
