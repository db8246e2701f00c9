import { handle, reply } from "@/app/_lib/respond";
import { readQuery } from "@/app/_lib/api/request";
import { routes } from "@/app/_lib/api/routes";
import { healthSchema } from "@/app/_lib/api/schemas";

/** GET /api/v1/health: a constant answer, for load balancers and as the framework's ceiling in bench/api. */
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handle(() => {
    readQuery(req, routes["/api/v1/health"].get.query);
    return reply(healthSchema, { ok: true }, "no-store");
  });
}
