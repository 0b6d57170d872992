// bastion-fixture: src/app/api/oauth/authorize/route.ts
// ok: open-redirect
// A fixed path on the request's own origin: the browser stays on the site it asked.
export async function GET(req: Request) {
  const url = new URL(req.url);
  const id = url.searchParams.get("pending");
  const loginUrl = new URL("/auth/login", url.origin);
  loginUrl.searchParams.set("callbackUrl", `/api/oauth/authorize?pending=${id}`);
  return Response.redirect(loginUrl.toString());
}

