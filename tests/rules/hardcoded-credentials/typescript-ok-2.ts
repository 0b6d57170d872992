// bastion-fixture: server/src/cli/options.ts
// ok: hardcoded-credentials
import { Command } from 'commander';

// The help text of the command-line options, shown by `--help`.
const passwordHelp = 'Password of the admin account to create';
const apiTokenDescription = 'Token used to call the upstream API';

export const program = new Command()
  .option('--password <password>', passwordHelp)
  .option('--api-token <token>', apiTokenDescription);
