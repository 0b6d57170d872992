// bastion-fixture: internal/users/hash.go
package users

func Hash(password string) [32]byte {
// expect: password-fast-hash
	return sha256.Sum256([]byte(password))
}
