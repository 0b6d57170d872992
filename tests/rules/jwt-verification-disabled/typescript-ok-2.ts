// bastion-fixture: packages/plugins/public-forms/src/server/plugin.ts
// ok: jwt-verification-disabled
// `authManager.jwt` is the app's own JWT service, whose `decode` verifies the signature.
export class PublicFormsPlugin {
  async decodeCookie(value: string | null, req: any, next: () => void) {
    if (!value) {
      return null;
    }
    const decoded = await this.app.authManager.jwt.decode(value);
    req.user = decoded.sub;
    next();
    return decoded;
  }
}
