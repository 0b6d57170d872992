// bastion-fixture: internal/users/hash.go
// ok: password-fast-hash
package users

func ETag(body []byte) [32]byte { return sha256.Sum256(body) }
func Hash(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), 12)
}
