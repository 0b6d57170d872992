// bastion-fixture: internal/crypto/seal.go
// ok: weak-cipher
package crypto

func seal(k []byte) { b, _ := aes.NewCipher(k); _ = b }
