import { openapi } from "@/app/_lib/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openapi, { headers: { "Cache-Control": "public, max-age=3600" } });
}
