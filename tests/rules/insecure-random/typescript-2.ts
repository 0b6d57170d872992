// bastion-fixture: src/server/services/invites.ts
// An invitation token from Math.random: whoever guesses it joins the workspace.
export class InviteService {
  async createInvite(workspaceId: string): Promise<string> {
// expect: insecure-random
    const token = Math.random().toString(36).slice(2);
    await this.db.invites.insert({ workspaceId, token });
    return token;
  }
}
