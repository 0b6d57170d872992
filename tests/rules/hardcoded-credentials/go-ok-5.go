// bastion-fixture: internal/settings/view.go
// ok: hardcoded-credentials
package settings

// What the settings page shows in place of a saved secret: a mask, not a credential.
const maskedSecret = "●●●●●●●●"

func Display(saved string) string {
	if saved == "" {
		return ""
	}
	return maskedSecret
}
