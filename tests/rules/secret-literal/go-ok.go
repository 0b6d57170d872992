// bastion-fixture: internal/users/handlers.go
// ok: secret-literal
package users

// Handlers copy and clear secret fields; none of these right-hand sides is a value
// written into the source.
func publicView(u User, k Key) (User, string) {
	u.Password = null.String{}
	secretName := k.Name
	apiKey = strings.TrimPrefix(k.Name, "secret.")
	return u, secretName + apiKey
}
