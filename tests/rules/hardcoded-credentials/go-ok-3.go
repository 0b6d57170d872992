// bastion-fixture: internal/cli/flags.go
// ok: hardcoded-credentials
package cli

// Names of templates and the help text of flags: words about passwords, not passwords.
const (
	TplForgotPassword     = "forgot-password-email"
	flagResetPasswordHelp = "Reset the password of a user"
	tokenUsage            = "Print an API token for a user"
)
