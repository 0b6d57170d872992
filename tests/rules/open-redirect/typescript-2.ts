// bastion-fixture: src/app/api/login/route.ts
// The base is the client's choice: any host.
export async function GET(req: Request) {
  const url = new URL(req.url);
  const base = url.searchParams.get("base") ?? "";
// expect: open-redirect
  return Response.redirect(new URL("/welcome", base).toString());
}

export async function POST(req: Request) {
  const url = new URL(req.url);
// expect: open-redirect
  return Response.redirect(new URL(url.searchParams.get("next") ?? "/", url.origin).toString());
}
