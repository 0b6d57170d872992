// bastion-fixture: internal/crypto/seal.go
package crypto

// expect: weak-cipher
func seal(k []byte) { b, _ := des.NewCipher(k); _ = b }
